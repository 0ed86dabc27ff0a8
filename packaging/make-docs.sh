#!/bin/sh
# Man pages, completions and the changelog for the package, from the CLI's own verb table.
# Usage: make-docs.sh CLI SOURCE_DIR OUT_DIR
set -eu
cli=$1 src=$2 out=$3
# A sanitizer build of the CLI prints the same text; its leak check is for the tests, not here.
export ASAN_OPTIONS=detect_leaks=0
"$cli" help --format man >"$out/opsconsole-cli.1"
"$cli" help --format bash >"$out/opsconsole-cli.bash"
"$cli" help --format zsh >"$out/_opsconsole-cli"
gzip -9n -c "$out/opsconsole-cli.1" >"$out/opsconsole-cli.1.gz"
gzip -9n -c "$out/opsconsole.1" >"$out/opsconsole.1.gz"
gzip -9n -c "$src/changelog" >"$out/changelog.gz"
