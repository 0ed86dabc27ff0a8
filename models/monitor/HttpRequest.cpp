#include "HttpRequest.h"

#include <cctype>

namespace ops::HttpRequest {

namespace {
bool isToken(const QByteArray &s) {
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || QByteArray("!#$%&'*+-.^_`|~").contains(c)))
            return false;
    return true;
}
} // namespace

QList<QByteArray> Head::values(const QByteArray &name) const {
    QList<QByteArray> out;
    for (const auto &[n, v] : headers)
        if (n == name)
            out << v;
    return out;
}

std::optional<qint64> Head::contentLength() const {
    const QList<QByteArray> lengths = values("content-length");
    if (!values("transfer-encoding").isEmpty() || lengths.size() > 1)
        return std::nullopt;
    if (lengths.isEmpty())
        return 0;
    const QByteArray &v = lengths.constFirst();
    if (v.isEmpty() || v.size() > 18)
        return std::nullopt;
    for (char c : v)
        if (c < '0' || c > '9')
            return std::nullopt;
    return v.toLongLong();
}

Head parse(const QByteArray &received) {
    Head h;
    const qsizetype end = received.indexOf("\r\n\r\n");
    if (end < 0 || end > kMaxHeadBytes) {
        h.status =
            received.size() > kMaxHeadBytes || end > kMaxHeadBytes ? Status::TooLarge : Status::Incomplete;
        return h;
    }
    const QList<QByteArray> lines = received.left(end).split('\n');
    QByteArray line = lines.constFirst();
    if (lines.size() > 1) {
        if (!line.endsWith('\r')) {
            h.status = Status::Malformed;
            return h;
        }
        line.chop(1);
    }
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/') ||
        !parts.at(2).startsWith("HTTP/1.")) {
        h.status = Status::Malformed;
        return h;
    }
    for (char c : parts.at(0))
        if (c < 'A' || c > 'Z') {
            h.status = Status::Malformed;
            return h;
        }
    if (lines.size() - 1 > kMaxHeaders) {
        h.status = Status::TooLarge;
        return h;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray l = lines.at(i);
        // Every line but the last ends in "\r" (split at '\n'); the last one's "\r\n" was cut off.
        if (i < lines.size() - 1) {
            if (!l.endsWith('\r')) {
                h.status = Status::Malformed;
                return h;
            }
            l.chop(1);
        }
        const qsizetype colon = l.indexOf(':');
        const QByteArray name = colon > 0 ? l.left(colon) : QByteArray();
        // No obsolete line folding, no space before the colon, no bare CR inside.
        if (!isToken(name) || l.contains('\r')) {
            h.status = Status::Malformed;
            return h;
        }
        h.headers.append({name.toLower(), l.mid(colon + 1).trimmed()});
    }
    h.method = parts.at(0);
    QByteArray path = parts.at(1);
    for (char stop : {'?', '#'})
        if (const qsizetype at = path.indexOf(stop); at >= 0)
            path.truncate(at);
    h.path = path;
    h.bodyOffset = end + 4;
    h.status = Status::Complete;
    return h;
}

Route route(const Head &head, bool alertmanager) {
    const auto answer = [](int status, const char *reason, const QByteArray &resource = {}) {
        return Route{status, reason, resource};
    };
    switch (head.status) {
    case Status::Incomplete:
    case Status::Malformed:
        return answer(400, "Bad Request");
    case Status::TooLarge:
        return answer(431, "Request Header Fields Too Large");
    case Status::Complete:
        break;
    }
    const bool read = head.method == "GET" || head.method == "HEAD";
    if (head.path == "/metrics" || head.path == "/healthz")
        return read ? answer(200, "OK", head.path) : answer(405, "Method Not Allowed");
    if (alertmanager && head.path == "/alertmanager") {
        if (head.method != "POST")
            return answer(405, "Method Not Allowed");
        return head.contentLength() ? answer(200, "OK", head.path) : answer(400, "Bad Request");
    }
    return read ? Route{} : answer(405, "Method Not Allowed");
}

bool hostIsThisListener(const Head &head, quint16 port) {
    const QList<QByteArray> host = head.values("host");
    if (host.size() != 1)
        return false;
    const QByteArray given = host.constFirst().toLower();
    const QByteArray suffix = ':' + QByteArray::number(port);
    for (const char *name : {"127.0.0.1", "localhost", "[::1]"})
        if (given == QByteArray(name) + suffix)
            return true;
    return false;
}

bool hasBearer(const Head &head, const QByteArray &token) {
    const QList<QByteArray> auth = head.values("authorization");
    if (auth.size() != 1 || token.isEmpty())
        return false;
    const QByteArray &v = auth.constFirst();
    if (v.size() < 7 || v.left(7).toLower() != "bearer ")
        return false;
    const QByteArray given = v.mid(7).trimmed();
    // Constant time in the token's length: every byte compared, the lengths folded in.
    unsigned diff = static_cast<unsigned>(given.size() ^ token.size());
    for (qsizetype i = 0; i < token.size(); ++i)
        diff |= static_cast<unsigned char>(token.at(i)) ^
                static_cast<unsigned char>(i < given.size() ? given.at(i) : 0);
    return diff == 0;
}

} // namespace ops::HttpRequest
