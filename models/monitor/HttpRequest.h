#pragma once

// The monitor's HTTP request head, read from untrusted bytes: bounded, the path without its
// query, the few headers the monitor uses. Bodies only for POST /alertmanager, framed by one
// Content-Length (no chunked encoding: nothing to smuggle).

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace ops::HttpRequest {

inline constexpr qsizetype kMaxHeadBytes = 8192;
inline constexpr int kMaxHeaders = 64;

enum class Status {
    Incomplete, // the head has not ended yet (keep reading, up to kMaxHeadBytes)
    TooLarge,   // over kMaxHeadBytes without an end, or too many headers: 431
    Malformed,  // the request line is not METHOD SP PATH SP HTTP/x, or a header line is bad: 400
    Complete,
};

struct Head {
    Status status = Status::Incomplete;
    QByteArray method;                            // as sent (e.g. "GET")
    QByteArray path;                              // absolute, without query or fragment
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    qsizetype bodyOffset = 0;                     // where the body starts in the received bytes

    // Every value of a header (by lower-case name).
    QList<QByteArray> values(const QByteArray &name) const;
    // The one Content-Length: 0 when absent; nullopt when repeated, not a number, or combined
    // with Transfer-Encoding.
    std::optional<qint64> contentLength() const;
};

Head parse(const QByteArray &received);

// The answer to a complete head: the status line's code, its reason, and which resource (for 200).
struct Route {
    int status = 404;
    const char *reason = "Not Found";
    QByteArray resource; // "/metrics", "/healthz" or "/alertmanager" when status is 200
};
// POST /alertmanager is routed only when the receiver is configured.
Route route(const Head &head, bool alertmanager = false);

// Whether the one Host header names this loopback listener (127.0.0.1, localhost or [::1] with
// `port`): a page in a browser that rebinds its own name to 127.0.0.1 sends its own name and is
// refused, so it cannot read /metrics.
bool hostIsThisListener(const Head &head, quint16 port);
// Whether the Authorization header carries exactly this bearer token (compared in constant time).
bool hasBearer(const Head &head, const QByteArray &token);

} // namespace ops::HttpRequest
