#include "ProbeStripView.h"

#include "AgeBarDelegate.h"
#include "ProbeStripModel.h"

#include "monitor/AlertMonitor.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>

namespace ops::ui {

ProbeStripView::ProbeStripView(AlertMonitor *monitor, QWidget *parent)
    : QTableView(parent)
    , m_model(new ProbeStripModel(monitor, this)) {
    setObjectName(QStringLiteral("probeStrip"));
    setAccessibleName(tr("Probe targets"));
    setModel(m_model);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(24);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
    // Fixed widths, measured once: sizing to contents would lay out every row each round.
    int targetWidth = fontMetrics().horizontalAdvance(tr("Target")) + 24;
    for (const ProbeTarget &t : monitor->engine()->targets())
        targetWidth = qMax(targetWidth, fontMetrics().horizontalAdvance(t.id + QStringLiteral("/pack")) + 24);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    setColumnWidth(ProbeStripModel::Target, qMin(targetWidth, 320));
    setColumnWidth(ProbeStripModel::State, 90);
    setColumnWidth(ProbeStripModel::Latency, 80);
    setColumnWidth(ProbeStripModel::Age, 120);
    setColumnWidth(ProbeStripModel::Checked, 80);
    horizontalHeader()->setStretchLastSection(true);
    setItemDelegateForColumn(ProbeStripModel::Age, new AgeBarDelegate(this));
    // Digests are copyable: Ctrl+C or the context menu on a pack's row.
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy target details and digests"), this);
    copy->setObjectName(QStringLiteral("copyProbeAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    addAction(copy);
    connect(copy, &QAction::triggered, this, &ProbeStripView::copySelected);
    refresh();
}

void ProbeStripView::refresh() {
    m_model->refresh();
}

QString ProbeStripView::copySelected() {
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return {};
    QStringList lines;
    for (int col = 0; col < ProbeStripModel::ColumnCount; ++col)
        lines << m_model->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString() + QStringLiteral(": ") +
                     m_model->index(current.row(), col).data().toString();
    const QString digests = m_model->index(current.row(), 0).data(ProbeStripModel::DigestsRole).toString();
    if (!digests.isEmpty())
        lines << digests;
    const QString text = lines.join(QLatin1Char('\n'));
    QGuiApplication::clipboard()->setText(text);
    return text;
}

} // namespace ops::ui
