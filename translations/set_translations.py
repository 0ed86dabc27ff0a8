#!/usr/bin/env python3
"""Apply translations to a Qt .ts file.

Reads lines "source<TAB>translation" from stdin (escape sequences \\n and \\t allowed) and
fills every <message> whose source matches, marking it finished. Plural messages (%n) take
"singular||plural". Usage:

    python3 translations/set_translations.py translations/opsconsole_de.ts [--context=NAME] < de.tsv

With --context, only the messages of that context (e.g. IncidentReport) are filled.

Prints the sources that are still unfinished so nothing is forgotten.
"""
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    path = sys.argv[1]
    only = next((a.split("=", 1)[1] for a in sys.argv[2:] if a.startswith("--context=")), None)
    pairs = {}
    for raw in sys.stdin.read().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        src, _, dst = raw.partition("\t")
        unescape = lambda s: s.replace("\\n", "\n").replace("\\t", "\t")
        pairs[unescape(src)] = unescape(dst)
    tree = ET.parse(path)
    missing = []
    messages = [
        msg
        for ctx in tree.getroot().iter("context")
        if only is None or ctx.findtext("name") == only
        for msg in ctx.iter("message")
    ]
    for msg in messages:
        src = msg.findtext("source")
        tr = msg.find("translation")
        if src in pairs:
            if msg.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in pairs[src].split("||"):
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = pairs[src]
            tr.attrib.pop("type", None)
        elif tr.get("type") == "unfinished" or not ("".join(tr.itertext())).strip():
            missing.append(src)
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    for m in missing:
        print("unfinished:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
