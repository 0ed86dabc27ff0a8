// libFuzzer target: the probe client's HTTP/1.x response parser (what any probed server sends).
// The first byte chooses how the rest is split into pieces (as reads from a socket would be);
// the result must not depend on the split, and the parser must keep its bounds.
#include "probes/HttpResponseParser.h"

#include <cstddef>
#include <cstdint>

namespace {

struct Outcome {
    ops::HttpResponseParser::State state;
    qsizetype consumed = 0;
    QByteArray body;
    QString error;
    int status = 0;
};

Outcome run(QByteArrayView input, qsizetype step, bool close) {
    ops::HttpResponseParser p;
    Outcome o;
    qint64 sunk = 0;
    const auto sink = [&](QByteArrayView piece) {
        sunk += piece.size();
        o.body.append(piece);
    };
    bool over = false;
    for (qsizetype at = 0; at < input.size() && !over; at += step) {
        QByteArrayView rest = input.sliced(at, qMin(step, input.size() - at));
        while (!rest.isEmpty()) {
            const qsizetype used = p.feed(rest, sink);
            if (used < 0 || used > rest.size())
                __builtin_trap();
            o.consumed += used;
            rest = rest.sliced(used);
            const auto s = p.state();
            if (s == ops::HttpResponseParser::State::Done || s == ops::HttpResponseParser::State::Failed) {
                over = true;
                break;
            }
            if (used == 0)
                break;
        }
    }
    if (close)
        p.finish();
    o.state = p.state();
    o.error = p.error();
    o.status = p.headComplete() ? p.head().status : 0;
    if (sunk != p.bodyBytes() || sunk > o.consumed)
        __builtin_trap(); // every body byte came from the input, once
    if (o.state == ops::HttpResponseParser::State::Failed) {
        if (o.error.isEmpty() || o.error.size() > 200)
            __builtin_trap(); // a failure says why, briefly
        for (QChar c : o.error)
            if (c.unicode() < 0x20)
                __builtin_trap(); // never raw control bytes from the server
    }
    if (p.reusable() && p.head().close)
        __builtin_trap();
    if (p.headComplete() && (p.head().status < 200 || p.head().status > 999 ||
                             p.head().names.size() > ops::HttpResponseParser::kMaxFields))
        __builtin_trap();
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    const bool close = data[0] & 0x80;
    const qsizetype step = (data[0] & 0x7f) + 1;
    const Outcome whole = run(input, qMax<qsizetype>(1, input.size()), close);
    const Outcome pieces = run(input, step, close);
    if (whole.state != pieces.state || whole.body != pieces.body || whole.error != pieces.error ||
        whole.status != pieces.status)
        __builtin_trap(); // how the bytes arrive must not change what they mean
    if (whole.state == ops::HttpResponseParser::State::Done && whole.consumed != pieces.consumed)
        __builtin_trap(); // nor where the response ends
    return 0;
}
