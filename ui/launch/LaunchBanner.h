#pragma once

#include <QLabel>

namespace ops {
struct LaunchStatus;
}

namespace ops::ui {

// GO / NO-GO across the top of the Launch panel, green or red: the decision recorded (and what
// the evidence says now when that differs), else what the evidence says and why; a rehearsal
// says which environment it is.
class LaunchBanner final : public QLabel {
    Q_OBJECT
public:
    explicit LaunchBanner(QWidget *parent = nullptr);
    void showStatus(const LaunchStatus &status);
};

} // namespace ops::ui
