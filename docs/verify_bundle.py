#!/usr/bin/env python3
"""Verify an opsconsole evidence bundle without opsconsole.

Python's standard library, plus the `openssl` command (Ed25519 signatures) and, for .tar.zst
bundles, the `zstd` command. Usage:

    python3 verify_bundle.py BUNDLE.tar.zst [--pin SHA256:<hex>]... [--pin-signer SHA256:<hex>]...
                             [--pin-exporter SHA256:<hex>]... [--max-bytes N]

--pin names a key you obtained out of band; given at least once, both the checkpoint signer's
key and the exporter's key must be among the pinned ones. --pin-signer and --pin-exporter pin
one role each (and replace --pin for it). Without pins the bundle is checked against the keys it
carries, which proves integrity but not who signed.

Exit status: 0 when everything verifies, 1 when anything does not (each failure is printed),
2 on usage errors. An archive that cannot be read safely (a decompression bomb, a compression
other than zstd or gzip) fails like any other check. Formats: docs/formats.md.
"""
import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zlib

FORMAT = "opsconsole-evidence-bundle/2"
# DER SubjectPublicKeyInfo of an Ed25519 key: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }.
SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
SMALL_ENTRY = 1 << 20
MAX_RATIO = 250
RATIO_FLOOR = 1 << 20
KEY_NAME = re.compile(r"^keys/([A-Za-z0-9._@-]{1,64})\.(pem|vkey)\Z")
# A key its identity held before a rotation: valid for the positions before UNTIL.
RETIRED_KEY_NAME = re.compile(r"^keys/retired/([A-Za-z0-9._@-]{1,64})/([1-9][0-9]{0,18})\.(pem|vkey)\Z")
PROOF_NAME = re.compile(r"^proofs/([1-9][0-9]{0,18})\.tlog-proof\Z")
BLOB_NAME = re.compile(r"^blobs/[0-9a-f]{64}\Z")
DASH = "\u2014 "


class Refused(Exception):
    """The archive cannot be read safely (a bomb, an unknown compression, a corrupt file)."""


# --- reading, with caps --------------------------------------------------------------------

class CappedStream(io.RawIOBase):
    """Decompressed bytes from a chunk source; refuses more than `cap` bytes or a ratio bomb."""

    def __init__(self, chunks, compressed_size, cap):
        self.chunks, self.compressed, self.cap = chunks, max(1, compressed_size), cap
        self.buffer, self.total = b"", 0

    def readable(self):
        return True

    def readinto(self, target):
        while not self.buffer:
            chunk = next(self.chunks, None)
            if chunk is None:
                return 0
            self.total += len(chunk)
            if self.total > self.cap:
                raise Refused(f"expands beyond {self.cap} bytes: refused as a decompression bomb")
            if self.total > RATIO_FLOOR and self.total > MAX_RATIO * self.compressed:
                raise Refused(f"expands more than {MAX_RATIO} times: refused as a decompression bomb")
            self.buffer = chunk
        n = min(len(target), len(self.buffer))
        target[:n] = self.buffer[:n]
        self.buffer = self.buffer[n:]
        return n


def decompressed_chunks(path):
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic == b"\x28\xb5\x2f\xfd":
        proc = subprocess.Popen(["zstd", "-dcq", "--", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
        try:
            while True:
                chunk = proc.stdout.read(1 << 16)
                if not chunk:
                    break
                yield chunk
        finally:
            proc.kill()
            proc.wait()
        if proc.returncode not in (0, -9):
            raise Refused("zstd could not decompress it")
        return
    with open(path, "rb") as f:
        if magic[:2] == b"\x1f\x8b":
            d = zlib.decompressobj(wbits=31)
            while True:
                data = f.read(1 << 16)
                if not data:
                    break
                out = d.decompress(data, 1 << 20)
                while out:
                    yield out
                    out = d.decompress(d.unconsumed_tail, 1 << 20) if d.unconsumed_tail else b""
                if d.eof:
                    break
            if not d.eof:
                raise Refused("truncated gzip data")
            # gunzip and tar read a second member as more of the same stream; zlib stops at the
            # first. Whatever follows would be entries this check never saw: refused.
            if d.unused_data or f.read(1):
                raise Refused("data after the first gzip member (a second member is read by tar, not here)")
            return
        head = f.read(512)
        f.seek(0)
        if head[257:262] != b"ustar":
            raise Refused("neither zstd, gzip nor tar: no other compression is read")
        while True:
            data = f.read(1 << 16)
            if not data:
                break
            yield data


def normal_name(name):
    return "/".join(p for p in name.split("/") if p not in ("", "."))


def read_bundle(path, cap, problems):
    stream = io.BufferedReader(CappedStream(decompressed_chunks(path), os.path.getsize(path), cap), 1 << 16)
    files, seen, held = {}, set(), 0
    try:
        tar = tarfile.open(fileobj=stream, mode="r|")
        for member in tar:
            raw = member.name
            # Names set by pax headers are read differently by different tar readers: none are used.
            if tar.pax_headers or "path" in member.pax_headers or "linkpath" in member.pax_headers:
                problems.append(f"entry {raw!r} is renamed by a pax header; a bundle uses none")
                continue
            name = normal_name(raw)
            if raw.startswith("/") or "\\" in raw or ".." in raw.split("/") or not name:
                problems.append(f"entry {raw!r} has an unsafe name")
                continue
            if member.isdir():
                problems.append(f"entry {raw} is a directory; a bundle holds only files")
                continue
            if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.issparse():
                problems.append(f"entry {raw} is not a regular file (link, device, fifo or sparse)")
                continue
            held += member.size
            if held > cap:
                raise Refused(f"expands beyond {cap} bytes: refused as a decompression bomb")
            if name in seen:
                problems.append(f"entry {name} occurs more than once (after path normalisation)")
            seen.add(name)
            files[name] = tar.extractfile(member).read()
    except (tarfile.TarError, EOFError, zlib.error, MemoryError) as e:
        raise Refused(f"corrupt archive: {e}")
    return files


# --- formats --------------------------------------------------------------------------------

def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def unique_pairs(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError(f"duplicate key {k!r}")
        obj[k] = v
    return obj


def parse_json(data):
    return json.loads(data.decode("utf-8"), object_pairs_hook=unique_pairs, parse_constant=reject_constant)


def canonical(obj) -> bytes:
    # Keys sorted by code point, no whitespace, UTF-8, only '"', '\\' and controls escaped. A
    # lone surrogate has no UTF-8 form: no canonical bytes either.
    try:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    except (ValueError, UnicodeError):
        return b""


def strict_b64(text):
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return data if base64.b64encode(data).decode("ascii") == text else None


def parse_public_key(pem: bytes):
    """The raw 32-byte Ed25519 key of a PEM holding exactly one SubjectPublicKeyInfo, else None."""
    lines = pem.decode("ascii", "replace").strip("\n").split("\n")
    if len(lines) < 3 or lines[0] != "-----BEGIN PUBLIC KEY-----" or lines[-1] != "-----END PUBLIC KEY-----":
        return None
    if any(l.startswith("-----") for l in lines[1:-1]) or pem.count(b"-----BEGIN") != 1:
        return None
    der = strict_b64("".join(lines[1:-1]))
    if der is None or len(der) != 44 or not der.startswith(SPKI_PREFIX):
        return None
    # Exactly the bytes an exporter writes (one base64 line, a newline at the end), as the C++
    # verifier requires: one key file has one spelling.
    if pem != b"-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der) + b"\n-----END PUBLIC KEY-----\n":
        return None
    return der[len(SPKI_PREFIX):]


def fingerprint(raw: bytes) -> str:
    return "SHA256:" + hashlib.sha256(raw).hexdigest()


def key_id(name: str, kind: int, raw: bytes) -> bytes:
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([kind]) + raw).digest()[:4]


def vkey(name: str, raw: bytes) -> str:
    typed = base64.b64encode(bytes([1]) + raw).decode("ascii")
    return f"{name}+{key_id(name, 1, raw).hex()}+{typed}"


def openssl_verify(raw_key: bytes, message: bytes, signature: bytes) -> bool:
    """Ed25519 through `openssl`, with a PEM made here from the key that was fingerprinted."""
    if len(signature) != 64:
        return False
    pem = b"-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(SPKI_PREFIX + raw_key) + b"\n-----END PUBLIC KEY-----\n"
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, data in (("key.pem", pem), ("msg", message), ("sig", signature)):
            paths[name] = os.path.join(d, name)
            with open(paths[name], "wb") as f:
                f.write(data)
        r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"], "-rawin",
                            "-in", paths["msg"], "-sigfile", paths["sig"]], capture_output=True)
        return r.returncode == 0


def event_signature_verifies(raw_key: bytes, store: str, event: dict, signature: bytes) -> bool:
    """An event's signature covers "opsconsole event v2\\n<store>\\n" and the event without "seq" and
    "signature" (position-free); events written before the position-free form sign the event
    without "signature" only, "seq" included."""
    without_seq = {k: v for k, v in event.items() if k not in ("signature", "seq")}
    position_free = b"opsconsole event v2\n" + store.encode("utf-8") + b"\n" + canonical(without_seq)
    if openssl_verify(raw_key, position_free, signature):
        return True
    return openssl_verify(raw_key, canonical({k: v for k, v in event.items() if k != "signature"}), signature)


def parse_note(data: bytes):
    """(body bytes, [(name, key ID, signature bytes)]) of a C2SP signed note, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.endswith("\n") or any(ord(c) < 0x20 and c != "\n" or ord(c) == 0x7F for c in text):
        return None
    split = text.rfind("\n\n")
    if split < 0:
        return None
    body, sigs = text[:split + 1], text[split + 2:]
    lines = sigs.split("\n")[:-1]
    if not lines or len(lines) > 100:
        return None
    out = []
    for line in lines:
        if not line.startswith(DASH):
            return None
        parts = line[len(DASH):].split(" ")
        if len(parts) != 2 or not parts[0] or "+" in parts[0] or any(c.isspace() for c in parts[0]):
            return None
        blob = strict_b64(parts[1])
        if blob is None or len(blob) < 5:
            return None
        out.append((parts[0], blob[:4], blob[4:]))
    return body.encode("utf-8"), out


def parse_checkpoint_body(body: bytes):
    """Origin opsconsole/<store>, size, root, time; or an origin of the deployment's own, size,
    root, "opsconsole-store <store>", time."""
    lines = body.decode("utf-8").split("\n")[:-1]
    if len(lines) == 4 and lines[0].startswith("opsconsole/"):
        store = lines[0][len("opsconsole/"):]
    elif len(lines) == 5 and not lines[0].startswith("opsconsole/") and lines[3].startswith("opsconsole-store "):
        store = lines[3][len("opsconsole-store "):]
    else:
        return None
    if not store or not re.fullmatch(r"opsconsole-time \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", lines[-1]):
        return None
    if not re.fullmatch(r"0|[1-9][0-9]{0,18}", lines[1]) or int(lines[1]) >= 1 << 63:
        return None
    root = strict_b64(lines[2])
    if root is None or len(root) != 32:
        return None
    return {"store": store, "size": int(lines[1]), "root": root, "time": lines[-1][16:]}


def parse_tlog_proof(data: bytes):
    """(index, [hash], checkpoint bytes) of a c2sp.org/tlog-proof@v1 file, or None."""
    rest = data
    lines = []
    while True:
        i = rest.find(b"\n")
        if i < 0:
            return None
        line, rest = rest[:i].decode("ascii", "replace"), rest[i + 1:]
        if line == "" and lines:
            break
        lines.append(line)
    if lines[0] != "c2sp.org/tlog-proof@v1":
        return None
    k = 1
    if k < len(lines) and lines[k].startswith("extra "):
        if not strict_b64(lines[k][6:]):
            return None
        k += 1
    if k >= len(lines) or not re.fullmatch(r"index (0|[1-9][0-9]{0,18})", lines[k]):
        return None
    index = int(lines[k][6:])
    path = []
    for line in lines[k + 1:]:
        h = strict_b64(line)
        if h is None or len(h) != 32 or len(path) >= 64:
            return None
        path.append(h)
    return index, path, rest


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


# --- the checks -------------------------------------------------------------------------------

def pinned(own, either, other, fingerprint_):
    # A role's own pins, else the pins for either role, else the other role's pins: a pin for one
    # role alone binds both (an unpinned exporter could drop an event with its proof and re-sign).
    if own:
        return fingerprint_ in own
    if either:
        return fingerprint_ in either
    return not other or fingerprint_ in other


def verify(files, pins, problems, pins_signer=(), pins_exporter=()):
    def key_file(name, data, base, owner):
        """The raw key of a .pem entry whose .vkey beside it is its verifier key; None otherwise."""
        raw = parse_public_key(data)
        if raw is None:
            problems.append(f"{name} is not exactly one Ed25519 public key")
            return None
        if files.get(f"{base}.vkey", b"").strip() != vkey(owner, raw).encode("ascii"):
            problems.append(f"{base}.vkey is not the verifier key of {name}")
        return raw

    keys, retired = {}, {}
    for name, data in sorted(files.items()):
        m = KEY_NAME.match(name)
        if m and m.group(2) == "vkey" and f"keys/{m.group(1)}.pem" not in files:
            problems.append(f"{name} has no keys/{m.group(1)}.pem")
        if m and m.group(2) == "pem":
            raw = key_file(name, data, f"keys/{m.group(1)}", m.group(1))
            if raw is not None:
                keys[m.group(1)] = raw
            continue
        m = RETIRED_KEY_NAME.match(name)
        if not m:
            continue
        base = f"keys/retired/{m.group(1)}/{m.group(2)}"
        if m.group(3) == "vkey":
            if f"{base}.pem" not in files:
                problems.append(f"{name} has no {base}.pem")
            continue
        raw = key_file(name, data, base, m.group(1))
        if raw is not None:
            retired.setdefault(m.group(1), []).append((int(m.group(2)), raw))

    def key_for(name, seq):
        """The key `name` signed with at `seq`: the retired key whose period ends after it, else the current one."""
        later = sorted((until, raw) for until, raw in retired.get(name, []) if until > seq)
        return later[0][1] if later else keys.get(name)

    if "manifest.json" not in files or "manifest.sig" not in files:
        problems.append("manifest.json or manifest.sig is missing: nothing says what the bundle holds")
        return None
    m_bytes = files["manifest.json"]
    try:
        manifest = parse_json(m_bytes)
    except ValueError as e:
        problems.append(f"manifest.json is not JSON: {e}")
        return None
    if not isinstance(manifest, dict) or canonical(manifest) != m_bytes or manifest.get("format") != FORMAT:
        problems.append(f"manifest.json is not a canonical {FORMAT} manifest")
        return None
    exporter = manifest.get("exported_by")
    exporter_key = keys.get(exporter)
    if exporter_key is None or fingerprint(exporter_key) != manifest.get("exported_by_key") \
            or not openssl_verify(exporter_key, m_bytes, files["manifest.sig"]):
        problems.append(f"manifest.sig does not verify with keys/{exporter}.pem")
        return None
    if not pinned(pins_exporter, pins, pins_signer, fingerprint(exporter_key)):
        problems.append(f"the exporter {exporter} signed with {fingerprint(exporter_key)}, which is not pinned")

    listed = {}
    for entry in manifest.get("entries", []):
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str) or normal_name(path) != path or path in listed \
                or path in ("manifest.json", "manifest.sig") or not isinstance(entry.get("size"), int):
            problems.append(f"manifest.json has a malformed or repeated entry {path!r}")
            continue
        listed[path] = entry
    for name, data in files.items():
        if name in ("manifest.json", "manifest.sig"):
            continue
        if name not in listed:
            problems.append(f"entry {name} is not in the manifest")
        elif len(data) != listed[name]["size"] or hashlib.sha256(data).hexdigest() != listed[name].get("sha256"):
            problems.append(f"{name} is not the entry the exporter signed (size or SHA-256 differ)")
        if not (name in ("checkpoint", "VERIFY.md", "events.jsonl") or KEY_NAME.match(name) or RETIRED_KEY_NAME.match(name)
                or PROOF_NAME.match(name) or BLOB_NAME.match(name)):
            problems.append(f"entry {name} has no place in a bundle")
    for name in listed:
        if name not in files:
            problems.append(f"{name} is in the manifest but not in the bundle")

    note = parse_note(files.get("checkpoint", b""))
    cp = parse_checkpoint_body(note[0]) if note else None
    first = next((s for s in note[1] if len(s[2]) == 64), None) if note else None
    if cp is None or first is None:
        problems.append("checkpoint is not a signed checkpoint note of an opsconsole log")
        return None
    signer, kid, sig = first
    signer_key = key_for(signer, cp["size"])
    if signer_key is None or kid != key_id(signer, 1, signer_key) or not openssl_verify(signer_key, note[0], sig):
        problems.append(f"the checkpoint's signature does not verify with keys/{signer}.pem")
        return None
    if not pinned(pins_signer, pins, pins_exporter, fingerprint(signer_key)):
        problems.append(f"the checkpoint signer {signer} signed with {fingerprint(signer_key)}, which is not pinned")
    for owner, periods in sorted(retired.items()):
        for until, _ in sorted(periods):
            if until > cp["size"]:
                problems.append(f"keys/retired/{owner}/{until}.pem retires a key after the checkpoint (size {cp['size']})")
    if manifest.get("checkpoint_size") != cp["size"] or manifest.get("store") != cp["store"]:
        problems.append("manifest.json names another checkpoint or store")

    # Parsed only up to the size the exporter signed (a file larger than that is already named
    # above, and is not read line by line).
    # A bundle without events.jsonl holds no events: the manifest's count and the proofs still
    # have to agree with that.
    events_ok = len(files.get("events.jsonl", b"")) <= listed.get("events.jsonl", {"size": 0})["size"]
    lines = files.get("events.jsonl", b"").split(b"\n") if events_ok else [b""]
    if lines[-1] != b"":
        problems.append("events.jsonl does not end with a newline")
    lines = lines[:-1]
    if events_ok and len(lines) != manifest.get("events"):
        problems.append(f"events.jsonl holds {len(lines)} events, the manifest {manifest.get('events')}")
    referenced, seqs = set(), set()
    for i, line in enumerate(lines, start=1):
        where = f"events.jsonl:{i}"
        try:
            event = parse_json(line)
        except ValueError:
            problems.append(f"{where}: not a canonical event")
            continue
        if not isinstance(event, dict) or canonical(event) != line:
            problems.append(f"{where}: not a canonical event")
            continue
        seq = event.get("seq")
        if not isinstance(seq, int) or seq < 1 or seq > cp["size"] or seq in seqs:
            problems.append(f"{where}: its sequence number is repeated or not covered by the checkpoint")
            continue
        seqs.add(seq)
        # A retired key's period ends where an admin's approval of the name's next key took effect:
        # where the bundle holds that event, it says so, for the key the bundle holds next.
        for owner, periods in sorted(retired.items()):
            if any(until == seq for until, _ in periods):
                payload = event.get("payload") if isinstance(event.get("payload"), dict) else {}
                following = key_for(owner, seq)
                if event.get("kind") != "identity.approved" or payload.get("name") != owner \
                        or following is None or payload.get("fingerprint") != fingerprint(following):
                    problems.append(f"{where}: keys/retired/{owner}/{seq}.pem ends {owner}'s key here, but event {seq} "
                                    "is not the approval of the key the bundle holds next")
        proof = parse_tlog_proof(files.get(f"proofs/{seq}.tlog-proof", b""))
        if proof is None:
            problems.append(f"{where}: event {seq} has no valid proofs/{seq}.tlog-proof")
            continue
        index, path, proof_cp = proof
        if index != seq - 1 or proof_cp != files["checkpoint"]:
            problems.append(f"{where}: its proof is for another position or another checkpoint")
            continue
        leaf = hashlib.sha256(b"\x00" + line).digest()
        if root_from_inclusion(leaf, index, cp["size"], path) != cp["root"]:
            problems.append(f"{where}: inclusion proof does not reach the signed root")
            continue
        if isinstance(event.get("signature"), str):
            key = key_for(event.get("actor"), seq)
            signature = strict_b64(event["signature"]) or b""
            if key is None or not event_signature_verifies(key, cp["store"], event, signature):
                problems.append(f"{where}: the signature by {event.get('actor')!r} does not verify")
        if event.get("kind") == "evidence.attached" and isinstance(event.get("payload"), dict):
            referenced.add(event["payload"].get("sha256"))
    for name in files:
        m = PROOF_NAME.match(name)
        if m and events_ok and int(m.group(1)) not in seqs:
            problems.append(f"{name} proves an event the bundle does not hold")
        if name.startswith("blobs/"):
            if hashlib.sha256(files[name]).hexdigest() != name[len("blobs/"):]:
                problems.append(f"{name} does not match its SHA-256")
            referenced.discard(name[len("blobs/"):])
    for missing in sorted(x for x in referenced if x):
        problems.append(f"attachment {missing} is referenced but not in the bundle")
    return {"events": len(seqs), "size": cp["size"], "root": cp["root"].hex(), "signer": signer,
            "signer_key": fingerprint(signer_key), "exporter": exporter, "exporter_key": fingerprint(exporter_key)}


def main(argv) -> int:
    args, pins, pins_signer, pins_exporter, cap = [], [], [], [], 1 << 30
    it = iter(argv[1:])
    for a in it:
        if a in ("-h", "--help"):
            print(__doc__)
            return 2
        if a == "--pin":
            pins.append(next(it, ""))
        elif a == "--pin-signer":
            pins_signer.append(next(it, ""))
        elif a == "--pin-exporter":
            pins_exporter.append(next(it, ""))
        elif a == "--max-bytes":
            cap = int(next(it, "0"))
        else:
            args.append(a)
    if len(args) != 1 or any(not p.startswith("SHA256:") for p in pins + pins_signer + pins_exporter):
        print(__doc__)
        return 2
    problems = []
    try:
        files = read_bundle(args[0], cap, problems)
    except (Refused, OSError) as e:
        print(f"FAIL {args[0]}: {e}")
        return 1
    summary = verify(files, pins, problems, pins_signer, pins_exporter) if not problems else None
    for p in problems:
        print("FAIL", p)
    if problems or summary is None:
        return 1
    print(f"OK {summary['events']} events verified against checkpoint {summary['size']} (root {summary['root']}) "
          f"signed by {summary['signer']} {summary['signer_key']}, exported by {summary['exporter']} "
          f"{summary['exporter_key']}" + (" (both keys pinned)" if (pins or pins_signer) and (pins or pins_exporter)
                                           else " (keys NOT pinned: pass --pin)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
