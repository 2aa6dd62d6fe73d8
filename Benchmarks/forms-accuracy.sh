#!/bin/bash
# Decision accuracy of `tizilim parse --json` on the held-out forms corpus (issue 18):
#   bash Benchmarks/forms-accuracy.sh [train|dev|validation|all] [--verbose]
# dev is the split to tune on; validation is reported and never tuned on (see Benchmarks/README.md).
# Builds tizilim (debug), reads every letter of the split(s) in Benchmarks/forms-corpus/ and compares
# with truth.jsonl: decision-correct %, field accuracy %, false acceptances and false refinements,
# per source format and per way the letter came (direct, forwarded, office letter). Needs no
# LibreOffice: the corpus is committed (regenerate it with Benchmarks/forms-corpus/generate.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
split=all verbose=()
for arg in "$@"; do
  case "$arg" in
    train|dev|validation|all) split="$arg" ;;
    --verbose|-v) verbose=(--verbose) ;;
    *) echo "usage: forms-accuracy.sh [train|dev|validation|all] [--verbose]" >&2; exit 64 ;;
  esac
done
cd "$root"
swift build --product tizilim >&2
bin="$(swift build --show-bin-path)/tizilim"
out="$(mktemp -d /tmp/forms-accuracy-XXXXXX)"
trap 'rm -rf "$out"' EXIT
pairs=()
for s in train dev validation; do
  [ "$split" = all ] || [ "$split" = "$s" ] || continue
  dir="Benchmarks/forms-corpus/$s"
  # One reading per letter; a letter parse cannot read is reported by the comparison, not fatal here.
  "$bin" parse --json "$dir"/*.eml > "$out/$s.jsonl" 2> "$out/$s.err" || true
  pairs+=("$dir" "$out/$s.jsonl")
done
python3 Benchmarks/forms-corpus/accuracy.py "${verbose[@]}" "${pairs[@]}"
