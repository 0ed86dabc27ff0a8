#pragma once

// Derivation records and typed INFEASIBLE records (docs/domain-rules.md, "Derivation and INFEASIBLE
// records"): loading from YAML with file:line diagnostics, and the validation rules of §2, §3 and §7, each
// with its own message.

#include "core/JsonValue.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

enum class RecordType { Derivation, Infeasible };

QString recordTypeName(RecordType type); // "derivation" | "infeasible"

struct DerivationRecord {
    RecordType type = RecordType::Derivation;
    QString id;                             // derivation_id or infeasible_id
    QString file;                           // where it was read from, as given
    int line = 0;                           // the record's first line
    JsonValue fields = JsonValue::object(); // every field as written; scalars are strings
    QHash<QString, int> lines;              // field → the line of its value

    static QStringList templateFields(RecordType type); // docs/domain-rules.md, in template order
    static QStringList optionalFields(RecordType type); // depends_on, supersedes (and notes for INFEASIBLE)
    static QString idField(RecordType type);

    bool isInfeasible() const { return type == RecordType::Infeasible; }
    QString text(const char *field) const; // a scalar field as text, empty otherwise
    int lineOf(const QString &field) const { return lines.value(field, line); }
    QString where(const QString &field = {}) const; // "file:line"

    QString story() const { return text("story"); }
    QString author() const { return text("author"); }
    QString reviewer() const { return text("reviewer"); }
    QString costTier() const { return text("cost_tier"); }
    QString lockability() const {
        return isInfeasible() ? QStringLiteral("infeasible") : text("lockability");
    }
    QString gitSha() const { return text("git_sha"); }
    QString reason() const { return text("reason"); } // INFEASIBLE
    // The charter value this record settles: value_name, or for an INFEASIBLE its failed_derivation.
    QString valueName() const;
    // "label=algo:hex" (mapping) or "algo:hex" (list or one scalar), sorted.
    QStringList inputHashes() const;
    // Record ids named by depends_on and supersedes.
    QStringList references() const;
    QString supersedes() const { return text("supersedes"); }
    // A cost or capacity value: needs a risk-owner note before it is signed (docs/domain-rules.md §1).
    bool isCostOrCapacity() const;

    // {"fields", "id", "type"}: what is hashed and signed.
    JsonValue canonicalJson() const;
    std::string canonical() const;
    QString sha256() const; // hex of the canonical bytes

    static std::optional<DerivationRecord> fromJson(const JsonValue &json); // from canonicalJson()
};

// One validation rule's verdict on one record.
struct RuleCheck {
    QString rule;  // e.g. "tier-c-not-lockable"
    QString title; // what the rule says, for the reader
    bool ok = true;
    QList<Diagnostic> findings; // why not, with file:line and field
};

namespace DerivationRules {

struct RuleInfo {
    QString id;
    QString title;
};
// Every rule, in the order the record view shows them.
QList<RuleInfo> all();

// Each rule applied to one record: one RuleCheck per rule that applies to its type.
QList<RuleCheck> check(const DerivationRecord &record);
// The rules across records: ids unique, and E_econ_min ≠ E_pred_min between the records given
// and the live ones already stored. Findings belong to `records`.
QList<Diagnostic> checkSet(const QList<DerivationRecord> &records, const QList<DerivationRecord> &live);
// Every finding of check() for one record.
QList<Diagnostic> findings(const DerivationRecord &record);

bool isPlaceholder(const QString &text);

} // namespace DerivationRules

// One file: its records (one mapping or a list of them), or what stopped it from being read.
struct LoadedFile {
    QString file;
    QByteArray bytes;
    QList<DerivationRecord> records;
    QList<Diagnostic> errors; // YAML syntax and structure (not a mapping, no id field, duplicate key)
};

namespace DerivationLoader {
LoadedFile loadText(const QByteArray &text, const QString &file);
LoadedFile loadFile(const QString &path);
} // namespace DerivationLoader

// What `derivation validate` reports for one file: structure, every rule, and the set rules.
struct FileValidation {
    QString file;
    QList<DerivationRecord> records;
    QList<Diagnostic> errors;
    bool ok() const { return errors.isEmpty() && !records.isEmpty(); }
    JsonValue toJson() const; // {"file", "ok", "errors": [{"line", "field", "message"}], "records": [...]}
};
QList<FileValidation> validateFiles(const QStringList &paths, const QList<DerivationRecord> &live = {});

} // namespace ops
