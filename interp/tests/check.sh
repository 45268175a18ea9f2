#!/usr/bin/env bash
# Quick local check: run every conformance script with the debug `kaa` binary and diff.
# (The real test is `cargo test -p kaa --test conformance`.)
cd "$(dirname "$0")"
shopt -s nullglob
kaa=../../target/debug/kaa
pass=0; fail=0
for f in ${@:-cases/*.py errors/*.py}; do
  base="${f%.py}"
  out=$(timeout 20 $kaa "$f" 2>/tmp/kaa_err0); code=$?
  sed "s|$PWD/||g" /tmp/kaa_err0 >/tmp/kaa_err
  want=$(cat "$base.out" 2>/dev/null)
  if [[ "$f" == errors/* ]]; then
    if [ "$out" == "$want" ] && diff -q /tmp/kaa_err "$base.err" >/dev/null && [ $code -eq 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $f"; fi
  else
    if [ "$out" == "$want" ] && [ $code -eq 0 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $f (exit $code)"; fi
  fi
done
echo "$pass passed, $fail failed"
