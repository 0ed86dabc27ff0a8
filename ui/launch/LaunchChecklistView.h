#pragma once

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ops {
struct DeploymentConfig;
struct LaunchStatus;
} // namespace ops

namespace ops::ui {

class LaunchChecklistFilter;
class LaunchChecklistModel;

// The launch-day checklist: how many checks hold, each check with its state, the selected check's
// action and recorded evidence, the note for it and the button that runs it (its label says what
// running it means: take the snapshot, checksum files, probe now, confirm).
class LaunchChecklistView final : public QGroupBox {
    Q_OBJECT
public:
    LaunchChecklistView(const DeploymentConfig &config, QWidget *parent = nullptr);

    // The status's checks; the selected check stays selected, else the first that does not hold.
    // The status is read again whenever the selection changes; it must outlive the view's use.
    void showStatus(const LaunchStatus &status);
    QString currentCheck() const;
    void selectCheck(const QString &step);
    QString note() const;
    void clearNote();
    void focusNote();
    void setRunnable(bool enabled, const QString &why);

Q_SIGNALS:
    void runRequested();
    void currentChanged();

private:
    void showDetail();

    const DeploymentConfig &m_config;
    const LaunchStatus *m_status = nullptr;
    QProgressBar *m_progress;
    LaunchChecklistModel *m_model;
    LaunchChecklistFilter *m_filter;
    QComboBox *m_shown;
    QTableView *m_checks;
    QPlainTextEdit *m_detail;
    QLineEdit *m_note;
    QPushButton *m_run;
};

} // namespace ops::ui
