#!/usr/bin/env bash
# Evidence panel and verdict benchmarks (make bench). BUILD_DIR is the release build.
#   EVIDENCE_EVENTS (default 1000000), VERDICT_MB (default 400), FOLLOW_ACTS (default 20)
set -euo pipefail
bin=${BUILD_DIR:-build/release}/bin
"$bin/opsconsole-bench-evidence" browse "${EVIDENCE_EVENTS:-1000000}"
"$bin/opsconsole-bench-evidence" verdict "${VERDICT_MB:-400}" zst
"$bin/opsconsole-bench-evidence" verdict "${VERDICT_MB:-400}" gz
"$bin/opsconsole-bench-evidence" follow "${FOLLOW_ACTS:-20}"
