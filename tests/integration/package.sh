#!/usr/bin/env bash
# The DEB as a packager checks it: built by CPack from this build tree, lintian with no error or
# warning, installed with dpkg into a scratch root, and the installed programs, man pages and
# completion used from there.
# Usage: package.sh BUILD_DIR [SANITIZED]
set -euo pipefail
build=$1
sanitized=${2:-OFF}
for tool in cpack lintian dpkg dpkg-deb man; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (packaging/debian-deps.txt)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/out/opsconsole_*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in ${SECONDS} s"

# lintian: nothing at error or warning level. One tag is suppressed, and only when this tree is the
# sanitized test build: its executables are linked without PIE to start twice as fast under the
# tests (cmake/OpsconsoleCommon.cmake); the release tree that `make package` uses links PIE.
suppress=()
if [ "$sanitized" = ON ]; then
    suppress=(--suppress-tags hardening-no-pie)
fi
# Exit 1 is lintian reporting tags (judged by the grep below); anything above is lintian itself
# failing, which never counts as clean.
rc=0
lintian --no-tag-display-limit --display-level ">=warning" "${suppress[@]}" "$deb" >"$tmp/lintian.log" 2>&1 || rc=$?
if [ "$rc" -gt 1 ]; then
    cat "$tmp/lintian.log"; echo "lintian failed to run (exit $rc)"; exit 1
fi
if grep -E '^[EW]: ' "$tmp/lintian.log"; then
    echo "lintian found errors or warnings"; exit 1
fi
echo "lintian: no errors, no warnings (${SECONDS} s so far)"

# What the package holds.
dpkg-deb --contents "$deb" >"$tmp/contents"
for f in ./usr/bin/opsconsole ./usr/bin/opsconsole-cli ./usr/share/man/man1/opsconsole.1.gz \
    ./usr/share/man/man1/opsconsole-cli.1.gz ./usr/share/doc/opsconsole/copyright \
    ./usr/share/doc/opsconsole/changelog.gz ./usr/share/doc/opsconsole/verify_bundle.py \
    ./usr/share/doc/opsconsole/operator-guide.md ./usr/share/bash-completion/completions/opsconsole-cli \
    ./usr/share/zsh/vendor-completions/_opsconsole-cli ./usr/share/applications/org.opsconsole.OpsConsole.desktop \
    ./usr/share/metainfo/org.opsconsole.OpsConsole.metainfo.xml ./usr/lib/systemd/user/opsconsole-monitor.service; do
    grep -q " $f\$" "$tmp/contents" || { echo "the package lacks $f"; cat "$tmp/contents"; exit 1; }
done
# Every document the shipped documents point to is shipped beside them.
mkdir -p "$tmp/x"
dpkg-deb -x "$deb" "$tmp/x"
for ref in $(zcat -f "$tmp/x/usr/share/doc/opsconsole/"*.md | grep -oE 'docs/[a-z_-]+\.(md|py)' | sort -u); do
    [ -f "$tmp/x/usr/share/doc/opsconsole/${ref#docs/}" ] || { echo "a shipped document points to $ref, which is not shipped"; exit 1; }
done
dpkg-deb --field "$deb" Depends Recommends Homepage | tee "$tmp/fields"
grep -q '^Homepage: https://' "$tmp/fields" || { echo "no Homepage"; exit 1; }
grep -q 'qt6-translations-l10n' "$tmp/fields" && grep -q 'qt6-wayland' "$tmp/fields" || { echo "Recommends incomplete"; exit 1; }
if grep -q 'libqt6sql6' "$tmp/fields"; then echo "depends on Qt SQL, which nothing uses"; exit 1; fi

# Installed into a scratch root with dpkg itself.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
force=--force-depends
[ "$(id -u)" = 0 ] || force="$force,not-root"
dpkg --root="$root" $force --force-script-chrootless -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log"; exit 1; }
dpkg --root="$root" -s opsconsole | grep -q '^Status: install ok installed' || { echo "dpkg did not install it"; exit 1; }
"$root/usr/bin/opsconsole-cli" --version | tee "$tmp/version"
grep -q "^opsconsole-cli $(dpkg-deb --field "$deb" Version)\$" "$tmp/version" || { echo "version differs from the package's"; exit 1; }
for page in opsconsole-cli opsconsole; do
    MANWIDTH=80 man --warnings -E UTF-8 -l "$root/usr/share/man/man1/$page.1.gz" >"$tmp/$page.txt" 2>"$tmp/$page.err"
    [ ! -s "$tmp/$page.err" ] || { echo "man $page warns:"; cat "$tmp/$page.err"; exit 1; }
done
grep -q 'evidence verify' "$tmp/opsconsole-cli.txt" || { echo "the installed man page lacks evidence verify"; exit 1; }
bash -c 'source "$0" && complete -p opsconsole-cli' "$root/usr/share/bash-completion/completions/opsconsole-cli"
echo "installed with dpkg into a scratch root; --version, man pages and completion work from there"
