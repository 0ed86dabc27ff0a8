#pragma once

// Internal to models/: strict YAML reading with file:line diagnostics, shared by every loader
// (deployment config, runbooks, rules, derivation records).

#include "Result.h"

#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>

namespace ops::yaml {

// Parses YAML text; a syntax error becomes one Diagnostic naming the line.
Result<YAML::Node> load(const QByteArray &text, const QString &file);
// Reads and parses a file; an unreadable file is invalid input naming the path.
Result<YAML::Node> loadFile(const QString &path);

int lineOf(const YAML::Node &node); // 1-based, 0 when unknown

class Checker {
public:
    explicit Checker(QString file)
        : m_file(std::move(file)) {}

    const QString &file() const { return m_file; }
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    bool hasErrors() const { return !m_diagnostics.isEmpty(); }

    void error(const YAML::Node &at, const QString &key, const QString &message);
    void errorAtLine(int line, const QString &key, const QString &message);

    // A mapping whose keys are all known, unique, and include the required ones.
    bool checkMap(const YAML::Node &node, const QString &path, std::initializer_list<const char *> required,
                  std::initializer_list<const char *> optional);
    bool isSequence(const YAML::Node &node, const QString &path);

    std::optional<QString> string(const YAML::Node &node, const QString &path, bool allowEmpty = false);
    std::optional<qint64> integer(const YAML::Node &node, const QString &path, qint64 min, qint64 max);
    std::optional<bool> boolean(const YAML::Node &node, const QString &path);
    std::optional<QUrl> url(const YAML::Node &node, const QString &path);

private:
    QString m_file;
    QList<Diagnostic> m_diagnostics;
};

QString joinPath(const QString &parent, const char *key);
QString indexPath(const QString &parent, std::size_t index);

} // namespace ops::yaml
