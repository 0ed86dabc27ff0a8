#include "EvidencePanel.h"

#include "common/EmptyState.h"

#include <QVBoxLayout>

namespace ops::ui {

EvidencePanel::EvidencePanel(QWidget *parent)
    : Panel(parent)
{
    setObjectName(QStringLiteral("evidencePanel"));
    setAccessibleName(title());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new EmptyState(
        title(),
        tr("Browsing evidence in the console is not built yet. The store itself works: list, show, verify and export it with opsconsole-cli evidence."),
        QStringList{
                  tr("Every event, searchable and filterable, with its hash, signature and inclusion proof"),
                  tr("Proof summaries of test outputs (PASS, FAIL, NOT RUN, SKIP)"),
                  tr("Offline verdict verification and store verification"),
        },
        this);
    layout->addWidget(m_empty);
}

QString EvidencePanel::title() const
{
    return tr("Evidence");
}

QIcon EvidencePanel::icon() const
{
    return QIcon(QStringLiteral(":/icons/evidence.svg"));
}

} // namespace ops::ui
