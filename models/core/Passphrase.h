#pragma once

#include "Result.h"
#include "Secret.h"

#include <QProcessEnvironment>

#include <functional>
#include <optional>

namespace ops::Passphrase {

using Prompt = std::function<std::optional<Secret>(const QString &question)>;

// In order: --passphrase-file FILE (first line), OPSCONSOLE_PASSPHRASE, then the prompt (when
// there is one). Never from an argument. An empty Secret means none was available.
Result<Secret> obtain(const QString &file, const QProcessEnvironment &env, const Prompt &prompt,
                      const QString &question);

} // namespace ops::Passphrase
