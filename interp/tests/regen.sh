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
    python3 "$f" >"$base.out" 2>"$base.err" && { echo "warning: $f did not fail" >&2; } || true
    [ -s "$base.out" ] || rm -f "$base.out"
  else
    python3 "$f" >"$base.out"
  fi
done
