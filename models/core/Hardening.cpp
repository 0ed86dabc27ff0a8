#include "Hardening.h"

#include "Secret.h"

#include <cstdlib>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace ops::Hardening {

void protectProcess() {
    const rlimit none{0, 0};
    (void)::setrlimit(RLIMIT_CORE, &none);
    (void)::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

QProcessEnvironment takeEnvironment() {
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (char *value = std::getenv("OPSCONSOLE_PASSPHRASE")) {
        secureZero(value, std::strlen(value));
        ::unsetenv("OPSCONSOLE_PASSPHRASE");
    }
    return env;
}

} // namespace ops::Hardening
