#!/usr/bin/env bash
# Team log benchmark (make bench), against a throwaway PostgreSQL started here (Unix socket only):
# interactive append p50/p99 beside a raw libpq INSERT, four consoles beside pgbench, and a big
# team log (migrated from a local file) opened and browsed beside that file.
#   TEAMLOG_ACTS (default 500), TEAMLOG_SECONDS (default 10), TEAMLOG_EVENTS (default 1000000; 0
#   skips it), TEAMLOG_OUTBOX (acts synced from an outbox, default 10000; 0 skips it). BUILD_DIR is
#   the release build.
set -euo pipefail
bin=${BUILD_DIR:-build/release}/bin
here=$(cd "$(dirname "$0")" && pwd)
state=$(mktemp -d)
trap '"$here/../support/pg-cluster.sh" stop "$state" || true; rm -rf "$state"' EXIT
"$here/../support/pg-cluster.sh" start "$state"
"$bin/opsconsole-bench-teamlog" "$(cat "$state/host")" "${TEAMLOG_ACTS:-500}" "${TEAMLOG_SECONDS:-10}" "${TEAMLOG_EVENTS:-1000000}" "${TEAMLOG_OUTBOX:-10000}"
