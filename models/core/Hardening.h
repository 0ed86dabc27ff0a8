#pragma once

#include <QProcessEnvironment>

namespace ops::Hardening {

// What both programs do first: no core dumps and no ptrace/proc access by other processes of the
// same user (PR_SET_DUMPABLE 0, RLIMIT_CORE 0), so an unlocked key never lands in a core file.
void protectProcess();

// Takes OPSCONSOLE_PASSPHRASE out of the process environment: its bytes are overwritten where the
// kernel shows them (/proc/PID/environ) and the variable is unset, so no child inherits it.
// The returned environment still holds it, for the one place that reads it.
QProcessEnvironment takeEnvironment();

} // namespace ops::Hardening
