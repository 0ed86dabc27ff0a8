// The probe client's HTTP/1.x response parser: framing (Content-Length, chunked, until close),
// keep-alive decisions, interim responses, and every bound on what a hostile server can send.
// Each well-formed case is fed whole and split at every byte boundary: the result must not change.
#include "probes/HttpResponseParser.h"

#include <QtTest>

using ops::HttpResponseParser;

namespace {

struct Parsed {
    HttpResponseParser::State state = HttpResponseParser::State::Head;
    HttpResponseParser::Head head;
    QByteArray body;
    QString error;
    qsizetype consumed = 0;
    bool reusable = false;
};

// Feeds the bytes in pieces of `piece` bytes (0: whole), as the client does: again after the head.
Parsed parse(const QByteArray &bytes, qsizetype piece = 0, bool closeAtEnd = false) {
    HttpResponseParser p;
    Parsed out;
    const auto sink = [&out](QByteArrayView v) { out.body.append(v); };
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, bytes.size());
    bool over = false;
    for (qsizetype at = 0; at < bytes.size() && !over; at += step) {
        QByteArrayView rest = QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at));
        while (!rest.isEmpty()) {
            const qsizetype used = p.feed(rest, sink);
            out.consumed += used;
            rest = rest.sliced(used);
            if (p.state() == HttpResponseParser::State::Done ||
                p.state() == HttpResponseParser::State::Failed) {
                over = true;
                break;
            }
            if (used == 0)
                break;
        }
    }
    if (closeAtEnd)
        p.finish();
    out.state = p.state();
    out.head = p.head();
    out.error = p.error();
    out.reusable = p.reusable();
    return out;
}

} // namespace

class TestHttpResponseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framing_data();
    void framing();
    void stopsAfterTheHeadSoTheCallerLooksFirst();
    void bytesBeyondTheResponseAreLeft();
    void closedEarlySaysWhere_data();
    void closedEarlySaysWhere();
    void malformed_data();
    void malformed();
    void headIsBounded();
    void excerptIsPrintableAndShort();
};

void TestHttpResponseParser::framing_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("closeAtEnd");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("reusable");

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
                                    << false << 200 << QByteArray("hello") << true;
    QTest::newRow("no reason phrase") << QByteArray("HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok") << false
                                      << 200 << QByteArray("ok") << true;
    QTest::newRow("bare LF line ends")
        << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << false << 200 << QByteArray("ok") << true;
    QTest::newRow("chunked, extensions, trailers")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n"
                      "0\r\nX-Trailer: 1\r\n\r\n")
        << false << 200 << QByteArray("hello world") << true;
    QTest::newRow("chunked beats Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                      "A\r\n0123456789\r\n0\r\n\r\n")
        << false << 200 << QByteArray("0123456789") << true;
    QTest::newRow("HTTP/1.0 until close")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it") << true << 200
        << QByteArray("all of it") << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\nx") << false
        << 200 << QByteArray("x") << true;
    QTest::newRow("HTTP/1.1 Connection: close")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 1\r\n\r\nx")
        << false << 200 << QByteArray("x") << false;
    QTest::newRow("unknown coding: until close")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz") << true << 200
        << QByteArray("zz") << false;
    QTest::newRow("interim responses skipped")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                      "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes")
        << false << 200 << QByteArray("yes") << true;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")
                                     << false << 204 << QByteArray() << true;
    QTest::newRow("empty body") << QByteArray("HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n") << false
                                << 500 << QByteArray() << true;
    QTest::newRow("redirect") << QByteArray(
                                     "HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n")
                              << false << 302 << QByteArray() << true;
}

void TestHttpResponseParser::framing() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, closeAtEnd);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, reusable);
    for (qsizetype piece = 0; piece <= bytes.size(); ++piece) {
        const Parsed p = parse(bytes, piece, closeAtEnd);
        const QByteArray where = "split every " + QByteArray::number(piece) + " bytes: " + p.error.toUtf8();
        QVERIFY2(p.state == HttpResponseParser::State::Done, where.constData());
        QCOMPARE(p.head.status, status);
        QCOMPARE(p.body, body);
        QCOMPARE(p.reusable, reusable);
        QCOMPARE(p.consumed, bytes.size());
    }
    const Parsed redirect = parse(bytes);
    if (status == 302)
        QCOMPARE(redirect.head.location, QByteArray("/next"));
}

void TestHttpResponseParser::stopsAfterTheHeadSoTheCallerLooksFirst() {
    HttpResponseParser p;
    QByteArray body;
    const QByteArray bytes("HTTP/1.1 200 OK\r\nContent-Length: 4\r\nX-Name:  padded value \r\n\r\nbody");
    const qsizetype first = p.feed(bytes, [&](QByteArrayView v) { body.append(v); });
    QCOMPARE(p.state(), HttpResponseParser::State::Body);
    QVERIFY(p.headComplete());
    QVERIFY(body.isEmpty());
    QCOMPARE(p.head().contentLength, 4);
    QCOMPARE(p.head().value("x-name"), QByteArray("padded value"));
    QCOMPARE(p.feed(QByteArrayView(bytes).sliced(first), [&](QByteArrayView v) { body.append(v); }), 4);
    QCOMPARE(body, QByteArray("body"));
    QCOMPARE(p.bodyBytes(), 4);
}

void TestHttpResponseParser::bytesBeyondTheResponseAreLeft() {
    // What follows the response (a second one, or junk) is not taken: the client then refuses to
    // reuse the connection.
    const QByteArray one("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    const Parsed p = parse(one + "HTTP/1.1 200 OK\r\n\r\n");
    QCOMPARE(p.state, HttpResponseParser::State::Done);
    QCOMPARE(p.consumed, one.size());
    QCOMPARE(p.body, QByteArray("ok"));
}

void TestHttpResponseParser::closedEarlySaysWhere_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("nothing") << QByteArray() << QStringLiteral("nothing received");
    QTest::newRow("in the head") << QByteArray("HTTP/1.1 200 OK\r\nContent-")
                                 << QStringLiteral("in the middle of the head");
    QTest::newRow("short body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
                                << QStringLiteral("3 of 10 body bytes received");
    QTest::newRow("in a chunk") << QByteArray(
                                       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabcd")
                                << QStringLiteral("in the middle of a chunked body, 4 bytes received");
    QTest::newRow("before the last chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n")
        << QStringLiteral("in the middle of a chunked body, 2 bytes received");
}

void TestHttpResponseParser::closedEarlySaysWhere() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const Parsed p = parse(bytes, 0, true);
    QCOMPARE(p.state, HttpResponseParser::State::Failed);
    QCOMPARE(p.error, error);
}

void TestHttpResponseParser::malformed_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n")
                              << QStringLiteral("malformed response: status line 'SSH-2.0-OpenSSH_9.2'");
    QTest::newRow("HTTP/2 preface") << QByteArray("HTTP/2 200\r\n\r\n")
                                    << QStringLiteral("malformed response: status line 'HTTP/2 200'");
    QTest::newRow("status not digits") << QByteArray("HTTP/1.1 2x0 OK\r\n")
                                       << QStringLiteral("malformed response: status line 'HTTP/1.1 2x0 OK'");
    QTest::newRow("status too small") << QByteArray("HTTP/1.1 099 Huh\r\n")
                                      << QStringLiteral("malformed response: status line 'HTTP/1.1 099 Huh'");
    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nno colon here\r\n")
        << QStringLiteral("malformed response: header line 'no colon here'");
    QTest::newRow("space before colon")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length : 1\r\n")
        << QStringLiteral("malformed response: header line 'Content-Length : 1'");
    QTest::newRow("folded header") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n")
                                   << QStringLiteral("malformed response: folded header line '  continued'");
    QTest::newRow("length not digits") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n")
                                       << QStringLiteral("malformed response: Content-Length '12abc'");
    QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")
                                     << QStringLiteral("malformed response: Content-Length '-1'");
    QTest::newRow("conflicting lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
        << QStringLiteral("malformed response: Content-Length '2'");
    QTest::newRow("huge length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")
        << QStringLiteral("malformed response: Content-Length '99999999999999999999'");
    QTest::newRow("chunk size not hex")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        << QStringLiteral("malformed response: chunk size 'zz'");
    QTest::newRow("chunk size overflow")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n")
        << QStringLiteral("malformed response: chunk size 'ffffffffffffffffff'");
    QTest::newRow("chunk longer than said")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n")
        << QStringLiteral("malformed response: chunk longer than its size");
    QTest::newRow("switching protocols")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n")
        << QStringLiteral("malformed response: 101 Switching Protocols to a plain GET");
}

void TestHttpResponseParser::malformed() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    for (const qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
        const Parsed p = parse(bytes, piece);
        QCOMPARE(p.state, HttpResponseParser::State::Failed);
        QCOMPARE(p.error, error);
        QVERIFY(!p.reusable);
    }
}

void TestHttpResponseParser::headIsBounded() {
    // A header line that never ends: cut at the bound, never grown beyond it.
    HttpResponseParser endless;
    const QByteArray x(4096, 'x');
    endless.feed("HTTP/1.1 200 OK\r\nX-Endless: ", {});
    qsizetype taken = 0;
    for (int i = 0; i < 100 && endless.state() == HttpResponseParser::State::Head; ++i)
        taken += endless.feed(x, {});
    QCOMPARE(endless.state(), HttpResponseParser::State::Failed);
    QCOMPARE(endless.error(), QStringLiteral("malformed response: header block over 65536 bytes"));
    QVERIFY(taken < HttpResponseParser::kMaxHead);

    QByteArray many("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i <= HttpResponseParser::kMaxFields; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QCOMPARE(parse(many).error, QStringLiteral("malformed response: more than 100 header fields"));

    const QByteArray longChunkLine =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + QByteArray(2000, 'e') + "\r\n";
    QCOMPARE(parse(longChunkLine, 100).error,
             QStringLiteral("malformed response: chunk-size line over 1024 bytes"));

    QByteArray trailers("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n");
    for (int i = 0; i < 2000; ++i)
        trailers += "X-Trailer-" + QByteArray::number(i) + ": " + QByteArray(40, 't') + "\r\n";
    QCOMPARE(parse(trailers).error, QStringLiteral("malformed response: trailers over 65536 bytes"));
}

void TestHttpResponseParser::excerptIsPrintableAndShort() {
    QCOMPARE(HttpResponseParser::excerpt(QByteArrayLiteral("\x1b[31mred\x00\x7f")),
             QStringLiteral("?[31mred??"));
    QCOMPARE(HttpResponseParser::excerpt("line\r\n"), QStringLiteral("line"));
    const QString cut = HttpResponseParser::excerpt(QByteArray(500, 'a'));
    QCOMPARE(cut.size(), 61);
    QVERIFY(cut.endsWith(QStringLiteral("…")));
}

QTEST_APPLESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
