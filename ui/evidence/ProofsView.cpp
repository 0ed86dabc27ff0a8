#include "ProofsView.h"

#include "ProofSectionModel.h"

#include "common/Colours.h"
#include "proofs/ProofRecord.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;

ProofsView::ProofsView(Session *session, StoreProvider store, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(std::move(store)) {
    setObjectName(QStringLiteral("proofsView"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(split);

    auto *left = new QWidget(split);
    auto *ll = new QVBoxLayout(left);
    auto *import = new QPushButton(tr("Import capture…"), left);
    import->setObjectName(QStringLiteral("importCaptureButton"));
    import->setToolTip(
        tr("Summarize a test-output capture file (demo-output.txt, fi-traceability-output.txt, …)"));
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a test-output capture"), QString(),
                                                          tr("Captures (*.txt *.log *.out);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    ll->addWidget(import);
    m_paste = new QPlainTextEdit(left);
    m_paste->setObjectName(QStringLiteral("pasteCapture"));
    m_paste->setPlaceholderText(tr("…or paste a capture here"));
    m_paste->setAccessibleName(tr("Pasted capture"));
    ll->addWidget(m_paste, 1);
    auto *summarizePaste = new QPushButton(tr("Summarize pasted text"), left);
    summarizePaste->setObjectName(QStringLiteral("summarizePasteButton"));
    connect(summarizePaste, &QPushButton::clicked, this,
            [this] { summarize(m_paste->toPlainText().toUtf8(), QStringLiteral("pasted-capture.txt")); });
    ll->addWidget(summarizePaste);
    ll->addWidget(new QLabel(tr("Recorded summaries"), left));
    m_historyModel = new QStandardItemModel(this);
    m_history = new QListView(left);
    m_history->setObjectName(QStringLiteral("proofHistory"));
    m_history->setAccessibleName(tr("Recorded proof summaries"));
    m_history->setModel(m_historyModel);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_history, &QListView::activated, this, [this](const QModelIndex &row) {
        SqliteEvidenceStore *s = m_store();
        if (!s || !row.isValid())
            return;
        auto e = s->event(row.data(kSeqRole).toULongLong());
        const auto summary = e.ok() ? RecordedProofSummary::fromEvent(e.value()) : std::nullopt;
        auto bytes = summary ? s->blob(summary->captureSha256)
                             : Result<QByteArray>(makeError(ErrorCode::InvalidInput, QString()));
        if (!bytes.ok()) {
            report(tr("The capture of that summary is not in this store."), true);
            return;
        }
        m_capture = bytes.value();
        m_name = summary->captureName;
        auto rules = FailureRules::builtin();
        if (rules.ok())
            display(summarizeCapture(m_capture, rules.value()), m_name, true);
    });
    ll->addWidget(m_history, 1);

    auto *right = new QWidget(split);
    auto *rl = new QVBoxLayout(right);
    m_banner = new QLabel(tr("No capture yet"), right);
    m_banner->setObjectName(QStringLiteral("proofVerdict"));
    m_banner->setAlignment(Qt::AlignCenter);
    QFont big = m_banner->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_banner->setFont(big);
    rl->addWidget(m_banner);
    m_counts = new QLabel(right);
    m_counts->setObjectName(QStringLiteral("proofCounts"));
    m_counts->setAlignment(Qt::AlignCenter);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rl->addWidget(m_counts);
    // Each section of the capture with its own counts and verdict; the totals are above.
    m_sectionModel = new ProofSectionModel(this);
    m_sections = new QTreeView(right);
    m_sections->setObjectName(QStringLiteral("proofSections"));
    m_sections->setAccessibleName(tr("Sections of the capture"));
    m_sections->setRootIsDecorated(false);
    m_sections->setUniformRowHeights(true);
    m_sections->setModel(m_sectionModel); // in the capture's order
    m_sections->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sections->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    rl->addWidget(m_sections);
    m_findings = new QTreeWidget(right);
    m_findings->setObjectName(QStringLiteral("proofFindings"));
    m_findings->setAccessibleName(tr("Failures by layer"));
    m_findings->setHeaderLabels({tr("Line"), tr("What the capture says"), tr("Debug action")});
    m_findings->setWordWrap(true);
    m_findings->setUniformRowHeights(false);
    m_findings->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_findings->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_findings->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    rl->addWidget(m_findings, 1);
    // The selected finding in full: its line and what to do about it.
    m_findingDetail = new QLabel(right);
    m_findingDetail->setObjectName(QStringLiteral("proofFindingDetail"));
    m_findingDetail->setWordWrap(true);
    m_findingDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findingDetail->setFrameShape(QFrame::StyledPanel);
    m_findingDetail->setMargin(6);
    m_findingDetail->setVisible(false);
    rl->addWidget(m_findingDetail);
    connect(m_findings, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item || !item->parent()) {
            m_findingDetail->setVisible(false);
            return;
        }
        m_findingDetail->setText(tr("<b>Line %1</b> (%2): %3<br><b>→ %4</b>")
                                     .arg(item->text(0), item->parent()->text(0),
                                          item->text(1).toHtmlEscaped(), item->text(2).toHtmlEscaped()));
        m_findingDetail->setVisible(true);
    });
    m_warnings = new QLabel(right);
    m_warnings->setObjectName(QStringLiteral("proofWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: %1;").arg(colours::onBase(kAmber, palette()).name()));
    rl->addWidget(m_warnings);
    auto *row = new QHBoxLayout;
    m_record = new QPushButton(tr("Record as evidence"), right);
    m_record->setObjectName(QStringLiteral("recordProofButton"));
    m_record->setEnabled(false);
    connect(m_record, &QPushButton::clicked, this, [this] { record(); });
    row->addWidget(m_record);
    m_message = new QLabel(right);
    m_message->setObjectName(QStringLiteral("proofsMessage"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_message, 1);
    rl->addLayout(row);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    connect(m_session, &Session::changed, this,
            [this] { m_record->setEnabled(m_summary.has_value() && m_session->isUnlocked()); });
}

bool ProofsView::importFile(const QString &path) {
    auto in = readCapture(path);
    if (!in.ok()) {
        report(in.error().toString(), true);
        return false;
    }
    summarize(in->bytes, in->name);
    return true;
}

void ProofsView::summarize(const QByteArray &capture, const QString &name) {
    auto rules = FailureRules::builtin();
    if (!rules.ok()) {
        report(rules.error().toString(), true);
        return;
    }
    m_capture = capture;
    m_name = name;
    display(summarizeCapture(capture, rules.value()), name, false);
    if (m_session->isUnlocked())
        record();
    else
        report(tr("Not recorded yet: sign in, then Record as evidence."));
}

bool ProofsView::record() {
    SqliteEvidenceStore *s = m_store();
    if (!m_summary || !s || !m_session->isUnlocked()) {
        if (!m_session->isUnlocked())
            Q_EMIT signInRequested();
        return false;
    }
    auto rules = FailureRules::builtin();
    auto e = recordProofSummary(*s, *m_session->signer(), CaptureInput{m_name, m_capture}, *m_summary,
                                rules.value());
    if (!e.ok()) {
        report(e.error().toString(), true);
        return false;
    }
    m_record->setEnabled(false);
    report(tr("Recorded as event %1, the capture attached (SHA-256 %2…).")
               .arg(e->seq)
               .arg(RecordedProofSummary::fromEvent(e.value())
                        .value_or(RecordedProofSummary{})
                        .captureSha256.left(16)));
    refreshHistory();
    Q_EMIT recorded(e->seq);
    return true;
}

void ProofsView::refreshHistory() {
    m_historyModel->clear();
    SqliteEvidenceStore *s = m_store();
    if (!s)
        return;
    EventSearch search;
    search.kind = QStringLiteral("proof.summarized");
    auto page = s->searchPage(search, std::nullopt, 50);
    if (!page.ok())
        return;
    for (quint64 seq : page->seqs) {
        auto e = s->event(seq);
        if (!e.ok())
            continue;
        const auto summary = RecordedProofSummary::fromEvent(e.value());
        if (!summary)
            continue;
        const QString overall = summary->overall;
        auto *item = new QStandardItem(tr("%1  %2 · %3 passed, %4 failed · #%5")
                                           .arg(overall, summary->captureName)
                                           .arg(summary->pass)
                                           .arg(summary->fail)
                                           .arg(seq));
        item->setData(static_cast<qulonglong>(seq), kSeqRole);
        m_historyModel->appendRow(item);
        item->setForeground(colours::onBase(overall == QLatin1String("PASS")   ? kGreen
                                            : overall == QLatin1String("FAIL") ? kRed
                                                                               : kAmber,
                                            palette()));
    }
}

void ProofsView::display(const ProofSummary &summary, const QString &name, bool recorded) {
    m_summary = summary;
    const QString colour = QLatin1String(summary.overall == QLatin1String("PASS")   ? kGreen
                                         : summary.overall == QLatin1String("FAIL") ? kRed
                                                                                    : kAmber);
    m_banner->setText(summary.overall == QLatin1String("INCOMPLETE") ? tr("INCOMPLETE — nothing proven")
                                                                     : summary.overall);
    m_banner->setProperty("verdict", summary.overall);
    m_banner->setStyleSheet(
        QStringLiteral("color: white; background: %1; padding: 6px; border-radius: 4px;").arg(colour));
    m_counts->setText(tr("%1 passed · %2 failed · %3 not run · %4 skipped   (%5, %6 lines)")
                          .arg(summary.pass)
                          .arg(summary.fail)
                          .arg(summary.notRun)
                          .arg(summary.skip)
                          .arg(name)
                          .arg(summary.lines));
    m_sectionModel->setSections(summary.sections, palette());
    m_sections->setVisible(!summary.sections.isEmpty());
    // As tall as its rows (up to eight), so the findings below keep the room.
    if (!summary.sections.isEmpty()) {
        const int rows = int(qMin<qsizetype>(summary.sections.size(), 8));
        m_sections->setFixedHeight(m_sections->header()->sizeHint().height() +
                                   rows * m_sections->sizeHintForRow(0) + 2 * m_sections->frameWidth() + 2);
    }
    m_findings->clear();
    for (ProofLayer layer : allProofLayers()) {
        const QList<ProofFinding> findings = summary.findingsOf(layer);
        if (findings.isEmpty())
            continue;
        int failures = 0;
        for (const ProofFinding &f : findings)
            failures += f.kind == FindingKind::Failure ? 1 : 0;
        auto *group = new QTreeWidgetItem(
            m_findings,
            {proofLayerName(layer),
             tr("%1 failure(s), %2 skip(s) or fallback(s)").arg(failures).arg(findings.size() - failures)});
        group->setData(0, Qt::UserRole, proofLayerName(layer));
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const ProofFinding &f : findings) {
            auto *item = new QTreeWidgetItem(group, {QString::number(f.line), f.text, f.action});
            item->setToolTip(1, f.text);
            item->setToolTip(2, f.rule.isEmpty() ? tr("No pattern matched") : tr("Pattern %1").arg(f.rule));
            item->setData(0, Qt::UserRole, findingKindName(f.kind));
            item->setForeground(1,
                                colours::onBase(f.kind == FindingKind::Failure ? kRed : kAmber, palette()));
        }
        group->setExpanded(true);
    }
    if (m_findings->topLevelItemCount() > 0 && m_findings->topLevelItem(0)->childCount() > 0)
        m_findings->setCurrentItem(m_findings->topLevelItem(0)->child(0));
    else
        m_findingDetail->setVisible(false);
    QStringList w;
    for (const Phrase &x : summary.warnings)
        w << x.translated();
    if (summary.findingsOmitted > 0)
        w << tr("%1 more findings not listed").arg(summary.findingsOmitted);
    m_warnings->setText(w.join(QLatin1Char('\n')));
    m_record->setEnabled(!recorded && m_session->isUnlocked());
}

void ProofsView::report(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(colours::onBase(kRed, palette()).name())
                                   : QString());
}

} // namespace ops::ui
