#include "HandoffView.h"

#include "DerivationItems.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ops::ui {

using namespace derivation_items;

HandoffView::HandoffView(QWidget *parent)
    : QWidget(parent)
    , m_criteriaLines(new LinesModel({}, this))
    , m_valueLines(new LinesModel({tr("Charter value"), tr("State"), tr("Detail")}, this))
    , m_eligibleLines(new LinesModel({}, this))
    , m_blockingLines(new LinesModel({}, this)) {
    QWidget *w = this;
    auto *l = new QVBoxLayout(w);
    m_banner = new QLabel(w);
    m_banner->setObjectName(QStringLiteral("handoffBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setWordWrap(true);
    QFont big = m_banner->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_banner->setFont(big);
    l->addWidget(m_banner);
    m_criteria = new QListView(w);
    m_criteria->setObjectName(QStringLiteral("handoffCriteria"));
    m_criteria->setAccessibleName(tr("Handoff checklist"));
    m_criteria->setModel(m_criteriaLines);
    m_criteria->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_criteria->setWordWrap(true);
    l->addWidget(m_criteria, 2);
    m_values = new QTableView(w);
    m_values->setObjectName(QStringLiteral("handoffValues"));
    m_values->setAccessibleName(tr("Charter values"));
    m_values->setModel(m_valueLines);
    m_values->verticalHeader()->hide();
    m_values->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_values->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_values->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_values->setWordWrap(false);
    l->addWidget(m_values, 2);
    auto *lists = new QHBoxLayout;
    auto list = [&](const char *name, const QString &titleText, const QString &tip, LinesModel *model) {
        auto *box = new QGroupBox(titleText, w);
        box->setToolTip(tip);
        auto *bl = new QVBoxLayout(box);
        auto *lv = new QListView(box);
        lv->setObjectName(QLatin1String(name));
        lv->setAccessibleName(titleText);
        lv->setModel(model);
        lv->setEditTriggers(QAbstractItemView::NoEditTriggers);
        lv->setWordWrap(true);
        bl->addWidget(lv);
        lists->addWidget(box);
    };
    list("eligibleList", tr("Eligible for S03 lock"), tr("Eligible for S03 lock (Tier A/B, signed)"),
         m_eligibleLines);
    list("blockingList", tr("Blocking S03"), tr("Blocking S03 (Tier C, INFEASIBLE, unsigned)"),
         m_blockingLines);
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
        Q_EMIT declareCharterRequested(values);
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
        Q_EMIT recordThreatsRequested(threats);
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
    connect(attest, &QPushButton::clicked, this, &HandoffView::attestRequested);
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
            Q_EMIT exportRequested(file);
    });
    exportRow->addWidget(m_export);
    l->addLayout(exportRow);
}

void HandoffView::showBook(const DerivationBook &book) {
    const HandoffStatus st = computeHandoffStatus(book);
    m_banner->setText(st.complete ? tr("HANDOFF COMPLETE") : tr("HANDOFF INCOMPLETE"));
    m_banner->setProperty("complete", st.complete);
    m_banner->setStyleSheet(QStringLiteral("color: white; background: %1; padding: 6px; border-radius: 4px;")
                                .arg(QLatin1String(st.complete ? colours::kGreen : colours::kRed)));
    QList<LinesModel::Line> criteria;
    for (const HandoffCriterion &c : st.criteria)
        criteria.append({{QStringLiteral("%1 %2 — %3")
                              .arg(c.ok ? QStringLiteral("✔") : QStringLiteral("✘"), c.title, c.detail)},
                         tone(this, QLatin1String(c.ok ? colours::kGreen : colours::kRed)),
                         {},
                         c.ok,
                         {}});
    for (const QString &n : st.notifications)
        criteria.append(
            {{QStringLiteral("⚠ ") + n}, tone(this, QLatin1String(colours::kAmber)), {}, false, {}});
    m_criteriaLines->setLines(criteria);
    QList<LinesModel::Line> values;
    for (const CharterValue &v : st.values) {
        const char *state = v.settledBy != nullptr                ? colours::kGreen
                            : v.state == QLatin1String("pending") ? colours::kAmber
                                                                  : colours::kRed;
        values.append(
            {{v.name, v.state, v.detail}, {}, {}, {}, {QColor(), tone(this, QLatin1String(state))}});
    }
    m_valueLines->setLines(values);
    QList<LinesModel::Line> eligible;
    for (const RecordState *r : st.eligible)
        eligible.append({{QStringLiteral("%1 = %2 %3 (%4)")
                              .arg(r->record.valueName(), r->record.text("value"), r->record.text("units"),
                                   r->record.id)},
                         tone(this, QLatin1String(colours::kGreen)),
                         {},
                         r->record.id,
                         {}});
    m_eligibleLines->setLines(eligible);
    QList<LinesModel::Line> blocking;
    for (const auto &[r, why] : st.blocking)
        blocking.append(
            {{QStringLiteral("%1 (%2): %3").arg(r->record.valueName(), r->record.id, why)},
             tone(this, QLatin1String(r->record.isInfeasible() && r->status == RecordStatus::Signed
                                          ? colours::kAmber
                                          : colours::kRed)),
             {},
             r->record.id,
             {}});
    m_blockingLines->setLines(blocking);
    if (m_charter->text().isEmpty() && book.charter())
        m_charter->setText(book.charter()->join(QStringLiteral(", ")));
}

void HandoffView::setExportRefusal(const QString &why) {
    m_export->setEnabled(why.isEmpty());
    m_export->setToolTip(why.isEmpty() ? tr("A signed .tar.zst with its manifest and HANDOFF.md") : why);
}

bool HandoffView::draft() const {
    return m_draft->isChecked();
}

QString HandoffView::locker() const {
    return m_locker->text().trimmed();
}

} // namespace ops::ui
