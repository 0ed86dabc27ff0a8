#include "core/CanonicalJson.h"

#include <QTest>

using namespace ops;

class TestCanonicalJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sortsKeysByCodePoint();
    void sortsSupplementaryAfterBmp();
    void noInsignificantWhitespace();
    void escapes_data();
    void escapes();
    void unicodeRoundTrip();
    void surrogatePairsDecode();
    void nesting();
    void integers_data();
    void integers();
    void rejects_data();
    void rejects();
    void errorsNameLineAndColumn();
    void prettyIsReadableAndEquivalent();
    void isCanonical();
    void buildsFromValues();
};

static std::string canon(std::string_view text) {
    auto v = CanonicalJson::parse(text);
    if (!v.ok())
        qFatal("parse failed: %s", qPrintable(v.error().toString()));
    return CanonicalJson::serialize(v.value());
}

void TestCanonicalJson::sortsKeysByCodePoint() {
    QCOMPARE(canon(R"({"b":1,"a":2,"B":3,"aa":4,"":5})"), std::string(R"({"":5,"B":3,"a":2,"aa":4,"b":1})"));
    // é (U+00E9) sorts after z (U+007A) by code point
    QCOMPARE(canon("{\"\xC3\xA9\":1,\"z\":2}"), std::string("{\"z\":2,\"\xC3\xA9\":1}"));
}

void TestCanonicalJson::sortsSupplementaryAfterBmp() {
    // U+FFFD < U+1F600 by code point; UTF-16 order (as in RFC 8785) would put the emoji first.
    const std::string text = "{\"\xF0\x9F\x98\x80\":1,\"\xEF\xBF\xBD\":2}";
    QCOMPARE(canon(text), std::string("{\"\xEF\xBF\xBD\":2,\"\xF0\x9F\x98\x80\":1}"));
}

void TestCanonicalJson::noInsignificantWhitespace() {
    QCOMPARE(canon(" {\n \"a\" : [ 1 , 2 ,\t{ } , [ ] ] ,\r\n\"b\":null } "),
             std::string(R"({"a":[1,2,{},[]],"b":null})"));
}

void TestCanonicalJson::escapes_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("quote and backslash")
        << QByteArray("[\"a\\\"b\\\\c\"]") << QByteArray("[\"a\\\"b\\\\c\"]");
    QTest::newRow("short escapes kept")
        << QByteArray("[\"\\b\\f\\n\\r\\t\"]") << QByteArray("[\"\\b\\f\\n\\r\\t\"]");
    QTest::newRow("control as \\u00xx lower hex")
        << QByteArray("[\"\\u0001\\u001F\"]") << QByteArray("[\"\\u0001\\u001f\"]");
    QTest::newRow("solidus unescaped") << QByteArray("[\"a\\/b\"]") << QByteArray(R"(["a/b"])");
    QTest::newRow("DEL literal") << QByteArray("[\"\x7f\"]") << QByteArray("[\"\x7f\"]");
    QTest::newRow("\\u escape to UTF-8")
        << QByteArray("[\"\\u00e9\\u20ac\"]") << QByteArray("[\"\xC3\xA9\xE2\x82\xAC\"]");
    QTest::newRow("escaped key") << QByteArray("{\"\\u0041\":1}") << QByteArray(R"({"A":1})");
}

void TestCanonicalJson::escapes() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(canon(input.toStdString())), expected);
}

void TestCanonicalJson::unicodeRoundTrip() {
    const std::string text = "{\"name\":\"Kuala Lumpur \xE5\x90\x89\xE9\x9A\x86\xE5\x9D\xA1 "
                             "\xF0\x9F\x8C\x8F\",\"z\":\"\xC3\xBC\"}";
    QCOMPARE(canon(text), text);
    QCOMPARE(canon(canon(text)), text);
}

void TestCanonicalJson::surrogatePairsDecode() {
    QCOMPARE(canon("[\"\\ud83d\\ude00\"]"), std::string("[\"\xF0\x9F\x98\x80\"]"));
}

void TestCanonicalJson::nesting() {
    const std::string text = R"({"z":{"b":[{"d":1,"c":[true,false,null]}],"a":"x"},"a":[[[]]]})";
    QCOMPARE(canon(text), std::string(R"({"a":[[[]]],"z":{"a":"x","b":[{"c":[true,false,null],"d":1}]}})"));
    std::string deep(64, '[');
    deep += std::string(64, ']');
    QVERIFY(CanonicalJson::parse(deep).ok());
    std::string tooDeep(66, '[');
    tooDeep += std::string(66, ']');
    const auto r = CanonicalJson::parse(tooDeep);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("nesting deeper")));
}

void TestCanonicalJson::integers_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("zero") << QByteArray("[0]") << QByteArray("[0]");
    QTest::newRow("minus zero") << QByteArray("[-0]") << QByteArray("[0]");
    QTest::newRow("negative") << QByteArray("[-42]") << QByteArray("[-42]");
    QTest::newRow("int64 max") << QByteArray("[9223372036854775807]") << QByteArray("[9223372036854775807]");
    QTest::newRow("int64 min") << QByteArray("[-9223372036854775808]")
                               << QByteArray("[-9223372036854775808]");
}

void TestCanonicalJson::integers() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(canon(input.toStdString())), expected);
}

void TestCanonicalJson::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("float") << QByteArray("[1.5]") << QStringLiteral("floating-point");
    QTest::newRow("exponent") << QByteArray("[1e3]") << QStringLiteral("floating-point");
    QTest::newRow("float zero") << QByteArray("{\"a\":0.0}") << QStringLiteral("floating-point");
    QTest::newRow("int overflow") << QByteArray("[9223372036854775808]") << QStringLiteral("64-bit range");
    QTest::newRow("leading zero") << QByteArray("[01]") << QStringLiteral("leading zeros");
    QTest::newRow("duplicate key") << QByteArray(R"({"a":1,"a":2})") << QStringLiteral("duplicate key \"a\"");
    QTest::newRow("duplicate key via escape")
        << QByteArray("{\"a\":1,\"\\u0061\":2}") << QStringLiteral("duplicate key");
    QTest::newRow("duplicate nested")
        << QByteArray(R"({"x":{"k":1,"k":1}})") << QStringLiteral("duplicate key \"k\"");
    QTest::newRow("trailing comma") << QByteArray("[1,]") << QStringLiteral("unexpected character");
    QTest::newRow("trailing garbage") << QByteArray("{} x") << QStringLiteral("unexpected bytes");
    QTest::newRow("two values") << QByteArray("{}{}") << QStringLiteral("unexpected bytes");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("unexpected end");
    QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << QStringLiteral("raw control");
    QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << QStringLiteral("invalid escape");
    QTest::newRow("lone high surrogate")
        << QByteArray("[\"\\ud800\"]") << QStringLiteral("lone high surrogate");
    QTest::newRow("lone low surrogate")
        << QByteArray("[\"\\udc00\"]") << QStringLiteral("lone low surrogate");
    QTest::newRow("invalid utf8 byte") << QByteArray("[\"\xFF\"]") << QStringLiteral("invalid UTF-8");
    QTest::newRow("overlong utf8") << QByteArray("[\"\xC0\xAF\"]") << QStringLiteral("invalid UTF-8");
    QTest::newRow("utf8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << QStringLiteral("invalid UTF-8");
    QTest::newRow("truncated utf8") << QByteArray("[\"\xE2\x82") << QStringLiteral("UTF-8");
    QTest::newRow("unterminated string") << QByteArray("[\"abc") << QStringLiteral("unterminated string");
    QTest::newRow("single quotes") << QByteArray("['a']") << QStringLiteral("unexpected character");
    QTest::newRow("bare word") << QByteArray("[nul]") << QStringLiteral("invalid literal");
    QTest::newRow("non-string key") << QByteArray("{1:2}") << QStringLiteral("expected a string key");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{}") << QStringLiteral("unexpected character");
    QTest::newRow("NaN") << QByteArray("[NaN]") << QStringLiteral("unexpected character");
}

void TestCanonicalJson::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const auto r =
        CanonicalJson::parse(std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
    QVERIFY2(!r.ok(), input.constData());
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
}

void TestCanonicalJson::errorsNameLineAndColumn() {
    const auto r = CanonicalJson::parse("{\n  \"a\": 1,\n  \"b\": 2.5\n}");
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("line 3, column 8")), qPrintable(r.error().message));
}

void TestCanonicalJson::prettyIsReadableAndEquivalent() {
    const auto v = CanonicalJson::parse(R"({"b":[1,{"c":"x"}],"a":{}})");
    QVERIFY(v.ok());
    const std::string p = CanonicalJson::pretty(v.value());
    QVERIFY(p.find('\n') != std::string::npos);
    QCOMPARE(p, std::string("{\n  \"a\": {},\n  \"b\": [\n    1,\n    {\n      \"c\": \"x\"\n    }\n  ]\n}"));
    QCOMPARE(canon(p), CanonicalJson::serialize(v.value()));
}

void TestCanonicalJson::isCanonical() {
    QVERIFY(CanonicalJson::isCanonical(R"({"a":1,"b":[true]})"));
    QVERIFY(!CanonicalJson::isCanonical(R"({"b":1,"a":1})"));
    QVERIFY(!CanonicalJson::isCanonical(R"({"a": 1})"));
    QVERIFY(!CanonicalJson::isCanonical("[\"\\u0041\"]"));
}

void TestCanonicalJson::buildsFromValues() {
    JsonValue v = JsonValue::object();
    v["scope"] = QStringLiteral("kl");
    v["count"] = 3;
    v["ok"] = true;
    v["none"] = nullptr;
    v["list"].push(JsonValue("x"));
    v["text"] = "line\n\"quoted\"";
    QCOMPARE(CanonicalJson::serialize(v),
             std::string("{\"count\":3,\"list\":[\"x\"],\"none\":null,\"ok\":true,\"scope\":\"kl\",\"text\":"
                         "\"line\\n\\\"quoted\\\"\"}"));
    QCOMPARE(v.stringAt("scope"), QStringLiteral("kl"));
    QVERIFY(v.find("missing") == nullptr);
    const auto back = CanonicalJson::parse(CanonicalJson::serialize(v));
    QVERIFY(back.ok());
    QVERIFY(back.value() == v);
}

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
