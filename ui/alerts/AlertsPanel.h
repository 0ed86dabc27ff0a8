#pragma once

#include "common/Panel.h"

namespace ops::ui {

class EmptyState;

class AlertsPanel final : public Panel {
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget *parent = nullptr);
    QString title() const override;
    QIcon icon() const override;

private:
    EmptyState *m_empty;
};

} // namespace ops::ui
