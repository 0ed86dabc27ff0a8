// IncidentsPanel's acts: opening an incident, runbook runs and rollbacks, attachments, the report
// export, each through IncidentActions, and what the panel says about them.
#include "IncidentsPanel.h"

#include "IncidentDetailView.h"
#include "OpenIncidentDialog.h"
#include "RunChecklistView.h"

#include "common/Colours.h"
#include "common/ErrorText.h"
#include "common/MessageBox.h"
#include "common/StatusWidgets.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "incidents/IncidentListModel.h"
#include "reports/ReportPdf.h"
#include "runtime/AppContext.h"
#include "store/Session.h"
#include "store/StoreHost.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>

namespace ops::ui {

bool IncidentsPanel::exportReport(const QString &path) {
    if (m_incidentId.isEmpty())
        return false;
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: generating a report is recorded."), true);
            return false;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const IncidentReports::Format format = suffix == QLatin1String("pdf") ? IncidentReports::Format::Pdf
                                           : suffix == QLatin1String("html")
                                               ? IncidentReports::Format::Html
                                               : IncidentReports::Format::Markdown;
    auto built = IncidentReports::build(*store, m_incidentId, m_clock ? m_clock() : Time::nowMs());
    if (!built.ok()) {
        report(errorText(built.error()), true);
        return false;
    }
    auto bytes = renderIncidentReport(built.value(), format);
    if (!bytes.ok()) {
        report(errorText(bytes.error()), true);
        return false;
    }
    const QString language =
        QLocale().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
    // Recorded once the file can be written, and the file never there unrecorded.
    std::optional<StoredEvent> e;
    const auto record = [&]() -> Result<void> {
        auto recorded = IncidentReports::recordGenerated(*store, *m_session->signer(), built.value(), format,
                                                         bytes.value(), language);
        if (!recorded.ok())
            return recorded.error();
        e = recorded.value();
        return {};
    };
    if (auto w = FileUtil::writePrivateAtomicThen(path, bytes.value(), record); !w.ok()) {
        report(errorText(w.error()), true);
        return false;
    }
    report(tr("%1postmortem of %2 written to %3 (event %4)")
               .arg(built->draft ? tr("DRAFT ") : QString(), m_incidentId, QDir::toNativeSeparators(path))
               .arg(e->seq));
    return true;
}

std::unique_ptr<IncidentActions> IncidentsPanel::actions() {
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: every intervention is signed evidence."), true);
            return nullptr;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return nullptr;
    }
    return std::make_unique<IncidentActions>(*store, *m_session->signer(), m_config, m_library, m_clock);
}

void IncidentsPanel::report(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1;%2")
            .arg(colours::onBase(error ? colours::kRed : colours::kGreen, palette()).name(),
                 error ? QStringLiteral(" font-weight: bold;") : QString()));
    m_status->setAccessibleName(text);
}

bool IncidentsPanel::confirm(const QString &title, const QString &text) {
    return MessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                QMessageBox::Cancel) == QMessageBox::Yes;
}

bool IncidentsPanel::storeReachable() const {
    EvidenceStore *store = m_store ? m_store() : nullptr;
    return !store || store->reachable();
}

bool IncidentsPanel::handle(const Result<StoredEvent> &result, const QString &done) {
    if (!result.ok()) {
        report(errorText(result.error()), true);
        return false;
    }
    report(actRecorded(done, result.value(), storeReachable()));
    refresh();
    return true;
}

void IncidentsPanel::openIncidentDialog(const QString &incidentClass, const QString &scope,
                                        const QString &trigger, const QString &alert) {
    OpenIncidentDialog dialog(m_config, this);
    if (!incidentClass.isEmpty() || !scope.isEmpty())
        dialog.prefill(incidentClass, scope, trigger, alert);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto a = actions();
    if (!a)
        return;
    auto e = a->open(dialog.request());
    if (handle(e, tr("Opened %1").arg(e.ok() ? citedIdOf(e.value()) : QString())))
        selectIncident(citedIdOf(e.value()));
}

void IncidentsPanel::startRunbook(const QString &runbookId, const QString &scope, const QString &incident) {
    auto a = actions();
    if (!a)
        return;
    auto e = a->runs().startRun(runbookId, incident, scope);
    if (handle(e, tr("Started %1").arg(e.ok() ? citedIdOf(e.value()) : QString())))
        selectRun(citedIdOf(e.value()));
}

void IncidentsPanel::startRollback(const QString &scope, bool drill, const QString &incident) {
    if (!confirm(drill ? tr("Start a rollback drill") : tr("Start a rollback"),
                 tr("Start %1 on %2 now? The clocks start at once: restore within %3 min, integrity within "
                    "%4 min.")
                     .arg(drill ? tr("a rollback drill") : tr("a rollback"), scope)
                     .arg(m_config.objectives.restoreMinutes)
                     .arg(m_config.objectives.integrityMinutes)))
        return;
    auto a = actions();
    if (!a)
        return;
    auto e = a->runs().startRollback(scope, drill, incident);
    if (handle(e, tr("Started %1 on %2").arg(e.ok() ? citedIdOf(e.value()) : QString(), scope)))
        selectRun(citedIdOf(e.value()));
}

bool IncidentsPanel::addAttachment(const QString &path) {
    return m_runView->addAttachment(path);
}

bool IncidentsPanel::addChecksumFile(const QString &path) {
    return m_runView->addChecksumFile(path);
}

const RunbookLibrary &IncidentsPanel::library() const {
    return m_library;
}

qint64 IncidentsPanel::now() const {
    return m_clock();
}

} // namespace ops::ui
