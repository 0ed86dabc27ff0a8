#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ops::ui {

// Asks how long to silence one alert cell and why. The cell keeps its state and keeps firing
// into the log; only its notifications wait.
class SilenceDialog final : public QDialog {
    Q_OBJECT
public:
    SilenceDialog(const QString &alertName, const QString &scope, qint64 nowMs, QWidget *parent = nullptr);

    qint64 untilMs() const;
    QString reason() const;

private:
    void update();

    qint64 m_now;
    QComboBox *m_duration;
    QLineEdit *m_reason;
    QLabel *m_until;
    QPushButton *m_ok;
};

} // namespace ops::ui
