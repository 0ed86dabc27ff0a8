#pragma once

#include <QTableView>

namespace ops {
class AlertMonitor;
}

namespace ops::ui {

class ProbeStripModel;

// Every probe target in one strip: state, latency, a pack's age against its freshness window and
// when it was checked. A row's details and a pack's digests copy with Ctrl+C or the context menu.
class ProbeStripView final : public QTableView {
    Q_OBJECT
public:
    explicit ProbeStripView(AlertMonitor *monitor, QWidget *parent = nullptr);

    void refresh();
    // Puts the selected target's row (and a pack's expected and actual digests) on the clipboard;
    // returns the text.
    QString copySelected();

private:
    ProbeStripModel *m_model;
};

} // namespace ops::ui
