#pragma once

#include "Derivations.h"

#include "core/Time.h"

namespace ops::derivationevents {

// The events of the reviewer's desk as the log records them, built from the records and the
// current book; DerivationActions decides whether an act may happen and appends them.

// Every record of `files` checked (structure, every rule, ids new, the set's rules against the
// live records of `book`): the records, or every finding with its file:line.
Result<QList<DerivationRecord>> validated(const QList<LoadedFile> &files, const DerivationBook &book);

// The source file of records as the attachment that is stored with them.
Result<NewBlob> sourceBlob(const LoadedFile &file);

// "derivation.imported" for one record of `file` (whose bytes hash to fileSha); supersedes names
// the record it replaces, if any.
NewEvent imported(const DerivationRecord &record, const LoadedFile &file, const QString &fileSha,
                  const QString &supersedes, const Time::Clock &clock);

// "derivation.invalidated" for `id` (unless the cause is a supersession, which has its own event)
// and for every live record that depends on it, except those in `skip`.
QList<NewEvent> invalidations(const DerivationBook &book, const QString &id, const QString &reason,
                              const QString &cause, const Time::Clock &clock, const QStringList &skip = {});

// "derivation.invalidated" for every live record after a forbidden run (`statement` says what ran).
QList<NewEvent> forbiddenRunInvalidations(const DerivationBook &book, const QString &statement,
                                          const Time::Clock &clock);

JsonValue stringsJson(const QStringList &list);

} // namespace ops::derivationevents
