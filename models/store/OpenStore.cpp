#include "OpenStore.h"

#include "PgEvidenceStore.h"
#include "SqliteEvidenceStore.h"
#include "pg/Pg.h"

namespace ops {

Result<std::unique_ptr<EvidenceStore>>
openEvidenceStore(const QString &pathOrUrl, const StoreOpenOptions &options, const QString &appRole) {
    if (pg::isPostgresUrl(pathOrUrl)) {
        auto team = PgEvidenceStore::open(pathOrUrl, options, appRole);
        if (!team.ok())
            return team.error();
        return std::unique_ptr<EvidenceStore>(std::move(team).value());
    }
    auto file = SqliteEvidenceStore::open(pathOrUrl, options);
    if (!file.ok())
        return file.error();
    return std::unique_ptr<EvidenceStore>(std::move(file).value());
}

} // namespace ops
