#pragma once

#include "core/Keychain.h"
#include "core/Result.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace ops::Hardening {

// What both programs do first: no core dumps and no ptrace/proc access by other processes of the
// same user (PR_SET_DUMPABLE 0, RLIMIT_CORE 0), so an unlocked key never lands in a core file.
void protectProcess();

// Takes OPSCONSOLE_PASSPHRASE out of the process environment: its bytes are overwritten where the
// kernel shows them (/proc/PID/environ) and the variable is unset, so no child inherits it.
// The returned environment still holds it, for the one place that reads it.
QProcessEnvironment takeEnvironment();

// Secrets given for this run. For OPSCONSOLE_OPERATOR_TOKEN, OPSCONSOLE_PUBLISHER_TOKEN and
// OPSCONSOLE_PASSPHRASE, in this order, the first that is present:
//   NAME_FILE       a file holding the value (refused when its group or others may read it)
//   the credential  $CREDENTIALS_DIRECTORY/opsconsole-operator-token … (systemd LoadCredential=)
//   NAME            the variable itself
// A file's value is its content without one trailing newline, at most 64 KiB. Returns the
// environment with the values in it (this process's copy only); an unreadable file is an error
// naming it. `sources`, when given, receives one line per secret found: "NAME: where" (no value).
Result<QProcessEnvironment> secretsFromFiles(QProcessEnvironment env, QStringList *sources = nullptr);

// The desktop's default, after everything given for the run: a token none of those set is taken
// from the OS keychain's operator-token / publisher-token. (A passphrase is kept per identity and
// asked for by Passphrase::obtain, after --passphrase-file and OPSCONSOLE_PASSPHRASE.) An explicit
// source always wins, so a stale keychain entry never overrides what the operator gave this run.
QProcessEnvironment tokensFromKeychain(QProcessEnvironment env, const Keychain::Reader &keychain,
                                       QStringList *sources = nullptr);

// Both, in that order.
Result<QProcessEnvironment> resolveSecrets(const QProcessEnvironment &env, const Keychain::Reader &keychain,
                                           QStringList *sources = nullptr);

} // namespace ops::Hardening
