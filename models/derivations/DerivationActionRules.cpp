#include "DerivationActions.h"

#include "store/EvidenceStore.h"

// Who may do what to a derivation record: the action names the log and the command line use, and
// the refusals, each with the message the command line prints and the id the window words its way.
namespace ops {

namespace {

bool sameName(const QString &a, const QString &b) {
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

QString DerivationActions::actionName(Action action) {
    switch (action) {
    case Action::Import:
        return QStringLiteral("import");
    case Action::Review:
        return QStringLiteral("review");
    case Action::RiskNote:
        return QStringLiteral("risk-note");
    case Action::Sign:
        return QStringLiteral("sign");
    case Action::Supersede:
        return QStringLiteral("supersede");
    case Action::Invalidate:
        return QStringLiteral("invalidate");
    case Action::Charter:
        return QStringLiteral("charter");
    case Action::Threats:
        return QStringLiteral("threats");
    case Action::Attest:
        return QStringLiteral("attest");
    case Action::Export:
        return QStringLiteral("handoff-export");
    }
    return {};
}

Result<QStringList> DerivationActions::roles() const {
    auto id = m_store.identity(m_signer.name);
    if (!id.ok())
        return id.error();
    return id->roles;
}

QString DerivationActions::refusal(Action action, const QString &recordId) const {
    auto book = DerivationBook::load(m_store);
    if (!book.ok())
        return book.error().message;
    return refusal(action, book->record(recordId));
}

QString DerivationActions::refusal(Action action, const RecordState *r) const {
    const std::optional<Error> no = refusalOf(action, r);
    return no ? no->message : QString();
}

std::optional<Error> DerivationActions::refusalOf(Action action, const RecordState *r) const {
    auto held = roles();
    if (!held.ok())
        return held.error();
    const QString me = m_signer.name;
    // The command line's words, and the id and arguments the window words its own way.
    auto no = [](const QString &message, const char *id, const QStringList &args) -> std::optional<Error> {
        return makeError(ErrorCode::Policy, message).said(QLatin1String(id), args);
    };
    auto needs = [&](const QStringList &anyOf) -> std::optional<Error> {
        for (const QString &role : anyOf)
            if (held->contains(role))
                return std::nullopt;
        return no(QStringLiteral("%1 needs the %2 role; %3 holds %4")
                      .arg(actionName(action), anyOf.join(QStringLiteral(" or ")), me,
                           held->isEmpty() ? QStringLiteral("none") : held->join(QStringLiteral(", "))),
                  "role.needed",
                  {QStringLiteral("derivation.") + actionName(action), anyOf.join(QStringLiteral(", ")), me,
                   held->join(QStringLiteral(", ")), QString()});
    };
    auto notOwn = [&](const RecordState &s) -> std::optional<Error> {
        if (sameName(s.record.author(), me))
            return no(
                QStringLiteral("%1 is the author of %2: a record is never reviewed or signed by its author")
                    .arg(me, s.record.id),
                "derivation.author", {me, s.record.id});
        if (sameName(s.importer, me))
            return no(
                QStringLiteral("%1 imported %2: the analyst who brought a record in cannot review or sign it")
                    .arg(me, s.record.id),
                "derivation.importer", {me, s.record.id});
        return std::nullopt;
    };
    auto namedReviewer = [&](const RecordState &s) -> std::optional<Error> {
        if (!sameName(s.record.reviewer(), me))
            return no(QStringLiteral("%1 names %2 as its reviewer, not %3")
                          .arg(s.record.id, s.record.reviewer(), me),
                      "derivation.reviewer", {s.record.id, s.record.reviewer(), me});
        return std::nullopt;
    };
    auto liveRecord = [&](const RecordState *s) -> std::optional<Error> {
        if (!s)
            return no(QStringLiteral("no such record"), "derivation.none", {});
        if (!s->isLive())
            return no(QStringLiteral("%1 is %2: superseded and invalidated records are final")
                          .arg(s->record.id, recordStatusName(s->status)),
                      "derivation.final", {s->record.id, recordStatusName(s->status)});
        return std::nullopt;
    };
    std::optional<Error> why;
    switch (action) {
    case Action::Import:
    case Action::Supersede:
    case Action::Attest:
        why = needs({QStringLiteral("analyst")});
        if (!why && action == Action::Supersede)
            why = liveRecord(r);
        return why;
    case Action::Review:
    case Action::Sign:
        if ((why = needs({QStringLiteral("reviewer")})) || (why = liveRecord(r)) || (why = notOwn(*r)) ||
            (why = namedReviewer(*r)))
            return why;
        if (action == Action::Review) {
            if (r->status != RecordStatus::InReview)
                return no(QStringLiteral("%1 was already reviewed (%2); a change is a re-derivation")
                              .arg(r->record.id, recordStatusName(r->status)),
                          "derivation.reviewed", {r->record.id, recordStatusName(r->status)});
            return std::nullopt;
        }
        if (r->status == RecordStatus::Signed)
            return no(QStringLiteral("%1 is already signed").arg(r->record.id), "derivation.signed",
                      {r->record.id});
        if (r->status != RecordStatus::Accepted)
            return no(QStringLiteral("%1 is %2: only an accepted record is signed")
                          .arg(r->record.id, recordStatusName(r->status)),
                      "derivation.unaccepted", {r->record.id, recordStatusName(r->status)});
        if (r->record.isCostOrCapacity() && r->riskNotes.isEmpty())
            return no(QStringLiteral(
                          "%1 is a cost or capacity value: a risk-owner note is needed before signing (§1)")
                          .arg(r->record.id),
                      "derivation.risknote", {r->record.id});
        return std::nullopt;
    case Action::RiskNote:
        if ((why = needs({QStringLiteral("risk-owner")})) || (why = liveRecord(r)))
            return why;
        if (sameName(r->record.author(), me) || sameName(r->importer, me))
            return no(QStringLiteral("%1 is the author of %2: the risk owner is someone else")
                          .arg(me, r->record.id),
                      "derivation.riskauthor", {me, r->record.id});
        return std::nullopt;
    case Action::Invalidate:
        if ((why = needs({QStringLiteral("analyst"), QStringLiteral("reviewer")})))
            return why;
        return liveRecord(r);
    case Action::Charter:
        return needs({QStringLiteral("reviewer"), QStringLiteral("analyst")});
    case Action::Threats:
    case Action::Export:
        return needs({QStringLiteral("reviewer")});
    }
    return std::nullopt;
}

} // namespace ops
