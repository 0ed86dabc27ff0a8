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
    # Started from the desktop menu on a machine with no store (no --store): the first-run dialog
    # comes up in a real window, and nothing is created before the person chooses.
    fresh="$1/fresh"; mkdir -p "$fresh/run" && chmod 700 "$fresh/run"
    HOME=$fresh XDG_DATA_HOME=$fresh/data XDG_CONFIG_HOME=$fresh/config XDG_STATE_HOME=$fresh/state \
        XDG_RUNTIME_DIR=$fresh/run "$0/opsconsole" >"$1/first.log" 2>&1 & fpid=$!
    seen=0
    for _ in $(seq 1 300); do
        if xwininfo -root -tree 2>/dev/null | grep -q "Welcome to opsconsole"; then seen=1; break; fi
        kill -0 "$fpid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$fpid" 2>/dev/null; wait "$fpid" 2>/dev/null || true
    [ "$seen" = 1 ] || { echo "the first-run dialog did not come up without a store:"; cat "$1/first.log"; exit 1; }
    if [ -n "$(find "$fresh" -name "*.sqlite" 2>/dev/null)" ]; then
        echo "a store was created before the person chose:"; find "$fresh" -name "*.sqlite"; exit 1
    fi
' "$bin" "$tmp"
count=$(find "$tmp/shots" -name 'panel-*.png' -size +10k | wc -l)
echo "real window: stayed up 8 s; $count panel screenshots rendered under Xvfb; the first-run dialog came up without a store"
[ "$count" -ge 6 ] || { echo "expected at least 6 panel screenshots"; ls -la "$tmp/shots"; exit 1; }
