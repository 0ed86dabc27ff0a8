#pragma once

#include "Launch.h"

namespace ops {

// The launch record for the archive, in a new directory:
//   launch-record.json            the status (decision, every no-go reason, checklist, sign-offs, rules)
//   launch-record.canonical.json  the exact bytes whose SHA-256 every sign-off signed
//   SHA256SUMS                    the build checksum archive, for `sha256sum -c`
//   signoffs/<role>.statement, signoffs/<role>.sig, keys/<identity>.pem
//                                 each sign-off, checkable with `openssl pkeyutl -verify -rawin`
struct LaunchExportSummary {
    QStringList files;
    int checksums = 0;
    int signoffs = 0;
};

Result<LaunchExportSummary> exportLaunchRecord(const LaunchStatus &status, const LaunchInputs &inputs,
                                               const QString &outDir);

} // namespace ops
