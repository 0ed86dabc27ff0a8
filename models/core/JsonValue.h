#pragma once

#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace ops {

// A JSON value restricted to what canonical JSON allows: no floats, integers are 64-bit,
// strings are UTF-8, object keys are unique and kept sorted by code point (byte order of UTF-8).
class JsonValue {
public:
    enum class Type { Null, Bool, Int, String, Array, Object };
    using Array = std::vector<JsonValue>;
    using Object = std::map<std::string, JsonValue, std::less<>>;

    JsonValue() = default;
    JsonValue(std::nullptr_t) {}
    JsonValue(bool b)
        : m_v(b) {}
    template<typename I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
    JsonValue(I i)
        : m_v(static_cast<std::int64_t>(i)) {}
    JsonValue(const char *s)
        : m_v(std::string(s)) {}
    JsonValue(std::string s)
        : m_v(std::move(s)) {}
    JsonValue(std::string_view s)
        : m_v(std::string(s)) {}
    JsonValue(const QString &s)
        : m_v(s.toStdString()) {}
    JsonValue(Array a)
        : m_v(std::move(a)) {}
    JsonValue(Object o)
        : m_v(std::move(o)) {}

    static JsonValue object() { return JsonValue(Object{}); }
    static JsonValue array() { return JsonValue(Array{}); }

    Type type() const { return static_cast<Type>(m_v.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool(bool fallback = false) const;
    std::int64_t toInt(std::int64_t fallback = 0) const;
    const std::string &toStdString() const; // empty for non-strings
    QString toQString() const { return QString::fromStdString(toStdString()); }
    const Array &toArray() const;   // empty for non-arrays
    const Object &toObject() const; // empty for non-objects
    Array &asArray();               // converts a null into an empty array
    Object &asObject();             // converts a null into an empty object

    // Object access: nullptr when absent or not an object.
    const JsonValue *find(std::string_view key) const;
    QString stringAt(std::string_view key) const;
    // The members of the array at `key` as strings (empty when absent).
    QStringList stringsAt(std::string_view key) const;
    JsonValue &operator[](const std::string &key) { return asObject()[key]; }
    void push(JsonValue v) { asArray().push_back(std::move(v)); }

    bool operator==(const JsonValue &other) const = default;

private:
    std::variant<std::monostate, bool, std::int64_t, std::string, Array, Object> m_v;
};

} // namespace ops
