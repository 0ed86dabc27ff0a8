// libFuzzer target: the head of an HTTP request to the monitor's listener (untrusted bytes from
// any local process).
#include "monitor/HttpRequest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ops::HttpRequest::Head head = ops::HttpRequest::parse(bytes);
    const ops::HttpRequest::Route r = ops::HttpRequest::route(head);
    // Only a complete GET or HEAD of the two paths is ever answered with 200.
    if (r.status == 200 && (head.status != ops::HttpRequest::Status::Complete ||
                            (head.method != "GET" && head.method != "HEAD") ||
                            (head.path != "/metrics" && head.path != "/healthz")))
        __builtin_trap();
    if (head.status == ops::HttpRequest::Status::Complete && head.path.contains('?'))
        __builtin_trap();
    return 0;
}
