#pragma once

#include <QIcon>
#include <QWidget>

namespace ops {
class StoreHost;
}

namespace ops::ui {

// One top-level area of the main window (Alerts, Incidents & Rollback, …).
//
// One refresh strategy for every panel: the store host's change signal (an act of this console,
// the CLI, another console). A shown panel refreshes at once; a hidden one is marked stale and
// refreshes when it is next shown, unless it says its state is seen from elsewhere while hidden
// (the rollback clocks on the status bar).
class Panel : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // Reads the store again and shows what it holds now.
    virtual void refresh() {}

    enum class WhileHidden { WaitUntilShown, RefreshAnyway };
    void followStore(StoreHost *host, WhileHidden whileHidden = WhileHidden::WaitUntilShown);
    bool isStale() const { return m_stale; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void storeChanged();
    bool m_stale = true; // nothing read yet: the first show reads
    WhileHidden m_whileHidden = WhileHidden::WaitUntilShown;
};

} // namespace ops::ui
