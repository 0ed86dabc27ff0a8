#!/usr/bin/env bash
# Makes a small, valid, signed verdict in OUT with the tar, sha256sum and openssl commands only:
# score.json (evidence_sha256 and evidence_files), evidence.tar.gz, verdict.sig (raw Ed25519 over
# the exact bytes of score.json) and verdict.pub. The private key is deleted afterwards.
# Usage: make-verdict.sh OUT FILE...
set -euo pipefail
out=$1; shift
mkdir -p "$out/.bundle/logs"
for f in "$@"; do cp "$f" "$out/.bundle/logs/"; done
tar -C "$out/.bundle" -czf "$out/evidence.tar.gz" logs
{
    printf '{\n  "scenario": "edge-fi-7",\n  "score": 0.93,\n'
    printf '  "evidence_sha256": "%s",\n  "evidence_files": {' "$(sha256sum "$out/evidence.tar.gz" | cut -d' ' -f1)"
    sep=""
    for f in "$@"; do
        printf '%s\n    "logs/%s": "%s"' "$sep" "$(basename "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
        sep=","
    done
    printf '\n  }\n}\n'
} > "$out/score.json"
openssl genpkey -algorithm ed25519 -out "$out/.signer.pem" 2>/dev/null
openssl pkey -in "$out/.signer.pem" -pubout -out "$out/verdict.pub"
openssl pkeyutl -sign -inkey "$out/.signer.pem" -rawin -in "$out/score.json" -out "$out/verdict.sig"
rm -rf "$out/.signer.pem" "$out/.bundle"
