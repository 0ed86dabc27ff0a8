#include "SilenceDialog.h"

#include "common/TimeFormat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops::ui {

SilenceDialog::SilenceDialog(const QString &alertName, const QString &scope, qint64 nowMs, QWidget *parent)
    : QDialog(parent)
    , m_now(nowMs)
    , m_duration(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_until(new QLabel(this)) {
    setObjectName(QStringLiteral("silenceDialog"));
    setWindowTitle(tr("Silence %1 on %2").arg(alertName, scope));
    auto *intro =
        new QLabel(tr("The alert keeps its state and keeps firing into the evidence log; the matrix "
                      "shows it as SILENCED. Only its notifications wait until the silence ends."),
                   this);
    intro->setWordWrap(true);
    m_duration->setObjectName(QStringLiteral("silenceDuration"));
    const QList<QPair<QString, int>> durations{
        {tr("30 minutes"), 30}, {tr("1 hour"), 60},     {tr("2 hours"), 120},    {tr("4 hours"), 240},
        {tr("8 hours"), 480},   {tr("24 hours"), 1440}, {tr("3 days"), 3 * 1440}};
    for (const auto &[label, minutes] : durations)
        m_duration->addItem(label, minutes);
    m_duration->setCurrentIndex(1);
    m_reason->setObjectName(QStringLiteral("silenceReason"));
    m_reason->setPlaceholderText(tr("Why these notifications may wait (required)"));
    m_reason->setAccessibleName(tr("Reason for the silence"));
    m_until->setObjectName(QStringLiteral("silenceUntil"));
    auto *form = new QFormLayout;
    form->addRow(tr("For:"), m_duration);
    form->addRow(tr("Until:"), m_until);
    form->addRow(tr("Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Silence"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("silenceConfirm"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &SilenceDialog::update);
    connect(m_duration, &QComboBox::currentIndexChanged, this, &SilenceDialog::update);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    update();
    m_reason->setFocus();
}

qint64 SilenceDialog::untilMs() const {
    return m_now + qint64(m_duration->currentData().toInt()) * 60'000;
}

QString SilenceDialog::reason() const {
    return m_reason->text().trimmed();
}

void SilenceDialog::update() {
    m_until->setText(TimeFormat::minutes(untilMs()));
    m_ok->setEnabled(!reason().isEmpty());
}

} // namespace ops::ui
