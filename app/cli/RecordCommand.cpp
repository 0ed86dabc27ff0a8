#include "RecordCommand.h"

#include "IncidentSupport.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "incidents/RecordTemplates.h"

#include <QFile>

namespace ops::cli {

int RecordCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption scope(
        QStringLiteral("scope"), QStringLiteral("The scope (scope-id) of the record."), QStringLiteral("S"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("This run instead of the scope's latest."),
                                 QStringLiteral("RUN"));
    const QCommandLineOption appBuild(QStringLiteral("app-build"),
                                      QStringLiteral("Launch day: the app build validated."),
                                      QStringLiteral("ID"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Write the record to FILE (Markdown, or JSON with --json)."),
                                 QStringLiteral("FILE"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {scope, run, appBuild, out}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(m_json);
    if (pos.size() != 2)
        return usageError(io, QStringLiteral("record: expected one of %1")
                                  .arg(RecordTemplates::ids().join(QStringLiteral(", "))));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    if (!ctx->config.scope(parser.value(scope)))
        return fail(io,
                    makeError(ErrorCode::InvalidInput,
                              QStringLiteral("--scope must name a scope of %1, got '%2'")
                                  .arg(ctx->config.source, parser.value(scope)),
                              QStringLiteral("--scope")),
                    json);
    auto book = IncidentSupport::readBook(ctx.value(), io);
    if (!book.ok())
        return fail(io, book.error(), json);
    auto rec = RecordTemplates::build(pos.at(1), book.value(), parser.value(scope), parser.value(run),
                                      parser.value(appBuild));
    if (!rec.ok())
        return fail(io, rec.error(), json);
    const QByteArray bytes = json ? QByteArray::fromStdString(CanonicalJson::pretty(rec->toJson())) + '\n'
                                  : rec->markdown().toUtf8();
    if (parser.isSet(out)) {
        if (auto written = FileUtil::writePrivateAtomic(parser.value(out), bytes); !written.ok())
            return fail(io, written.error(), json);
        io.err << "wrote " << parser.value(out) << '\n';
    } else {
        io.out << QString::fromUtf8(bytes);
    }
    for (const QString &m : rec->missing())
        io.err << "missing: " << m << '\n';
    return rec->complete() ? 0 : static_cast<int>(ErrorCode::Negative);
}

} // namespace ops::cli
