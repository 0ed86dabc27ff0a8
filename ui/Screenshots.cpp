#include "Screenshots.h"

#include "MainWindow.h"
#include "alerts/AlertsPanel.h"
#include "derivations/DerivationsPanel.h"
#include "evidence/EvidencePanel.h"
#include "incidents/IncidentsPanel.h"
#include "store/EventTableModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QListView>
#include <QTabWidget>

namespace ops::ui {

QStringList renderScreenshots(MainWindow &window, const QString &dir) {
    QDir().mkpath(dir);
    QStringList written;
    const int previous = window.currentPanel();
    IncidentsPanel *incidents = window.incidentsPanel();
    DerivationsPanel *derivations = window.derivationsPanel();
    EvidencePanel *evidence = window.evidencePanel();
    AlertsPanel *alerts = window.alertsPanel();
    for (int i = 0; i < window.panelCount(); ++i) {
        window.showPanel(i);
        const QString rollback = window.panel(i) == incidents ? incidents->showMostUrgent() : QString();
        QCoreApplication::processEvents();
        const QString name = window.panel(i)->objectName().remove(QStringLiteral("Panel"));
        const QString file = QDir(dir).filePath(QStringLiteral("panel-%1.png").arg(name));
        if (window.grab().save(file))
            written << file;
        // The incident behind the rollback, then the rollback itself.
        if (window.panel(i) == incidents && !incidents->currentIncident().isEmpty()) {
            auto *tabs = incidents->findChild<QTabWidget *>(QStringLiteral("incidentTabs"));
            tabs->setCurrentIndex(1);
            QCoreApplication::processEvents();
            const QString timeline = QDir(dir).filePath(QStringLiteral("panel-incidents-evidence.png"));
            if (window.grab().save(timeline))
                written << timeline;
            tabs->setCurrentIndex(2); // the decision log and closure
            QCoreApplication::processEvents();
            const QString decisions = QDir(dir).filePath(QStringLiteral("panel-incidents-decisions.png"));
            if (window.grab().save(decisions))
                written << decisions;
            tabs->setCurrentIndex(0);
        }
        if (!rollback.isEmpty()) {
            incidents->selectRun(rollback);
            QCoreApplication::processEvents();
            const QString run = QDir(dir).filePath(QStringLiteral("panel-incidents-rollback.png"));
            if (window.grab().save(run))
                written << run;
        }
        // The Derivations panel's handoff checklist, once there are records to hand off.
        if (window.panel(i) == derivations && !derivations->book().records().isEmpty()) {
            auto *tabs = derivations->findChild<QTabWidget *>(QStringLiteral("derivationTabs"));
            tabs->setCurrentIndex(1);
            QCoreApplication::processEvents();
            const QString handoff = QDir(dir).filePath(QStringLiteral("panel-derivations-handoff.png"));
            if (window.grab().save(handoff))
                written << handoff;
            tabs->setCurrentIndex(0);
        }
        // The Evidence panel: an event opened in the detail pane, then the latest proof summary.
        if (window.panel(i) == evidence && evidence->model()->rowCount() > 0) {
            evidence->showEventDetail(evidence->model()->seqAt(0));
            QCoreApplication::processEvents();
            if (window.grab().save(file))
                written.last() = file;
            auto *tabs = evidence->findChild<QTabWidget *>(QStringLiteral("evidenceTabs"));
            auto *history = evidence->findChild<QListView *>(QStringLiteral("proofHistory"));
            tabs->setCurrentIndex(1);
            if (history && history->model()->rowCount() > 1) {
                const QModelIndex second = history->model()->index(1, 0);
                history->setCurrentIndex(second);
                Q_EMIT history->activated(second);
            }
            QCoreApplication::processEvents();
            const QString proofs = QDir(dir).filePath(QStringLiteral("panel-evidence-proofs.png"));
            if (window.grab().save(proofs))
                written << proofs;
            tabs->setCurrentIndex(2);
            QCoreApplication::processEvents();
            const QString verdicts = QDir(dir).filePath(QStringLiteral("panel-evidence-verdicts.png"));
            if (window.grab().save(verdicts))
                written << verdicts;
            tabs->setCurrentIndex(0);
        }
        // The Alerts panel's second tab: the trends of the selected scope.
        if (window.panel(i) == alerts) {
            auto *tabs = alerts->findChild<QTabWidget *>(QStringLiteral("alertsTabs"));
            alerts->monitor()->waitForWrites();
            tabs->setCurrentIndex(1);
            QCoreApplication::processEvents();
            const QString trends = QDir(dir).filePath(QStringLiteral("panel-alerts-trends.png"));
            if (window.grab().save(trends))
                written << trends;
            tabs->setCurrentIndex(0);
        }
    }
    window.showPanel(previous);
    return written;
}

} // namespace ops::ui
