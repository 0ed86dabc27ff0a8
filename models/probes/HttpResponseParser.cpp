#include "HttpResponseParser.h"

namespace ops {

namespace {

bool isTokenChar(char c) {
    if (c >= '0' && c <= '9')
        return true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArrayView trimmed(QByteArrayView v) {
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

// Comma-separated list membership, case-insensitive ("Connection: keep-alive, Close").
bool listHas(const QByteArray &list, QByteArrayView token) {
    for (const QByteArray &part : list.split(','))
        if (trimmed(part).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

QByteArray HttpResponseParser::Head::value(QByteArrayView lowerName) const {
    for (qsizetype i = 0; i < names.size(); ++i)
        if (names.at(i) == lowerName)
            return values.at(i);
    return {};
}

QString HttpResponseParser::excerpt(QByteArrayView bytes, int max) {
    QString out;
    for (qsizetype i = 0; i < bytes.size() && out.size() < max; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c == '\r' || c == '\n')
            continue;
        out += (c >= 0x20 && c < 0x7f) ? QLatin1Char(char(c)) : QLatin1Char('?');
    }
    if (bytes.size() > max)
        out += QStringLiteral("…");
    return out;
}

void HttpResponseParser::fail(const QString &why) {
    if (m_state == State::Failed)
        return;
    m_state = State::Failed;
    m_error = why;
}

qsizetype HttpResponseParser::feed(QByteArrayView data, const BodySink &sink) {
    qsizetype used = 0;
    while (used < data.size() && (m_state == State::Head || m_state == State::Body)) {
        const QByteArrayView rest = data.sliced(used);
        const bool inHead = m_state == State::Head;
        const qsizetype n = inHead ? feedHead(rest) : feedBody(rest, sink);
        used += n;
        m_received += n;
        if (inHead && m_state != State::Head)
            break; // the head is complete: the caller looks at it before any of the body
        if (n == 0)
            break;
    }
    return used;
}

qsizetype HttpResponseParser::takeLine(QByteArrayView data, qsizetype limit, bool &lineDone) {
    const qsizetype lf = data.indexOf('\n');
    const qsizetype take = lf < 0 ? data.size() : lf + 1;
    if (take > limit) { // limit: what the line may still grow by
        lineDone = false;
        return -1;
    }
    m_line.append(data.first(take));
    lineDone = lf >= 0;
    return take;
}

qsizetype HttpResponseParser::feedHead(QByteArrayView data) {
    qsizetype used = 0;
    while (used < data.size() && m_state == State::Head) {
        bool done = false;
        const qsizetype n = takeLine(data.sliced(used), kMaxHead - m_headBytes, done);
        if (n < 0) {
            fail(QStringLiteral("malformed response: header block over %1 bytes").arg(kMaxHead));
            return used;
        }
        used += n;
        m_headBytes += n;
        if (!done)
            break;
        QByteArray line;
        line.swap(m_line);
        line.chop(1); // LF
        if (line.endsWith('\r'))
            line.chop(1);
        if (!headLine(line))
            return used;
    }
    return used;
}

bool HttpResponseParser::headLine(QByteArrayView line) {
    if (!m_sawStatus) {
        if (line.isEmpty() && m_headBytes <= 2)
            return true; // a stray empty line before the status line is tolerated
        m_sawStatus = true;
        return statusLine(line);
    }
    if (line.isEmpty())
        return endOfHead();
    return headerLine(line);
}

bool HttpResponseParser::statusLine(QByteArrayView line) {
    // HTTP/1.x SP 3DIGIT [SP reason]
    const bool shape = line.size() >= 12 && line.startsWith("HTTP/1.") && line.at(7) >= '0' &&
                       line.at(7) <= '9' && line.at(8) == ' ' && (line.size() == 12 || line.at(12) == ' ');
    int status = 0;
    for (qsizetype i = 9; shape && i < 12; ++i) {
        if (line.at(i) < '0' || line.at(i) > '9') {
            status = -1;
            break;
        }
        status = status * 10 + (line.at(i) - '0');
    }
    if (!shape || status < 100 || status > 999) {
        fail(QStringLiteral("malformed response: status line '%1'").arg(excerpt(line)));
        return false;
    }
    m_head = Head{};
    m_head.minor = line.at(7) - '0';
    m_head.status = status;
    return true;
}

bool HttpResponseParser::headerLine(QByteArrayView line) {
    if (line.front() == ' ' || line.front() == '\t') {
        fail(QStringLiteral("malformed response: folded header line '%1'").arg(excerpt(line)));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
    bool ok = !name.isEmpty();
    for (char c : name)
        ok = ok && isTokenChar(c);
    if (!ok) {
        fail(QStringLiteral("malformed response: header line '%1'").arg(excerpt(line)));
        return false;
    }
    if (m_head.names.size() >= kMaxFields) {
        fail(QStringLiteral("malformed response: more than %1 header fields").arg(kMaxFields));
        return false;
    }
    m_head.names.append(name.toByteArray().toLower());
    m_head.values.append(trimmed(line.sliced(colon + 1)).toByteArray());
    return true;
}

bool HttpResponseParser::endOfHead() {
    Head &h = m_head;
    if (h.status < 200) { // interim (100 Continue, 103 Early Hints): the real one follows
        if (h.status == 101) {
            fail(QStringLiteral("malformed response: 101 Switching Protocols to a plain GET"));
            return false;
        }
        m_sawStatus = false;
        m_headBytes = 0;
        return true;
    }
    bool chunked = false;
    bool otherCoding = false;
    qint64 length = -1;
    for (qsizetype i = 0; i < h.names.size(); ++i) {
        const QByteArray &name = h.names.at(i);
        const QByteArray &value = h.values.at(i);
        if (name == "content-length") {
            bool digits = !value.isEmpty() && value.size() <= 18;
            for (char c : value)
                digits = digits && c >= '0' && c <= '9';
            const qint64 n = digits ? value.toLongLong() : -1;
            if (n < 0 || (length >= 0 && n != length)) {
                fail(QStringLiteral("malformed response: Content-Length '%1'").arg(excerpt(value)));
                return false;
            }
            length = n;
        } else if (name == "transfer-encoding") {
            const QList<QByteArray> codings = value.split(',');
            chunked = trimmed(codings.constLast()).compare("chunked", Qt::CaseInsensitive) == 0;
            otherCoding = !chunked;
        } else if (name == "connection") {
            if (listHas(value, "close"))
                h.close = true;
            else if (h.minor == 0 && !listHas(value, "keep-alive"))
                h.close = true;
        } else if (name == "location") {
            h.location = value;
        }
    }
    if (h.minor == 0 && !listHas(h.value("connection"), "keep-alive"))
        h.close = true;
    h.chunked = chunked;
    h.contentLength = (chunked || otherCoding) ? -1 : length;
    m_bodyBytes = 0;
    if (h.status == 204 || h.status == 304) {
        h.contentLength = 0;
        m_state = State::Done;
        return true;
    }
    if (chunked) {
        m_body = Body::Chunked;
        m_chunk = Chunk::Size;
        m_state = State::Body;
    } else if (h.contentLength >= 0) {
        m_body = Body::Length;
        m_remaining = h.contentLength;
        m_state = m_remaining == 0 ? State::Done : State::Body;
    } else {
        m_body = Body::UntilClose;
        h.close = true;
        m_state = State::Body;
    }
    return true;
}

qsizetype HttpResponseParser::feedBody(QByteArrayView data, const BodySink &sink) {
    switch (m_body) {
    case Body::UntilClose:
        m_bodyBytes += data.size();
        sink(data);
        return data.size();
    case Body::Length: {
        const qsizetype n = static_cast<qsizetype>(qMin<qint64>(m_remaining, data.size()));
        m_remaining -= n;
        m_bodyBytes += n;
        m_state = m_remaining == 0 ? State::Done : State::Body; // before the sink, which may abort
        sink(data.first(n));
        return n;
    }
    case Body::Chunked:
        return feedChunked(data, sink);
    }
    return 0;
}

qsizetype HttpResponseParser::feedChunked(QByteArrayView data, const BodySink &sink) {
    qsizetype used = 0;
    while (used < data.size() && m_state == State::Body) {
        const QByteArrayView rest = data.sliced(used);
        if (m_chunk == Chunk::Data) {
            const qsizetype n = static_cast<qsizetype>(qMin<qint64>(m_remaining, rest.size()));
            m_remaining -= n;
            m_bodyBytes += n;
            used += n;
            if (m_remaining == 0)
                m_chunk = Chunk::DataEnd;
            sink(rest.first(n));
            continue;
        }
        bool done = false;
        const qsizetype limit =
            m_chunk == Chunk::Trailer ? kMaxHead - m_headBytes : kMaxChunkLine - m_line.size();
        const qsizetype n = takeLine(rest, limit, done);
        if (n < 0) {
            fail(
                m_chunk == Chunk::Trailer
                    ? QStringLiteral("malformed response: trailers over %1 bytes").arg(kMaxHead)
                    : QStringLiteral("malformed response: chunk-size line over %1 bytes").arg(kMaxChunkLine));
            return used;
        }
        used += n;
        if (m_chunk == Chunk::Trailer)
            m_headBytes += n;
        if (!done)
            break;
        QByteArray line;
        line.swap(m_line);
        line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_chunk == Chunk::DataEnd) {
            if (!line.isEmpty()) {
                fail(QStringLiteral("malformed response: chunk longer than its size"));
                return used;
            }
            m_chunk = Chunk::Size;
        } else if (m_chunk == Chunk::Size) {
            const qsizetype semicolon = line.indexOf(';');
            const QByteArrayView hex =
                trimmed(semicolon < 0 ? QByteArrayView(line) : QByteArrayView(line).first(semicolon));
            bool ok = !hex.isEmpty() && hex.size() <= 15;
            qint64 size = 0;
            for (qsizetype i = 0; ok && i < hex.size(); ++i) { // at most 15 digits: no overflow
                const char c = hex.at(i);
                const int d = (c >= '0' && c <= '9')   ? c - '0'
                              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                       : -1;
                ok = ok && d >= 0;
                size = size * 16 + (d < 0 ? 0 : d);
            }
            if (!ok) {
                fail(QStringLiteral("malformed response: chunk size '%1'").arg(excerpt(line)));
                return used;
            }
            m_remaining = size;
            m_chunk = size == 0 ? Chunk::Trailer : Chunk::Data;
            m_headBytes = 0;
        } else if (line.isEmpty()) { // the end of the trailers, and of the response
            m_state = State::Done;
        }
    }
    return used;
}

void HttpResponseParser::finish() {
    switch (m_state) {
    case State::Head:
        fail(m_received == 0 ? QStringLiteral("nothing received")
                             : QStringLiteral("in the middle of the head"));
        break;
    case State::Body:
        if (m_body == Body::UntilClose)
            m_state = State::Done;
        else if (m_body == Body::Length)
            fail(QStringLiteral("%1 of %2 body bytes received").arg(m_bodyBytes).arg(m_head.contentLength));
        else
            fail(QStringLiteral("in the middle of a chunked body, %1 bytes received").arg(m_bodyBytes));
        break;
    case State::Done:
    case State::Failed:
        break;
    }
}

} // namespace ops
