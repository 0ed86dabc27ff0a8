#include "OpenIncidentDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops::ui {

OpenIncidentDialog::OpenIncidentDialog(const DeploymentConfig &config, QWidget *parent)
    : QDialog(parent)
    , m_config(config)
    , m_class(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_severity(new QComboBox(this))
    , m_suggestion(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_trigger(new QLineEdit(this)) {
    setObjectName(QStringLiteral("openIncidentDialog"));
    setWindowTitle(tr("Open incident"));
    m_class->setObjectName(QStringLiteral("incidentClass"));
    m_scope->setObjectName(QStringLiteral("incidentScope"));
    m_severity->setObjectName(QStringLiteral("incidentSeverity"));
    m_suggestion->setObjectName(QStringLiteral("severitySuggestion"));
    m_reason->setObjectName(QStringLiteral("severityReason"));
    m_trigger->setObjectName(QStringLiteral("incidentTrigger"));
    m_suggestion->setWordWrap(true);
    m_class->addItems(incidentClasses());
    for (const ScopeConfig *s : config.orderedScopes())
        m_scope->addItem(s->critical ? tr("%1 (critical)").arg(s->id) : s->id, s->id);
    m_severity->addItems(severities());
    m_reason->setPlaceholderText(tr("Why this severity, when it differs from the suggestion"));
    m_trigger->setPlaceholderText(tr("The alert or observation that started this"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Class"), m_class);
    form->addRow(tr("&Scope"), m_scope);
    form->addRow(tr("Se&verity"), m_severity);
    form->addRow(QString(), m_suggestion);
    form->addRow(tr("&Reason"), m_reason);
    form->addRow(tr("&Trigger"), m_trigger);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("Open incident"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openIncidentConfirm"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_class, &QComboBox::currentTextChanged, this, &OpenIncidentDialog::updateSuggestion);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &OpenIncidentDialog::updateSuggestion);
    connect(m_severity, &QComboBox::currentTextChanged, this, &OpenIncidentDialog::validate);
    connect(m_reason, &QLineEdit::textChanged, this, &OpenIncidentDialog::validate);
    connect(m_trigger, &QLineEdit::textChanged, this, &OpenIncidentDialog::validate);
    updateSuggestion();
    resize(520, sizeHint().height());
}

void OpenIncidentDialog::prefill(const QString &incidentClass, const QString &scope, const QString &trigger,
                                 const QString &alert) {
    m_alert = alert;
    if (const int i = m_class->findText(incidentClass); i >= 0)
        m_class->setCurrentIndex(i);
    if (const int i = m_scope->findData(scope); i >= 0)
        m_scope->setCurrentIndex(i);
    m_trigger->setText(trigger);
    updateSuggestion();
    m_trigger->setFocus();
}

void OpenIncidentDialog::updateSuggestion() {
    const ScopeConfig *scope = m_config.scope(m_scope->currentData().toString());
    if (!scope)
        return;
    const SeveritySuggestion s = suggestSeverity(m_class->currentText(), *scope);
    m_severity->setCurrentText(s.severity);
    m_suggestion->setText(tr("Suggested by the severity model: %1").arg(s.reason.translated()));
    validate();
}

void OpenIncidentDialog::validate() {
    const ScopeConfig *scope = m_config.scope(m_scope->currentData().toString());
    const bool differs =
        scope && suggestSeverity(m_class->currentText(), *scope).severity != m_severity->currentText();
    m_reason->setEnabled(differs);
    const bool ok =
        !m_trigger->text().trimmed().isEmpty() && (!differs || !m_reason->text().trimmed().isEmpty());
    m_open->setEnabled(ok);
    m_open->setToolTip(ok ? QString()
                          : (m_trigger->text().trimmed().isEmpty()
                                 ? tr("Say what triggered it")
                                 : tr("A severity other than the suggestion needs a reason")));
}

OpenIncident OpenIncidentDialog::request() const {
    OpenIncident r;
    r.incidentClass = m_class->currentText();
    r.scope = m_scope->currentData().toString();
    r.severity = m_severity->currentText();
    r.severityReason = m_reason->isEnabled() ? m_reason->text() : QString();
    r.trigger = m_trigger->text();
    r.alert = m_alert;
    return r;
}

} // namespace ops::ui
