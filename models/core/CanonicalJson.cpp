// CanonicalJson: the writer (the canonical form: sorted keys, no spaces, minimal escapes) and the
// pretty form.
#include "CanonicalJson.h"

#include <charconv>

namespace ops::CanonicalJson {

namespace {

void appendStringImpl(std::string_view s, std::string &out) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.substr(runStart, i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(s.substr(runStart));
    out += '"';
}

void write(const JsonValue &v, std::string &out, int indent, int level) {
    auto newline = [&](int lvl) {
        if (indent < 0)
            return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * lvl), ' ');
    };
    switch (v.type()) {
    case JsonValue::Type::Null:
        out += "null";
        break;
    case JsonValue::Type::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case JsonValue::Type::Int: {
        char buf[24];
        const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v.toInt());
        (void)ec;
        out.append(buf, ptr);
        break;
    }
    case JsonValue::Type::String:
        appendStringImpl(v.toStdString(), out);
        break;
    case JsonValue::Type::Array: {
        const auto &a = v.toArray();
        out += '[';
        bool first = true;
        for (const JsonValue &item : a) {
            if (!first)
                out += ',';
            first = false;
            newline(level + 1);
            write(item, out, indent, level + 1);
        }
        if (!a.empty())
            newline(level);
        out += ']';
        break;
    }
    case JsonValue::Type::Object: {
        const auto &o = v.toObject();
        out += '{';
        bool first = true;
        for (const auto &[key, item] : o) {
            if (!first)
                out += ',';
            first = false;
            newline(level + 1);
            appendStringImpl(key, out);
            out += indent < 0 ? ":" : ": ";
            write(item, out, indent, level + 1);
        }
        if (!o.empty())
            newline(level);
        out += '}';
        break;
    }
    }
}

} // namespace

void appendString(std::string_view text, std::string &out) {
    appendStringImpl(text, out);
}

void serializeTo(const JsonValue &value, std::string &out) {
    write(value, out, -1, 0);
}

std::string serialize(const JsonValue &value) {
    std::string out;
    serializeTo(value, out);
    return out;
}

std::string pretty(const JsonValue &value) {
    std::string out;
    write(value, out, 2, 0);
    return out;
}

} // namespace ops::CanonicalJson
