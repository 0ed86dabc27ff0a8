#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

namespace ops {

// An incremental HTTP/1.x response parser for the probe client. What it reads comes from
// servers we do not control, so it is bounded in every way: the status line and header block
// together at most kMaxHead bytes, at most kMaxFields header fields, chunk-size lines at most
// kMaxChunkLine bytes; anything else malformed fails with a reason that quotes at most a short,
// printable excerpt of what was received. Bodies are never held: each piece is handed on as it
// arrives. Interim 1xx responses are skipped; 204 and 304 have no body.
class HttpResponseParser {
public:
    static constexpr qsizetype kMaxHead = 64 * 1024;
    static constexpr int kMaxFields = 100;
    static constexpr qsizetype kMaxChunkLine = 1024;

    enum class State { Head, Body, Done, Failed };
    using BodySink = std::function<void(QByteArrayView)>;

    struct Head {
        int status = 0;
        int minor = 1;             // HTTP/1.minor
        qint64 contentLength = -1; // -1: not given
        bool chunked = false;
        bool close = false;       // the connection ends after this response
        QByteArray location;      // for redirects
        QList<QByteArray> names;  // lower-cased
        QList<QByteArray> values; // trimmed
        QByteArray value(QByteArrayView lowerName) const;
    };

    // Consumes the bytes of this response from data and returns how many it took: it stops when
    // the head is complete (so the caller can look at it before any body byte) and at the end of
    // the response (what follows belongs to the next one, or to nobody). Body bytes go to sink
    // as they arrive.
    qsizetype feed(QByteArrayView data, const BodySink &sink);
    // The peer closed the connection: ends a body delimited by the close, or fails saying where
    // the response stopped.
    void finish();

    State state() const { return m_state; }
    bool headComplete() const { return m_state == State::Body || m_state == State::Done; }
    bool receivedAnything() const { return m_received > 0; }
    const Head &head() const { return m_head; }
    const QString &error() const { return m_error; }
    // Done, and the connection may carry the next request.
    bool reusable() const { return m_state == State::Done && !m_head.close; }
    qint64 bodyBytes() const { return m_bodyBytes; }

    // A short, printable excerpt of outside bytes for error messages (never raw control bytes).
    static QString excerpt(QByteArrayView bytes, int max = 60);

private:
    enum class Body { Length, Chunked, UntilClose };
    enum class Chunk { Size, Data, DataEnd, Trailer };

    qsizetype feedHead(QByteArrayView data);
    qsizetype feedBody(QByteArrayView data, const BodySink &sink);
    qsizetype feedChunked(QByteArrayView data, const BodySink &sink);
    bool headLine(QByteArrayView line);
    bool statusLine(QByteArrayView line);
    bool headerLine(QByteArrayView line);
    bool endOfHead();
    // Accumulates a line ending in LF into m_line, growing it by at most limit bytes; returns the
    // bytes taken (-1: over the limit) and sets lineDone.
    qsizetype takeLine(QByteArrayView data, qsizetype limit, bool &lineDone);
    void fail(const QString &why);

    State m_state = State::Head;
    Head m_head;
    Body m_body = Body::Length;
    Chunk m_chunk = Chunk::Size;
    QByteArray m_line;
    qsizetype m_headBytes = 0;
    bool m_sawStatus = false;
    qint64 m_remaining = 0; // of the body (Length) or of the current chunk
    qint64 m_bodyBytes = 0;
    qint64 m_received = 0;
    QString m_error;
};

} // namespace ops
