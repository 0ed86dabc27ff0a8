#include "KillSwitchBox.h"

#include "common/ErrorText.h"

#include "IncidentsHost.h"

#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "incidents/Publisher.h"
#include "runtime/AppContext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ops::ui {

KillSwitchBox::KillSwitchBox(AppContext *app, IncidentsHost *host, QWidget *parent)
    : QGroupBox(tr("Kill switches"), parent)
    , m_app(app)
    , m_host(host) {
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("killSwitchScope"));
    for (const ScopeConfig *s : m_app->config().orderedScopes())
        m_scope->addItem(s->id, s->id);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("killSwitchReason"));
    m_reason->setPlaceholderText(tr("Reason (required)"));
    m_localities = new QLineEdit(this);
    m_localities->setObjectName(QStringLiteral("killSwitchLocalities"));
    m_localities->setPlaceholderText(tr("Validation localities, e.g. kl,pg (probed)"));
    m_ai = new QPushButton(this);
    m_ai->setObjectName(QStringLiteral("killSwitchAi"));
    m_badPack = new QPushButton(this);
    m_badPack->setObjectName(QStringLiteral("killSwitchBadPack"));
    connect(m_ai, &QPushButton::clicked, this, [this] { toggle(QStringLiteral("ai")); });
    connect(m_badPack, &QPushButton::clicked, this, [this] { toggle(QStringLiteral("bad-pack")); });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &KillSwitchBox::updateButtons);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Scope"), m_scope);
    form->addRow(tr("Reason"), m_reason);
    form->addRow(tr("Validate"), m_localities);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ai);
    buttons->addWidget(m_badPack);
    form->addRow(buttons);
    m_active = new QLabel(this);
    m_active->setObjectName(QStringLiteral("killSwitchesActive"));
    m_active->setWordWrap(true);
    form->addRow(m_active);
}

void KillSwitchBox::setBook(const IncidentBook *book, const QString &incident) {
    m_book = book;
    m_incident = incident;
    updateButtons();
}

void KillSwitchBox::setScope(const QString &scope) {
    m_scope->setCurrentIndex(qMax(0, m_scope->findData(scope)));
}

void KillSwitchBox::updateButtons() {
    if (!m_book)
        return;
    const QString scope = m_scope->currentData().toString();
    QStringList active;
    for (const KillSwitchState &k : m_book->killSwitches())
        if (k.active)
            active << tr("%1 on %2 since %3")
                          .arg(k.killSwitch, k.scope, TimeFormat::seconds(k.sinceMs).mid(11, 5));
    m_active->setText(active.isEmpty() ? tr("No kill switch is active.")
                                       : tr("<b style='color:%1'>Active:</b> %2")
                                             .arg(colours::onBase(colours::kRed, palette()).name(),
                                                  active.join(QStringLiteral("; "))));
    const QList<QPair<QPushButton *, QString>> buttons{{m_ai, QStringLiteral("ai")},
                                                       {m_badPack, QStringLiteral("bad-pack")}};
    for (const auto &[button, name] : buttons) {
        const KillSwitchState *k = m_book->killSwitch(name, scope);
        const QString label = name == QLatin1String("ai") ? tr("AI lane") : tr("Bad pack");
        if (k && k->active) {
            button->setText(tr("Deactivate %1").arg(label));
            button->setStyleSheet(QStringLiteral("QPushButton { color: %1; font-weight: bold; }")
                                      .arg(colours::onBase(colours::kRed, palette()).name()));
            button->setToolTip(tr("Active on %1 since %2 by %3: %4")
                                   .arg(scope, TimeFormat::seconds(k->sinceMs), k->actor, k->reason));
        } else {
            button->setText(tr("Activate %1").arg(label));
            button->setStyleSheet(QString());
            button->setToolTip(
                k ? tr("Last deactivated %1 by %2").arg(TimeFormat::seconds(k->sinceMs), k->actor)
                  : tr("Never used on %1").arg(scope));
        }
    }
}

void KillSwitchBox::toggle(const QString &name) {
    if (!m_book)
        return;
    const QString scope = m_scope->currentData().toString();
    const KillSwitchState *k = m_book->killSwitch(name, scope);
    const bool activate = !(k && k->active);
    if (m_reason->text().trimmed().isEmpty()) {
        m_host->report(tr("A kill switch needs its reason."), true);
        m_reason->setFocus();
        return;
    }
    if (!m_host->confirm(activate ? tr("Activate kill switch") : tr("Deactivate kill switch"),
                         tr("%1 the %2 kill switch on %3?")
                             .arg(activate ? tr("Activate") : tr("Deactivate"), name, scope)))
        return;
    if (!m_host->actions())
        return;
    if (const QString bad = LocalityValidation::unknownLocality(m_app->config(), m_localities->text());
        !bad.isEmpty()) {
        m_host->report(tr("Validation locality '%1' is not a scope of the configuration.").arg(bad), true);
        return;
    }
    auto parsed = LocalityValidation::parseLocalities(m_app->config(), m_localities->text(), {});
    const QStringList localities = parsed.ok() ? parsed.value() : QStringList();
    auto finish = [this, name, scope, activate, localities](const QString &validation) {
        auto a = m_host->actions();
        if (!a)
            return;
        auto e =
            activate
                ? a->activateKillSwitch(name, scope, m_reason->text(), localities, validation, m_incident)
                : a->deactivateKillSwitch(name, scope, m_reason->text(), localities, validation, m_incident);
        if (!e.ok()) {
            m_host->report(errorText(e.error()), true);
            return;
        }
        m_host->report(tr("%1 kill switch %2 on %3 (event %4, signed by %5)")
                           .arg(name, activate ? tr("activated") : tr("deactivated"), scope)
                           .arg(e->seq)
                           .arg(e->actor));
        m_reason->clear();
        m_host->refresh();
    };
    if (localities.isEmpty()) {
        finish(QString());
        return;
    }
    // Targeted validation: each locality probed now, the summary recorded with the switch.
    Q_EMIT busyChanged(true);
    m_host->report(tr("Validating on %1…").arg(localities.join(QStringLiteral(", "))));
    auto *validation = new LocalityValidation(m_app->config(), m_app->secrets().operatorToken, this);
    connect(validation, &LocalityValidation::finished, this,
            [this, validation, finish](const QString &summary) {
                validation->deleteLater();
                Q_EMIT busyChanged(false);
                finish(summary);
            });
    validation->run(localities);
}

} // namespace ops::ui
