// The derivation rules: what a record must say (template fields, algorithm, inputs, placeholders,
// units, the cost and capacity values' risk notes) and what a set of records must agree on.
#include "DerivationRecord.h"
#include "DerivationText.h"

#include "core/Time.h"

#include <QRegularExpression>
#include <QSet>

namespace ops {

using derivationtext::fromLatin;
using derivationtext::stringsOf;

namespace {

// Fields that may hold a mapping or a list; every other field is one scalar.
bool mayBeStructured(const QString &field) {
    return field == QLatin1String("parameters") || field == QLatin1String("input_hashes") ||
           field == QLatin1String("depends_on");
}

bool isEmptyValue(const JsonValue &v) {
    if (v.isNull())
        return true;
    if (v.isString())
        return v.toQString().trimmed().isEmpty();
    if (v.isArray())
        return v.toArray().empty();
    if (v.isObject())
        return v.toObject().empty();
    return false;
}

// Every string leaf of a value with its path ("parameters.alpha", "input_hashes[1]").
void leaves(const JsonValue &v, const QString &path, QList<std::pair<QString, QString>> &out) {
    if (v.isString()) {
        out.push_back({path, v.toQString()});
    } else if (v.isArray()) {
        int i = 0;
        for (const JsonValue &x : v.toArray())
            leaves(x, QStringLiteral("%1[%2]").arg(path).arg(i++), out);
    } else if (v.isObject()) {
        for (const auto &[k, x] : v.toObject()) {
            const QString key = QString::fromStdString(k);
            out.push_back({path + QStringLiteral(" (key)"), key});
            leaves(x, path + QLatin1Char('.') + key, out);
        }
    }
}

} // namespace

namespace DerivationRules {

namespace {

const QStringList kLockability = fromLatin({"lockable", "non-lockable", "infeasible"});
const QStringList kCostTiers = fromLatin({"A", "B", "C", "D", "n/a"});
const QStringList kInfeasibleReasons = fromLatin({"cost-data", "capacity", "power", "mapping", "null"});

struct HashAlgorithm {
    const char *name;
    int hexLength; // 0: any length of at least 32
};
constexpr HashAlgorithm kHashAlgorithms[] = {
    {"sha256", 64},    {"sha384", 96},   {"sha512", 128}, {"sha3-256", 64},
    {"sha3-512", 128}, {"blake2b", 128}, {"blake3", 64},
};

QString algorithmNames() {
    QStringList names;
    for (const HashAlgorithm &a : kHashAlgorithms)
        names << QLatin1String(a.name);
    return names.join(QStringLiteral(", "));
}

class Checks {
public:
    explicit Checks(const DerivationRecord &r)
        : m_r(r) {}

    RuleCheck &rule(const QString &id) {
        for (RuleCheck &c : m_checks)
            if (c.rule == id)
                return c;
        RuleCheck c;
        c.rule = id;
        for (const RuleInfo &info : all())
            if (info.id == id)
                c.title = info.title;
        m_checks.push_back(c);
        return m_checks.last();
    }
    void pass(const QString &id) { rule(id); }
    void fail(const QString &id, const QString &field, const QString &message) {
        RuleCheck &c = rule(id);
        c.ok = false;
        c.findings.push_back(Diagnostic{
            m_r.file,
            field.isEmpty()
                ? m_r.line
                : m_r.lineOf(field.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0)),
            field, message});
    }
    QList<RuleCheck> take() { return std::move(m_checks); }

private:
    const DerivationRecord &m_r;
    QList<RuleCheck> m_checks;
};

bool sameNumber(const QString &a, const QString &b) {
    bool okA = false, okB = false;
    const double x = a.toDouble(&okA), y = b.toDouble(&okB);
    if (okA && okB)
        return x == y;
    return a.trimmed() == b.trimmed();
}

} // namespace

// The titles are English, the command line's words; the window shows them translated
// (QCoreApplication::translate("ops::DerivationRules", title)).
QList<RuleInfo> all() {
    return {
        {QStringLiteral("template-fields"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules", "Every field of the record template, and no other"))},
        {QStringLiteral("non-empty"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules", "No field is empty"))},
        {QStringLiteral("no-placeholder"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "ops::DerivationRules",
             "No placeholder (TBD, TODO, ?, <…>): a typed INFEASIBLE over a placeholder (§2)"))},
        {QStringLiteral("record-id"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules", "The id is a plain identifier"))},
        {QStringLiteral("mlflow-none-reason"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules",
                                             "mlflow_run_id is \"none\" only with a reason in notes"))},
        {QStringLiteral("lockability"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules",
                                             "lockability is lockable, non-lockable or infeasible"))},
        {QStringLiteral("cost-tier"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules", "cost_tier is A, B, C, D or n/a"))},
        {QStringLiteral("tier-c-not-lockable"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules", "Tier C is never lockable (§3 Tier-C rule)"))},
        {QStringLiteral("tier-d-not-carried"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules",
                               "Tier D is never carried, only as an INFEASIBLE with reason cost-data (§3)"))},
        {QStringLiteral("econ-pred-distinct"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules", "E_econ_min and E_pred_min differ (§2)"))},
        {QStringLiteral("infeasible-reason"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules",
                                             "reason is cost-data, capacity, power, mapping or null"))},
        {QStringLiteral("blocked-downstream"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules", "blocked_downstream names S03 (charter lock)"))},
        {QStringLiteral("git-sha"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules", "git_sha is a 40-hex commit"))},
        {QStringLiteral("input-hashes"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules", "Every input hash carries its algorithm (sha256:…)"))},
        {QStringLiteral("timestamp-utc"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("ops::DerivationRules", "timestamp is UTC ISO-8601"))},
        {QStringLiteral("author-not-reviewer"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("ops::DerivationRules", "author and reviewer are different people (§1)"))},
    };
}

bool isPlaceholder(const QString &text) {
    static const QRegularExpression word(QStringLiteral("\\b(TBD|TODO|FIXME)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression angle(QStringLiteral("<[^<>\\s][^<>]*>"));
    static const QRegularExpression onlyMarks(QStringLiteral("^(\\?+|\\.\\.\\.|…|-|_+)\\z"));
    const QString t = text.trimmed();
    return t.isEmpty() || onlyMarks.match(t).hasMatch() || word.match(t).hasMatch() ||
           angle.match(t).hasMatch();
}

QList<RuleCheck> check(const DerivationRecord &r) {
    Checks c(r);
    const bool infeasible = r.isInfeasible();
    const QStringList required = DerivationRecord::templateFields(r.type);
    const QStringList optional = DerivationRecord::optionalFields(r.type);

    // Template fields, and their shapes.
    c.pass(QStringLiteral("template-fields"));
    for (const QString &f : required)
        if (!r.fields.find(f.toStdString()))
            c.fail(QStringLiteral("template-fields"), QString(),
                   QStringLiteral("missing field '%1' (%2 record template)")
                       .arg(f, infeasible ? QStringLiteral("INFEASIBLE") : QStringLiteral("derivation")));
    for (const auto &[k, v] : r.fields.toObject()) {
        const QString f = QString::fromStdString(k);
        if (!required.contains(f) && !optional.contains(f))
            c.fail(QStringLiteral("template-fields"), f,
                   QStringLiteral("unknown field '%1' (the %2 template has: %3)")
                       .arg(f, recordTypeName(r.type), (required + optional).join(QStringLiteral(", "))));
        else if (!mayBeStructured(f) && (v.isArray() || v.isObject()))
            c.fail(QStringLiteral("template-fields"), f,
                   QStringLiteral("'%1' must be a single value, not a %2")
                       .arg(f, v.isArray() ? QStringLiteral("list") : QStringLiteral("mapping")));
    }

    // Empty values and placeholders, everywhere.
    c.pass(QStringLiteral("non-empty"));
    c.pass(QStringLiteral("no-placeholder"));
    for (const auto &[k, v] : r.fields.toObject()) {
        const QString f = QString::fromStdString(k);
        if (isEmptyValue(v)) {
            c.fail(QStringLiteral("non-empty"), f,
                   QStringLiteral("'%1' is empty: fill it in, or record a typed INFEASIBLE").arg(f));
            continue;
        }
        QList<std::pair<QString, QString>> texts;
        leaves(v, f, texts);
        for (const auto &[path, text] : texts)
            if (isPlaceholder(text))
                c.fail(QStringLiteral("no-placeholder"), path,
                       QStringLiteral(
                           "'%1' holds a placeholder (\"%2\"): record the value or a typed INFEASIBLE, "
                           "never a placeholder (§2)")
                           .arg(path, text.left(60)));
    }

    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\\z"));
    const QString idField = DerivationRecord::idField(r.type);
    if (!r.id.isEmpty() && !idRe.match(r.id).hasMatch())
        c.fail(
            QStringLiteral("record-id"), idField,
            QStringLiteral("'%1' must be letters, digits, '.', '_', ':' or '-' (at most 128)").arg(idField));
    else
        c.pass(QStringLiteral("record-id"));
    for (const QString &ref : r.references())
        if (!idRe.match(ref).hasMatch())
            c.fail(QStringLiteral("record-id"),
                   r.supersedes() == ref ? QStringLiteral("supersedes") : QStringLiteral("depends_on"),
                   QStringLiteral("'%1' is not a record id").arg(ref));
    if (!r.supersedes().isEmpty() && r.supersedes() == r.id)
        c.fail(QStringLiteral("record-id"), QStringLiteral("supersedes"),
               QStringLiteral("a record cannot supersede itself"));

    if (!infeasible) {
        c.pass(QStringLiteral("mlflow-none-reason"));
        if (r.text("mlflow_run_id").compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 &&
            !r.text("notes").contains(QLatin1String("mlflow"), Qt::CaseInsensitive))
            c.fail(
                QStringLiteral("mlflow-none-reason"), QStringLiteral("mlflow_run_id"),
                QStringLiteral("mlflow_run_id is \"none\": notes must give the reason (say why there is no "
                               "MLflow run)"));

        const QString lock = r.text("lockability");
        c.pass(QStringLiteral("lockability"));
        if (r.fields.find("lockability") && !lock.isEmpty() && !kLockability.contains(lock))
            c.fail(QStringLiteral("lockability"), QStringLiteral("lockability"),
                   QStringLiteral("lockability must be one of %1, got '%2'")
                       .arg(kLockability.join(QStringLiteral(" | ")), lock));
        const QString tier = r.costTier();
        c.pass(QStringLiteral("cost-tier"));
        if (r.fields.find("cost_tier") && !tier.isEmpty() && !kCostTiers.contains(tier))
            c.fail(QStringLiteral("cost-tier"), QStringLiteral("cost_tier"),
                   QStringLiteral("cost_tier must be one of %1, got '%2'")
                       .arg(kCostTiers.join(QStringLiteral(" | ")), tier));
        c.pass(QStringLiteral("tier-c-not-lockable"));
        if (tier == QLatin1String("C") && lock == QLatin1String("lockable"))
            c.fail(QStringLiteral("tier-c-not-lockable"), QStringLiteral("lockability"),
                   QStringLiteral(
                       "Tier-C cost evidence is never lockable (§3 Tier-C rule): record it non-lockable "
                       "and S03-blocked; risk-owner approval cannot promote it"));
        c.pass(QStringLiteral("tier-d-not-carried"));
        if (tier == QLatin1String("D"))
            c.fail(
                QStringLiteral("tier-d-not-carried"), QStringLiteral("cost_tier"),
                QStringLiteral("Tier-D cost evidence is unsupported and cannot be carried, not even as "
                               "non-lockable context (§3): record a typed INFEASIBLE with reason cost-data"));
        c.pass(QStringLiteral("econ-pred-distinct"));
        if (const JsonValue *p = r.fields.find("parameters"); p && p->isObject()) {
            const JsonValue *econ = p->find("E_econ_min");
            const JsonValue *pred = p->find("E_pred_min");
            if (econ && pred && econ->isString() && pred->isString() &&
                sameNumber(econ->toQString(), pred->toQString()))
                c.fail(QStringLiteral("econ-pred-distinct"), QStringLiteral("parameters"),
                       QStringLiteral(
                           "E_econ_min equals E_pred_min (%1): the mapping derivation is rejected; redo it "
                           "with distinct values (§2)")
                           .arg(econ->toQString()));
        }

        c.pass(QStringLiteral("git-sha"));
        static const QRegularExpression shaRe(QStringLiteral("^[0-9a-fA-F]{40}\\z"));
        if (!r.gitSha().isEmpty() && !shaRe.match(r.gitSha()).hasMatch())
            c.fail(QStringLiteral("git-sha"), QStringLiteral("git_sha"),
                   QStringLiteral("git_sha must be the full 40-hex commit SHA, got '%1'")
                       .arg(r.gitSha().left(60)));

        c.pass(QStringLiteral("input-hashes"));
        static const QRegularExpression hashRe(QStringLiteral("^([a-z0-9-]+):([0-9a-fA-F]+)\\z"));
        const JsonValue *inputs = r.fields.find("input_hashes");
        if (inputs && !isEmptyValue(*inputs)) {
            QList<std::pair<QString, QString>> entries;
            if (inputs->isObject()) {
                for (const auto &[k, v] : inputs->toObject())
                    if (v.isString())
                        entries.push_back({QStringLiteral("input_hashes.") + QString::fromStdString(k),
                                           v.toQString().trimmed()});
                    else
                        c.fail(QStringLiteral("input-hashes"), QStringLiteral("input_hashes"),
                               QStringLiteral("input_hashes.%1 must be one \"algorithm:hex\" value")
                                   .arg(QString::fromStdString(k)));
            } else {
                int i = 0;
                for (const QString &h : stringsOf(inputs))
                    entries.push_back({QStringLiteral("input_hashes[%1]").arg(i++), h});
            }
            for (const auto &[path, h] : entries) {
                const auto m = hashRe.match(h);
                if (!m.hasMatch()) {
                    c.fail(QStringLiteral("input-hashes"), path,
                           QStringLiteral("%1 must carry its algorithm, as \"sha256:<hex>\" (got '%2')")
                               .arg(path, h.left(80)));
                    continue;
                }
                const QString algo = m.captured(1);
                const HashAlgorithm *known = nullptr;
                for (const HashAlgorithm &a : kHashAlgorithms)
                    if (algo == QLatin1String(a.name))
                        known = &a;
                if (!known)
                    c.fail(QStringLiteral("input-hashes"), path,
                           QStringLiteral("%1: unknown or weak algorithm '%2' (use %3)")
                               .arg(path, algo, algorithmNames()));
                else if (m.captured(2).size() != known->hexLength)
                    c.fail(QStringLiteral("input-hashes"), path,
                           QStringLiteral("%1: a %2 digest has %3 hex digits, got %4")
                               .arg(path, algo)
                               .arg(known->hexLength)
                               .arg(m.captured(2).size()));
            }
        }
    } else {
        c.pass(QStringLiteral("infeasible-reason"));
        const QString reason = r.reason();
        if (r.fields.find("reason") && !reason.isEmpty() && !kInfeasibleReasons.contains(reason))
            c.fail(QStringLiteral("infeasible-reason"), QStringLiteral("reason"),
                   QStringLiteral("reason must be one of %1, got '%2'")
                       .arg(kInfeasibleReasons.join(QStringLiteral(" | ")), reason));
        c.pass(QStringLiteral("blocked-downstream"));
        const QString blocked = r.text("blocked_downstream");
        if (r.fields.find("blocked_downstream") && !blocked.isEmpty() &&
            !blocked.contains(QLatin1String("S03")))
            c.fail(QStringLiteral("blocked-downstream"), QStringLiteral("blocked_downstream"),
                   QStringLiteral("blocked_downstream must name S03 (charter lock), got '%1'")
                       .arg(blocked.left(60)));
    }

    c.pass(QStringLiteral("timestamp-utc"));
    const QString ts = r.text("timestamp");
    if (!ts.isEmpty() && !Time::parseIso(ts)) {
        static const QRegularExpression offset(QStringLiteral("\\d[+-]\\d\\d:?\\d\\d$"));
        c.fail(QStringLiteral("timestamp-utc"), QStringLiteral("timestamp"),
               offset.match(ts).hasMatch()
                   ? QStringLiteral("timestamp must be UTC (end in Z or +00:00), got '%1'").arg(ts)
                   : QStringLiteral("timestamp must be UTC ISO-8601 such as 2026-11-23T05:00:00Z, got '%1'")
                         .arg(ts.left(60)));
    }

    c.pass(QStringLiteral("author-not-reviewer"));
    if (!r.author().isEmpty() && r.author().compare(r.reviewer(), Qt::CaseInsensitive) == 0)
        c.fail(QStringLiteral("author-not-reviewer"), QStringLiteral("reviewer"),
               QStringLiteral("the reviewer '%1' is the author: a record is never reviewed by its author")
                   .arg(r.reviewer()));

    // Keep the order of all().
    QList<RuleCheck> out = c.take();
    QList<RuleCheck> ordered;
    for (const RuleInfo &info : all())
        for (const RuleCheck &x : out)
            if (x.rule == info.id)
                ordered << x;
    return ordered;
}

QList<Diagnostic> findings(const DerivationRecord &record) {
    QList<Diagnostic> out;
    for (const RuleCheck &c : check(record))
        out += c.findings;
    return out;
}

QList<Diagnostic> checkSet(const QList<DerivationRecord> &records, const QList<DerivationRecord> &live) {
    QList<Diagnostic> out;
    QHash<QString, QString> seen; // id → where
    for (const DerivationRecord &r : live)
        seen.insert(r.id, QStringLiteral("the store"));
    for (const DerivationRecord &r : records) {
        if (r.id.isEmpty())
            continue;
        if (seen.contains(r.id))
            out.push_back(Diagnostic{
                r.file, r.lineOf(DerivationRecord::idField(r.type)), DerivationRecord::idField(r.type),
                QStringLiteral("'%1' is already recorded (%2): a change is a re-derivation "
                               "(derivation supersede), never an edit")
                    .arg(r.id, seen.value(r.id))});
        else
            seen.insert(r.id, r.where());
    }
    // E_econ_min ≠ E_pred_min across records.
    auto valueOf = [](const QList<DerivationRecord> &list, const QString &name) -> const DerivationRecord * {
        for (const DerivationRecord &r : list)
            if (!r.isInfeasible() && r.valueName() == name)
                return &r;
        return nullptr;
    };
    for (const DerivationRecord &r : records) {
        if (r.isInfeasible())
            continue;
        QString other;
        if (r.valueName() == QLatin1String("E_econ_min"))
            other = QStringLiteral("E_pred_min");
        else if (r.valueName() == QLatin1String("E_pred_min"))
            other = QStringLiteral("E_econ_min");
        else
            continue;
        const DerivationRecord *o = valueOf(records, other);
        if (!o)
            o = valueOf(live, other);
        if (o && sameNumber(o->text("value"), r.text("value")))
            out.push_back(
                Diagnostic{r.file, r.lineOf(QStringLiteral("value")), QStringLiteral("value"),
                           QStringLiteral("%1 equals %2 (%3, record %4): the mapping derivation is rejected; "
                                          "redo it with distinct values (§2)")
                               .arg(r.valueName(), other, r.text("value"), o->id)});
    }
    return out;
}

} // namespace DerivationRules

} // namespace ops
