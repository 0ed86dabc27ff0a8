#!/usr/bin/env bash
# Alertmanager's webhook into the monitor (make bench): 50 payloads of 100 new alerts each, sent
# 4 at a time as Alertmanager sends groups, every alert recorded as signed evidence before its
# answer; target 1,000 alerts/s accepted and recorded, the store intact afterwards (evidence
# verify) with exactly one event per alert. Baseline in the same run: GET /healthz on the same
# listener with the same client (the HTTP floor). BUILD_DIR is the release build.
set -euo pipefail
bindir=${BUILD_DIR:-build/release}/bin
command -v curl >/dev/null || { echo "curl is needed"; exit 1; }
tmp=$(mktemp -d)
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state
export OPSCONSOLE_PASSPHRASE="a long enough passphrase for the bench" no_proxy='*' NO_PROXY='*'
monitor=
trap '[ -n "$monitor" ] && kill $monitor 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
sed 's/interval_s: 30/interval_s: 3600/' resources/config/demo.yaml > "$tmp/config.yaml"
printf 'bench-token-%s\n' "$RANDOM$RANDOM" > "$tmp/am-token"; chmod 600 "$tmp/am-token"
cat >> "$tmp/config.yaml" <<'YAML'
alertmanager:
  token_file: am-token
  routes:
    - {match: {alertname: ResolverDown}, alert: resolver-health, scope_label: locality}
YAML
cli() { "$bindir/opsconsole-cli" "$@" --config "$tmp/config.yaml"; }
cli init --identity mon --roles operator >/dev/null 2>&1
"$bindir/opsconsole-cli" monitor --listen 127.0.0.1:0 --identity mon --config "$tmp/config.yaml" 2>"$tmp/monitor.log" &
monitor=$!
for _ in $(seq 300); do grep -q '/metrics' "$tmp/monitor.log" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o '127\.0\.0\.1:[0-9]*/metrics' "$tmp/monitor.log" | head -1 | sed 's/.*:\([0-9]*\)\/metrics/\1/')
[ -n "$port" ] || { cat "$tmp/monitor.log"; exit 1; }
token=$(tr -d '\n' < "$tmp/am-token")
payloads=50 per=100 alerts=$((50 * 100))
# Each alert with Alertmanager's fingerprint of its labels (the receiver refuses any other).
python3 - "$tmp" "$payloads" "$per" <<'PY'
import json, sys
tmp, payloads, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
scopes = ["kl", "pg", "my", "sg", "baseline"]
def fingerprint(labels):
    h = 14695981039346656037
    for name in sorted(labels, key=lambda n: n.encode()):
        for b in name.encode() + b"\xff" + labels[name].encode() + b"\xff":
            h = ((h ^ b) * 1099511628211) % 2**64
    return "%016x" % h
for p in range(payloads):
    alerts = []
    for a in range(per):
        labels = {"alertname": "ResolverDown", "locality": scopes[a % 5], "instance": "i%d-%d" % (p, a)}
        alerts.append({"status": "firing", "labels": labels, "annotations": {},
                       "startsAt": "2026-12-04T05:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                       "generatorURL": "http://prometheus/graph", "fingerprint": fingerprint(labels)})
    with open("%s/p%d.json" % (tmp, p), "w") as f:
        json.dump({"version": "4", "receiver": "opsconsole", "groupKey": "g%d" % p, "status": "firing",
                   "alerts": alerts}, f)
PY
for p in $(seq 0 $((payloads - 1))); do
    printf 'url = "http://127.0.0.1:%s/alertmanager"\ndata-binary = "@%s/p%s.json"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\noutput = "%s/r%s.json"\nnext\n' \
        "$port" "$tmp" "$p" "$token" "$tmp" "$p" >> "$tmp/post.cfg"
done
sed -i '$ d' "$tmp/post.cfg" # no "next" after the last request
for i in $(seq 0 $((alerts - 1))); do printf 'url = "http://127.0.0.1:%s/healthz"\noutput = "/dev/null"\n' "$port"; done > "$tmp/health.cfg"
before=$(cli evidence verify --json 2>/dev/null | grep -o '"events": *[0-9]*' | grep -o '[0-9]*$')
now() { date +%s.%N; }
s=$(now); curl -s --no-progress-meter --parallel --parallel-max 4 -K "$tmp/post.cfg"; e=$(now)
rate=$(awk "BEGIN { printf \"%.0f\", $alerts / ($e - $s) }")
s=$(now); curl -s --no-progress-meter --parallel --parallel-max 4 -K "$tmp/health.cfg"; e=$(now)
floor=$(awk "BEGIN { printf \"%.0f\", $alerts / ($e - $s) }")
recorded=$(cat "$tmp"/r*.json | grep -o '"recorded":[0-9]*' | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }')
kill -TERM $monitor; wait $monitor || true; monitor=
after=$(cli evidence verify --json 2>/dev/null | grep -o '"events": *[0-9]*' | grep -o '[0-9]*$')
cli evidence verify --signatures >/dev/null 2>&1 && intact=yes || intact=no
ratio=$(awk "BEGIN { printf \"%.2f\", $rate / $floor }")
ok=FAIL; [ "$rate" -ge 1000 ] && [ "$recorded" -eq "$alerts" ] && [ $((after - before)) -eq "$alerts" ] && [ "$intact" = yes ] && ok=PASS
printf '%-44s %12s %-8s %12s %-8s ratio %6s  target %-8s %s\n' "webhook alerts recorded (alerts/s)" "$rate" "alerts/s" "$floor" "GET/s" "$ratio" ">= 1000" "$ok"
printf '  %s alerts sent, %s recorded, %s new events, store verifies with signatures: %s\n' "$alerts" "$recorded" "$((after - before))" "$intact"
[ "$ok" = PASS ]
