#include "HttpRequest.h"

#include <QList>

namespace ops::HttpRequest {

Head parse(const QByteArray &received) {
    Head h;
    const qsizetype end = received.indexOf("\r\n\r\n");
    if (end < 0 || end > kMaxHeadBytes) {
        h.status =
            received.size() > kMaxHeadBytes || end > kMaxHeadBytes ? Status::TooLarge : Status::Incomplete;
        return h;
    }
    const QByteArray line = received.left(received.indexOf("\r\n"));
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
    h.method = parts.at(0);
    QByteArray path = parts.at(1);
    for (char stop : {'?', '#'})
        if (const qsizetype at = path.indexOf(stop); at >= 0)
            path.truncate(at);
    h.path = path;
    h.status = Status::Complete;
    return h;
}

Route route(const Head &head) {
    Route r;
    switch (head.status) {
    case Status::Incomplete:
    case Status::Malformed:
        r.status = 400;
        r.reason = "Bad Request";
        return r;
    case Status::TooLarge:
        r.status = 431;
        r.reason = "Request Header Fields Too Large";
        return r;
    case Status::Complete:
        break;
    }
    if (head.method != "GET" && head.method != "HEAD") {
        r.status = 405;
        r.reason = "Method Not Allowed";
        return r;
    }
    if (head.path == "/metrics" || head.path == "/healthz") {
        r.status = 200;
        r.reason = "OK";
        r.resource = head.path;
    }
    return r;
}

} // namespace ops::HttpRequest
