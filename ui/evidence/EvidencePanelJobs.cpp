// EvidencePanel's background jobs as the user starts and sees them: verifying the store and
// exporting what the filters select (EvidenceJobs runs them off the window's thread).
#include "EvidenceFilterBar.h"
#include "EvidencePanel.h"

#include "store/EventTableModel.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace ops::ui {

void EvidencePanel::startVerify() {
    if (!browsed() || !m_jobs->startVerify(m_progress))
        return;
    m_verify->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    report(tr("Verifying the store…"));
}

void EvidencePanel::verifyDone(const Result<VerifyReport> &r) {
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_verify->setEnabled(true);
    if (!r.ok()) {
        report(r.error().code == ErrorCode::Negative ? tr("Verification cancelled; nothing recorded.")
                                                     : r.error().toString(),
               true);
        Q_EMIT verifyFinished(false);
        return;
    }
    const VerifyReport &v = r.value();
    QString text =
        v.intact ? tr("Store intact: %1 events, %2 checkpoints and %3 signatures recomputed and verified.")
                       .arg(v.events)
                       .arg(v.checkpoints)
                       .arg(v.signaturesChecked)
                 : tr("TAMPERED: %1").arg(v.reason);
    if (v.intact && !v.trustPinned)
        text += tr(" Trust root not pinned: a log rewritten with new keys would verify too.");
    text += QLatin1Char(' ') + m_jobs->record(v);
    if (store() && m_session->isUnlocked())
        refresh();
    report(text, !v.intact);
    Q_EMIT verifyFinished(v.intact);
}

void EvidencePanel::startExport(const QString &path, ExportFormat format) {
    if (!store() || isExporting())
        return;
    std::optional<Signer> signer;
    if (format == ExportFormat::Bundle) {
        if (!m_session->isUnlocked()) {
            report(tr("A signed bundle needs a signature: sign in first."), true);
            Q_EMIT signInRequested();
            return;
        }
        signer = Signer{m_session->signer()->name, m_session->signer()->key.duplicate()};
    }
    if (!m_jobs->startExport(path, format, m_model->search(), std::move(signer)))
        return;
    m_export->setEnabled(false);
    report(tr("Exporting %1…").arg(describeSearch(m_model->search())));
}

} // namespace ops::ui
