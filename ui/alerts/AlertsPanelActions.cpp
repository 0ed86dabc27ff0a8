// The Alerts panel's acts: acknowledge, silence, the recorder, charts and the probe strip.
#include "AlertsPanel.h"

#include "common/ErrorText.h"

#include "common/AppContext.h"
#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "store/StoreHost.h"

#include "AgeBarDelegate.h"
#include "AlertCellDelegate.h"
#include "ProbeStripModel.h"
#include "SilenceDialog.h"
#include "TrendCharts.h"

#include "core/Time.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ops::ui {

void AlertsPanel::acknowledgeSelected() {
    const QModelIndex index = m_matrix->currentIndex();
    if (!index.isValid() || index.data(AlertMatrixModel::StateRole).toInt() != int(AlertState::Firing))
        return;
    if (!m_monitor->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_monitor->isUnlocked())
            return;
    }
    if (m_ackNote->text().trimmed().isEmpty()) {
        m_ackStatus->setText(tr("Type a note first: what you saw and what you are doing."));
        m_ackNote->setFocus();
        return;
    }
    const QString alert = index.data(AlertMatrixModel::AlertIdRole).toString();
    const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
    auto event = m_monitor->acknowledge(alert, scope, m_ackNote->text());
    if (!event.ok()) {
        m_ackStatus->setText(
            QStringLiteral("<span style='color:%1'>%2</span>")
                .arg(colours::onBase(colours::kRed, palette()).name(),
                     tr("Not acknowledged: %1").arg(errorText(event.error())).toHtmlEscaped()));
        return;
    }
    m_ackNote->clear();
    m_ackStatus->setText(tr("Acknowledged as %1 (event %2).").arg(event->actor).arg(event->seq));
    showCell(index);
    emitSummary();
}

void AlertsPanel::selectCell(const QString &alertId, const QString &scope, bool acknowledge) {
    const QModelIndex i = m_model->indexOf(alertId, scope);
    if (!i.isValid())
        return;
    m_matrix->setCurrentIndex(i);
    showCell(i);
    if (acknowledge && m_ackNote->isEnabled())
        m_ackNote->setFocus();
    else
        m_matrix->setFocus();
}

QString AlertsPanel::selectedSilenceId() const {
    if (m_tabs->currentWidget() == m_silences->parentWidget() && m_silences->currentIndex().isValid()) {
        const QModelIndex i = m_silences->currentIndex();
        if (i.data(SilenceListModel::StatusRole).toInt() == int(Silence::Status::Active))
            return i.data(SilenceListModel::IdRole).toString();
    }
    const QModelIndex index = m_matrix->currentIndex();
    if (!index.isValid() || !index.data(AlertMatrixModel::SilencedRole).toBool())
        return {};
    return m_monitor->evaluator()
        ->cell(index.data(AlertMatrixModel::AlertIdRole).toString(),
               index.data(AlertMatrixModel::ScopeRole).toString())
        .silenceId;
}

void AlertsPanel::silenceSelected() {
    const QModelIndex index = m_matrix->currentIndex();
    const AlertRule *rule =
        index.isValid() ? m_monitor->evaluator()->rule(index.data(AlertMatrixModel::AlertIdRole).toString())
                        : nullptr;
    if (!rule)
        return;
    if (!m_monitor->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_monitor->isUnlocked())
            return;
    }
    const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
    SilenceDialog dialog(rule->name, scope, m_monitor->now(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto event = m_monitor->addSilence(rule->id, scope, dialog.untilMs(), dialog.reason());
    if (!event.ok()) {
        m_ackStatus->setText(
            tr("<span style='color:%1'>Not silenced: %2</span>")
                .arg(QLatin1String(colours::kRed), errorText(event.error()).toHtmlEscaped()));
        return;
    }
    m_ackStatus->setText(
        tr("Silenced %1 on %2 as SIL-%3 until %4: notifications wait, the state stays in view.")
            .arg(rule->name, scope)
            .arg(event->seq)
            .arg(TimeFormat::minutes(dialog.untilMs())));
    refreshSilences();
    showCell(index);
}

void AlertsPanel::endSelectedSilence() {
    const QString id = selectedSilenceId();
    if (id.isEmpty())
        return;
    if (!m_monitor->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_monitor->isUnlocked())
            return;
    }
    auto event = m_monitor->endSilence(id, tr("ended from the console"));
    if (!event.ok()) {
        m_ackStatus->setText(
            tr("<span style='color:%1'>Silence not ended: %2</span>")
                .arg(QLatin1String(colours::kRed), errorText(event.error()).toHtmlEscaped()));
        return;
    }
    m_ackStatus->setText(tr("Ended %1 (event %2): notifications flow again.").arg(id).arg(event->seq));
    refreshSilences();
    showCell(m_matrix->currentIndex());
    emitSummary();
}

void AlertsPanel::refreshSilences() {
    const qint64 now = m_monitor->now();
    const QString current = m_silences->currentIndex().data(SilenceListModel::IdRole).toString();
    m_silenceModel->setBook(m_monitor->silences(), now);
    int active = 0, upcoming = 0;
    for (int row = 0; row < m_silenceModel->rowCount(); ++row) {
        const int st = m_silenceModel->index(row, 0).data(SilenceListModel::StatusRole).toInt();
        active += st == int(Silence::Status::Active) ? 1 : 0;
        upcoming += st == int(Silence::Status::Upcoming) ? 1 : 0;
        if (!current.isEmpty() && m_silenceModel->index(row, 0).data(SilenceListModel::IdRole) == current)
            m_silences->setCurrentIndex(m_silenceModel->index(row, 0));
    }
    m_silenceStatus->setText(active == 0 && upcoming == 0
                                 ? tr("No silence in force and no maintenance window in the next 7 days.")
                                 : tr("%1 in force, %2 maintenance windows coming up. A silenced alert keeps "
                                      "firing into the log and shows as SILENCED; only notifications wait.")
                                       .arg(active)
                                       .arg(upcoming));
    m_tabs->setTabText(m_tabs->indexOf(m_silences->parentWidget()),
                       active > 0 ? tr("Silences (%1)").arg(active) : tr("Silences"));
    updateActions();
}

void AlertsPanel::updateRecording() {
    QString text;
    QString colour;
    if (m_monitor->isFollowing()) {
        // Another process records this store: a normal state, said plainly, not an error.
        const QString by = m_monitor->monitoredBy();
        text = by.isEmpty() ? m_monitor->recordingProblem()
                            : tr("Monitored by %1: this console shows the recorder's evaluations and records "
                                 "nothing itself.")
                                  .arg(by);
    } else if (const auto team = m_monitor->teamRecorder(); team && m_monitor->recordingProblem().isEmpty()) {
        // The team log's one recorder: a normal state while its rounds keep coming; when they
        // stopped, nobody records transitions, which is said as loudly as any other gap.
        if (team->stale) {
            text = tr("Nobody records the team log now: its recorder %1 last recorded a round at %2. Start "
                      "opsconsole-cli monitor on one machine.")
                       .arg(team->actor, TimeFormat::clock(team->lastRoundMs));
            colour = QLatin1String(colours::kRed);
        } else {
            text = tr("Monitored: recorded by %1 on the team log (last round %2); this console shows its "
                      "evaluations and records nothing itself.")
                       .arg(team->actor, TimeFormat::clock(team->lastRoundMs));
        }
    } else if (!m_monitor->recordingProblem().isEmpty()) {
        text = tr("Not recording: %1").arg(m_monitor->recordingProblem());
        colour = colours::onBase(colours::kRed, palette()).name();
    } else if (!m_monitor->isUnlocked()) {
        text =
            m_monitor->pendingEvents() > 0
                ? (m_monitor->pendingEvents() == 1
                       ? tr("Locked: 1 transition waits to be recorded as evidence — sign in to record it.")
                       : tr("Locked: %1 transitions wait to be recorded as evidence — sign in to record "
                            "them.")
                             .arg(m_monitor->pendingEvents()))
                : tr("Locked: transitions will wait in memory until someone signs in.");
        colour = colours::onBase(colours::kAmber, palette()).name();
    } else {
        text = tr("Recording transitions as evidence signed by %1.").arg(m_monitor->actor());
    }
    if (!m_monitor->notificationProblem().isEmpty()) {
        text += QLatin1Char(' ') + tr("Not notifying: %1").arg(m_monitor->notificationProblem());
        colour = colours::onBase(colours::kRed, palette()).name();
    }
    m_recording->setText(text);
    m_recording->setAccessibleName(text);
    m_recording->setStyleSheet(colour.isEmpty()
                                   ? QString()
                                   : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour));
    updateActions();
}

void AlertsPanel::refreshCharts() {
    const QModelIndex index = m_matrix->currentIndex();
    const QString scope =
        index.isValid()
            ? index.data(AlertMatrixModel::ScopeRole).toString()
            : (m_config.orderedScopes().isEmpty() ? QString() : m_config.orderedScopes().first()->id);
    if (scope.isEmpty())
        return;
    m_chartScope = scope;
    const qint64 to = Time::nowMs();
    const qint64 from = to - 6LL * 60 * 60 * 1000;
    const ScopeConfig *sc = m_config.scope(scope);
    m_charts->setSamples(scope, m_monitor->samples(scope, from), sc ? sc->freshnessHours : 0, from, to);
}

QString AlertsPanel::copySelectedProbe() {
    const QModelIndex current = m_probes->currentIndex();
    if (!current.isValid())
        return {};
    QStringList lines;
    for (int col = 0; col < ProbeStripModel::ColumnCount; ++col)
        lines << m_stripModel->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString() +
                     QStringLiteral(": ") + m_stripModel->index(current.row(), col).data().toString();
    const QString digests =
        m_stripModel->index(current.row(), 0).data(ProbeStripModel::DigestsRole).toString();
    if (!digests.isEmpty())
        lines << digests;
    const QString text = lines.join(QLatin1Char('\n'));
    QGuiApplication::clipboard()->setText(text);
    return text;
}

void AlertsPanel::fillProbeStrip() {
    m_stripModel->refresh();
}

} // namespace ops::ui
