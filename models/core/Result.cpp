#include "Result.h"

namespace ops {

QString Diagnostic::where() const {
    if (file.isEmpty())
        return line > 0 ? QStringLiteral("line %1").arg(line) : QString();
    return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
}

QString Diagnostic::toString() const {
    QString out = where();
    if (!key.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral(": ")) + key;
    if (!out.isEmpty())
        out += QStringLiteral(": ");
    return out + message;
}

QString Error::toString() const {
    if (!diagnostics.isEmpty()) {
        QStringList lines;
        for (const Diagnostic &d : diagnostics)
            lines << d.toString();
        return lines.join(QLatin1Char('\n'));
    }
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

Error Error::fromDiagnostics(ErrorCode code, QList<Diagnostic> diagnostics) {
    Error e;
    e.code = code;
    if (!diagnostics.isEmpty()) {
        e.where = diagnostics.first().where();
        e.message = diagnostics.first().key.isEmpty()
                        ? diagnostics.first().message
                        : diagnostics.first().key + QStringLiteral(": ") + diagnostics.first().message;
    }
    e.diagnostics = std::move(diagnostics);
    return e;
}

} // namespace ops
