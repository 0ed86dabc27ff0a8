#pragma once

#include <cstddef>
#include <string>

namespace ops::crypto {

// Bytes from OpenSSL's DRBG (seeded from the operating system). Unlike RDSEED-backed sources it
// is fast enough for one UUID per event in bulk imports.
void randomBytes(void *out, std::size_t size);

// Random (version 4) UUIDs, drawn in blocks.
class UuidSource {
public:
    std::string next();

private:
    unsigned char m_pool[4096];
    std::size_t m_used = sizeof m_pool;
};

} // namespace ops::crypto
