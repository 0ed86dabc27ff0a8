#include "HandoverCommand.h"

#include "IncidentSupport.h"

#include "common/Translations.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "launch/Launch.h"
#include "reports/Handover.h"
#include "reports/ReportPdf.h"

namespace ops::cli {

int HandoverCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The incoming operator."),
                                QStringLiteral("NAME"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("md (default), html or pdf."),
                                    QStringLiteral("FMT"));
    const QCommandLineOption out(
        QStringLiteral("out"),
        QStringLiteral("Where the brief goes (default: standard output; a PDF needs a file)."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en (default) or de."),
                                  QStringLiteral("LANG"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {to, format, out, lang}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(m_json);
    const bool ack = pos.value(1) == QLatin1String("ack");
    if ((ack && pos.size() > 3) || (!ack && pos.size() != 1))
        return usageError(
            io, QStringLiteral("handover: expected `handover [--to NAME]` or `handover ack [SEQ]`"));
    quint64 seq = 0;
    if (ack && pos.size() == 3) {
        bool ok = false;
        seq = pos.at(2).toULongLong(&ok);
        if (!ok || seq == 0)
            return usageError(io, QStringLiteral("SEQ must be a positive number"));
    }
    const auto fmt =
        IncidentReports::formatFromName(parser.isSet(format) ? parser.value(format) : QStringLiteral("md"));
    if (!fmt)
        return usageError(io, QStringLiteral("--format must be md, html or pdf"));
    const QString target = parser.isSet(out) ? parser.value(out) : QStringLiteral("-");
    if (*fmt == IncidentReports::Format::Pdf && target == QLatin1String("-"))
        return usageError(io, QStringLiteral("handover: a PDF goes to a file (--out FILE)"));
    const QString language = parser.isSet(lang) ? parser.value(lang) : QStringLiteral("en");
    if (language != QLatin1String("en") && language != QLatin1String("de"))
        return usageError(io, QStringLiteral("--lang must be en or de"));
    if (language == QLatin1String("de"))
        ui::installTranslations(QLocale(QLocale::German));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    auto desk = IncidentSupport::open(ctx.value(), io);
    if (!desk.ok())
        return fail(io, desk.error(), json);
    const qint64 now = Time::nowMs();

    if (ack) {
        auto e = Handovers::acknowledge(*desk->store, desk->signer, seq, now);
        if (!e.ok())
            return fail(io, e.error(), json);
        if (json)
            printJson(io, eventJson(e.value()));
        else
            io.out << desk->signer.name << " acknowledged the handover of " << e->payload().stringAt("from")
                   << " (event " << e->payload().find("handover")->toInt() << "), recorded as event "
                   << e->seq << '\n';
        return 0;
    }

    std::optional<LaunchStatus> launch;
    auto in = LaunchInputs::read(*desk->store, ctx->config, ctx->environment, desk->library, now);
    if (!in.ok())
        return fail(io, in.error(), json);
    if (currentLaunchRun(in->book))
        launch = computeLaunchStatus(in.value());
    auto brief = Handovers::build(*desk->store, launch, ctx->config.maintenance, desk->signer.name,
                                  parser.value(to), now);
    if (!brief.ok())
        return fail(io, brief.error(), json);
    QByteArray bytes;
    if (*fmt == IncidentReports::Format::Pdf) {
        auto pdf = ui::renderPdf(brief->title(), brief->html(), false);
        if (!pdf.ok())
            return fail(io, pdf.error(), json);
        bytes = pdf.value();
    } else {
        bytes = (*fmt == IncidentReports::Format::Html ? brief->html() : brief->markdown()).toUtf8();
    }
    // Signed once the file can be written, and the file never there unsigned.
    std::optional<StoredEvent> e;
    const auto give = [&]() -> Result<void> {
        auto given = Handovers::give(*desk->store, desk->signer, brief.value());
        if (!given.ok())
            return given.error();
        e = given.value();
        return {};
    };
    if (target == QLatin1String("-")) {
        if (auto r = give(); !r.ok())
            return fail(io, r.error(), json);
        io.out << QString::fromUtf8(bytes);
    } else if (auto w = FileUtil::writePrivateAtomicThen(target, bytes, give); !w.ok()) {
        return fail(io, w.error(), json);
    }
    if (json && target != QLatin1String("-")) {
        JsonValue o = eventJson(e.value());
        o["file"] = target;
        printJson(io, o);
    } else {
        io.err << "handover signed by " << desk->signer.name << " (" << brief->items.size()
               << " items), recorded as event " << e->seq
               << "; the incoming operator runs `opsconsole-cli handover ack " << e->seq << "`\n";
    }
    return 0;
}

} // namespace ops::cli
