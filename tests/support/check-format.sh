#!/usr/bin/env bash
# Fails when a C++ source differs from .clang-format; `make format` fixes it.
set -euo pipefail
cd "${1:?source directory}"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find app models ui tests -name '*.cpp' -o -name '*.h' | sort)
fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "check-format: run 'make format' and commit the result" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
