#include "JsonValue.h"

#include <QStringList>

namespace ops {

namespace {
const std::string kEmptyString;
const JsonValue::Array kEmptyArray;
const JsonValue::Object kEmptyObject;
} // namespace

bool JsonValue::toBool(bool fallback) const {
    return isBool() ? std::get<bool>(m_v) : fallback;
}

std::int64_t JsonValue::toInt(std::int64_t fallback) const {
    return isInt() ? std::get<std::int64_t>(m_v) : fallback;
}

const std::string &JsonValue::toStdString() const {
    return isString() ? std::get<std::string>(m_v) : kEmptyString;
}

const JsonValue::Array &JsonValue::toArray() const {
    return isArray() ? std::get<Array>(m_v) : kEmptyArray;
}

const JsonValue::Object &JsonValue::toObject() const {
    return isObject() ? std::get<Object>(m_v) : kEmptyObject;
}

JsonValue::Array &JsonValue::asArray() {
    if (!isArray())
        m_v = Array{};
    return std::get<Array>(m_v);
}

JsonValue::Object &JsonValue::asObject() {
    if (!isObject())
        m_v = Object{};
    return std::get<Object>(m_v);
}

const JsonValue *JsonValue::find(std::string_view key) const {
    if (!isObject())
        return nullptr;
    const Object &o = std::get<Object>(m_v);
    auto it = o.find(key);
    return it == o.end() ? nullptr : &it->second;
}

QStringList JsonValue::stringsAt(std::string_view key) const {
    QStringList out;
    if (const JsonValue *v = find(key))
        for (const JsonValue &s : v->toArray())
            out << s.toQString();
    return out;
}

QString JsonValue::stringAt(std::string_view key) const {
    const JsonValue *v = find(key);
    return v ? v->toQString() : QString();
}

} // namespace ops
