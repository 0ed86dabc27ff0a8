#include "DerivationRecord.h"
#include "DerivationText.h"

#include "core/FileUtil.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "core/YamlSupport.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace ops {

using derivationtext::fromLatin;
using derivationtext::stringsOf;

QString recordTypeName(RecordType type) {
    return type == RecordType::Infeasible ? QStringLiteral("infeasible") : QStringLiteral("derivation");
}

// ---- DerivationRecord (the rules are in DerivationRules.cpp, loading in DerivationLoader.cpp) ----

QStringList DerivationRecord::templateFields(RecordType type) {
    if (type == RecordType::Infeasible)
        return fromLatin({"infeasible_id", "story", "reason", "trigger", "failed_derivation",
                          "evidence_attempted", "allowed_next_action", "blocked_downstream",
                          "required_remediation_artifact", "author", "reviewer", "timestamp"});
    return fromLatin({"derivation_id", "story", "value_name", "value", "units", "lockability", "cost_tier",
                      "artifact_path", "mlflow_run_id", "git_sha", "input_hashes", "code_version",
                      "parameters", "author", "reviewer", "timestamp", "repro_command", "notes"});
}

QStringList DerivationRecord::optionalFields(RecordType type) {
    if (type == RecordType::Infeasible)
        return fromLatin({"depends_on", "supersedes", "notes"});
    return fromLatin({"depends_on", "supersedes"});
}

QString DerivationRecord::idField(RecordType type) {
    return type == RecordType::Infeasible ? QStringLiteral("infeasible_id") : QStringLiteral("derivation_id");
}

QString DerivationRecord::text(const char *field) const {
    const JsonValue *v = fields.find(field);
    return v && v->isString() ? v->toQString().trimmed() : QString();
}

QString DerivationRecord::where(const QString &field) const {
    return QStringLiteral("%1:%2").arg(file).arg(field.isEmpty() ? line : lineOf(field));
}

QString DerivationRecord::valueName() const {
    return isInfeasible() ? text("failed_derivation") : text("value_name");
}

QStringList DerivationRecord::inputHashes() const {
    QStringList out;
    const JsonValue *v = fields.find("input_hashes");
    if (!v)
        return out;
    if (v->isObject()) {
        for (const auto &[k, x] : v->toObject())
            out << QString::fromStdString(k) + QLatin1Char('=') + x.toQString().trimmed();
    } else {
        out = stringsOf(v);
    }
    out.sort();
    return out;
}

QStringList DerivationRecord::references() const {
    QStringList out = stringsOf(fields.find("depends_on"));
    if (!supersedes().isEmpty())
        out << supersedes();
    out.removeDuplicates();
    return out;
}

bool DerivationRecord::isCostOrCapacity() const {
    if (isInfeasible())
        return reason() == QLatin1String("cost-data") || reason() == QLatin1String("capacity");
    const QString tier = costTier();
    if (!tier.isEmpty() && tier != QLatin1String("n/a"))
        return true;
    const QString name = valueName().toLower();
    return name.contains(QLatin1String("cost")) || name.contains(QLatin1String("capacity"));
}

JsonValue DerivationRecord::canonicalJson() const {
    JsonValue o = JsonValue::object();
    o["type"] = recordTypeName(type);
    o["id"] = id;
    o["fields"] = fields;
    return o;
}

std::string DerivationRecord::canonical() const {
    return CanonicalJson::serialize(canonicalJson());
}

QString DerivationRecord::sha256() const {
    const std::string c = canonical();
    return crypto::sha256Hex(QByteArrayView(c.data(), static_cast<qsizetype>(c.size())));
}

std::optional<DerivationRecord> DerivationRecord::fromJson(const JsonValue &json) {
    const QString type = json.stringAt("type");
    if (type != QLatin1String("derivation") && type != QLatin1String("infeasible"))
        return std::nullopt;
    const JsonValue *f = json.find("fields");
    if (!f || !f->isObject())
        return std::nullopt;
    DerivationRecord r;
    r.type = type == QLatin1String("infeasible") ? RecordType::Infeasible : RecordType::Derivation;
    r.id = json.stringAt("id");
    r.fields = *f;
    return r;
}

} // namespace ops
