// libFuzzer target: the head of an HTTP request to the monitor's listener (untrusted bytes from
// any local process).
#include "monitor/HttpRequest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ops::HttpRequest::Head head = ops::HttpRequest::parse(bytes);
    const ops::HttpRequest::Route r = ops::HttpRequest::route(head);
    // Without the receiver, only a complete GET or HEAD of the two paths is answered with 200.
    if (r.status == 200 && (head.status != ops::HttpRequest::Status::Complete ||
                            (head.method != "GET" && head.method != "HEAD") ||
                            (head.path != "/metrics" && head.path != "/healthz")))
        __builtin_trap();
    // With it, POST /alertmanager only with one well-formed Content-Length and no chunking.
    const ops::HttpRequest::Route withReceiver = ops::HttpRequest::route(head, true);
    if (withReceiver.resource == "/alertmanager" &&
        (head.method != "POST" || !head.contentLength() || !head.values("transfer-encoding").isEmpty() ||
         head.values("content-length").size() > 1))
        __builtin_trap();
    if (head.status == ops::HttpRequest::Status::Complete &&
        (head.bodyOffset > bytes.size() || head.headers.size() > ops::HttpRequest::kMaxHeaders))
        __builtin_trap();
    (void)ops::HttpRequest::hasBearer(head, "secret-token");
    if (head.status == ops::HttpRequest::Status::Complete && head.path.contains('?'))
        __builtin_trap();
    return 0;
}
