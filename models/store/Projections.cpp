#include "Projections.h"

#include <string>

namespace ops::store {

namespace {
Result<void> identityCreated(Database &db, const char *schema, const StoredEvent &event,
                             const JsonValue &payload) {
    QStringList roles;
    for (const JsonValue &r : payload.find("roles") ? payload.find("roles")->toArray() : JsonValue::Array{})
        roles << r.toQString();
    auto st = Statement::prepare(db, "INSERT INTO " + std::string(schema) +
                                         ".identities(name, roles, public_key, fingerprint, created_seq)"
                                         " VALUES(?, ?, ?, ?, ?)");
    if (!st.ok())
        return st.error();
    return st->bind(1, payload.stringAt("name"))
        .bind(2, roles.join(QLatin1Char(',')))
        .bind(3, payload.stringAt("public_key"))
        .bind(4, payload.stringAt("fingerprint"))
        .bind(5, static_cast<qint64>(event.seq))
        .run();
}
} // namespace

Result<void> applyProjections(Database &db, const char *schema, const StoredEvent &event,
                              const JsonValue &payload) {
    if (event.kind == QLatin1String("identity.created"))
        return identityCreated(db, schema, event, payload);
    return {};
}

} // namespace ops::store
