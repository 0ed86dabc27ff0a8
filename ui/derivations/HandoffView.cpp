#include "HandoffView.h"

#include "DerivationItems.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ops::ui {

using namespace derivation_items;

HandoffView::HandoffView(QWidget *parent)
    : QWidget(parent) {
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
    m_criteria->clear();
    for (const HandoffCriterion &c : st.criteria) {
        auto *i = line(QStringLiteral("%1 %2 — %3")
                           .arg(c.ok ? QStringLiteral("✔") : QStringLiteral("✘"), c.title, c.detail),
                       tone(this, QLatin1String(c.ok ? colours::kGreen : colours::kRed)));
        i->setData(Qt::UserRole, c.id);
        i->setData(Qt::UserRole + 1, c.ok);
        m_criteria->addItem(i);
    }
    for (const QString &n : st.notifications)
        m_criteria->addItem(line(QStringLiteral("⚠ ") + n, tone(this, QLatin1String(colours::kAmber))));
    m_values->setRowCount(0);
    for (const CharterValue &v : st.values) {
        const int row = m_values->rowCount();
        m_values->insertRow(row);
        const bool settled = v.settledBy != nullptr;
        m_values->setItem(row, 0, item(v.name));
        m_values->setItem(
            row, 1,
            item(v.state, tone(this, QLatin1String(settled                               ? colours::kGreen
                                                   : v.state == QLatin1String("pending") ? colours::kAmber
                                                                                         : colours::kRed))));
        m_values->setItem(row, 2, item(v.detail));
    }
    m_eligible->clear();
    for (const RecordState *r : st.eligible)
        m_eligible->addItem(line(
            QStringLiteral("%1 = %2 %3 (%4)")
                .arg(r->record.valueName(), r->record.text("value"), r->record.text("units"), r->record.id),
            tone(this, QLatin1String(colours::kGreen))));
    m_blocking->clear();
    for (const auto &[r, why] : st.blocking)
        m_blocking->addItem(
            line(QStringLiteral("%1 (%2): %3").arg(r->record.valueName(), r->record.id, why),
                 tone(this, QLatin1String(r->record.isInfeasible() && r->status == RecordStatus::Signed
                                              ? colours::kAmber
                                              : colours::kRed))));
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
