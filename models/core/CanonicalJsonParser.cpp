// CanonicalJson: the parser (RFC 8259 text to JsonValue, with the limits the canonical form sets).
#include "CanonicalJson.h"

#include <charconv>

namespace ops::CanonicalJson {

namespace {

class Parser {
public:
    Parser(std::string_view text, int maxDepth)
        : m_s(text)
        , m_maxDepth(maxDepth) {}

    Result<JsonValue> run() {
        skipWs();
        JsonValue v;
        if (!value(v, 0))
            return fail();
        skipWs();
        if (m_pos != m_s.size()) {
            setError(QStringLiteral("unexpected bytes after the JSON value"));
            return fail();
        }
        return v;
    }

private:
    Error fail() const {
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("%1 at line %2, column %3").arg(m_error).arg(m_errLine).arg(m_errCol));
    }

    void setError(const QString &message) {
        if (!m_error.isEmpty())
            return;
        m_error = message;
        m_errLine = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < m_pos && i < m_s.size(); ++i) {
            if (m_s[i] == '\n') {
                ++m_errLine;
                lineStart = i + 1;
            }
        }
        m_errCol = static_cast<int>(m_pos - lineStart) + 1;
    }

    void skipWs() {
        while (m_pos < m_s.size()) {
            const char c = m_s[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool literal(std::string_view word) {
        if (m_s.substr(m_pos, word.size()) != word) {
            setError(QStringLiteral("invalid literal"));
            return false;
        }
        m_pos += word.size();
        return true;
    }

    bool value(JsonValue &out, int depth) {
        if (depth > m_maxDepth) {
            setError(QStringLiteral("nesting deeper than %1 levels").arg(m_maxDepth));
            return false;
        }
        if (m_pos >= m_s.size()) {
            setError(QStringLiteral("unexpected end of input"));
            return false;
        }
        switch (m_s[m_pos]) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = JsonValue(std::move(s));
            return true;
        }
        case 't':
            out = JsonValue(true);
            return literal("true");
        case 'f':
            out = JsonValue(false);
            return literal("false");
        case 'n':
            out = JsonValue(nullptr);
            return literal("null");
        default:
            return number(out);
        }
    }

    bool number(JsonValue &out) {
        const std::size_t start = m_pos;
        if (m_pos < m_s.size() && m_s[m_pos] == '-')
            ++m_pos;
        if (m_pos >= m_s.size() || m_s[m_pos] < '0' || m_s[m_pos] > '9') {
            m_pos = start;
            setError(QStringLiteral("unexpected character"));
            return false;
        }
        if (m_s[m_pos] == '0') {
            ++m_pos;
            if (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
                setError(QStringLiteral("leading zeros are not allowed"));
                return false;
            }
        } else {
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
                ++m_pos;
        }
        if (m_pos < m_s.size() && (m_s[m_pos] == '.' || m_s[m_pos] == 'e' || m_s[m_pos] == 'E')) {
            m_pos = start;
            setError(QStringLiteral("floating-point numbers are not allowed (use an integer or a string)"));
            return false;
        }
        std::int64_t v = 0;
        const auto [ptr, ec] = std::from_chars(m_s.data() + start, m_s.data() + m_pos, v);
        if (ec != std::errc() || ptr != m_s.data() + m_pos) {
            m_pos = start;
            setError(QStringLiteral("integer out of the 64-bit range"));
            return false;
        }
        out = JsonValue(v);
        return true;
    }

    static void appendUtf8(std::string &out, char32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(char32_t &out) {
        if (m_pos + 4 > m_s.size()) {
            setError(QStringLiteral("truncated \\u escape"));
            return false;
        }
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_s[m_pos++];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<char32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<char32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<char32_t>(c - 'A' + 10);
            else {
                --m_pos;
                setError(QStringLiteral("invalid hex digit in \\u escape"));
                return false;
            }
        }
        return true;
    }

    // Validates one UTF-8 sequence starting at m_pos (strict: no overlongs, no surrogates).
    bool utf8Sequence(std::string &out) {
        const auto b0 = static_cast<unsigned char>(m_s[m_pos]);
        int len = 0;
        char32_t cp = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            cp = b0 & 0x07;
        } else {
            setError(QStringLiteral("invalid UTF-8"));
            return false;
        }
        if (m_pos + static_cast<std::size_t>(len) > m_s.size()) {
            setError(QStringLiteral("truncated UTF-8 sequence"));
            return false;
        }
        for (int i = 1; i < len; ++i) {
            const auto b = static_cast<unsigned char>(m_s[m_pos + static_cast<std::size_t>(i)]);
            if ((b & 0xC0) != 0x80) {
                setError(QStringLiteral("invalid UTF-8"));
                return false;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            setError(QStringLiteral("invalid UTF-8"));
            return false;
        }
        out.append(m_s.substr(m_pos, static_cast<std::size_t>(len)));
        m_pos += static_cast<std::size_t>(len);
        return true;
    }

    bool string(std::string &out) {
        ++m_pos; // opening quote
        while (true) {
            // Copy runs of plain ASCII in one go.
            std::size_t runStart = m_pos;
            while (m_pos < m_s.size()) {
                const auto c = static_cast<unsigned char>(m_s[m_pos]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_pos;
            }
            out.append(m_s.substr(runStart, m_pos - runStart));
            if (m_pos >= m_s.size()) {
                setError(QStringLiteral("unterminated string"));
                return false;
            }
            const auto c = static_cast<unsigned char>(m_s[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20) {
                setError(QStringLiteral("raw control character in string (escape it)"));
                return false;
            }
            if (c >= 0x80) {
                if (!utf8Sequence(out))
                    return false;
                continue;
            }
            // backslash
            ++m_pos;
            if (m_pos >= m_s.size()) {
                setError(QStringLiteral("unterminated escape"));
                return false;
            }
            const char e = m_s[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    setError(QStringLiteral("lone low surrogate in \\u escape"));
                    return false;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (m_s.substr(m_pos, 2) != "\\u") {
                        setError(QStringLiteral("lone high surrogate in \\u escape"));
                        return false;
                    }
                    m_pos += 2;
                    char32_t lo = 0;
                    if (!hex4(lo))
                        return false;
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        setError(QStringLiteral("high surrogate not followed by a low surrogate"));
                        return false;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                --m_pos;
                setError(QStringLiteral("invalid escape"));
                return false;
            }
        }
    }

    bool array(JsonValue &out, int depth) {
        ++m_pos;
        JsonValue::Array items;
        skipWs();
        if (m_pos < m_s.size() && m_s[m_pos] == ']') {
            ++m_pos;
            out = JsonValue(std::move(items));
            return true;
        }
        while (true) {
            skipWs();
            JsonValue item;
            if (!value(item, depth + 1))
                return false;
            items.push_back(std::move(item));
            skipWs();
            if (m_pos >= m_s.size()) {
                setError(QStringLiteral("unterminated array"));
                return false;
            }
            if (m_s[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_s[m_pos] == ']') {
                ++m_pos;
                out = JsonValue(std::move(items));
                return true;
            }
            setError(QStringLiteral("expected ',' or ']'"));
            return false;
        }
    }

    bool object(JsonValue &out, int depth) {
        ++m_pos;
        JsonValue::Object members;
        skipWs();
        if (m_pos < m_s.size() && m_s[m_pos] == '}') {
            ++m_pos;
            out = JsonValue(std::move(members));
            return true;
        }
        while (true) {
            skipWs();
            if (m_pos >= m_s.size()) {
                setError(QStringLiteral("unterminated object"));
                return false;
            }
            if (m_s[m_pos] != '"') {
                setError(QStringLiteral("expected a string key"));
                return false;
            }
            const std::size_t keyPos = m_pos;
            std::string key;
            if (!string(key))
                return false;
            skipWs();
            if (m_pos >= m_s.size() || m_s[m_pos] != ':') {
                setError(QStringLiteral("expected ':'"));
                return false;
            }
            ++m_pos;
            skipWs();
            JsonValue v;
            if (!value(v, depth + 1))
                return false;
            if (!members.emplace(key, std::move(v)).second) {
                m_pos = keyPos;
                setError(QStringLiteral("duplicate key \"%1\"").arg(QString::fromStdString(key)));
                return false;
            }
            skipWs();
            if (m_pos >= m_s.size()) {
                setError(QStringLiteral("unterminated object"));
                return false;
            }
            if (m_s[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_s[m_pos] == '}') {
                ++m_pos;
                out = JsonValue(std::move(members));
                return true;
            }
            setError(QStringLiteral("expected ',' or '}'"));
            return false;
        }
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
    int m_maxDepth;
    QString m_error;
    int m_errLine = 0;
    int m_errCol = 0;
};

} // namespace

Result<JsonValue> parse(std::string_view text, int maxDepth) {
    return Parser(text, maxDepth).run();
}

bool isCanonical(std::string_view text) {
    auto parsed = parse(text);
    return parsed.ok() && serialize(parsed.value()) == text;
}

} // namespace ops::CanonicalJson
