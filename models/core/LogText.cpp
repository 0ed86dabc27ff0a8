#include "LogText.h"

#include <QtGlobal>

#include <cstdio>

namespace ops::LogText {

namespace {

bool shownAsEscape(char32_t c) {
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

QtMessageHandler g_previous = nullptr;

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QString line = escaped(message);
    if (g_previous) {
        g_previous(type, context, line);
        return;
    }
    std::fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, line)));
    std::fflush(stderr);
}

} // namespace

QString escaped(QStringView text) {
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), kMaxChars) + 16);
    qsizetype i = 0;
    for (; i < text.size() && out.size() < kMaxChars; ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            if (!shownAsEscape(c)) {
                out += text.mid(i, 2);
                ++i;
                continue;
            }
            ++i;
        }
        if (!shownAsEscape(c))
            out += text.at(i);
        else if (c <= 0xff)
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u{%1}").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
    }
    if (i < text.size())
        out += QStringLiteral("… (%1 more characters)").arg(text.size() - i);
    return out;
}

void install() {
    g_previous = qInstallMessageHandler(handler);
}

} // namespace ops::LogText
