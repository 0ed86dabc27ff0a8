#include "Panel.h"

#include "store/StoreHost.h"

namespace ops::ui {

void Panel::followStore(StoreHost *host, WhileHidden whileHidden) {
    m_whileHidden = whileHidden;
    connect(host, &StoreHost::changed, this, &Panel::storeChanged);
}

void Panel::storeChanged() {
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
