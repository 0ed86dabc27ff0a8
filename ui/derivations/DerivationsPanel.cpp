#include "DerivationsPanel.h"

#include "common/ErrorText.h"

#include "DerivationQueueModel.h"

#include "common/TimeFormat.h"
#include "runtime/AppContext.h"
#include "store/StoreHost.h"

#include "DerivationItems.h"
#include "HandoffView.h"
#include "RecordView.h"
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
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ops::ui {

using colours::kGreen;
using colours::kRed;

using namespace derivation_items;

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
    m_handoff = new HandoffView(m_tabs);
    m_handoff->setObjectName(QStringLiteral("handoffView"));
    connect(m_handoff, &HandoffView::declareCharterRequested, this, [this](const QStringList &values) {
        if (auto a = actions())
            handle(a->declareCharter(values), tr("Charter declared"));
    });
    connect(m_handoff, &HandoffView::recordThreatsRequested, this, [this](const QStringList &threats) {
        if (auto a = actions())
            handle(a->recordThreats(threats),
                   threats.isEmpty() ? tr("No unresolved threat recorded") : tr("Threats recorded"));
    });
    connect(m_handoff, &HandoffView::attestRequested, this, [this] {
        if (auto a = actions())
            handle(a->attest(false, {}), tr("Analysis-only attestation recorded"));
    });
    connect(m_handoff, &HandoffView::exportRequested, this, &DerivationsPanel::exportHandoffTo);
    m_tabs->addTab(m_handoff, tr("Handoff to S03"));
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

    m_queueModel = new DerivationQueueModel(this);
    m_queueModel->setTone([this](const QString &colour) { return tone(this, colour); });
    m_queueFilter = new DerivationQueueFilter(this);
    m_queueFilter->setSourceModel(m_queueModel);
    m_queue = new QTableView(box);
    m_queue->setModel(m_queueFilter);
    m_queue->setObjectName(QStringLiteral("derivationQueue"));
    m_queue->setAccessibleName(tr("Derivation and INFEASIBLE records"));
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->setSortingEnabled(true);
    m_queue->sortByColumn(DerivationQueueModel::Record, Qt::AscendingOrder); // as imported
    m_queue->verticalHeader()->hide();
    m_queue->setWordWrap(false);
    m_queue->verticalHeader()->setDefaultSectionSize(m_queue->fontMetrics().height() + 8);
    m_queue->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView *header = m_queue->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // What a reviewer scans for comes first and stays whole: the record, its
    // state, its tier; the value (long, and whole in the record view and the
    // tooltip) takes the room that is left and is the one elided.
    header->moveSection(header->visualIndex(DerivationQueueModel::Status), 1);
    header->moveSection(header->visualIndex(DerivationQueueModel::Tier), 2);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DerivationQueueModel::Value, QHeaderView::Stretch);
    m_queue->setTextElideMode(Qt::ElideRight);
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showRecord(); });
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
    m_recordView = new RecordView(w);
    l->addWidget(m_recordView, 1);

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

void DerivationsPanel::showEvent(QShowEvent *event) {
    Panel::showEvent(event);
    if (!m_sized && width() > 0) {
        // The queue a little wider than the record: its state and tier
        // columns stay whole, and the record's field table wraps its values.
        m_sized = true;
        const int total = m_split->width();
        const int queue = total * 11 / 20;
        m_split->setSizes({queue, total - queue});
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
        report(errorText(book.error()), true);
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
    m_handoff->showBook(m_book);
    updateActions();
}

void DerivationsPanel::fillQueue() {
    const QString keep = currentRecord();
    {
        const QSignalBlocker block(m_queue->selectionModel());
        m_queueModel->setRecords(m_book.records());
        const auto chosen = [](const QComboBox *c) {
            return c->currentIndex() > 0 ? c->currentText() : QString();
        };
        m_queueFilter->setStatus(chosen(m_statusFilter));
        m_queueFilter->setTier(chosen(m_tierFilter));
        m_queueFilter->setLockability(chosen(m_lockFilter));
        m_queueFilter->setAuthor(chosen(m_authorFilter));
    }
    int inReview = 0, toSign = 0, signedCount = 0, infeasible = 0;
    for (const RecordState &s : m_book.records()) {
        if (s.status == RecordStatus::InReview)
            ++inReview;
        if (s.status == RecordStatus::Accepted)
            ++toSign;
        if (s.status == RecordStatus::Signed)
            ++(s.record.isInfeasible() ? infeasible : signedCount);
    }
    m_queueSummary->setText(m_book.records().isEmpty()
                                ? tr("No records yet: import the derivation records (YAML).")
                                : tr("%1 in review · %2 to sign · %3 signed · %4 typed INFEASIBLE signed")
                                      .arg(inReview)
                                      .arg(toSign)
                                      .arg(signedCount)
                                      .arg(infeasible));
    const int row = m_queueFilter->rowOf(keep);
    const QSignalBlocker block(m_queue->selectionModel());
    if (row >= 0)
        m_queue->selectRow(row);
    else if (m_queueFilter->rowCount() > 0)
        m_queue->selectRow(0);
    else
        m_queue->selectionModel()->clearCurrentIndex();
    showRecord();
}

QString DerivationsPanel::currentRecord() const {
    return m_queueFilter->idAt(m_queue->currentIndex().row());
}

const RecordState *DerivationsPanel::current() const {
    return m_book.record(currentRecord());
}

void DerivationsPanel::selectRecord(const QString &id) {
    if (const int row = m_queueFilter->rowOf(id); row >= 0)
        m_queue->selectRow(row);
}

void DerivationsPanel::showRecord() {
    const RecordState *s = current();
    bool verifies = false;
    if (s && s->signature)
        if (EvidenceStore *store = m_store ? m_store() : nullptr)
            if (auto id = store->identity(s->signature->signer); id.ok())
                if (auto key = crypto::PublicKey::fromPem(id->publicKeyPem); key.ok())
                    verifies = verifyRecordSignature(*s, key.value());
    m_recordView->showRecord(s, m_book, verifies);
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
        const std::optional<Error> no = probe->refusalOf(a, s);
        return no ? errorText(*no) : QString();
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
    QString exportWhy = tr("Sign in as a reviewer");
    if (signedIn && probe) {
        const std::optional<Error> no = probe->refusalOf(DerivationActions::Action::Export);
        exportWhy = no ? errorText(*no) : QString();
    }
    m_handoff->setExportRefusal(exportWhy);
}

} // namespace ops::ui
