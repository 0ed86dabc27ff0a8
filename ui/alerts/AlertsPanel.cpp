#include "AlertsPanel.h"

#include "common/EmptyState.h"

#include <QVBoxLayout>

namespace ops::ui {

AlertsPanel::AlertsPanel(QWidget *parent)
    : Panel(parent)
{
    setObjectName(QStringLiteral("alertsPanel"));
    setAccessibleName(title());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new EmptyState(
        title(),
        tr("Nothing is being probed yet, so no state is known: the alert matrix stays empty rather than show anything as healthy."),
        QStringList{
                  tr("The alert matrix: the seven alerts of the operations runbook against every scope, worst first"),
                  tr("A probe strip with every manifest, pack, resolver, rules and readiness target, its latency and age"),
                  tr("Acknowledge, open an incident or start the runbook from any cell"),
        },
        this);
    layout->addWidget(m_empty);
}

QString AlertsPanel::title() const
{
    return tr("Alerts");
}

QIcon AlertsPanel::icon() const
{
    return QIcon(QStringLiteral(":/icons/alerts.svg"));
}

} // namespace ops::ui
