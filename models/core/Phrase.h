#pragma once

#include "JsonValue.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace ops {

// Words for a person, kept as their template and arguments so that each reader gets them in their
// language: the English text is what the log records and attestations carry (colleagues and tools
// read it whatever language a window speaks); translated() is what this window shows. A template's
// %1…%9 are replaced in one pass, so an argument holding "%2" (someone's note) stays as written.
//
// Templates are marked for extraction where they are written:
//   Phrase("ops::Launch", QT_TRANSLATE_NOOP("ops::Launch", "%1 never probed"), {target})
class Phrase {
public:
    Phrase() = default;
    // Words that are not translated: an id, a name, someone's note.
    Phrase(const QString &literal); // NOLINT(google-explicit-constructor): arguments read naturally
    Phrase(const char *context, const char *source, std::vector<Phrase> args = {});
    // Parts joined by a separator ("; ") that is the same in every language.
    static Phrase joined(std::vector<Phrase> parts, const QString &separator);

    QString text() const;       // English
    QString translated() const; // in the language of the installed translator
    bool isEmpty() const;

    // The phrase as a log records it beside its English text, so that a reader in another language
    // gets it in theirs: a literal is a string, a template {"c": context, "s": source, "a": [args]},
    // parts joined {"j": separator, "p": [parts]}.
    JsonValue toJson() const;
    // The phrase recorded beside `english`, or `english` as a literal when there is none, when it is
    // malformed (deeper than 6, more than 64 parts in all) or when it does not read as `english`: the
    // English text is the record, and a translation never says something else.
    static Phrase fromJson(const JsonValue *words, const QString &english);

private:
    QString render(bool translate) const;
    static std::optional<Phrase> parse(const JsonValue &v, int depth, int &budget);

    QByteArray m_context;
    QByteArray m_source; // empty: a literal or joined parts
    QString m_literal;
    std::vector<Phrase> m_parts; // the template's arguments, or the joined parts
    QString m_separator;
    bool m_joined = false;
};

// %1…%9 of pattern replaced by args in one pass.
QString substitutedArgs(const QString &pattern, const QStringList &args);

} // namespace ops
