#pragma once

#include "common/Panel.h"

namespace ops::ui {

class EmptyState;

class LaunchPanel final : public Panel {
    Q_OBJECT
public:
    explicit LaunchPanel(QWidget *parent = nullptr);
    QString title() const override;
    QIcon icon() const override;

private:
    EmptyState *m_empty;
};

} // namespace ops::ui
