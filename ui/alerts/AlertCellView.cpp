#include "AlertCellView.h"

#include "SilenceDialog.h"

#include "alerts/AlertMatrixModel.h"
#include "common/Colours.h"
#include "common/ErrorText.h"
#include "common/TimeFormat.h"
#include "monitor/AlertMonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops::ui {

namespace {

// "Silenced until 10:53 by alice (SIL-2): reason" under the cell's own state; notifications wait.
QString silencedLine(const AlertCell &c) {
    if (!c.silenced())
        return {};
    return AlertCellView::tr("<br><b>Silenced</b> until %1 by %2 (%3): %4 — notifications wait")
        .arg(TimeFormat::minutes(c.silencedUntilMs), c.silencedBy.toHtmlEscaped(), c.silenceId,
             c.silenceReason.toHtmlEscaped());
}

QString stateName(AlertState state) {
    switch (state) {
    case AlertState::Firing:
        return AlertCellView::tr("FIRING");
    case AlertState::Acknowledged:
        return AlertCellView::tr("ACKNOWLEDGED");
    case AlertState::Ok:
        return AlertCellView::tr("OK");
    default:
        return AlertCellView::tr("UNKNOWN");
    }
}

} // namespace

AlertCellView::AlertCellView(AlertMonitor *monitor, AlertMatrixModel *model, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_note(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_ack(new QPushButton(tr("Acknowledge"), this))
    , m_openIncident(new QPushButton(tr("Open incident…"), this))
    , m_startRunbook(new QPushButton(tr("Start runbook"), this))
    , m_silence(new QPushButton(tr("Silence…"), this))
    , m_endSilence(new QPushButton(tr("End silence"), this)) {
    m_title->setObjectName(QStringLiteral("alertDetailTitle"));
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_title->setText(tr("Select a cell to see its trigger and first action"));
    m_detail->setObjectName(QStringLiteral("alertDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    for (QPushButton *b : {m_ack, m_openIncident, m_startRunbook, m_silence, m_endSilence})
        b->setEnabled(false);
    m_silence->setObjectName(QStringLiteral("silenceButton"));
    m_endSilence->setObjectName(QStringLiteral("endSilenceButton"));
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_openIncident->setObjectName(QStringLiteral("openIncidentButton"));
    m_startRunbook->setObjectName(QStringLiteral("startRunbookButton"));
    m_note->setObjectName(QStringLiteral("acknowledgeNote"));
    m_note->setPlaceholderText(tr("Note for the acknowledgement (required)"));
    m_note->setAccessibleName(tr("Acknowledgement note"));
    m_note->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("acknowledgeStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_detail, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ack);
    buttons->addWidget(m_openIncident);
    buttons->addWidget(m_startRunbook);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    auto *silenceButtons = new QHBoxLayout;
    silenceButtons->addWidget(m_silence);
    silenceButtons->addWidget(m_endSilence);
    silenceButtons->addStretch(1);
    layout->addLayout(silenceButtons);

    connect(m_silence, &QPushButton::clicked, this, &AlertCellView::silence);
    connect(m_endSilence, &QPushButton::clicked, this, &AlertCellView::endSilence);
    connect(m_note, &QLineEdit::textChanged, this, &AlertCellView::updateActions);
    connect(m_note, &QLineEdit::returnPressed, this, &AlertCellView::acknowledge);
    connect(m_ack, &QPushButton::clicked, this, &AlertCellView::acknowledge);
    connect(m_openIncident, &QPushButton::clicked, this, [this] {
        const AlertRule *rule =
            m_index.isValid()
                ? m_monitor->evaluator()->rule(m_index.data(AlertMatrixModel::AlertIdRole).toString())
                : nullptr;
        if (!rule)
            return;
        const QString scope = m_index.data(AlertMatrixModel::ScopeRole).toString();
        const QString detail = m_monitor->evaluator()->cell(rule->id, scope).detail.translated();
        Q_EMIT openIncidentRequested(rule->incidentClass, scope,
                                     detail.isEmpty()
                                         ? tr("alert %1").arg(AlertRules::shown(rule->name))
                                         : tr("alert %1: %2").arg(AlertRules::shown(rule->name), detail),
                                     rule->id);
    });
    connect(m_startRunbook, &QPushButton::clicked, this, [this] {
        const AlertRule *rule =
            m_index.isValid()
                ? m_monitor->evaluator()->rule(m_index.data(AlertMatrixModel::AlertIdRole).toString())
                : nullptr;
        if (rule && !rule->runbook.isEmpty())
            Q_EMIT startRunbookRequested(rule->runbook, m_index.data(AlertMatrixModel::ScopeRole).toString());
    });
}

void AlertCellView::showCell(const QModelIndex &index) {
    m_index = index; // none: the acts do nothing until a cell is chosen
    if (!index.isValid()) {
        updateActions();
        return;
    }
    const QString alertId = index.data(AlertMatrixModel::AlertIdRole).toString();
    const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
    const AlertCell &cell = m_monitor->evaluator()->cell(alertId, scope);
    const auto state = static_cast<AlertState>(index.data(AlertMatrixModel::StateRole).toInt());
    m_title->setText(
        tr("%1 · %2").arg(m_model->headerData(index.row(), Qt::Vertical, Qt::DisplayRole).toString(), scope));
    const qint64 since = index.data(AlertMatrixModel::SinceRole).toLongLong();
    m_detail->setText(
        tr("<b>State:</b> %1<br><b>Severity:</b> %2 (%3)<br><b>Since:</b> %4<br><b>Seen:</b> %5<br>"
           "<b>Trigger:</b> %6<br><b>First action:</b> %7")
            .arg(stateName(state), index.data(AlertMatrixModel::SeverityRole).toString(),
                 index.data(AlertMatrixModel::SeverityReasonRole).toString().toHtmlEscaped(),
                 since > 0 ? TimeFormat::clock(since) : tr("never changed"),
                 index.data(AlertMatrixModel::DetailRole).toString().toHtmlEscaped(),
                 index.data(AlertMatrixModel::TriggerRole).toString().toHtmlEscaped(),
                 index.data(AlertMatrixModel::FirstActionRole).toString().toHtmlEscaped()) +
        (state == AlertState::Acknowledged
             ? tr("<br><b>Acknowledged by:</b> %1 — %2")
                   .arg(cell.acknowledgedBy.toHtmlEscaped(), cell.acknowledgeNote.toHtmlEscaped())
             : QString()) +
        silencedLine(cell));
    updateActions();
}

QString AlertCellView::silenceToEnd() const {
    if (m_chosenSilence)
        if (QString chosen = m_chosenSilence(); !chosen.isEmpty())
            return chosen;
    if (!m_index.isValid() || !m_index.data(AlertMatrixModel::SilencedRole).toBool())
        return {};
    return m_monitor->evaluator()
        ->cell(m_index.data(AlertMatrixModel::AlertIdRole).toString(),
               m_index.data(AlertMatrixModel::ScopeRole).toString())
        .silenceId;
}

void AlertCellView::updateActions() {
    const QModelIndex index = m_index;
    const bool firing =
        index.isValid() && index.data(AlertMatrixModel::StateRole).toInt() == int(AlertState::Firing);
    m_note->setEnabled(firing);
    const AlertRule *rule =
        index.isValid() ? m_monitor->evaluator()->rule(index.data(AlertMatrixModel::AlertIdRole).toString())
                        : nullptr;
    m_openIncident->setEnabled(rule != nullptr);
    m_openIncident->setToolTip(
        rule ? tr("Open a %1 incident for %2, prefilled from this alert")
                   .arg(rule->incidentClass, index.data(AlertMatrixModel::ScopeRole).toString())
             : tr("Select an alert cell first"));
    m_startRunbook->setEnabled(rule && !rule->runbook.isEmpty());
    m_silence->setEnabled(rule != nullptr && !index.data(AlertMatrixModel::SilencedRole).toBool());
    m_silence->setToolTip(!rule ? tr("Select an alert cell first")
                          : index.data(AlertMatrixModel::SilencedRole).toBool()
                              ? tr("Already silenced: end that silence first")
                              : tr("Hold this cell's notifications for a while (signed); it keeps firing "
                                   "into the log"));
    const QString silenceId = silenceToEnd();
    m_endSilence->setEnabled(!silenceId.isEmpty());
    m_endSilence->setToolTip(silenceId.isEmpty() ? tr("Select a silenced cell, or an active silence in the "
                                                      "Silences tab")
                                                 : tr("End %1 now (signed)").arg(silenceId));
    m_startRunbook->setToolTip(rule && !rule->runbook.isEmpty()
                                   ? tr("Start the %1 runbook for this scope").arg(rule->runbook)
                                   : tr("This alert names no runbook"));
    if (!firing) {
        m_ack->setEnabled(false);
        m_ack->setText(tr("Acknowledge"));
        m_ack->setToolTip(tr("Only a firing alert can be acknowledged"));
        return;
    }
    if (!m_monitor->isUnlocked()) {
        m_ack->setEnabled(true);
        m_ack->setText(tr("Sign in to acknowledge…"));
        m_ack->setToolTip(tr("An acknowledgement is signed evidence: sign in with your identity first"));
        return;
    }
    m_ack->setText(tr("Acknowledge"));
    m_ack->setEnabled(!m_note->text().trimmed().isEmpty());
    m_ack->setToolTip(m_ack->isEnabled() ? tr("Record a signed acknowledgement as %1").arg(m_monitor->actor())
                                         : tr("Type a note first: what you saw and what you are doing"));
}

bool AlertCellView::focusNote() {
    if (!m_note->isEnabled())
        return false;
    m_note->setFocus();
    return true;
}

bool AlertCellView::signedIn() {
    if (!m_monitor->isUnlocked())
        Q_EMIT signInRequested();
    return m_monitor->isUnlocked();
}

void AlertCellView::fail(const QString &text) {
    m_status->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                          .arg(colours::onBase(colours::kRed, palette()).name(), text.toHtmlEscaped()));
}

void AlertCellView::acknowledge() {
    const QModelIndex index = m_index;
    if (!index.isValid() || index.data(AlertMatrixModel::StateRole).toInt() != int(AlertState::Firing))
        return;
    if (!signedIn())
        return;
    if (m_note->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type a note first: what you saw and what you are doing."));
        m_note->setFocus();
        return;
    }
    const QString alert = index.data(AlertMatrixModel::AlertIdRole).toString();
    const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
    auto event = m_monitor->acknowledge(alert, scope, m_note->text());
    if (!event.ok()) {
        fail(tr("Not acknowledged: %1").arg(errorText(event.error())));
        return;
    }
    m_note->clear();
    m_status->setText(tr("Acknowledged as %1 (event %2).").arg(event->actor).arg(event->seq));
    showCell(index);
    Q_EMIT acted();
}

void AlertCellView::silence() {
    const QModelIndex index = m_index;
    const AlertRule *rule =
        index.isValid() ? m_monitor->evaluator()->rule(index.data(AlertMatrixModel::AlertIdRole).toString())
                        : nullptr;
    if (!rule || !signedIn())
        return;
    const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
    SilenceDialog dialog(AlertRules::shown(rule->name), scope, m_monitor->now(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto event = m_monitor->addSilence(rule->id, scope, dialog.untilMs(), dialog.reason());
    if (!event.ok()) {
        fail(tr("Not silenced: %1").arg(errorText(event.error())));
        return;
    }
    m_status->setText(tr("Silenced %1 on %2 as SIL-%3 until %4: notifications wait, the state stays in view.")
                          .arg(rule->name, scope)
                          .arg(event->seq)
                          .arg(TimeFormat::minutes(dialog.untilMs())));
    Q_EMIT acted();
    showCell(index);
}

void AlertCellView::endSilence() {
    const QString id = silenceToEnd();
    if (id.isEmpty() || !signedIn())
        return;
    auto event = m_monitor->endSilence(id, tr("ended from the console"));
    if (!event.ok()) {
        fail(tr("Silence not ended: %1").arg(errorText(event.error())));
        return;
    }
    m_status->setText(tr("Ended %1 (event %2): notifications flow again.").arg(id).arg(event->seq));
    Q_EMIT acted();
    showCell(m_index);
}

} // namespace ops::ui
