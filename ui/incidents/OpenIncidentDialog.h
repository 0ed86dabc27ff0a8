#pragma once

#include "core/DeploymentConfig.h"
#include "incidents/IncidentActions.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ops::ui {

// Opens an incident: class, scope, severity (the severity model's suggestion preselected, its
// reason shown; another choice needs a reason) and trigger. Prefilled when opened from an alert.
class OpenIncidentDialog final : public QDialog {
    Q_OBJECT
public:
    OpenIncidentDialog(const DeploymentConfig &config, QWidget *parent = nullptr);

    void prefill(const QString &incidentClass, const QString &scope, const QString &trigger,
                 const QString &alert);
    OpenIncident request() const;

private:
    void updateSuggestion();
    void validate();

    const DeploymentConfig &m_config;
    QComboBox *m_class;
    QComboBox *m_scope;
    QComboBox *m_severity;
    QLabel *m_suggestion;
    QLineEdit *m_reason;
    QLineEdit *m_trigger;
    QPushButton *m_open;
    QString m_alert;
};

} // namespace ops::ui
