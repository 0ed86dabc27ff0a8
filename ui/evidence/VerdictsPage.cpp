#include "VerdictsPage.h"

#include "VerdictView.h"

#include "common/Colours.h"
#include "core/Time.h"
#include "proofs/ProofRecord.h"
#include "store/SqliteEvidenceStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops::ui {

VerdictsPage::VerdictsPage(Session *session, StoreProvider store, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(std::move(store))
    , m_lines(new LinesModel({}, this)) {
    setObjectName(QStringLiteral("verdictsPage"));
    auto *l = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A verdict is score.json, its evidence bundle, verdict.sig and verdict.pub. "
                                "Verification is offline: the signature, the bundle's digest, its entries "
                                "and every listed file are checked on the local files, never over the "
                                "network."),
                             this);
    intro->setWordWrap(true);
    l->addWidget(intro);
    auto *row = new QHBoxLayout;
    auto *open = new QPushButton(tr("Verify a verdict…"), this);
    open->setObjectName(QStringLiteral("openVerdictDialog"));
    open->setToolTip(tr("Pick the four files or a results/ folder (Ctrl+Shift+V)"));
    connect(open, &QPushButton::clicked, this, [this] { openDialog(); });
    row->addWidget(open);
    row->addStretch();
    l->addLayout(row);
    l->addWidget(new QLabel(tr("Verified so far (double-click to open the event):"), this));
    m_history = new QListView(this);
    m_history->setObjectName(QStringLiteral("verdictHistory"));
    m_history->setAccessibleName(tr("Verdicts verified so far"));
    m_history->setModel(m_lines);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setUniformItemSizes(true);
    connect(m_history, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const quint64 seq = index.data(LinesModel::ValueRole).toULongLong())
            Q_EMIT eventActivated(seq);
    });
    l->addWidget(m_history, 1);
    // The checks of the verdict selected above, as they were recorded.
    m_recorded = VerdictView::newChecksTree(this, QStringLiteral("verdictRecordedChecks"),
                                            tr("Checks of the selected verdict"));
    l->addWidget(m_recorded, 2);
    connect(m_history->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                showRecordedChecks(current.data(LinesModel::ValueRole).toULongLong());
            });
}

void VerdictsPage::showRecordedChecks(quint64 seq) {
    m_recorded->clear();
    SqliteEvidenceStore *s = m_store ? m_store() : nullptr;
    if (!s || seq == 0)
        return;
    auto e = s->event(seq);
    if (!e.ok())
        return;
    if (const auto verdict = RecordedVerdict::fromEvent(e.value()))
        for (const RecordedVerdict::Check &c : verdict->checks)
            VerdictView::addCheckRow(m_recorded, c.name, c.ok, c.detail);
}

void VerdictsPage::refresh() {
    QList<LinesModel::Line> lines;
    SqliteEvidenceStore *s = m_store ? m_store() : nullptr;
    if (!s) {
        m_lines->setLines(
            {{{tr("No evidence store: verifications can still be run, but not recorded.")}, {}, {}, {}, {}}});
        return;
    }
    EventSearch search;
    search.kind = QStringLiteral("verdict.verified");
    search.descending = true;
    auto page = s->searchPage(search, std::nullopt, 50);
    if (!page.ok()) {
        m_lines->setLines(
            {{{tr("The verdicts cannot be read: %1").arg(page.error().message)}, {}, {}, {}, {}}});
        return;
    }
    for (quint64 seq : page->seqs) {
        auto e = s->event(seq);
        if (!e.ok())
            continue;
        const auto verdict = RecordedVerdict::fromEvent(e.value());
        if (!verdict)
            continue;
        const bool valid = verdict->valid;
        lines.append({{tr("%1  %2 · key %3 · by %4 · #%5")
                           .arg(valid ? tr("✔ VALID") : tr("✘ INVALID"), Time::toIso(verdict->tsMs),
                                verdict->keyFingerprint, verdict->actor)
                           .arg(seq)},
                      colours::onBase(valid ? colours::kGreen : colours::kRed, palette()),
                      {},
                      static_cast<qulonglong>(seq),
                      {}});
    }
    if (lines.isEmpty())
        lines.append({{tr("No verdict verified yet.")}, {}, {}, {}, {}});
    m_lines->setLines(lines);
    showRecordedChecks(0);
    if (lines.first().value.isValid())
        m_history->setCurrentIndex(m_lines->index(0, 0));
}

VerdictDialog *VerdictsPage::openDialog() {
    view();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

VerdictView *VerdictsPage::view() {
    if (!m_dialog) {
        // A window of its own, parented to the panel's window so it closes with it.
        m_dialog = new VerdictDialog(m_session, m_store, this);
        connect(m_dialog->view(), &VerdictView::finished, this, &VerdictsPage::verified);
        connect(m_dialog->view(), &VerdictView::signInRequested, this, &VerdictsPage::signInRequested);
    }
    return m_dialog->view();
}

} // namespace ops::ui
