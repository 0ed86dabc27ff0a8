#include "DerivationsPanel.h"

#include "common/AppContext.h"
#include "common/TimeFormat.h"
#include "store/StoreHost.h"

#include "common/Colours.h"
#include "derivations/DerivationActions.h"
#include "derivations/Handoff.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ops::ui {

using colours::kAmber;
using colours::kGreen;
using colours::kRed;

namespace {

const char *kGray = "#6b6b6b";

// The colour and words of a record's state, as a reviewer reads them.
std::pair<QString, QString> statusLook(const RecordState &s) {
    const bool inf = s.record.isInfeasible();
    switch (s.status) {
    case RecordStatus::Signed:
        return {QLatin1String(kGreen),
                inf ? DerivationsPanel::tr("✔ signed · typed INFEASIBLE") : DerivationsPanel::tr("✔ signed")};
    case RecordStatus::Accepted:
        return {QLatin1String(kAmber), DerivationsPanel::tr("accepted · to sign")};
    case RecordStatus::InReview:
        return {QLatin1String(kAmber), DerivationsPanel::tr("in review")};
    case RecordStatus::Rejected:
        return {QLatin1String(kRed), DerivationsPanel::tr("✘ rejected")};
    case RecordStatus::Superseded:
        return {QLatin1String(kGray), DerivationsPanel::tr("superseded by %1").arg(s.supersededBy)};
    case RecordStatus::Invalidated:
        return {QLatin1String(kGray), DerivationsPanel::tr("invalidated")};
    }
    return {QLatin1String(kGray), QString()};
}

QString fieldText(const JsonValue &v) {
    if (v.isString())
        return v.toQString();
    if (v.isNull())
        return QString();
    if (v.isArray()) {
        QStringList parts;
        for (const JsonValue &x : v.toArray())
            parts << fieldText(x);
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject()) {
        QStringList parts;
        for (const auto &[k, x] : v.toObject())
            parts << QString::fromStdString(k) + QStringLiteral(": ") + fieldText(x);
        return parts.join(QStringLiteral("; "));
    }
    return QString::fromStdString(std::to_string(v.toInt()));
}

QTableWidgetItem *item(const QString &text, const QString &colour = {}) {
    auto *i = new QTableWidgetItem(text);
    i->setToolTip(text);
    if (!colour.isEmpty())
        i->setForeground(QColor(colour));
    return i;
}

QListWidgetItem *line(const QString &text, const QString &colour, const QString &tip = {}) {
    auto *i = new QListWidgetItem(text);
    i->setForeground(QColor(colour));
    i->setToolTip(tip.isEmpty() ? text : tip);
    return i;
}

} // namespace

DerivationsPanel::DerivationsPanel(AppContext *app, QWidget *parent)
    : Panel(parent)
    , m_session(app->session())
    , m_store([app] { return app->store(); }) {
    setObjectName(QStringLiteral("derivationsPanel"));
    setAccessibleName(title());
    setAcceptDrops(true);
    buildUi();
    if (m_session)
        connect(m_session, &Session::changed, this, &DerivationsPanel::updateActions);
    followStore(app->host());
}

DerivationsPanel::~DerivationsPanel() {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
}

QString DerivationsPanel::title() const {
    return tr("Derivations");
}

QIcon DerivationsPanel::icon() const {
    return QIcon(QStringLiteral(":/icons/derivations.svg"));
}

void DerivationsPanel::buildUi() {
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(this);
    split->setObjectName(QStringLiteral("derivationsSplit"));
    m_split = split;
    split->addWidget(buildQueue());
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("derivationTabs"));
    m_tabs->addTab(buildRecordView(), tr("Record"));
    m_tabs->addTab(buildHandoff(), tr("Handoff to S03"));
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("derivationsMessage"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
}

QWidget *DerivationsPanel::buildQueue() {
    auto *box = new QGroupBox(tr("Review queue"), this);
    auto *l = new QVBoxLayout(box);
    auto *filters = new QGridLayout;
    auto combo = [&](const char *name, const QString &accessible, const QStringList &items) {
        auto *c = new QComboBox(box);
        c->setObjectName(QLatin1String(name));
        c->setAccessibleName(accessible);
        c->addItems(items);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(10);
        connect(c, &QComboBox::currentIndexChanged, this, &DerivationsPanel::fillQueue);
        const int n = filters->count();
        filters->addWidget(c, n / 2, n % 2);
        return c;
    };
    QStringList statuses{tr("All statuses")};
    for (RecordStatus s : {RecordStatus::InReview, RecordStatus::Accepted, RecordStatus::Rejected,
                           RecordStatus::Signed, RecordStatus::Superseded, RecordStatus::Invalidated})
        statuses << recordStatusName(s);
    m_statusFilter = combo("statusFilter", tr("Filter by status"), statuses);
    m_tierFilter = combo("tierFilter", tr("Filter by cost tier"),
                         {tr("All tiers"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                          QStringLiteral("D"), QStringLiteral("n/a"), QStringLiteral("INFEASIBLE")});
    m_lockFilter = combo("lockabilityFilter", tr("Filter by lockability"),
                         {tr("All lockability"), QStringLiteral("lockable"), QStringLiteral("non-lockable"),
                          QStringLiteral("infeasible")});
    m_authorFilter = combo("authorFilter", tr("Filter by author"), {tr("All authors")});
    l->addLayout(filters);

    m_queue = new QTableWidget(0, 4, box);
    m_queue->setObjectName(QStringLiteral("derivationQueue"));
    m_queue->setAccessibleName(tr("Derivation and INFEASIBLE records"));
    m_queue->setHorizontalHeaderLabels({tr("Record"), tr("Value"), tr("Tier, lockability"), tr("Status")});
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->verticalHeader()->hide();
    m_queue->setWordWrap(false);
    m_queue->verticalHeader()->setDefaultSectionSize(m_queue->fontMetrics().height() + 8);
    m_queue->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queue->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_queue->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_queue->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    // The status may be long ("signed · typed INFEASIBLE"): a fixed width, the whole text as a tooltip.
    m_queue->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Interactive);
    m_queue->horizontalHeader()->resizeSection(
        3, m_queue->fontMetrics().horizontalAdvance(tr("accepted · to sign")) + 12);
    m_queue->setTextElideMode(Qt::ElideRight);
    connect(m_queue, &QTableWidget::currentCellChanged, this, [this] { showRecord(); });
    l->addWidget(m_queue, 1);
    m_queueSummary = new QLabel(box);
    m_queueSummary->setObjectName(QStringLiteral("queueSummary"));
    m_queueSummary->setWordWrap(true);
    l->addWidget(m_queueSummary);
    auto *row = new QHBoxLayout;
    auto *hint = new QLabel(tr("Drop YAML records here, or"), box);
    hint->setWordWrap(true);
    auto *import = new QPushButton(tr("Import…"), box);
    import->setObjectName(QStringLiteral("importButton"));
    import->setToolTip(tr(
        "Import derivation or typed INFEASIBLE records (YAML, one record template each); an invalid file is "
        "refused whole with every finding, and nothing is written"));
    connect(import, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import derivation records"),
                                                                QString(), tr("YAML records (*.yaml *.yml)"));
        if (!files.isEmpty())
            importFiles(files);
    });
    row->addWidget(hint, 1);
    row->addWidget(import);
    l->addLayout(row);
    return box;
}

QWidget *DerivationsPanel::buildRecordView() {
    auto *w = new QWidget(this);
    auto *l = new QVBoxLayout(w);
    m_recordHeader = new QLabel(w);
    m_recordHeader->setObjectName(QStringLiteral("recordHeader"));
    m_recordHeader->setWordWrap(true);
    m_recordHeader->setTextFormat(Qt::RichText);
    m_recordHeader->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_recordHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_recordHeader);

    auto *split = new QSplitter(Qt::Vertical, w);
    auto *top = new QSplitter(Qt::Vertical, split);
    m_fields = new QTableWidget(0, 2, top);
    m_fields->setObjectName(QStringLiteral("recordFields"));
    m_fields->setAccessibleName(tr("The record's fields"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fields->setWordWrap(false);
    m_fields->verticalHeader()->setDefaultSectionSize(m_fields->fontMetrics().height() + 6);
    m_rules = new QListWidget(top);
    m_rules->setObjectName(QStringLiteral("ruleResults"));
    m_rules->setAccessibleName(tr("Validation rules"));
    m_rules->setWordWrap(true);
    top->addWidget(m_fields);
    top->addWidget(m_rules);
    auto *bottom = new QWidget(split);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    m_diffTitle = new QLabel(bottom);
    m_diffTitle->setObjectName(QStringLiteral("supersedeDiffTitle"));
    m_diffTitle->setWordWrap(true);
    bl->addWidget(m_diffTitle);
    m_diff = new QTableWidget(0, 3, bottom);
    m_diff->setObjectName(QStringLiteral("supersedeDiff"));
    m_diff->setAccessibleName(tr("Changes against the superseded record"));
    m_diff->setHorizontalHeaderLabels({tr("Field"), tr("Superseded"), tr("This record")});
    m_diff->verticalHeader()->hide();
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    bl->addWidget(m_diff, 1);
    m_history = new QListWidget(bottom);
    m_history->setObjectName(QStringLiteral("recordHistory"));
    m_history->setAccessibleName(tr("The record's history"));
    m_history->setWordWrap(true);
    bl->addWidget(m_history, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    l->addWidget(split, 1);

    m_reason = new QLineEdit(w);
    m_reason->setObjectName(QStringLiteral("reviewReason"));
    m_reason->setPlaceholderText(tr("Reason or note (required to reject, invalidate or note)"));
    m_reason->setAccessibleName(tr("Reason or note"));
    l->addWidget(m_reason);
    auto *actionsRow = new QHBoxLayout;
    auto button = [&](const char *name, const QString &text, auto slot) {
        auto *b = new QPushButton(text, w);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, slot);
        actionsRow->addWidget(b);
        return b;
    };
    m_accept = button("acceptButton", tr("Accept"), [this] { review(true); });
    m_reject = button("rejectButton", tr("Reject"), [this] { review(false); });
    m_note = button("riskNoteButton", tr("Risk note"), [this] { riskNote(); });
    m_sign = button("signButton", tr("Sign"), [this] { sign(); });
    actionsRow->addStretch(1);
    l->addLayout(actionsRow);
    auto *second = new QHBoxLayout;
    m_why = new QLabel(w);
    m_why->setObjectName(QStringLiteral("actionWhy"));
    m_why->setWordWrap(true);
    m_why->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    second->addWidget(m_why, 1);
    m_supersede = new QPushButton(tr("Re-derive…"), w);
    m_supersede->setObjectName(QStringLiteral("supersedeButton"));
    m_supersede->setToolTip(
        tr("Supersede this record with a new one (never an edit): its dependents are invalidated"));
    connect(m_supersede, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("The re-derived record"), QString(),
                                                          tr("YAML records (*.yaml *.yml)"));
        if (!file.isEmpty())
            supersedeWith(file);
    });
    m_invalidate = new QPushButton(tr("Invalidate"), w);
    m_invalidate->setObjectName(QStringLiteral("invalidateButton"));
    m_invalidate->setToolTip(
        tr("Roll back (§11): mark this record and its dependents invalidated, with the reason"));
    connect(m_invalidate, &QPushButton::clicked, this, &DerivationsPanel::invalidate);
    second->addWidget(m_supersede);
    second->addWidget(m_invalidate);
    l->addLayout(second);
    return w;
}

QWidget *DerivationsPanel::buildHandoff() {
    auto *w = new QWidget(this);
    auto *l = new QVBoxLayout(w);
    m_handoffBanner = new QLabel(w);
    m_handoffBanner->setObjectName(QStringLiteral("handoffBanner"));
    m_handoffBanner->setAlignment(Qt::AlignCenter);
    m_handoffBanner->setWordWrap(true);
    QFont big = m_handoffBanner->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_handoffBanner->setFont(big);
    l->addWidget(m_handoffBanner);
    m_criteria = new QListWidget(w);
    m_criteria->setObjectName(QStringLiteral("handoffCriteria"));
    m_criteria->setAccessibleName(tr("Handoff checklist"));
    m_criteria->setWordWrap(true);
    l->addWidget(m_criteria, 2);
    m_values = new QTableWidget(0, 3, w);
    m_values->setObjectName(QStringLiteral("handoffValues"));
    m_values->setAccessibleName(tr("Charter values"));
    m_values->setHorizontalHeaderLabels({tr("Charter value"), tr("State"), tr("Detail")});
    m_values->verticalHeader()->hide();
    m_values->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_values->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_values->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_values->setWordWrap(false);
    l->addWidget(m_values, 2);
    auto *lists = new QHBoxLayout;
    auto list = [&](const char *name, const QString &titleText, const QString &tip) {
        auto *box = new QGroupBox(titleText, w);
        box->setToolTip(tip);
        auto *bl = new QVBoxLayout(box);
        auto *lw = new QListWidget(box);
        lw->setObjectName(QLatin1String(name));
        lw->setAccessibleName(titleText);
        lw->setWordWrap(true);
        bl->addWidget(lw);
        lists->addWidget(box);
        return lw;
    };
    m_eligible =
        list("eligibleList", tr("Eligible for S03 lock"), tr("Eligible for S03 lock (Tier A/B, signed)"));
    m_blocking = list("blockingList", tr("Blocking S03"), tr("Blocking S03 (Tier C, INFEASIBLE, unsigned)"));
    l->addLayout(lists, 2);

    auto *charterRow = new QHBoxLayout;
    m_charter = new QLineEdit(w);
    m_charter->setObjectName(QStringLiteral("charterEdit"));
    m_charter->setPlaceholderText(tr("Required charter values, comma-separated"));
    m_charter->setAccessibleName(tr("Required charter values"));
    auto *declare = new QPushButton(tr("Declare charter"), w);
    declare->setObjectName(QStringLiteral("declareCharterButton"));
    connect(declare, &QPushButton::clicked, this, [this] {
        QStringList values;
        for (const QString &v : m_charter->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            values << v.trimmed();
        if (auto a = actions())
            handle(a->declareCharter(values), tr("Charter declared"));
    });
    charterRow->addWidget(m_charter, 1);
    charterRow->addWidget(declare);
    l->addLayout(charterRow);
    auto *threatRow = new QHBoxLayout;
    m_threats = new QPlainTextEdit(w);
    m_threats->setObjectName(QStringLiteral("threatsEdit"));
    m_threats->setPlaceholderText(tr("Unresolved threats to validity, one a line (empty: none)"));
    m_threats->setAccessibleName(tr("Threats to validity"));
    m_threats->setMaximumHeight(m_threats->fontMetrics().lineSpacing() * 4);
    auto *threatsButton = new QPushButton(tr("Record threats"), w);
    threatsButton->setObjectName(QStringLiteral("recordThreatsButton"));
    connect(threatsButton, &QPushButton::clicked, this, [this] {
        QStringList threats;
        for (const QString &t : m_threats->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!t.trimmed().isEmpty())
                threats << t.trimmed();
        if (auto a = actions())
            handle(a->recordThreats(threats),
                   threats.isEmpty() ? tr("No unresolved threat recorded") : tr("Threats recorded"));
    });
    threatRow->addWidget(m_threats, 1);
    threatRow->addWidget(threatsButton, 0, Qt::AlignTop);
    l->addLayout(threatRow);
    auto *attestRow = new QHBoxLayout;
    auto *exportRow = new QHBoxLayout;
    auto *attest = new QPushButton(tr("Attest: no forbidden run"), w);
    attest->setObjectName(QStringLiteral("attestButton"));
    attest->setToolTip(
        tr("The analyst confirms no training, Airflow, cluster, Phase-2 run, model or threshold selection "
           "occurred (§12)"));
    connect(attest, &QPushButton::clicked, this, [this] {
        if (auto a = actions())
            handle(a->attest(false, {}), tr("Analysis-only attestation recorded"));
    });
    attestRow->addWidget(attest);
    attestRow->addStretch(1);
    l->addLayout(attestRow);
    m_locker = new QLineEdit(w);
    m_locker->setObjectName(QStringLiteral("lockerEdit"));
    m_locker->setPlaceholderText(tr("S03 locker (identity)"));
    m_locker->setAccessibleName(tr("S03 locker"));
    exportRow->addWidget(m_locker, 1);
    m_draft = new QCheckBox(tr("Draft"), w);
    m_draft->setObjectName(QStringLiteral("draftCheck"));
    m_draft->setToolTip(tr("Export although incomplete; the package says DRAFT"));
    exportRow->addWidget(m_draft);
    m_export = new QPushButton(tr("Export package…"), w);
    m_export->setObjectName(QStringLiteral("exportHandoffButton"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the S03 handoff package"),
                                                          QStringLiteral("s03-handoff.tar.zst"),
                                                          tr("Handoff package (*.tar.zst)"));
        if (!file.isEmpty())
            exportHandoffTo(file);
    });
    exportRow->addWidget(m_export);
    l->addLayout(exportRow);
    return w;
}

void DerivationsPanel::showEvent(QShowEvent *event) {
    Panel::showEvent(event);
    if (!m_sized && width() > 0) {
        // Half and half: the queue's four columns fit without scrolling.
        m_sized = true;
        const int total = m_split->width();
        m_split->setSizes({total / 2, total - total / 2});
    }
}

void DerivationsPanel::dragEnterEvent(QDragEnterEvent *event) {
    const QMimeData *mime = event->mimeData();
    if (!mime || !mime->hasUrls())
        return;
    for (const QUrl &url : mime->urls())
        if (!url.isLocalFile() || !(url.toLocalFile().endsWith(QLatin1String(".yaml")) ||
                                    url.toLocalFile().endsWith(QLatin1String(".yml"))))
            return;
    event->acceptProposedAction();
}

void DerivationsPanel::dropEvent(QDropEvent *event) {
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        files << url.toLocalFile();
    event->acceptProposedAction();
    importFiles(files);
}

void DerivationsPanel::refresh() {
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        m_book = DerivationBook();
        report(tr("No evidence store: the reviewer's desk needs one."), true);
    } else if (auto book = DerivationBook::load(*store); book.ok()) {
        m_book = std::move(book).value();
    } else {
        report(book.error().message, true);
    }
    // Authors, keeping the choice.
    const QString author = m_authorFilter->currentIndex() > 0 ? m_authorFilter->currentText() : QString();
    {
        const QSignalBlocker block(m_authorFilter);
        m_authorFilter->clear();
        m_authorFilter->addItem(tr("All authors"));
        QStringList authors;
        for (const RecordState &r : m_book.records())
            if (!authors.contains(r.record.author()))
                authors << r.record.author();
        authors.sort();
        m_authorFilter->addItems(authors);
        m_authorFilter->setCurrentIndex(std::max(0, m_authorFilter->findText(author)));
    }
    fillQueue();
    showHandoff();
}

void DerivationsPanel::fillQueue() {
    const QString keep = currentRecord();
    const QSignalBlocker block(m_queue);
    m_queue->setRowCount(0);
    int inReview = 0, toSign = 0, signedCount = 0, infeasible = 0;
    for (const RecordState &s : m_book.records()) {
        const DerivationRecord &r = s.record;
        if (s.status == RecordStatus::InReview)
            ++inReview;
        if (s.status == RecordStatus::Accepted)
            ++toSign;
        if (s.status == RecordStatus::Signed)
            ++(r.isInfeasible() ? infeasible : signedCount);
        if (m_statusFilter->currentIndex() > 0 && recordStatusName(s.status) != m_statusFilter->currentText())
            continue;
        if (m_tierFilter->currentIndex() > 0) {
            const QString tier = m_tierFilter->currentText();
            if (tier == QLatin1String("INFEASIBLE") ? !r.isInfeasible() : r.costTier() != tier)
                continue;
        }
        if (m_lockFilter->currentIndex() > 0 && r.lockability() != m_lockFilter->currentText())
            continue;
        if (m_authorFilter->currentIndex() > 0 && r.author() != m_authorFilter->currentText())
            continue;
        const int row = m_queue->rowCount();
        m_queue->insertRow(row);
        const auto [colour, words] = statusLook(s);
        auto *idItem = item(r.id);
        idItem->setData(Qt::UserRole, r.id);
        if (!s.isLive()) {
            QFont f = idItem->font();
            f.setStrikeOut(true);
            idItem->setFont(f);
        }
        m_queue->setItem(row, 0, idItem);
        m_queue->setItem(
            row, 1,
            item(r.isInfeasible()
                     ? tr("%1 — INFEASIBLE (%2)").arg(r.valueName(), r.reason())
                     : QStringLiteral("%1 = %2 %3").arg(r.valueName(), r.text("value"), r.text("units"))));
        m_queue->setItem(row, 2,
                         item(r.isInfeasible() ? r.lockability()
                                               : QStringLiteral("%1, %2").arg(r.costTier(), r.lockability()),
                              r.costTier() == QLatin1String("C") ? QLatin1String(kAmber) : QString()));
        m_queue->setItem(row, 3, item(words, colour));
        if (r.id == keep)
            m_queue->selectRow(row);
    }
    m_queueSummary->setText(m_book.records().isEmpty()
                                ? tr("No records yet: import the derivation records (YAML).")
                                : tr("%1 in review · %2 to sign · %3 signed · %4 typed INFEASIBLE signed")
                                      .arg(inReview)
                                      .arg(toSign)
                                      .arg(signedCount)
                                      .arg(infeasible));
    if (m_queue->currentRow() < 0 && m_queue->rowCount() > 0)
        m_queue->selectRow(0);
    showRecord();
}

QString DerivationsPanel::currentRecord() const {
    const int row = m_queue->currentRow();
    if (row < 0 || !m_queue->item(row, 0))
        return {};
    return m_queue->item(row, 0)->data(Qt::UserRole).toString();
}

const RecordState *DerivationsPanel::current() const {
    return m_book.record(currentRecord());
}

void DerivationsPanel::selectRecord(const QString &id) {
    for (int i = 0; i < m_queue->rowCount(); ++i)
        if (m_queue->item(i, 0) && m_queue->item(i, 0)->data(Qt::UserRole).toString() == id) {
            m_queue->selectRow(i);
            return;
        }
}

void DerivationsPanel::showRecord() {
    const RecordState *s = current();
    m_fields->setRowCount(0);
    m_rules->clear();
    m_diff->setRowCount(0);
    m_history->clear();
    if (!s) {
        m_recordHeader->setText(tr("<b>No record selected.</b>"));
        m_diffTitle->setText(QString());
        m_diff->setVisible(false);
        updateActions();
        return;
    }
    const DerivationRecord &r = s->record;
    const auto [colour, words] = statusLook(*s);
    const QString kind = r.isInfeasible()
                             ? tr("typed INFEASIBLE (%1) — a successful outcome when signed; blocks %2")
                                   .arg(r.reason(), r.text("blocked_downstream").toHtmlEscaped())
                             : tr("derivation of %1, tier %2, %3")
                                   .arg(r.valueName().toHtmlEscaped(), r.costTier(), r.lockability());
    const QString blocks = s->blocksS03();
    m_recordHeader->setText(
        QStringLiteral("<b>%1</b> &nbsp; <span style=\"color:%2\"><b>%3</b></span><br>%4<br>%5")
            .arg(r.id.toHtmlEscaped(), colour, words.toHtmlEscaped(), kind,
                 blocks.isEmpty()
                     ? tr("<span style=\"color:%1\">Eligible for S03 lock</span>").arg(QLatin1String(kGreen))
                     : tr("S03: blocking — %1").arg(blocks.toHtmlEscaped())));
    for (const QString &f :
         DerivationRecord::templateFields(r.type) + DerivationRecord::optionalFields(r.type)) {
        const JsonValue *v = r.fields.find(f.toStdString());
        if (!v)
            continue;
        const int row = m_fields->rowCount();
        m_fields->insertRow(row);
        m_fields->setItem(row, 0, item(f));
        m_fields->setItem(row, 1, item(fieldText(*v)));
    }
    for (const RuleCheck &c : DerivationRules::check(r)) {
        if (c.ok) {
            m_rules->addItem(line(QStringLiteral("✔ ") + c.title, QLatin1String(kGreen)));
        } else {
            QStringList why;
            for (const Diagnostic &d : c.findings)
                why << d.message;
            m_rules->addItem(line(QStringLiteral("✘ %1 — %2").arg(c.title, why.join(QStringLiteral("; "))),
                                  QLatin1String(kRed)));
        }
    }
    // The diff against the record this one supersedes.
    const QString previous = s->supersedes.isEmpty() ? r.supersedes() : s->supersedes;
    const RecordState *old = previous.isEmpty() ? nullptr : m_book.record(previous);
    m_diff->setVisible(old != nullptr);
    if (old) {
        QStringList names =
            DerivationRecord::templateFields(r.type) + DerivationRecord::optionalFields(r.type);
        int changed = 0;
        for (const QString &f : names) {
            const JsonValue *a = old->record.fields.find(f.toStdString());
            const JsonValue *b = r.fields.find(f.toStdString());
            if (!a && !b)
                continue;
            const QString before = a ? fieldText(*a) : QString(), after = b ? fieldText(*b) : QString();
            if (before == after)
                continue;
            ++changed;
            const int row = m_diff->rowCount();
            m_diff->insertRow(row);
            m_diff->setItem(row, 0, item(f));
            m_diff->setItem(row, 1, item(before, QLatin1String(kRed)));
            m_diff->setItem(row, 2, item(after, QLatin1String(kGreen)));
        }
        m_diffTitle->setText(tr("Re-derivation of %1 (%2): %3 field(s) changed")
                                 .arg(old->record.id, recordStatusName(old->status))
                                 .arg(changed));
    } else {
        m_diffTitle->setText(s->supersededBy.isEmpty() ? QString()
                                                       : tr("Superseded by %1").arg(s->supersededBy));
    }
    // History.
    m_history->addItem(line(tr("%1 imported by %2 from %3 (event %4)")
                                .arg(TimeFormat::minutes(s->importedMs), s->importer, s->file)
                                .arg(s->importedSeq),
                            QLatin1String(kGray)));
    for (const ReviewEntry &rv : s->reviews)
        m_history->addItem(
            line(tr("%1 %2 by %3%4")
                     .arg(TimeFormat::minutes(rv.tsMs), rv.accepted ? tr("accepted") : tr("rejected"),
                          rv.actor, rv.reason.isEmpty() ? QString() : QStringLiteral(": ") + rv.reason),
                 rv.accepted ? QLatin1String(kGreen) : QLatin1String(kRed)));
    for (const NoteEntry &n : s->riskNotes)
        m_history->addItem(
            line(tr("%1 risk-owner note by %2: %3").arg(TimeFormat::minutes(n.tsMs), n.actor, n.text),
                 QLatin1String(kGray)));
    if (s->signature) {
        bool verifies = false;
        if (EvidenceStore *store = m_store ? m_store() : nullptr)
            if (auto id = store->identity(s->signature->signer); id.ok())
                if (auto key = crypto::PublicKey::fromPem(id->publicKeyPem); key.ok())
                    verifies = verifyRecordSignature(*s, key.value());
        auto *sig =
            line(verifies ? tr("%1 signed by %2 — the signature verifies")
                                .arg(TimeFormat::minutes(s->signature->tsMs), s->signature->signer)
                          : tr("%1 signed by %2 — THE SIGNATURE DOES NOT VERIFY")
                                .arg(TimeFormat::minutes(s->signature->tsMs), s->signature->signer),
                 verifies ? QLatin1String(kGreen) : QLatin1String(kRed),
                 tr("Key %1; statement %2")
                     .arg(s->signature->keyFingerprint, QString::fromStdString(s->signature->statement)));
        sig->setData(Qt::UserRole, verifies);
        m_history->addItem(sig);
    }
    if (s->ended)
        m_history->addItem(line(tr("%1 %2 by %3: %4")
                                    .arg(TimeFormat::minutes(s->ended->tsMs), recordStatusName(s->status),
                                         s->ended->actor, s->ended->text),
                                QLatin1String(kGray)));
    if (s->s03NotificationRequired)
        m_history->addItem(line(tr("Handed to S03 before it ended: notify S03 (§10)"), QLatin1String(kRed)));
    updateActions();
}

void DerivationsPanel::updateActions() {
    const RecordState *s = current();
    const bool signedIn = m_session && m_session->isUnlocked();
    EvidenceStore *store = m_store ? m_store() : nullptr;
    std::unique_ptr<DerivationActions> probe;
    if (signedIn && store)
        probe = std::make_unique<DerivationActions>(*store, *m_session->signer());
    auto why = [&](DerivationActions::Action a) -> QString {
        if (!s && a != DerivationActions::Action::Export)
            return tr("Select a record");
        if (!signedIn)
            return s ? tr("Sign in as the reviewer the record names (%1)").arg(s->record.reviewer())
                     : tr("Sign in first");
        return probe->refusal(a, s);
    };
    const QString review = why(DerivationActions::Action::Review);
    const QString signWhy = why(DerivationActions::Action::Sign);
    const QString noteWhy = why(DerivationActions::Action::RiskNote);
    const QString supersedeWhy = why(DerivationActions::Action::Supersede);
    const QString invalidateWhy = why(DerivationActions::Action::Invalidate);
    auto set = [](QPushButton *b, const QString &reason, const QString &ok) {
        b->setEnabled(reason.isEmpty());
        b->setToolTip(reason.isEmpty() ? ok : reason);
    };
    set(m_accept, review, tr("Accept: the derivation is valid and reproducible"));
    set(m_reject, review, tr("Reject, with the reason"));
    set(m_sign, signWhy, tr("Sign the record's canonical hash, git_sha and input hashes"));
    set(m_note, noteWhy, tr("The risk owner's note on a cost or capacity value"));
    set(m_supersede, supersedeWhy, tr("Supersede this record with a re-derivation"));
    set(m_invalidate, invalidateWhy, tr("Mark invalidated with the reason (§11)"));
    // The one line that says what happens next for this record.
    QString next;
    if (!s)
        next = tr("Select a record to review it.");
    else if (!s->isLive())
        next = tr("%1 is %2 and final.").arg(s->record.id, recordStatusName(s->status));
    else if (s->status == RecordStatus::InReview)
        next = review.isEmpty() ? tr("Review it: Accept, or Reject with the reason.")
                                : tr("Review: %1").arg(review);
    else if (s->status == RecordStatus::Accepted)
        next = signWhy.isEmpty() ? tr("Accepted: sign it.") : tr("Sign: %1").arg(signWhy);
    else if (s->status == RecordStatus::Signed)
        next = tr("Signed by %1.").arg(s->signature ? s->signature->signer : QString());
    else
        next = tr("Rejected: re-derive it (supersede) or invalidate it.");
    m_why->setText(next);
    const QString exportWhy =
        signedIn && probe ? probe->refusal(DerivationActions::Action::Export) : tr("Sign in as a reviewer");
    m_export->setEnabled(exportWhy.isEmpty());
    m_export->setToolTip(exportWhy.isEmpty() ? tr("A signed .tar.zst with its manifest and HANDOFF.md")
                                             : exportWhy);
}

void DerivationsPanel::showHandoff() {
    const HandoffStatus st = computeHandoffStatus(m_book);
    m_handoffBanner->setText(st.complete ? tr("HANDOFF COMPLETE") : tr("HANDOFF INCOMPLETE"));
    m_handoffBanner->setProperty("complete", st.complete);
    m_handoffBanner->setStyleSheet(
        QStringLiteral("color: white; background: %1; padding: 6px; border-radius: 4px;")
            .arg(QLatin1String(st.complete ? kGreen : kRed)));
    m_criteria->clear();
    for (const HandoffCriterion &c : st.criteria) {
        auto *i = line(QStringLiteral("%1 %2 — %3")
                           .arg(c.ok ? QStringLiteral("✔") : QStringLiteral("✘"), c.title, c.detail),
                       QLatin1String(c.ok ? kGreen : kRed));
        i->setData(Qt::UserRole, c.id);
        i->setData(Qt::UserRole + 1, c.ok);
        m_criteria->addItem(i);
    }
    for (const QString &n : st.notifications)
        m_criteria->addItem(line(QStringLiteral("⚠ ") + n, QLatin1String(kAmber)));
    m_values->setRowCount(0);
    for (const CharterValue &v : st.values) {
        const int row = m_values->rowCount();
        m_values->insertRow(row);
        const bool settled = v.settledBy != nullptr;
        m_values->setItem(row, 0, item(v.name));
        m_values->setItem(row, 1,
                          item(v.state, QLatin1String(settled                               ? kGreen
                                                      : v.state == QLatin1String("pending") ? kAmber
                                                                                            : kRed)));
        m_values->setItem(row, 2, item(v.detail));
    }
    m_eligible->clear();
    for (const RecordState *r : st.eligible)
        m_eligible->addItem(line(
            QStringLiteral("%1 = %2 %3 (%4)")
                .arg(r->record.valueName(), r->record.text("value"), r->record.text("units"), r->record.id),
            QLatin1String(kGreen)));
    m_blocking->clear();
    for (const auto &[r, why] : st.blocking)
        m_blocking->addItem(line(
            QStringLiteral("%1 (%2): %3").arg(r->record.valueName(), r->record.id, why),
            QLatin1String(r->record.isInfeasible() && r->status == RecordStatus::Signed ? kAmber : kRed)));
    if (m_charter->text().isEmpty() && m_book.charter())
        m_charter->setText(m_book.charter()->join(QStringLiteral(", ")));
    updateActions();
}

std::unique_ptr<DerivationActions> DerivationsPanel::actions() {
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: every review, signature and note is signed evidence."), true);
            return nullptr;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return nullptr;
    }
    return std::make_unique<DerivationActions>(*store, *m_session->signer());
}

void DerivationsPanel::report(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(
        error ? QStringLiteral("color: %1; font-weight: bold;").arg(colours::onBase(kRed, palette()).name())
              : QStringLiteral("color: %1;").arg(colours::onBase(kGreen, palette()).name()));
    m_message->setAccessibleName(text);
}

template<typename T> bool DerivationsPanel::handle(const Result<T> &result, const QString &done) {
    if (!result.ok()) {
        const Error &e = result.error();
        QStringList lines;
        for (const Diagnostic &d : e.diagnostics.mid(0, 6))
            lines << d.toString();
        if (e.diagnostics.size() > 6)
            lines << tr("… and %1 more").arg(e.diagnostics.size() - 6);
        report(lines.isEmpty()
                   ? e.message
                   : tr("Nothing was written:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')),
               true);
        refresh();
        return false;
    }
    report(done);
    refresh();
    return true;
}

bool DerivationsPanel::importFiles(const QStringList &paths) {
    auto a = actions();
    if (!a)
        return false;
    auto r = a->importFiles(paths);
    const bool ok = handle(r, r.ok() ? tr("Imported %1 record(s) from %2 file(s), signed by %3")
                                           .arg(r->size())
                                           .arg(paths.size())
                                           .arg(m_session->identity())
                                     : QString());
    if (ok && !r->isEmpty())
        selectRecord(DerivationActions::recordIdOf(r->first()));
    return ok;
}

bool DerivationsPanel::supersedeWith(const QString &path) {
    const QString id = currentRecord();
    auto a = actions();
    if (!a || id.isEmpty())
        return false;
    auto r = a->supersede(id, path, m_reason->text());
    const bool ok =
        handle(r, r.ok() ? tr("%1 superseded; %2 event(s) recorded").arg(id).arg(r->size()) : QString());
    if (ok) {
        m_reason->clear();
        selectRecord(DerivationActions::recordIdOf(r->first()));
    }
    return ok;
}

void DerivationsPanel::review(bool accept) {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->review(id, accept, m_reason->text()),
                   accept ? tr("%1 accepted").arg(id) : tr("%1 rejected").arg(id))) {
            m_reason->clear();
            selectRecord(id);
        }
}

void DerivationsPanel::sign() {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->sign(id), tr("%1 signed by %2").arg(id, m_session->identity())))
            selectRecord(id);
}

void DerivationsPanel::riskNote() {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->riskNote(id, m_reason->text()), tr("Risk-owner note on %1").arg(id))) {
            m_reason->clear();
            selectRecord(id);
        }
}

void DerivationsPanel::invalidate() {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->invalidate(id, m_reason->text()), tr("%1 invalidated").arg(id))) {
            m_reason->clear();
            selectRecord(id);
        }
}

bool DerivationsPanel::exportHandoffTo(const QString &path) {
    auto a = actions();
    if (!a)
        return false;
    EvidenceStore *store = m_store();
    Handoff::ExportOptions options;
    options.draft = m_draft->isChecked();
    options.locker = m_locker->text().trimmed();
    auto r = Handoff::exportPackage(*store, *a, path, options);
    return handle(r, r.ok() ? tr("Exported %1 (%2 records, %3 signatures%4), SHA-256 %5")
                                  .arg(QFileInfo(path).fileName())
                                  .arg(r->records)
                                  .arg(r->signatures)
                                  .arg(r->complete ? QString() : tr(", DRAFT"))
                                  .arg(r->sha256)
                            : QString());
}

} // namespace ops::ui
