#!/usr/bin/env bash
# Incident fold benchmark (make bench). BUILD_DIR is the release build.
set -euo pipefail
bin=${BUILD_DIR:-build/release}/bin
"$bin/opsconsole-bench-incidents"
