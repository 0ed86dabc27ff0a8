#!/usr/bin/env bash
# The console in a real X11 window (Xvfb, the xcb platform plugin): it starts, stays up with its
# window mapped for several seconds, then renders every panel from the real window and exits 0.
# Usage: real_window.sh BIN_DIR
set -euo pipefail
bin=$1
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (packaging/debian-deps.txt lists xvfb)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export OPSCONSOLE_ENV=dev QT_QPA_PLATFORM=xcb
unset QT_QPA_PLATFORM_PLUGIN_PATH
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    set -u
    "$0/opsconsole" --store "$1/evidence.sqlite" >"$1/gui.log" 2>&1 & pid=$!
    sleep 8
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the console did not stay up in a real window:"; cat "$1/gui.log"; exit 1
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
    "$0/opsconsole" --store "$1/evidence.sqlite" --screenshots "$1/shots" >"$1/shots.log" 2>&1 \
        || { echo "screenshots from the real window failed:"; cat "$1/shots.log"; exit 1; }
' "$bin" "$tmp"
count=$(find "$tmp/shots" -name 'panel-*.png' -size +10k | wc -l)
echo "real window: stayed up 8 s; $count panel screenshots rendered under Xvfb"
[ "$count" -ge 6 ] || { echo "expected at least 6 panel screenshots"; ls -la "$tmp/shots"; exit 1; }
