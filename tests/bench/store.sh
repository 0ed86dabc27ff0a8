#!/usr/bin/env bash
# Evidence store benchmarks (make bench). BUILD_DIR is the release build.
set -euo pipefail
bin=${BUILD_DIR:-build/release}/bin
"$bin/opsconsole-bench-store"
rounds=${CRASH_ROUNDS:-2000}
echo
echo "crash safety: $rounds SIGKILLs of a process appending, each followed by open (+ full verify every 10)"
start=$(date +%s)
QTEST_FUNCTION_TIMEOUT=7200000 OPSCONSOLE_CRASH_ROUNDS=$rounds QT_QPA_PLATFORM=offscreen \
  "$bin/tst_store_processes" survivesSigkillAtRandomMoments \
  | grep -E "PASS|FAIL|Totals|Loc|QFATAL|round"
echo "crash rounds took $(( $(date +%s) - start )) s"
