#include "LaunchPanel.h"

#include "common/EmptyState.h"

#include <QVBoxLayout>

namespace ops::ui {

LaunchPanel::LaunchPanel(QWidget *parent)
    : Panel(parent)
{
    setObjectName(QStringLiteral("launchPanel"));
    setAccessibleName(title());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new EmptyState(
        title(),
        tr("The launch-day decision is computed from evidence and its rules are not built yet, so no GO is shown."),
        QStringList{
                  tr("The launch-day checklist with each item's evidence one click away"),
                  tr("The no-go rules, each red or green with its reason"),
                  tr("Product, engineering and QA sign-offs and the GO / NO-GO banner"),
        },
        this);
    layout->addWidget(m_empty);
}

QString LaunchPanel::title() const
{
    return tr("Launch");
}

QIcon LaunchPanel::icon() const
{
    return QIcon(QStringLiteral(":/icons/launch.svg"));
}

} // namespace ops::ui
