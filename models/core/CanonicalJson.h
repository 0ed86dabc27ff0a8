#pragma once

#include "JsonValue.h"
#include "Result.h"

#include <string>
#include <string_view>

namespace ops::CanonicalJson {

// Strict RFC 8259 parser for evidence payloads: rejects floats, integers beyond 64 bits,
// duplicate keys, invalid UTF-8, lone surrogates, raw control characters, trailing bytes
// and nesting deeper than maxDepth. Errors name line and column.
Result<JsonValue> parse(std::string_view text, int maxDepth = 64);

// Canonical bytes: keys sorted by code point, no insignificant whitespace, integers only,
// strings as UTF-8 with only '"', '\\' and control characters escaped (RFC 8785 style).
std::string serialize(const JsonValue &value);
void serializeTo(const JsonValue &value, std::string &out);

// Indented form for people to read; same escaping and key order.
std::string pretty(const JsonValue &value);

// Appends a JSON string literal in canonical form (quotes included).
void appendString(std::string_view text, std::string &out);

// True when the text is already exactly its canonical form.
bool isCanonical(std::string_view text);

} // namespace ops::CanonicalJson
