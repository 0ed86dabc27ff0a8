#include "Random.h"

#include <openssl/rand.h>

#include <cstdlib>

namespace ops::crypto {

void randomBytes(void *out, std::size_t size) {
    if (RAND_bytes(static_cast<unsigned char *>(out), static_cast<int>(size)) != 1)
        std::abort(); // no randomness: never continue with predictable identifiers or keys
}

std::string UuidSource::next() {
    if (m_used + 16 > sizeof m_pool) {
        randomBytes(m_pool, sizeof m_pool);
        m_used = 0;
    }
    unsigned char b[16];
    for (std::size_t i = 0; i < 16; ++i)
        b[i] = m_pool[m_used + i];
    m_used += 16;
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0xf];
    }
    return out;
}

} // namespace ops::crypto
