#include "StoreStatusView.h"

#include "Colours.h"

#include "StatusWidgets.h"
#include "TimeFormat.h"
#include "runtime/AppContext.h"

#include "store/Outbox.h"
#include "store/PgEvidenceStore.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/TeamWitnessDuty.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

namespace ops::ui {

StoreStatusView::StoreStatusView(AppContext *app, StartupContext context, QStatusBar *bar, QWidget *window)
    : QObject(window)
    , m_app(app)
    , m_context(std::move(context))
    , m_window(window) {
    // An unpinned trust root is a standing fact about this store, not a detail of its state: a badge
    // of its own, never squeezed out of the status bar by a long path or a long translation.
    m_trustBadge = new QLabel(tr("Trust root not pinned"), window);
    m_trustBadge->setObjectName(QStringLiteral("trustRootBadge"));
    m_trustBadge->setToolTip(
        tr("The store's keys are trusted on first use: whoever can write the store file could rewrite its "
           "history and this console would not know. Pin the admin keys under trust.admins in the "
           "deployment config (opsconsole-cli init prints the lines)."));
    m_trustBadge->setAccessibleName(m_trustBadge->text());
    m_trustBadge->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; padding: 2px 8px; border-radius: 4px; }")
            .arg(QLatin1String(colours::kAmber)));
    m_trustBadge->setVisible(m_context.config.trust.admins.isEmpty());
    bar->addWidget(m_trustBadge);

    m_storeLabel = new ElidingLabel(window);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    const QString store = m_app->host()->isTeamLog() ? m_app->host()->backendLabel()
                                                     : QDir::toNativeSeparators(m_context.storePath);
    m_storeLabel->setText(
        tr("Store: %1").arg(m_storeLabel->fontMetrics().elidedText(store, Qt::ElideMiddle, 420)));
    m_storeLabel->setToolTip(tr("Evidence store: %1\nConfig: %2").arg(store, m_context.config.source));
    m_storeLabel->setAccessibleName(tr("Evidence store %1").arg(store));
    bar->addWidget(m_storeLabel, 1);

    // The store's one change signal keeps the count current, whoever wrote.
    connect(m_app->host(), &StoreHost::changed, this, &StoreStatusView::update);
    connect(m_app->host(), &StoreHost::stateChanged, this, &StoreStatusView::update);
    connect(m_app->host(), &StoreHost::cosigned, this, &StoreStatusView::update);
    connect(m_app->witnessDuty(), &TeamWitnessDuty::witnessed, this, &StoreStatusView::update);
    connect(
        m_app->witnessDuty(), &TeamWitnessDuty::outboxSynced, this,
        [this, bar](int synced, int rejected, const QStringList &lines) {
            update();
            bar->showMessage(
                tr("Outbox synced: acts appended to the team log: %1, refused: %2").arg(synced).arg(rejected),
                15000);
            if (rejected == 0)
                return;
            // The author must see what the team log refused: it is kept, never dropped.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Acts made offline were refused"),
                                        tr("The team log refused acts made while it could not be "
                                           "reached (%1). They are kept in the outbox as rejected; look "
                                           "at what came first and act again.")
                                            .arg(rejected),
                                        QMessageBox::Ok, m_window);
            box->setDetailedText(lines.join(QLatin1Char('\n')));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setObjectName(QStringLiteral("outboxRejected"));
            box->open();
        });
    connect(m_app->witnessDuty(), &TeamWitnessDuty::alarmRaised, this, [this](const QString &text) {
        update();
        auto *box = new QMessageBox(QMessageBox::Critical, tr("ALARM (SEV-1): the team log was rewritten"),
                                    tr("%1\n\nThis console writes nothing more to the team log until the "
                                       "alarm is investigated.")
                                        .arg(text),
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("rewriteAlarm"));
        box->open();
    });
    update();
}

// "UNSYNCED: 2 acts since 09:14 — " while acts made without the team log wait in the outbox.
static QString unsyncedPrefix(StoreHost *host) {
    Outbox *box = host->isTeamLog() ? host->outbox() : nullptr;
    auto waiting = box ? box->waiting() : Result<Outbox::Waiting>(Outbox::Waiting{});
    if (!waiting.ok() || waiting->count == 0)
        return {};
    const QString since = ui::TimeFormat::clock(waiting->sinceMs).left(5);
    return waiting->count == 1
               ? StoreStatusView::tr("UNSYNCED: 1 act since %1 — ").arg(since)
               : StoreStatusView::tr("UNSYNCED: %1 acts since %2 — ").arg(waiting->count).arg(since);
}

void StoreStatusView::update() {
    StoreHost *host = m_app->host();
    EvidenceStore *store = m_app->store();
    const QString unsynced = unsyncedPrefix(host);
    if (!store) {
        if (!host->isTeamLog() && !QFileInfo::exists(m_context.storePath))
            set(State::Missing, QString());
        else
            set(State::Problem, unsynced + host->problem());
        return;
    }
    if (const QString alarm = m_app->witnessDuty()->alarm(); !alarm.isEmpty()) {
        set(State::Problem, tr("ALARM (SEV-1): the team log was rewritten: %1").arg(alarm));
        return;
    }
    // A lost connection is a problem at once: what the panels show may be behind the team.
    if (host->isTeamLog() && !host->problem().isEmpty()) {
        set(State::Problem, unsynced + host->problem());
        return;
    }
    if (const QString problem = store->integrityProblem(); !problem.isEmpty()) {
        set(State::Problem, problem);
        return;
    }
    const quint64 events = host->size();
    const QString count = events == 1 ? tr("1 event") : tr("%1 events").arg(events);
    auto cp = store->latestCheckpoint();
    QString detail =
        cp.ok() ? tr("%1, checkpoint %2 signed by %3").arg(count).arg(cp->size).arg(cp->signer) : count;
    if (PgEvidenceStore *team = host->teamLog(); team && cp.ok()) {
        // Who vouched for the latest checkpoint: consoles other than its signer that cosigned it.
        auto witnesses = team->witnessesOf(cp.value());
        const int quorum = qMax(1, m_context.config.trust.witnessQuorum);
        if (!witnesses.ok())
            detail += tr(" — witnesses unknown (%1)").arg(witnesses.error().message);
        else if (witnesses->isEmpty())
            detail += tr(" — not yet witnessed (0 of %1)").arg(quorum);
        else
            detail += tr(" — witnessed by %1 (%2 of %3)")
                          .arg(witnesses->join(QStringLiteral(", ")))
                          .arg(witnesses->size())
                          .arg(quorum);
    }
    if (m_app->host()->isReadOnly())
        detail += tr(" — read-only");
    set(State::Healthy, unsynced + detail);
}

void StoreStatusView::set(State state, const QString &detail) {
    const QString store = m_app->host()->isTeamLog() ? m_app->host()->backendLabel()
                                                     : QDir::toNativeSeparators(m_context.storePath);
    // What the log holds comes first; the path (in full in the tooltip) gives way when space is short.
    const QString elided = m_storeLabel->fontMetrics().elidedText(store, Qt::ElideMiddle, 240);
    QString text;
    QString colour;
    switch (state) {
    case State::Missing:
        text = tr("Store: %1 (not created yet: run opsconsole-cli init)").arg(elided);
        colour = colours::onBase(colours::kAmber, m_window->palette()).name();
        break;
    case State::Healthy:
        text = m_app->host()->isTeamLog() ? tr("%1 · %2").arg(detail, elided)
                                          : tr("%1 · local file %2").arg(detail, elided);
        break;
    case State::Problem:
        text = tr("Store: %1 · PROBLEM: %2").arg(elided, detail);
        colour = colours::onBase(colours::kRed, m_window->palette()).name();
        break;
    }
    m_storeLabel->setText(text);
    m_storeLabel->setAccessibleName(text);
    m_storeLabel->setToolTip(tr("Evidence store: %1\nConfig: %2").arg(store, m_context.config.source) +
                             (detail.isEmpty() ? QString() : QStringLiteral("\n") + detail));
    m_storeLabel->setStyleSheet(colour.isEmpty()
                                    ? QString()
                                    : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour));
}

} // namespace ops::ui
