#include "DerivationsPanel.h"

#include "common/EmptyState.h"

#include <QVBoxLayout>

namespace ops::ui {

DerivationsPanel::DerivationsPanel(QWidget *parent)
    : Panel(parent)
{
    setObjectName(QStringLiteral("derivationsPanel"));
    setAccessibleName(title());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new EmptyState(
        title(),
        tr("No derivation records are loaded: the reviewer's queue arrives with the derivation review capability."),
        QStringList{
                  tr("The review queue with validation results for every rule"),
                  tr("Accept, reject and sign for permitted reviewers; supersede instead of edit"),
                  tr("Typed INFEASIBLE records and the signed handoff package"),
        },
        this);
    layout->addWidget(m_empty);
}

QString DerivationsPanel::title() const
{
    return tr("Derivations");
}

QIcon DerivationsPanel::icon() const
{
    return QIcon(QStringLiteral(":/icons/derivations.svg"));
}

} // namespace ops::ui
