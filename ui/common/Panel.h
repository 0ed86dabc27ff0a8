#pragma once

#include <QIcon>
#include <QWidget>

namespace ops::ui {

// One top-level area of the main window (Alerts, Incidents & Rollback, …).
class Panel : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
};

} // namespace ops::ui
