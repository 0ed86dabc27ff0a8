#include "OutboxCommand.h"

#include "StoreAccess.h"

#include "core/Startup.h"
#include "core/Time.h"
#include "incidents/Incidents.h"
#include "store/Outbox.h"
#include "store/TeamLogCopy.h"

#include <QFile>

namespace ops::cli {

namespace {

// The ids people cite that an act opens or names (INC-…, RUN-…), for the author to recognise it.
QStringList citedIds(const OutboxAct &act) {
    QStringList ids;
    for (const NewEvent &e : act.events)
        for (const char *field : {"id", "incident", "run"})
            if (const QString id = normalizedCitedId(e.payload.stringAt(field));
                !id.isEmpty() && !ids.contains(id))
                ids << id;
    return ids;
}

} // namespace

int OutboxCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("list: the synced acts too."));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {all}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    if (pos.size() != 2 || (verb != QLatin1String("list") && verb != QLatin1String("sync")))
        return usageError(io, QStringLiteral("outbox: expected list or sync"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    if (!StoreAccess::isTeamLog(ctx.value()))
        return fail(io,
                    makeError(ErrorCode::Usage,
                              QStringLiteral("the outbox belongs to the team log: a local store is always "
                                             "reachable, so nothing waits"),
                              StoreAccess::where(ctx.value())),
                    json);
    const QString path = teamOutboxPath(Startup::stateDirectory(), ctx->storePath);

    const bool syncing = verb == QLatin1String("sync");
    const qint64 before = Time::nowMs();
    if (syncing) {
        // Opening to act witnesses the log and syncs the identity's waiting acts (StoreAccess).
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        if (!unlocked->store->reachable())
            return fail(io,
                        makeError(ErrorCode::Store,
                                  QStringLiteral("the team log cannot be reached: the acts keep waiting"),
                                  StoreAccess::where(ctx.value())),
                        json);
    }
    if (!QFile::exists(path)) {
        if (json)
            printJson(io, JsonValue::array());
        else
            io.out << "the outbox is empty: no act was made here while the team log was unreachable\n";
        return 0;
    }
    auto box = Outbox::open(path);
    if (!box.ok())
        return fail(io, box.error(), json);
    auto entries = box.value()->entries();
    if (!entries.ok())
        return fail(io, entries.error(), json);
    JsonValue list = JsonValue::array();
    int shown = 0, rejectedNow = 0;
    for (const OutboxEntry &e : entries.value()) {
        // list: what waits and what was refused; sync: what waits and what this sync did.
        const bool now = e.state != OutboxState::Pending && e.atMs >= before;
        const bool show = parser.isSet(all) || e.state == OutboxState::Pending ||
                          (syncing ? now : e.state == OutboxState::Rejected);
        if (!show)
            continue;
        if (now && e.state == OutboxState::Rejected)
            ++rejectedNow;
        QStringList kinds;
        for (const NewEvent &ev : e.act.events)
            kinds << ev.kind;
        ++shown;
        if (json) {
            JsonValue o = JsonValue::object();
            o["n"] = e.act.n;
            o["state"] = outboxStateName(e.state);
            o["made_at"] = Time::toIso(e.act.madeMs);
            o["author"] = e.act.author;
            JsonValue k = JsonValue::array();
            for (const QString &kind : kinds)
                k.push(kind);
            o["kinds"] = k;
            JsonValue ids = JsonValue::array();
            for (const QString &id : citedIds(e.act))
                ids.push(id);
            o["ids"] = ids;
            o["basis_size"] = static_cast<qint64>(e.act.basisSize);
            if (e.state != OutboxState::Pending)
                o["at"] = Time::toIso(e.atMs);
            if (e.state == OutboxState::Synced)
                o["first_seq"] = static_cast<qint64>(e.firstSeq);
            if (e.state == OutboxState::Rejected)
                o["reason"] = e.reason;
            list.push(o);
            continue;
        }
        QString line = QStringLiteral("%1  %2  %3 by %4: %5")
                           .arg(e.act.n, 4)
                           .arg(outboxStateName(e.state).toUpper(), -8)
                           .arg(Time::toIso(e.act.madeMs), e.act.author, kinds.join(QStringLiteral(", ")));
        if (const QStringList ids = citedIds(e.act); !ids.isEmpty())
            line += QStringLiteral(" (%1)").arg(ids.join(QStringLiteral(", ")));
        if (e.state == OutboxState::Synced)
            line += QStringLiteral(" — synced as event %1").arg(e.firstSeq);
        if (e.state == OutboxState::Rejected)
            line += QStringLiteral(" — refused: %1").arg(e.reason);
        io.out << line << '\n';
    }
    if (json)
        printJson(io, list);
    else if (shown == 0)
        io.out << (parser.isSet(all) ? "the outbox is empty\n" : "nothing waits and nothing was refused\n");
    return rejectedNow > 0 ? static_cast<int>(ErrorCode::Negative) : 0;
}

} // namespace ops::cli
