// Reading derivation files: records parsed with their lines, and validation of whole files.
#include "DerivationRecord.h"

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

namespace DerivationLoader {

namespace {

constexpr int kMaxDepth = 16;

std::optional<JsonValue> toJson(const YAML::Node &node, int depth, yaml::Checker &checker,
                                const QString &path) {
    if (depth > kMaxDepth) {
        checker.error(node, path, QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth));
        return std::nullopt;
    }
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return JsonValue(nullptr);
    case YAML::NodeType::Scalar:
        return JsonValue(QString::fromStdString(node.Scalar()));
    case YAML::NodeType::Sequence: {
        JsonValue a = JsonValue::array();
        std::size_t i = 0;
        for (const YAML::Node &x : node) {
            auto v = toJson(x, depth + 1, checker, yaml::indexPath(path, i++));
            if (!v)
                return std::nullopt;
            a.push(std::move(*v));
        }
        return a;
    }
    case YAML::NodeType::Map: {
        JsonValue o = JsonValue::object();
        for (const auto &kv : node) {
            if (!kv.first.IsScalar()) {
                checker.error(kv.first, path, QStringLiteral("keys must be plain text"));
                return std::nullopt;
            }
            const std::string key = kv.first.Scalar();
            if (o.find(key)) {
                checker.error(kv.first, path + QLatin1Char('.') + QString::fromStdString(key),
                              QStringLiteral("duplicate key '%1'").arg(QString::fromStdString(key)));
                return std::nullopt;
            }
            auto v =
                toJson(kv.second, depth + 1, checker, path + QLatin1Char('.') + QString::fromStdString(key));
            if (!v)
                return std::nullopt;
            o[key] = std::move(*v);
        }
        return o;
    }
    }
    return std::nullopt;
}

std::optional<DerivationRecord> recordFrom(const YAML::Node &node, yaml::Checker &checker,
                                           const QString &label) {
    if (!node.IsMap()) {
        checker.error(node, label,
                      QStringLiteral("a record must be a mapping of the record template fields"));
        return std::nullopt;
    }
    DerivationRecord r;
    r.file = checker.file();
    r.line = yaml::lineOf(node);
    QSet<QString> keys;
    for (const auto &kv : node) {
        if (!kv.first.IsScalar()) {
            checker.error(kv.first, label, QStringLiteral("field names must be plain text"));
            return std::nullopt;
        }
        const QString key = QString::fromStdString(kv.first.Scalar());
        if (keys.contains(key)) {
            checker.error(kv.first, key, QStringLiteral("duplicate field '%1'").arg(key));
            return std::nullopt;
        }
        keys.insert(key);
        auto v = toJson(kv.second, 1, checker, key);
        if (!v)
            return std::nullopt;
        r.fields[key.toStdString()] = std::move(*v);
        r.lines.insert(key, yaml::lineOf(kv.first));
    }
    const bool d = keys.contains(QStringLiteral("derivation_id"));
    const bool i = keys.contains(QStringLiteral("infeasible_id"));
    if (d == i) {
        checker.error(
            node, label,
            d ? QStringLiteral("a record has derivation_id or infeasible_id, not both")
              : QStringLiteral(
                    "not a derivation or INFEASIBLE record: derivation_id or infeasible_id is missing"));
        return std::nullopt;
    }
    r.type = d ? RecordType::Derivation : RecordType::Infeasible;
    r.id = r.text(d ? "derivation_id" : "infeasible_id");
    return r;
}

} // namespace

LoadedFile loadText(const QByteArray &text, const QString &file) {
    LoadedFile out;
    out.file = file;
    out.bytes = text;
    auto root = yaml::load(text, file);
    if (!root.ok()) {
        out.errors = root.error().diagnostics;
        if (out.errors.isEmpty())
            out.errors.push_back(Diagnostic{file, 0, {}, root.error().message});
        return out;
    }
    yaml::Checker checker(file);
    const YAML::Node &node = root.value();
    if (node.IsSequence()) {
        if (node.size() == 0)
            checker.error(node, {}, QStringLiteral("the list holds no records"));
        std::size_t index = 0;
        for (const YAML::Node &x : node)
            if (auto r = recordFrom(x, checker, yaml::indexPath(QString(), index++)))
                out.records.push_back(*r);
    } else if (node.IsMap()) {
        if (auto r = recordFrom(node, checker, {}))
            out.records.push_back(*r);
    } else {
        checker.error(node, {}, QStringLiteral("expected one record (a mapping) or a list of records"));
    }
    out.errors += checker.diagnostics();
    if (!out.errors.isEmpty())
        out.records.clear();
    return out;
}

LoadedFile loadFile(const QString &path) {
    auto bytes = FileUtil::readAll(path, 4 * 1024 * 1024); // "-": standard input
    if (!bytes.ok()) {
        LoadedFile out;
        out.file = FileUtil::inputName(path);
        out.errors.push_back(Diagnostic{out.file, 0, {}, bytes.error().message});
        return out;
    }
    return loadText(bytes.value(), FileUtil::inputName(path));
}

} // namespace DerivationLoader

JsonValue FileValidation::toJson() const {
    JsonValue o = JsonValue::object();
    o["file"] = file;
    o["ok"] = ok();
    JsonValue errs = JsonValue::array();
    for (const Diagnostic &d : errors) {
        JsonValue e = JsonValue::object();
        e["line"] = d.line;
        e["field"] = d.key;
        e["message"] = d.message;
        errs.push(e);
    }
    o["errors"] = errs;
    JsonValue recs = JsonValue::array();
    for (const DerivationRecord &r : records) {
        JsonValue x = JsonValue::object();
        x["id"] = r.id;
        x["type"] = recordTypeName(r.type);
        x["line"] = r.line;
        x["record_sha256"] = r.sha256();
        recs.push(x);
    }
    o["records"] = recs;
    return o;
}

QList<FileValidation> validateFiles(const QStringList &paths, const QList<DerivationRecord> &live) {
    QList<FileValidation> out;
    QList<DerivationRecord> all;
    for (const QString &path : paths) {
        const LoadedFile loaded = DerivationLoader::loadFile(path);
        FileValidation v;
        v.file = FileUtil::inputName(path);
        v.records = loaded.records;
        v.errors = loaded.errors;
        for (const DerivationRecord &r : loaded.records)
            v.errors += DerivationRules::findings(r);
        out.push_back(v);
        all += loaded.records;
    }
    // Set rules: each finding goes to the file it names.
    for (const Diagnostic &d : DerivationRules::checkSet(all, live))
        for (FileValidation &v : out)
            if (v.file == d.file) {
                v.errors.push_back(d);
                break;
            }
    for (FileValidation &v : out)
        std::stable_sort(v.errors.begin(), v.errors.end(),
                         [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
    return out;
}

} // namespace ops
