#pragma once

// The monitor's HTTP request head, read from untrusted bytes: bounded, GET and HEAD only, the
// path without its query. Nothing else of the request is used.

#include <QByteArray>

namespace ops::HttpRequest {

inline constexpr qsizetype kMaxHeadBytes = 8192;

enum class Status {
    Incomplete, // the head has not ended yet (keep reading, up to kMaxHeadBytes)
    TooLarge,   // over kMaxHeadBytes without an end: 431
    Malformed,  // the request line is not METHOD SP PATH SP HTTP/x: 400
    Complete,
};

struct Head {
    Status status = Status::Incomplete;
    QByteArray method; // as sent (e.g. "GET")
    QByteArray path;   // absolute, without query or fragment
};

Head parse(const QByteArray &received);

// The answer to a complete head: the status line's code, its reason, and which resource (for 200).
struct Route {
    int status = 404;
    const char *reason = "Not Found";
    QByteArray resource; // "/metrics" or "/healthz" when status is 200
};
Route route(const Head &head);

} // namespace ops::HttpRequest
