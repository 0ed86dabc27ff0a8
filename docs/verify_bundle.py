#!/usr/bin/env python3
"""Verify an opsconsole evidence bundle without opsconsole.

Standard library only, plus the `openssl` command (Ed25519 signatures) and, for .tar.zst
bundles, the `zstd` command. Usage:

    python3 verify_bundle.py BUNDLE.tar.zst|BUNDLE.tar|DIRECTORY [--pin SHA256:<hex>]

Exit status: 0 when everything verifies, 1 when anything does not (each failure is printed),
2 on usage errors. Formats: docs/formats.md.
"""
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile


def canonical(obj) -> bytes:
    # Keys sorted by code point, no whitespace, UTF-8, only '"', '\\' and controls escaped.
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def read_bundle(path):
    files = {}
    if os.path.isdir(path):
        for root, _, names in os.walk(path):
            for name in names:
                full = os.path.join(root, name)
                with open(full, "rb") as f:
                    files[os.path.relpath(full, path).replace(os.sep, "/")] = f.read()
        return files
    if path.endswith(".zst"):
        raw = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
        tar = tarfile.open(fileobj=io.BytesIO(raw), mode="r:")
    else:
        tar = tarfile.open(path, mode="r:*")
    for member in tar.getmembers():
        if not member.isfile():
            continue
        if member.name.startswith("/") or ".." in member.name.split("/"):
            raise ValueError(f"unsafe entry name {member.name!r}")
        files[member.name] = tar.extractfile(member).read()
    return files


def fingerprint(pem: bytes) -> str:
    body = b"".join(l for l in pem.splitlines() if l and not l.startswith(b"-----"))
    der = base64.b64decode(body)
    return "SHA256:" + hashlib.sha256(der[-32:]).hexdigest()  # Ed25519 SPKI ends with the raw key


def openssl_verify(pem: bytes, message: bytes, signature: bytes) -> bool:
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, data in (("key.pem", pem), ("msg", message), ("sig", signature)):
            paths[name] = os.path.join(d, name)
            with open(paths[name], "wb") as f:
                f.write(data)
        r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"], "-rawin",
                            "-in", paths["msg"], "-sigfile", paths["sig"]], capture_output=True)
        return r.returncode == 0


def node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion(leaf: bytes, index: int, size: int, path):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def main(argv) -> int:
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 2
    pin = argv[argv.index("--pin") + 1] if "--pin" in argv else None
    problems = []
    files = read_bundle(argv[1])
    for required in ("checkpoint.json", "checkpoint.sig", "events.jsonl", "proofs.jsonl"):
        if required not in files:
            print(f"FAIL {required} is missing")
            return 1
    cp_bytes = files["checkpoint.json"]
    cp = json.loads(cp_bytes)
    if canonical(cp) != cp_bytes:
        problems.append("checkpoint.json is not canonical JSON")
    keys = {n[len("keys/"):-len(".pem")]: d for n, d in files.items() if n.startswith("keys/") and n.endswith(".pem")}
    signer_pem = keys.get(cp["signer"])
    if signer_pem is None:
        problems.append(f"no key for the checkpoint signer {cp['signer']!r}")
    elif fingerprint(signer_pem) != cp["signer_key"]:
        problems.append(f"keys/{cp['signer']}.pem is not the key named in the checkpoint")
    elif not openssl_verify(signer_pem, cp_bytes, files["checkpoint.sig"]):
        problems.append("checkpoint.sig does not verify")
    if pin and cp["signer_key"] != pin:
        problems.append(f"checkpoint signed by {cp['signer_key']}, not the pinned {pin}")
    if "export.json" not in files or "export.sig" not in files:
        problems.append("export.json is missing: cannot tell whether events were removed")
    else:
        m_bytes = files["export.json"]
        manifest = json.loads(m_bytes)
        exporter_pem = keys.get(manifest.get("exported_by"))
        if canonical(manifest) != m_bytes:
            problems.append("export.json is not canonical JSON")
        if exporter_pem is None or fingerprint(exporter_pem) != manifest.get("exported_by_key") \
                or not openssl_verify(exporter_pem, m_bytes, files["export.sig"]):
            problems.append(f"export.sig does not verify with keys/{manifest.get('exported_by')}.pem")
        if manifest.get("events_sha256") != hashlib.sha256(files["events.jsonl"]).hexdigest():
            problems.append("events.jsonl is not the file the exporter signed (events added or removed)")
        if manifest.get("proofs_sha256") != hashlib.sha256(files["proofs.jsonl"]).hexdigest():
            problems.append("proofs.jsonl is not the file the exporter signed")
        if manifest.get("checkpoint_size") != cp["size"] or manifest.get("store") != cp["store"]:
            problems.append("export.json names another checkpoint or store")
    root = bytes.fromhex(cp["root"])
    events = [l for l in files["events.jsonl"].split(b"\n") if l]
    proofs = [l for l in files["proofs.jsonl"].split(b"\n") if l]
    if len(events) != len(proofs):
        problems.append(f"events.jsonl has {len(events)} lines but proofs.jsonl {len(proofs)}")
    referenced = set()
    for i, (line, proof_line) in enumerate(zip(events, proofs), start=1):
        event, proof = json.loads(line), json.loads(proof_line)
        where = f"events.jsonl:{i}"
        if canonical(event) != line:
            problems.append(f"{where}: not canonical")
            continue
        leaf = hashlib.sha256(b"\x00" + line).digest()
        if proof["leaf_hash"] != leaf.hex() or proof["leaf_index"] != event["seq"] - 1 or proof["tree_size"] != cp["size"]:
            problems.append(f"{where}: its proof is for other bytes or another position")
            continue
        if root_from_inclusion(leaf, proof["leaf_index"], proof["tree_size"],
                               [bytes.fromhex(h) for h in proof["path"]]) != root:
            problems.append(f"{where}: inclusion proof does not reach the signed root")
            continue
        if event.get("signature"):
            unsigned = {k: v for k, v in event.items() if k != "signature"}
            key = keys.get(event["actor"])
            if key is None or not openssl_verify(key, canonical(unsigned), base64.b64decode(event["signature"])):
                problems.append(f"{where}: the signature by {event['actor']!r} does not verify")
        if event["kind"] == "evidence.attached":
            referenced.add(event["payload"].get("sha256"))
    for name, data in files.items():
        if name.startswith("blobs/"):
            digest = name[len("blobs/"):]
            if hashlib.sha256(data).hexdigest() != digest:
                problems.append(f"{name} does not match its SHA-256")
            referenced.discard(digest)
    for missing in sorted(referenced):
        problems.append(f"attachment {missing} is referenced but not in the bundle")
    for p in problems:
        print("FAIL", p)
    if problems:
        return 1
    print(f"OK {len(events)} events verified against checkpoint {cp['size']} (root {cp['root']}) "
          f"signed by {cp['signer']} {cp['signer_key']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
