#!/usr/bin/env python3
"""Prepare an opsconsole attestation (a DSSE envelope around an in-toto statement) for
verification with the openssl command line, without opsconsole.

    python3 dsse_openssl.py --pin SHA256:<hex> [--pin ...] ATTESTATION.intoto.json OUTDIR

It writes OUTDIR/pae.bin (the bytes every signature covers: DSSE's pre-authentication
encoding) and, for each signer the statement names, OUTDIR/<n>.pem (its Ed25519 key) and
OUTDIR/<n>.sig (its signature), then prints one openssl command per signer. It checks no
signature itself: openssl does. It exits 1 when a named signer has no signature, a signature
comes from a key the statement does not name, a key does not match its fingerprint, or no
pinned key is among the signers; 2 without a --pin. The pin is the key you trust (the release
owner's, from your own records): every signer is named inside the signed statement, so once
openssl has verified the pinned signer's line, that key vouches for the rest. An attestation
made and signed entirely by keys you never trusted fails here, however well its own
signatures verify.
"""
import argparse
import base64
import hashlib
import json
import os
import sys

ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def fail(msg):
    print("FAILED: " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(
        description="Lay an opsconsole attestation out for the openssl command line.",
        epilog="Exit status: 0 laid out, 1 refused (named on standard error), 2 usage.")
    parser.add_argument("--pin", action="append", required=True, metavar="SHA256:HEX",
                        help="the fingerprint of a key you trust; it must be among the signers")
    parser.add_argument("attestation")
    parser.add_argument("outdir")
    args = parser.parse_args()
    pins = set()
    for pin in args.pin:
        if not pin.startswith("SHA256:") or len(pin) != 71 or any(c not in "0123456789abcdef" for c in pin[7:]):
            parser.error("--pin %r is not SHA256: and 64 lower-case hex digits" % pin)
        pins.add(pin)
    with open(args.attestation, "rb") as f:
        raw = f.read(16 * 1024 * 1024 + 1)
    if len(raw) > 16 * 1024 * 1024:
        fail("larger than 16 MiB: not an attestation")

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            fail("duplicate JSON key")
        return dict(pairs)

    env = json.loads(raw, object_pairs_hook=no_duplicates)
    if set(env) != {"payloadType", "payload", "signatures"}:
        fail("not a DSSE envelope (fields: payloadType, payload, signatures)")
    if env["payloadType"] != "application/vnd.in-toto+json":
        fail("payloadType is not application/vnd.in-toto+json")
    ptype = env["payloadType"].encode()
    payload = base64.b64decode(env["payload"], validate=True)
    statement = json.loads(payload, object_pairs_hook=no_duplicates)
    if statement.get("_type") != "https://in-toto.io/Statement/v1":
        fail("not an in-toto Statement v1")
    signers = statement["predicate"]["opsconsole"]["signers"]
    if not signers or len(signers) > 64:
        fail("the statement must name between 1 and 64 signers")

    def printable(text):
        # Nothing that could rewrite the terminal line a person compares fingerprints on.
        if not isinstance(text, str) or len(text) > 200 or any(
            ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
            for c in text
        ):
            fail("a name with control characters: %r" % (text,))
        return text

    print("# %s  result %s" % (printable(statement["predicateType"]),
                               printable(str(statement["predicate"].get("verificationResult",
                                                                        statement["predicate"].get("result"))))))
    pae = b"DSSEv1 %d %s %d %s" % (len(ptype), ptype, len(payload), payload)
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "pae.bin"), "wb") as f:
        f.write(pae)

    sigs = {}
    for s in env["signatures"]:
        if s["keyid"] in sigs:
            fail("%s signed twice" % s["keyid"])
        sigs[s["keyid"]] = base64.b64decode(s["sig"], validate=True)
    named = set()
    problems = []
    for n, signer in enumerate(signers, 1):
        key = base64.b64decode(signer["public_key"], validate=True)
        fp = "SHA256:" + hashlib.sha256(key).hexdigest()
        if len(key) != 32 or fp != signer["key_fingerprint"]:
            fail("signer %s: key does not match its fingerprint" % signer["identity"])
        named.add(fp)
        pem = base64.encodebytes(ED25519_SPKI_PREFIX + key).decode()
        with open(os.path.join(args.outdir, "%d.pem" % n), "w") as f:
            f.write("-----BEGIN PUBLIC KEY-----\n" + pem + "-----END PUBLIC KEY-----\n")
        print("# %s (%s) %s" % (printable(signer["identity"]), printable(signer["role"]), fp))
        if fp not in sigs:
            problems.append("%s (%s) has not signed" % (signer["identity"], signer["role"]))
            continue
        with open(os.path.join(args.outdir, "%d.sig" % n), "wb") as f:
            f.write(sigs[fp])
        print("openssl pkeyutl -verify -pubin -inkey %d.pem -rawin -in pae.bin -sigfile %d.sig" % (n, n))
    for keyid in sigs:
        if keyid not in named:
            problems.append("a signature by %s, a key the statement does not name" % keyid)
    if not pins & named & set(sigs):
        problems.append("none of the pinned keys (%s) has signed: nothing here is vouched for by a key "
                        "you trust" % ", ".join(sorted(pins)))
    for subject in statement["subject"]:
        digest = subject["digest"]["sha256"]
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            fail("a subject's SHA-256 is not 64 hex digits")
        print("# subject %s  %s" % (digest, printable(subject["name"])))
    if problems:
        fail("; ".join(problems))


if __name__ == "__main__":
    main()
