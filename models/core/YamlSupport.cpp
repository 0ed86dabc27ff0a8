#include "YamlSupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/eventhandler.h>

#include <sstream>

namespace ops::yaml {

namespace {

// A first pass over the parse events: anchors and aliases are refused (an alias repeats a whole
// subtree, so a few hundred bytes can stand for billions of nodes to every later walk), and the
// nodes of a document are bounded.
class Screen final : public YAML::EventHandler {
public:
    static constexpr qint64 kMaxNodes = 1'000'000;
    std::optional<Diagnostic> problem;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { node(mark, anchor); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override {
        fail(mark, QStringLiteral("YAML aliases (*name) are not accepted: write the value out"));
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override {
        node(mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        node(mark, anchor);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        node(mark, anchor);
    }
    void OnMapEnd() override {}
    void OnAnchor(const YAML::Mark &mark, const std::string &) override {
        fail(mark, QStringLiteral("YAML anchors (&name) are not accepted: write the value out"));
    }

private:
    void node(const YAML::Mark &mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor)
            fail(mark, QStringLiteral("YAML anchors (&name) are not accepted: write the value out"));
        if (++m_nodes > kMaxNodes)
            fail(mark, QStringLiteral("more than %1 YAML nodes").arg(kMaxNodes));
    }
    void fail(const YAML::Mark &mark, const QString &message) {
        if (problem)
            return;
        Diagnostic d;
        d.line = mark.is_null() ? 0 : mark.line + 1;
        d.message = message;
        problem = d;
    }
    qint64 m_nodes = 0;
};

} // namespace

Result<YAML::Node> load(const QByteArray &text, const QString &file) {
    try {
        {
            std::istringstream in(text.toStdString());
            YAML::Parser parser(in);
            Screen screen;
            while (!screen.problem && parser.HandleNextDocument(screen)) {
            }
            if (screen.problem) {
                screen.problem->file = file;
                return Error::fromDiagnostics(ErrorCode::InvalidInput, {*screen.problem});
            }
        }
        return YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        Diagnostic d;
        d.file = file;
        d.line = e.mark.is_null() ? 0 : e.mark.line + 1;
        d.message = QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg));
        return Error::fromDiagnostics(ErrorCode::InvalidInput, {d});
    }
}

Result<YAML::Node> loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read file: %1").arg(f.errorString()),
                         path);
    constexpr qint64 kMaxYamlBytes = 16 * 1024 * 1024;
    if (f.size() > kMaxYamlBytes)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("file is larger than 16 MiB"), path);
    return load(f.readAll(), path);
}

int lineOf(const YAML::Node &node) {
    if (!node.IsDefined())
        return 0;
    const YAML::Mark m = node.Mark();
    return m.is_null() ? 0 : m.line + 1;
}

void Checker::error(const YAML::Node &at, const QString &key, const QString &message) {
    errorAtLine(lineOf(at), key, message);
}

void Checker::errorAtLine(int line, const QString &key, const QString &message) {
    m_diagnostics.append(Diagnostic{m_file, line, key, message});
}

namespace {
QString typeName(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return QStringLiteral("null");
    case YAML::NodeType::Scalar:
        return QStringLiteral("a scalar");
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool isQuoted(const YAML::Node &node) {
    return node.Tag() == "!";
}
} // namespace

bool Checker::checkMap(const YAML::Node &node, const QString &path,
                       std::initializer_list<const char *> required,
                       std::initializer_list<const char *> optional) {
    if (!node.IsMap()) {
        error(node, path, QStringLiteral("must be a mapping, got %1").arg(typeName(node)));
        return false;
    }
    QSet<QString> known;
    for (const char *k : required)
        known.insert(QString::fromLatin1(k));
    for (const char *k : optional)
        known.insert(QString::fromLatin1(k));
    QSet<QString> seen;
    bool ok = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            error(key, path, QStringLiteral("keys must be plain strings"));
            ok = false;
            continue;
        }
        const QString name = QString::fromStdString(key.Scalar());
        const QString keyPath = path.isEmpty() ? name : path + QLatin1Char('.') + name;
        if (seen.contains(name)) {
            error(key, keyPath, QStringLiteral("duplicate key"));
            ok = false;
            continue;
        }
        seen.insert(name);
        if (!known.contains(name)) {
            QStringList allowed(known.begin(), known.end());
            allowed.sort();
            error(key, keyPath,
                  QStringLiteral("unknown key (allowed: %1)").arg(allowed.join(QStringLiteral(", "))));
            ok = false;
        }
    }
    for (const char *k : required) {
        const QString name = QString::fromLatin1(k);
        if (!seen.contains(name)) {
            error(node, path.isEmpty() ? name : path + QLatin1Char('.') + name,
                  QStringLiteral("required key is missing"));
            ok = false;
        }
    }
    return ok;
}

bool Checker::isSequence(const YAML::Node &node, const QString &path) {
    if (!node.IsSequence()) {
        error(node, path, QStringLiteral("must be a list, got %1").arg(typeName(node)));
        return false;
    }
    return true;
}

std::optional<QString> Checker::string(const YAML::Node &node, const QString &path, bool allowEmpty) {
    if (!node.IsScalar()) {
        error(node, path, QStringLiteral("must be a string, got %1").arg(typeName(node)));
        return std::nullopt;
    }
    const QString value = QString::fromStdString(node.Scalar());
    if (!allowEmpty && value.trimmed().isEmpty()) {
        error(node, path, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> Checker::integer(const YAML::Node &node, const QString &path, qint64 min, qint64 max) {
    static const QRegularExpression kInt(QStringLiteral("^[-+]?[0-9]+\\z"));
    if (!node.IsScalar() || isQuoted(node) || !kInt.match(QString::fromStdString(node.Scalar())).hasMatch()) {
        error(node, path,
              QStringLiteral("must be an integer, got %1")
                  .arg(node.IsScalar() ? QStringLiteral("'%1'").arg(QString::fromStdString(node.Scalar()))
                                       : typeName(node)));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 v = QString::fromStdString(node.Scalar()).toLongLong(&ok);
    if (!ok) {
        error(node, path, QStringLiteral("integer out of range"));
        return std::nullopt;
    }
    if (v < 0 && min >= 0) {
        error(node, path, QStringLiteral("must not be negative, got %1").arg(v));
        return std::nullopt;
    }
    if (v < min || v > max) {
        error(node, path, QStringLiteral("must be between %1 and %2, got %3").arg(min).arg(max).arg(v));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> Checker::boolean(const YAML::Node &node, const QString &path) {
    if (node.IsScalar() && !isQuoted(node)) {
        const QString s = QString::fromStdString(node.Scalar());
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
    }
    error(node, path,
          QStringLiteral("must be true or false, got %1")
              .arg(node.IsScalar() ? QStringLiteral("'%1'").arg(QString::fromStdString(node.Scalar()))
                                   : typeName(node)));
    return std::nullopt;
}

std::optional<QUrl> Checker::url(const YAML::Node &node, const QString &path) {
    const auto text = string(node, path);
    if (!text)
        return std::nullopt;
    const QUrl u(*text, QUrl::StrictMode);
    if (!u.isValid() || u.isRelative()) {
        error(node, path, QStringLiteral("'%1' is not an absolute URL").arg(*text));
        return std::nullopt;
    }
    if (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) {
        error(node, path, QStringLiteral("'%1' must use http or https").arg(*text));
        return std::nullopt;
    }
    if (u.host().isEmpty()) {
        error(node, path, QStringLiteral("'%1' has no host").arg(*text));
        return std::nullopt;
    }
    if (!u.userInfo().isEmpty()) {
        error(node, path, QStringLiteral("URLs must not carry credentials; use OPSCONSOLE_OPERATOR_TOKEN"));
        return std::nullopt;
    }
    return u;
}

QString joinPath(const QString &parent, const char *key) {
    return parent.isEmpty() ? QString::fromLatin1(key) : parent + QLatin1Char('.') + QLatin1String(key);
}

QString indexPath(const QString &parent, std::size_t index) {
    return parent + QStringLiteral("[%1]").arg(index);
}

} // namespace ops::yaml
