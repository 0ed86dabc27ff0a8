#include "Panel.h"

#include "store/StoreHost.h"

#include <QApplication>
#include <QTimer>

namespace ops::ui {

void Panel::followStore(StoreHost *host, WhileHidden whileHidden) {
    m_whileHidden = whileHidden;
    connect(host, &StoreHost::changed, this, &Panel::storeChanged);
}

void Panel::storeChanged() {
    // A question is open (a confirmation, a sign-in): what it asks about must not change under it.
    // The refresh waits until it is answered.
    if (QApplication::activeModalWidget() || QApplication::activePopupWidget()) {
        m_stale = true;
        QTimer::singleShot(250, this, &Panel::storeChanged);
        return;
    }
    if (isVisible() || m_whileHidden == WhileHidden::RefreshAnyway) {
        m_stale = false;
        refresh();
    } else {
        m_stale = true;
    }
}

void Panel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        refresh();
    }
}

} // namespace ops::ui
