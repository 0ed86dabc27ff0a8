#pragma once

#include "Keychain.h"
#include "Result.h"
#include "Secret.h"

#include <QProcessEnvironment>

#include <functional>
#include <optional>

namespace ops::Passphrase {

using Prompt = std::function<std::optional<Secret>(const QString &question)>;

// In order: --passphrase-file FILE (first line), OPSCONSOLE_PASSPHRASE (itself from
// OPSCONSOLE_PASSPHRASE_FILE, a systemd credential or the variable), the keychain's
// passphrase:IDENTITY (when a keychain reader and an identity are given), then the prompt (when
// there is one): what is given for the run comes before the desktop's default. Never from an
// argument. An empty Secret means none was available.
Result<Secret> obtain(const QString &file, const QProcessEnvironment &env, const Prompt &prompt,
                      const QString &question, const Keychain::Reader &keychain = {},
                      const QString &identity = {});

} // namespace ops::Passphrase
