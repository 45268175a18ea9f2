#!/usr/bin/env bash
# Regenerate the expected output of the conformance scripts with CPython 3.11.
# Usage: interp/tests/regen.sh [script.py ...]   (default: all of cases/ and errors/)
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")"
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8
files=("$@")
if [ ${#files[@]} -eq 0 ]; then files=(cases/*.py errors/*.py); fi
for f in "${files[@]}"; do
  base="${f%.py}"
  if [[ "$f" == errors/* ]]; then
    # CPython prints the main script's absolute path; keep the tests-relative one.
    python3 "$f" >"$base.out" 2>"$base.err.tmp" && { echo "warning: $f did not fail" >&2; } || true
    sed "s|$PWD/||g" "$base.err.tmp" >"$base.err" && rm -f "$base.err.tmp"
    [ -s "$base.out" ] || rm -f "$base.out"
  else
    python3 "$f" >"$base.out"
  fi
done
