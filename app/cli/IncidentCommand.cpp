#include "IncidentCommand.h"

#include "IncidentSupport.h"

#include "alerts/AlertRules.h"
#include "common/Translations.h"
#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "reports/ReportPdf.h"

namespace ops::cli {

using namespace IncidentSupport;

namespace {

int printEvent(CliIo &io, bool json, const StoredEvent &e, const QString &id, const QString &text) {
    if (json) {
        JsonValue o = JsonValue::object();
        o["id"] = id;
        o["seq"] = static_cast<qint64>(e.seq);
        o["kind"] = e.kind;
        io.out << QString::fromStdString(CanonicalJson::pretty(o)) << '\n';
    } else {
        io.out << text << " (event " << e.seq << ")\n";
    }
    return 0;
}

} // namespace

int IncidentCommand::run(const QStringList &arguments, CliIo &io) {
    QList<QCommandLineOption> options{
        {QStringLiteral("class"), QStringLiteral("Incident class."), QStringLiteral("C")},
        {QStringLiteral("severity"), QStringLiteral("SEV-1, SEV-2 or SEV-3 (default: the severity model's)."),
         QStringLiteral("SEV")},
        {QStringLiteral("reason"), QStringLiteral("Why this severity."), QStringLiteral("R")},
        {QStringLiteral("alert"), QStringLiteral("The alert this incident comes from."), QStringLiteral("A")},
        {QStringLiteral("closure"), QStringLiteral("The closure condition, confirmed in words."),
         QStringLiteral("TEXT")},
        {QStringLiteral("verification"), QStringLiteral("The verification result at closure."),
         QStringLiteral("TEXT")},
        {QStringLiteral("all"), QStringLiteral("Closed incidents too.")},
        {QStringLiteral("format"), QStringLiteral("report: md (default), html or pdf."),
         QStringLiteral("FMT")},
        {QStringLiteral("out"), QStringLiteral("report: the file to write (- for standard output)."),
         QStringLiteral("FILE")},
        {QStringLiteral("lang"), QStringLiteral("report: en (default) or de."), QStringLiteral("LANG")},
    };
    // The core evidence record's fields (--failure_mode=… or --failure-mode=…); scope, trigger and
    // owner double as open's options.
    for (const QString &f : CoreEvidence::fields()) {
        QStringList names{f};
        if (f.contains(QLatin1Char('_')))
            names << QString(f).replace(QLatin1Char('_'), QLatin1Char('-'));
        options << QCommandLineOption(names, CoreEvidence::label(f), QStringLiteral("V"));
    }
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, options))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    static const QMap<QString, int> arity{
        {QStringLiteral("open"), 2},     {QStringLiteral("severity"), 4}, {QStringLiteral("assign"), 4},
        {QStringLiteral("evidence"), 3}, {QStringLiteral("decide"), 4},   {QStringLiteral("close"), 3},
        {QStringLiteral("list"), 2},     {QStringLiteral("show"), 3},     {QStringLiteral("report"), 3}};
    if (!arity.contains(verb) || pos.size() != arity.value(verb))
        return usageError(io, QStringLiteral("incident: unknown verb or wrong number of arguments"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);

    if (verb == QLatin1String("report")) {
        // The postmortem, from the store alone; generating it is recorded (report.generated).
        const auto format = IncidentReports::formatFromName(parser.isSet(QStringLiteral("format"))
                                                                ? parser.value(QStringLiteral("format"))
                                                                : QStringLiteral("md"));
        if (!format)
            return usageError(io, QStringLiteral("--format must be md, html or pdf"));
        const QString out = parser.value(QStringLiteral("out"));
        if (out.isEmpty())
            return usageError(
                io, QStringLiteral("incident report: --out FILE names where it goes (- for standard "
                                   "output)"));
        if (*format == IncidentReports::Format::Pdf && out == QLatin1String("-"))
            return usageError(io, QStringLiteral("incident report: a PDF goes to a file"));
        const QString lang = parser.isSet(QStringLiteral("lang")) ? parser.value(QStringLiteral("lang"))
                                                                  : QStringLiteral("en");
        if (lang != QLatin1String("en") && lang != QLatin1String("de"))
            return usageError(io, QStringLiteral("--lang must be en or de"));
        if (lang == QLatin1String("de") &&
            ui::installTranslations(QLocale(QLocale::German)) != QLocale::German)
            return fail(
                io, makeError(ErrorCode::Store, QStringLiteral("the German translation is not available")),
                json);
        auto desk = IncidentSupport::open(ctx.value(), io);
        if (!desk.ok())
            return fail(io, desk.error(), json);
        auto report = IncidentReports::build(*desk->store, pos.at(2), Time::nowMs());
        if (!report.ok())
            return fail(io, report.error(), json);
        auto bytes = ui::renderIncidentReport(report.value(), *format);
        if (!bytes.ok())
            return fail(io, bytes.error(), json);
        // Recorded once the file can be written, and the file never there unrecorded.
        std::optional<StoredEvent> recorded;
        const auto record = [&]() -> Result<void> {
            auto e = IncidentReports::recordGenerated(*desk->store, desk->signer, report.value(), *format,
                                                      bytes.value(), lang);
            if (!e.ok())
                return e.error();
            recorded = e.value();
            return {};
        };
        if (out == QLatin1String("-")) {
            if (auto r = record(); !r.ok())
                return fail(io, r.error(), json);
            io.out << QString::fromUtf8(bytes.value());
        } else if (auto w = FileUtil::writePrivateAtomicThen(out, bytes.value(), record); !w.ok()) {
            return fail(io, w.error(), json);
        }
        const std::optional<StoredEvent> &e = recorded;
        if (json && out != QLatin1String("-")) {
            JsonValue o = eventJson(e.value());
            o["file"] = out;
            printJson(io, o);
        } else {
            io.err << (report->draft ? "DRAFT " : "") << "postmortem of " << pos.at(2) << " ("
                   << IncidentReports::formatName(*format) << ", " << report->citedEvents().size()
                   << " events cited, " << report->proofs.size() << " proofs) "
                   << (out == QLatin1String("-") ? QStringLiteral("written")
                                                 : QStringLiteral("written to ") + out)
                   << ", recorded as event " << e->seq << '\n';
        }
        return 0;
    }

    if (verb == QLatin1String("list") || verb == QLatin1String("show")) {
        auto book = IncidentSupport::readBook(ctx.value(), io);
        if (!book.ok())
            return fail(io, book.error(), json);
        if (verb == QLatin1String("show")) {
            const Incident *i = book->incident(pos.at(2));
            if (!i)
                return fail(io,
                            makeError(ErrorCode::InvalidInput,
                                      QStringLiteral("no incident '%1'").arg(pos.at(2)),
                                      QStringLiteral("ID")),
                            json);
            if (json)
                printJson(io, incidentJson(*i, book.value(), true));
            else
                printIncident(io, *i, book.value());
            return 0;
        }
        JsonValue list = JsonValue::array();
        const qint64 now = Time::nowMs();
        for (const Incident &i : book->incidents()) {
            if (i.closed && !parser.isSet(QStringLiteral("all")))
                continue;
            if (json) {
                list.push(incidentJson(i, book.value(), false));
                continue;
            }
            io.out << QStringLiteral("%1  %2  %3  %4  %5  age %6  owner %7  %8\n")
                          .arg(i.id, -8)
                          .arg(i.severity)
                          .arg(i.closed ? QStringLiteral("closed") : QStringLiteral("open  "))
                          .arg(i.incidentClass, -19)
                          .arg(i.scope, -10)
                          .arg(clockText((i.closed ? i.closedMs : now) - i.openedMs))
                          .arg(i.owner.isEmpty() ? QStringLiteral("-") : i.owner)
                          .arg(i.trigger);
        }
        if (json)
            printJson(io, list);
        return 0;
    }

    auto desk = IncidentSupport::open(ctx.value(), io);
    if (!desk.ok())
        return fail(io, desk.error(), json);
    IncidentActions actions(*desk->store, desk->signer, ctx->config, desk->library);
    if (verb == QLatin1String("open")) {
        OpenIncident req;
        req.incidentClass = parser.value(QStringLiteral("class"));
        req.scope = parser.value(QStringLiteral("scope"));
        req.severity = parser.value(QStringLiteral("severity"));
        req.severityReason = parser.value(QStringLiteral("reason"));
        req.alert = parser.value(QStringLiteral("alert"));
        if (!req.alert.isEmpty()) {
            auto rules = AlertRules::forConfig(ctx->config);
            const bool known =
                rules.ok() && std::any_of(rules->begin(), rules->end(),
                                          [&](const AlertRule &r) { return r.id == req.alert; });
            if (!known)
                return fail(
                    io,
                    makeError(
                        ErrorCode::InvalidInput,
                        QStringLiteral("--alert must name an alert of the matrix, got '%1'").arg(req.alert),
                        QStringLiteral("--alert")),
                    json);
        }
        req.trigger = parser.value(QStringLiteral("trigger"));
        if (req.trigger.isEmpty())
            req.trigger = req.alert.isEmpty()
                              ? QStringLiteral("reported by hand by %1").arg(desk->signer.name)
                              : QStringLiteral("alert %1").arg(req.alert);
        req.owner = parser.value(QStringLiteral("owner"));
        auto e = actions.open(req);
        if (!e.ok())
            return fail(io, e.error(), json);
        const JsonValue p = e->payload();
        return printEvent(io, json, e.value(), citedIdOf(e.value()),
                          QStringLiteral("opened %1: %2 %3 on %4 — %5; runbook %6")
                              .arg(citedIdOf(e.value()), p.stringAt("severity"), req.incidentClass, req.scope,
                                   p.stringAt("severity_reason"), p.stringAt("runbook")));
    }
    const QString id = pos.at(2);
    Result<StoredEvent> e = makeError(ErrorCode::Usage, QString());
    QString text;
    if (verb == QLatin1String("severity")) {
        e = actions.changeSeverity(id, pos.at(3), parser.value(QStringLiteral("reason")));
        text = QStringLiteral("%1 is now %2").arg(id, pos.at(3));
    } else if (verb == QLatin1String("assign")) {
        e = actions.assignOwner(id, pos.at(3));
        text = QStringLiteral("%1 is owned by %2").arg(id, pos.at(3));
    } else if (verb == QLatin1String("evidence")) {
        QMap<QString, QString> fields;
        for (const QString &f : CoreEvidence::fields())
            if (parser.isSet(f))
                fields.insert(f, parser.value(f));
        e = actions.addEvidence(id, fields);
        text = QStringLiteral("core evidence record added to %1").arg(id);
    } else if (verb == QLatin1String("decide")) {
        e = actions.decide(id, pos.at(3));
        text = QStringLiteral("decision logged on %1").arg(id);
    } else if (verb == QLatin1String("close")) {
        e = actions.close(id, parser.value(QStringLiteral("closure")),
                          parser.value(QStringLiteral("verification")));
        text = QStringLiteral("%1 closed").arg(id);
    }
    if (!e.ok())
        return fail(io, e.error(), json);
    return printEvent(io, json, e.value(), id, text);
}

} // namespace ops::cli
