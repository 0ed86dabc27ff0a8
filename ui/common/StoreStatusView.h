#pragma once

#include "core/Startup.h"

#include <QObject>

class QLabel;
class QStatusBar;
class QWidget;

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class ElidingLabel;

// What the status bar says about the evidence store: the backend, the count and the latest
// checkpoint with its witnesses, acts waiting in the outbox (UNSYNCED), a problem at once (a lost
// connection, a rewritten team log, a damaged file), and the badge of an unpinned trust root. Kept
// current by the store's one change signal and the witness duty; the outbox's refused acts and the
// rewrite alarm are shown to the person at the window.
class StoreStatusView final : public QObject {
    Q_OBJECT
public:
    enum class State { Missing, Healthy, Problem };

    // Adds the trust badge and the store label to `bar`; `window` parents the message boxes.
    StoreStatusView(AppContext *app, StartupContext context, QStatusBar *bar, QWidget *window);

    void set(State state, const QString &detail);
    // Reads the store's state and count (on every change of the log).
    void update();

private:
    AppContext *m_app;
    StartupContext m_context;
    QWidget *m_window;
    QLabel *m_trustBadge = nullptr; // shown while trust.admins pins no key
    ElidingLabel *m_storeLabel = nullptr;
};

} // namespace ops::ui
