#!/usr/bin/env bash
# The systemd user unit opsconsole-monitor.service, run the way the user manager runs it (the test
# machine has no systemd to ask): `systemd-analyze verify` has nothing to say about the unit (its
# ExecStart pointed at this build); then a fresh home with the deployment config, a store, an
# admin and the monitor identity, and the unit's two credential files; the service starts with an
# environment as bare as the manager's, its Environment= lines, its LoadCredential= files copied
# into a private $CREDENTIALS_DIRECTORY (0400, %h the home) and its ExecStart command line (the
# port made free). It keeps the matrix current — the rounds advance on /metrics — with no secret
# in its environment or output, stops on its KillSignal within TimeoutStopSec with exit 0, and the
# log it leaves verifies, what it recorded signed by the monitor identity.
# Usage: monitor_unit.sh BIN_DIR UNIT_FILE SOURCE_DIR
set -euo pipefail
bin=$1 unit=$2 src=$3
command -v systemd-analyze >/dev/null || { echo "systemd-analyze is missing (packaging/debian-deps.txt: systemd)"; exit 1; }
command -v curl >/dev/null || { echo "curl is missing (packaging/debian-deps.txt: curl)"; exit 1; }
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
home=$tmp/home run=$tmp/run
mkdir -p "$home/.config/opsconsole" "$run" && chmod 700 "$run"
value() { sed -n "s/^$1=//p" "$unit"; }
fail() { echo "FAIL: $*"; exit 1; }

# 1. The unit as systemd reads it.
execstart=$(value ExecStart)
prog=${execstart%% *} args=${execstart#* }
[ "$(basename "$prog")" = opsconsole-cli ] || fail "ExecStart runs $prog, not opsconsole-cli"
sed "s#^ExecStart=$prog#ExecStart=$bin/opsconsole-cli#" "$unit" > "$tmp/opsconsole-monitor.service"
said=$(XDG_RUNTIME_DIR=$run systemd-analyze verify --man=no --user "$tmp/opsconsole-monitor.service" 2>&1) \
    || fail "systemd-analyze verify: $said"
[ -z "$said" ] || fail "systemd-analyze verify: $said"
[ "$(value KillSignal)" = SIGTERM ] || fail "KillSignal is not SIGTERM"
stop_s=$(value TimeoutStopSec)

# 2. The deployment in a fresh home: config (a round a second), store, admin, monitor identity.
sed 's/interval_s: 30/interval_s: 1/' "$src/resources/config/demo.yaml" > "$home/.config/opsconsole/config.yaml"
cli() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR="$run" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
    OPSCONSOLE_PASSPHRASE="setup passphrase 51d" "$bin/opsconsole-cli" "$@"; }
cli init --identity alice --roles operator >/dev/null 2>"$tmp/init.err" || { cat "$tmp/init.err"; fail "init"; }
cli identity create monitor --roles monitor >/dev/null 2>&1 || fail "identity create monitor"
cli identity approve monitor --identity alice >/dev/null 2>&1 || fail "identity approve monitor"
token=unit-operator-token-8e2
printf '%s\n' "$token" > "$home/.config/opsconsole/operator-token"
printf '%s\n' "setup passphrase 51d" > "$home/.config/opsconsole/monitor-passphrase"
chmod 600 "$home/.config/opsconsole/operator-token" "$home/.config/opsconsole/monitor-passphrase"

# 3. The service, as the manager starts it.
creds=$tmp/credentials
mkdir -m 700 "$creds"
while IFS= read -r line; do
    id=${line%%:*} path=${line#*:}
    path=${path//%h/$home}
    install -m 0400 "$path" "$creds/$id"
done < <(value LoadCredential)
[ -s "$creds/opsconsole-operator-token" ] && [ -s "$creds/opsconsole-passphrase" ] || fail "LoadCredential lines"
envs=()
while IFS= read -r line; do envs+=("$line"); done < <(value Environment)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
args=${args//127.0.0.1:9464/127.0.0.1:$port}
# shellcheck disable=SC2086 # the unit's arguments, split as systemd splits them (no quotes in them)
env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR="$run" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
    CREDENTIALS_DIRECTORY="$creds" "${envs[@]}" "$bin/opsconsole-cli" $args >"$tmp/out" 2>"$tmp/err" &
pid=$!
grep -q "OPSCONSOLE_IDENTITY=monitor" <<<"${envs[*]}" || fail "the unit names no monitor identity"
if tr '\0' '\n' </proc/$pid/environ 2>/dev/null | grep -q "$token"; then fail "the token is in the environment"; fi

# 4. The matrix kept current: two different round times on /metrics (polled, no fixed wait).
last_round() {
    curl -s --max-time 5 "http://127.0.0.1:$port/metrics" 2>/dev/null \
        | sed -n 's/^opsconsole_monitor_last_round_timestamp_seconds \([0-9.e+]*\)$/\1/p'
}
first= second=
for _ in $(seq 1200); do
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/err"; fail "the service exited"; }
    r=$(last_round || true)
    if [ -n "$r" ] && [ "$r" != 0 ]; then
        if [ -z "$first" ]; then first=$r; elif [ "$r" != "$first" ]; then second=$r; break; fi
    fi
    sleep 0.1
done
[ -n "$second" ] || { cat "$tmp/err"; fail "the rounds did not advance (first $first)"; }
recording=$(curl -s "http://127.0.0.1:$port/metrics" | sed -n 's/^opsconsole_monitor_recording \(.*\)$/\1/p')
[ "$recording" = 1 ] || fail "opsconsole_monitor_recording is $recording"

# 5. Stopped as systemd stops it.
kill -TERM "$pid"
for _ in $(seq $((stop_s * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "still running ${stop_s} s after SIGTERM"
rc=0; wait "$pid" || rc=$?
pid=
[ "$rc" = 0 ] || { cat "$tmp/err"; fail "exit $rc after SIGTERM"; }
grep -q "monitor: stopped after" "$tmp/err" || { cat "$tmp/err"; fail "no clean stop"; }
if grep -q -e "$token" -e "setup passphrase" "$tmp/out" "$tmp/err"; then fail "a secret in the output"; fi
cli evidence verify >/dev/null 2>"$tmp/verify.err" || { cat "$tmp/verify.err"; fail "evidence verify"; }
# Its first round saw every target for the first time: transitions, signed by the monitor identity.
seen=$(cli evidence list --kind probe.state_changed --actor monitor --limit 1000 --json | grep -c '"kind": "probe.state_changed"' || true)
[ "$seen" -ge 1 ] || fail "no transition signed by monitor in the log"
echo "monitor unit: systemd-analyze verify clean; rounds advanced on /metrics; $seen transitions signed by 'monitor' with credentials only; clean stop on SIGTERM"
