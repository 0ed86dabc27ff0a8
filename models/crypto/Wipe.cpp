// ops::secureZero (declared in core/Secret.h) lives here so OpenSSL stays inside models/crypto.
#include "core/Secret.h"

#include <openssl/crypto.h>

namespace ops {

void secureZero(void *data, std::size_t size) {
    if (data && size)
        OPENSSL_cleanse(data, size);
}

} // namespace ops
