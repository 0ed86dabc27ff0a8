#include "ProofSummary.h"

#include "core/YamlSupport.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QSet>

#include <limits>

namespace ops {

namespace {

constexpr const char *kBuiltinRules = ":/rules/failure-patterns.yaml";

const QList<QPair<ProofLayer, const char *>> kLayerNames{{ProofLayer::Toolchain, "toolchain"},
                                                         {ProofLayer::Environment, "environment"},
                                                         {ProofLayer::Capability, "capability"},
                                                         {ProofLayer::FaultInjection, "fault-injection"},
                                                         {ProofLayer::Unknown, "unknown"}};

std::optional<ProofLayer> layerFrom(const QString &s) {
    for (const auto &[layer, name] : kLayerNames)
        if (s == QLatin1String(name))
            return layer;
    return std::nullopt;
}

std::optional<FindingKind> kindFrom(const QString &s) {
    for (FindingKind k : {FindingKind::Failure, FindingKind::Skip, FindingKind::Fallback})
        if (findingKindName(k) == s)
            return k;
    return std::nullopt;
}

} // namespace

QString proofLayerName(ProofLayer layer) {
    for (const auto &[l, name] : kLayerNames)
        if (l == layer)
            return QString::fromLatin1(name);
    return QStringLiteral("unknown");
}

const QList<ProofLayer> &allProofLayers() {
    static const QList<ProofLayer> layers{ProofLayer::Toolchain, ProofLayer::Environment,
                                          ProofLayer::Capability, ProofLayer::FaultInjection,
                                          ProofLayer::Unknown};
    return layers;
}

QString findingKindName(FindingKind kind) {
    switch (kind) {
    case FindingKind::Failure:
        return QStringLiteral("failure");
    case FindingKind::Skip:
        return QStringLiteral("skip");
    case FindingKind::Fallback:
        return QStringLiteral("fallback");
    }
    return QStringLiteral("failure");
}

bool FailurePattern::matches(const QString &text) const {
    for (const QRegularExpression &r : match)
        if (!r.match(text).hasMatch())
            return false;
    return !match.isEmpty();
}

Result<FailureRules> FailureRules::parse(const QByteArray &yamlText, const QString &file) {
    auto root = yaml::load(yamlText, file);
    if (!root.ok())
        return root.error();
    yaml::Checker check(file);
    FailureRules rules;
    rules.m_file = file;
    rules.m_sha256 = crypto::sha256Hex(yamlText);
    try {
        const YAML::Node doc = root.value();
        if (!check.checkMap(doc, QString(), {"patterns"}, {}))
            return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
        const YAML::Node list = doc["patterns"];
        if (!check.isSequence(list, QStringLiteral("patterns")))
            return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
        if (list.size() == 0)
            check.error(list, QStringLiteral("patterns"), QStringLiteral("needs at least one pattern"));
        QSet<QString> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const YAML::Node n = list[i];
            const QString p = yaml::indexPath(QStringLiteral("patterns"), i);
            if (!check.checkMap(n, p, {"id", "layer", "match", "action"}, {"kind", "source"}) && !n.IsMap())
                continue;
            FailurePattern f;
            f.line = yaml::lineOf(n);
            f.id = check.string(n["id"], p + QStringLiteral(".id")).value_or(QString());
            if (!f.id.isEmpty() && ids.contains(f.id))
                check.error(n["id"], p + QStringLiteral(".id"),
                            QStringLiteral("duplicate pattern id '%1'").arg(f.id));
            ids.insert(f.id);
            const QString layer = check.string(n["layer"], p + QStringLiteral(".layer")).value_or(QString());
            if (auto l = layerFrom(layer))
                f.layer = *l;
            else if (n["layer"].IsScalar())
                check.error(
                    n["layer"], p + QStringLiteral(".layer"),
                    QStringLiteral(
                        "unknown layer '%1' (toolchain, environment, capability, fault-injection, unknown)")
                        .arg(layer));
            if (n["kind"].IsDefined()) {
                const QString kind = check.string(n["kind"], p + QStringLiteral(".kind")).value_or(QString());
                if (auto k = kindFrom(kind))
                    f.kind = *k;
                else if (n["kind"].IsScalar())
                    check.error(n["kind"], p + QStringLiteral(".kind"),
                                QStringLiteral("unknown kind '%1' (failure, skip, fallback)").arg(kind));
            }
            f.action = check.string(n["action"], p + QStringLiteral(".action")).value_or(QString());
            if (n["source"].IsDefined())
                f.source = check.string(n["source"], p + QStringLiteral(".source")).value_or(QString());
            const YAML::Node m = n["match"];
            const QString mp = p + QStringLiteral(".match");
            if (check.isSequence(m, mp)) {
                if (m.size() == 0)
                    check.error(m, mp, QStringLiteral("needs at least one regular expression"));
                for (std::size_t k = 0; k < m.size(); ++k) {
                    const auto text = check.string(m[k], mp);
                    if (!text)
                        continue;
                    QRegularExpression r(*text, QRegularExpression::CaseInsensitiveOption);
                    if (!r.isValid()) {
                        check.error(m[k], mp,
                                    QStringLiteral("invalid regular expression '%1': %2 at offset %3")
                                        .arg(*text, r.errorString())
                                        .arg(r.patternErrorOffset()));
                        continue;
                    }
                    r.optimize();
                    f.match << r;
                }
            }
            rules.m_patterns << f;
        }
    } catch (const YAML::Exception &e) {
        check.errorAtLine(e.mark.is_null() ? 0 : e.mark.line + 1, QString(),
                          QStringLiteral("YAML error: %1").arg(QString::fromStdString(e.msg)));
    }
    if (check.hasErrors())
        return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
    return rules;
}

Result<FailureRules> FailureRules::loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot read failure patterns: %1").arg(f.errorString()), path);
    return parse(f.read(4 * 1024 * 1024), path);
}

Result<FailureRules> FailureRules::builtin() {
    static const Result<FailureRules> rules = loadFile(QString::fromLatin1(kBuiltinRules));
    return rules;
}

const FailurePattern *FailureRules::classify(const QString &line) const {
    for (const FailurePattern &p : m_patterns)
        if (p.matches(line))
            return &p;
    return nullptr;
}

QString FailureRules::genericAction() {
    return QStringLiteral(
        "No known pattern: read the capture around this line, reproduce the step alone, and add a "
        "pattern to failure-patterns.yaml once the cause is known.");
}

JsonValue ProofFinding::toJson() const {
    JsonValue o = JsonValue::object();
    o["line"] = line;
    o["text"] = text;
    o["layer"] = proofLayerName(layer);
    o["kind"] = findingKindName(kind);
    o["action"] = action;
    o["rule"] = rule.isEmpty() ? JsonValue() : JsonValue(rule);
    return o;
}

JsonValue ProofSummary::toJson() const {
    JsonValue o = JsonValue::object();
    o["pass"] = pass;
    o["fail"] = fail;
    o["not_run"] = notRun;
    o["skip"] = skip;
    o["overall"] = overall;
    o["stated_overall"] = statedOverall.isEmpty() ? JsonValue() : JsonValue(statedOverall);
    JsonValue f = JsonValue::array();
    for (const ProofFinding &x : failures)
        f.push(x.toJson());
    o["failures"] = f;
    JsonValue n = JsonValue::array();
    for (const ProofFinding &x : notes)
        n.push(x.toJson());
    o["notes"] = n;
    o["findings_omitted"] = findingsOmitted;
    JsonValue w = JsonValue::array();
    for (const Phrase &x : warnings)
        w.push(x.text());
    o["warnings"] = w;
    o["lines"] = lines;
    JsonValue sec = JsonValue::array();
    for (const ProofSection &x : sections)
        sec.push(x.toJson());
    o["sections"] = sec;
    return o;
}

JsonValue ProofSection::toJson() const {
    JsonValue o = JsonValue::object();
    o["name"] = name;
    o["pass"] = pass;
    o["fail"] = fail;
    o["not_run"] = notRun;
    o["skip"] = skip;
    o["overall"] = overall;
    o["first_line"] = firstLine;
    o["last_line"] = lastLine;
    return o;
}

QList<ProofFinding> ProofSummary::findingsOf(ProofLayer layer) const {
    QList<ProofFinding> out;
    for (const QList<ProofFinding> *list : {&failures, &notes})
        for (const ProofFinding &f : *list)
            if (f.layer == layer)
                out << f;
    std::sort(out.begin(), out.end(),
              [](const ProofFinding &a, const ProofFinding &b) { return a.line < b.line; });
    return out;
}

} // namespace ops
