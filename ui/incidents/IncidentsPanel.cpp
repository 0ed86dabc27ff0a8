#include "IncidentsPanel.h"

#include "common/EmptyState.h"

#include <QVBoxLayout>

namespace ops::ui {

IncidentsPanel::IncidentsPanel(QWidget *parent)
    : Panel(parent)
{
    setObjectName(QStringLiteral("incidentsPanel"));
    setAccessibleName(title());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new EmptyState(
        title(),
        tr("No incidents can be opened yet: this area arrives with the incident and runbook capability."),
        QStringList{
                  tr("Active incidents with severity, scope, age and owner, and each incident's timeline"),
                  tr("The core evidence record with every required field enforced"),
                  tr("Kill switches and the rollback checklist with its 15 and 30 minute clocks"),
        },
        this);
    layout->addWidget(m_empty);
}

QString IncidentsPanel::title() const
{
    return tr("Incidents & Rollback");
}

QIcon IncidentsPanel::icon() const
{
    return QIcon(QStringLiteral(":/icons/incidents.svg"));
}

} // namespace ops::ui
