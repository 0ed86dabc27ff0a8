#include "Runbook.h"

#include "core/Roles.h"
#include "core/YamlSupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace ops {

QString evidenceKindName(EvidenceKind kind) {
    switch (kind) {
    case EvidenceKind::Note:
        return QStringLiteral("note");
    case EvidenceKind::Attachment:
        return QStringLiteral("attachment");
    case EvidenceKind::Probe:
        return QStringLiteral("probe");
    case EvidenceKind::Checksum:
        return QStringLiteral("checksum");
    case EvidenceKind::Signature:
        return QStringLiteral("signature");
    case EvidenceKind::Confirmation:
        return QStringLiteral("confirmation");
    }
    return QString();
}

std::optional<EvidenceKind> evidenceKindFrom(const QString &name) {
    for (EvidenceKind k : {EvidenceKind::Note, EvidenceKind::Attachment, EvidenceKind::Probe,
                           EvidenceKind::Checksum, EvidenceKind::Signature, EvidenceKind::Confirmation})
        if (evidenceKindName(k) == name)
            return k;
    return std::nullopt;
}

QStringList incidentClasses() {
    return {QStringLiteral("source-outage"), QStringLiteral("publish-failure"),
            QStringLiteral("stale-pack"),    QStringLiteral("fallback-spike"),
            QStringLiteral("bad-publish"),   QStringLiteral("ai-lane-instability")};
}

const RunbookStep *Runbook::step(const QString &stepId) const {
    for (const RunbookStep &s : steps)
        if (s.id == stepId)
            return &s;
    return nullptr;
}

const Runbook *RunbookLibrary::find(const QString &id) const {
    for (const Runbook &r : runbooks)
        if (r.id == id)
            return &r;
    return nullptr;
}

namespace {

const QRegularExpression &idPattern() {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*\\z"));
    return re;
}

QStringList stringList(yaml::Checker &check, const YAML::Node &node, const QString &path) {
    QStringList out;
    if (!check.isSequence(node, path))
        return out;
    if (node.size() == 0)
        check.error(node, path, QStringLiteral("must not be empty"));
    for (std::size_t i = 0; i < node.size(); ++i)
        if (auto s = check.string(node[i], yaml::indexPath(path, i)))
            out << *s;
    return out;
}

void checkId(yaml::Checker &check, const YAML::Node &node, const QString &path, const QString &id) {
    if (!id.isEmpty() && !idPattern().match(id).hasMatch())
        check.error(
            node, path,
            QStringLiteral("'%1' is not a lower-case id with dashes (e.g. stale-pack-breach)").arg(id));
}

} // namespace

Result<Runbook> RunbookLibrary::parse(const QByteArray &yamlText, const QString &file) {
    auto root = yaml::load(yamlText, file);
    if (!root.ok())
        return root.error();
    yaml::Checker check(file);
    Runbook rb;
    rb.file = file;
    try {
        const YAML::Node doc = root.value();
        if (!check.checkMap(doc, QString(),
                            {"id", "title", "kind", "purpose", "use_when", "steps", "closure_condition"},
                            {"incident_class"}))
            return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
        rb.id = check.string(doc["id"], QStringLiteral("id")).value_or(QString());
        checkId(check, doc["id"], QStringLiteral("id"), rb.id);
        rb.title = check.string(doc["title"], QStringLiteral("title")).value_or(QString());
        rb.kind = check.string(doc["kind"], QStringLiteral("kind")).value_or(QString());
        if (!rb.kind.isEmpty() &&
            !QStringList{QStringLiteral("incident"), QStringLiteral("checklist"), QStringLiteral("procedure")}
                 .contains(rb.kind))
            check.error(doc["kind"], QStringLiteral("kind"),
                        QStringLiteral("must be incident, checklist or procedure, got '%1'").arg(rb.kind));
        if (doc["incident_class"].IsDefined()) {
            rb.incidentClass =
                check.string(doc["incident_class"], QStringLiteral("incident_class")).value_or(QString());
            if (!rb.incidentClass.isEmpty() && !incidentClasses().contains(rb.incidentClass))
                check.error(doc["incident_class"], QStringLiteral("incident_class"),
                            QStringLiteral("unknown incident class '%1' (%2)")
                                .arg(rb.incidentClass, incidentClasses().join(QStringLiteral(", "))));
        }
        rb.purpose = check.string(doc["purpose"], QStringLiteral("purpose")).value_or(QString());
        rb.useWhen = stringList(check, doc["use_when"], QStringLiteral("use_when"));
        rb.closureCondition =
            check.string(doc["closure_condition"], QStringLiteral("closure_condition")).value_or(QString());
        const YAML::Node steps = doc["steps"];
        if (check.isSequence(steps, QStringLiteral("steps"))) {
            if (steps.size() == 0)
                check.error(steps, QStringLiteral("steps"),
                            QStringLiteral("a runbook needs at least one step"));
            QSet<QString> ids;
            for (std::size_t i = 0; i < steps.size(); ++i) {
                const YAML::Node n = steps[i];
                const QString p = yaml::indexPath(QStringLiteral("steps"), i);
                if (!check.checkMap(n, p, {"id", "action", "evidence"},
                                    {"probe", "probe_must_pass", "role", "skippable"}) &&
                    !n.IsMap())
                    continue;
                RunbookStep s;
                s.line = yaml::lineOf(n);
                s.id = check.string(n["id"], p + QStringLiteral(".id")).value_or(QString());
                checkId(check, n["id"], p + QStringLiteral(".id"), s.id);
                if (!s.id.isEmpty() && ids.contains(s.id))
                    check.error(n["id"], p + QStringLiteral(".id"),
                                QStringLiteral("duplicate step id '%1'").arg(s.id));
                ids.insert(s.id);
                s.action = check.string(n["action"], p + QStringLiteral(".action")).value_or(QString());
                for (const QString &e : stringList(check, n["evidence"], p + QStringLiteral(".evidence"))) {
                    if (auto kind = evidenceKindFrom(e))
                        s.evidence << *kind;
                    else
                        check.error(n["evidence"], p + QStringLiteral(".evidence"),
                                    QStringLiteral("unknown evidence '%1' (note, attachment, probe, "
                                                   "checksum, signature, confirmation)")
                                        .arg(e));
                }
                if (n["probe"].IsDefined()) {
                    for (const QString &t : stringList(check, n["probe"], p + QStringLiteral(".probe"))) {
                        if (auto kind = targetKindFrom(t))
                            s.probe << *kind;
                        else
                            check.error(
                                n["probe"], p + QStringLiteral(".probe"),
                                QStringLiteral(
                                    "unknown target kind '%1' (manifest, pack, resolver, rules, readyz)")
                                    .arg(t));
                    }
                }
                if (s.needs(EvidenceKind::Probe) && !n["probe"].IsDefined())
                    check.error(n, p + QStringLiteral(".probe"),
                                QStringLiteral("a step that needs a probe result names what to probe"));
                if (!s.needs(EvidenceKind::Probe) && n["probe"].IsDefined())
                    check.error(n["probe"], p + QStringLiteral(".probe"),
                                QStringLiteral("probe is given but the step's evidence has no probe"));
                if (n["role"].IsDefined()) {
                    s.role = check.string(n["role"], p + QStringLiteral(".role")).value_or(QString());
                    if (!s.role.isEmpty() && !Roles::all().contains(s.role))
                        check.error(n["role"], p + QStringLiteral(".role"),
                                    QStringLiteral("unknown role '%1' (%2)")
                                        .arg(s.role, Roles::all().join(QStringLiteral(", "))));
                    if (!s.needs(EvidenceKind::Signature))
                        check.error(n["role"], p + QStringLiteral(".role"),
                                    QStringLiteral("role is given but the step's evidence has no signature"));
                }
                if (s.needs(EvidenceKind::Signature) && !n["role"].IsDefined())
                    check.error(n, p + QStringLiteral(".role"),
                                QStringLiteral("a step that needs a signature names the role that signs"));
                if (n["probe_must_pass"].IsDefined()) {
                    s.probeMustPass =
                        check.boolean(n["probe_must_pass"], p + QStringLiteral(".probe_must_pass"))
                            .value_or(false);
                    if (!s.needs(EvidenceKind::Probe))
                        check.error(
                            n["probe_must_pass"], p + QStringLiteral(".probe_must_pass"),
                            QStringLiteral("probe_must_pass is given but the step's evidence has no probe"));
                }
                if (n["skippable"].IsDefined())
                    s.skippable =
                        check.boolean(n["skippable"], p + QStringLiteral(".skippable")).value_or(false);
                rb.steps << s;
            }
        }
    } catch (const YAML::Exception &e) {
        check.errorAtLine(e.mark.line + 1, QString(), QString::fromStdString(e.msg));
    }
    if (check.hasErrors())
        return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
    return rb;
}

namespace {

RunbookLibrary load(const QStringList &files) {
    RunbookLibrary lib;
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            lib.problems << Diagnostic{path, 0, QString(),
                                       QStringLiteral("cannot read: %1").arg(f.errorString())};
            continue;
        }
        auto rb = RunbookLibrary::parse(f.readAll(), path);
        if (!rb.ok()) {
            const QList<Diagnostic> found = rb.error().diagnostics;
            if (found.isEmpty())
                lib.problems << Diagnostic{path, 0, QString(), rb.error().message};
            lib.problems << found;
            continue;
        }
        if (lib.find(rb->id)) {
            lib.problems << Diagnostic{
                path, 1, QStringLiteral("id"),
                QStringLiteral("runbook id '%1' is already used by %2").arg(rb->id, lib.find(rb->id)->file)};
            continue;
        }
        lib.runbooks << rb.value();
    }
    return lib;
}

QStringList yamlFiles(const QString &dir) {
    QStringList out;
    const QDir d(dir);
    for (const QString &name :
         d.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name))
        out << d.filePath(name);
    return out;
}

} // namespace

RunbookLibrary RunbookLibrary::builtin() {
    return load(yamlFiles(QStringLiteral(":/runbooks")));
}

RunbookLibrary RunbookLibrary::fromDirectory(const QString &dir) {
    RunbookLibrary lib = load(yamlFiles(dir));
    if (!QDir(dir).exists())
        lib.problems << Diagnostic{dir, 0, QString(), QStringLiteral("no such runbooks directory")};
    return lib;
}

RunbookLibrary RunbookLibrary::forDirectory(const QString &dirOrEmpty) {
    return dirOrEmpty.isEmpty() ? builtin() : fromDirectory(dirOrEmpty);
}

} // namespace ops
