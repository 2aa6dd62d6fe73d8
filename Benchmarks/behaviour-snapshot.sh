#!/usr/bin/env bash
# What a user can see of tizilim, written into one folder so two builds can be diffed:
#   bash Benchmarks/behaviour-snapshot.sh OUT        (then: diff -r OUT-before OUT-after)
# - `tizilim parse --json` over the samples, every .eml fixture under Tests/, and the fuzz corpora
#   of the message readers (each file parsed as a message: a crash shows as a missing line);
# - the notices' bytes and the published register after `serve --once` on the samples at a fixed
#   clock, with the per-run random parts of Message-IDs and boundaries masked.
# Used before and after refactors that must not change behaviour (issue 16).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: behaviour-snapshot.sh OUT}
rm -rf "$out"; mkdir -p "$out"
out=$(cd "$out" && pwd)
swift build -c debug --product tizilim >/dev/null
swift build -c debug --product tizilim-pdftext >/dev/null
bin="$(swift build -c debug --show-bin-path)/tizilim"

# Readings. One file at a time, so a file that fails to parse costs one line, not the rest.
{
    find maildir-samples -type f ! -name .gitkeep | sort
    find Tests -name '*.eml' | sort
    find Tests/Fuzz/corpus/mime-fuzz Tests/Fuzz/corpus/text-form-fuzz -type f 2>/dev/null | sort
} > "$out/inputs.txt"
while read -r f; do
    printf '%s\t' "$f"
    "$bin" parse --json "$f" 2>/dev/null | md5sum | cut -c1-32 || echo "exit $?"
done < "$out/inputs.txt" > "$out/readings.md5"
"$bin" parse --json maildir-samples > "$out/samples.jsonl" 2>&1 || true

# The try.sh run, at a fixed clock, in a scratch folder.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r maildir-samples "$work/maildir"
find "$work/maildir" -name .gitkeep -delete
find "$work/maildir" -type f -printf '%f\t%p\n' | sort | cut -f2 | xargs -r -d '\n' touch -d '2026-11-20 08:00'
( cd "$work" && "$bin" serve --once --now 2026-11-20T10:00 --store s.sqlite --maildir maildir --sent sent \
      --publish-dir publish --config /dev/null ) > "$out/serve.out" 2> "$out/serve.err" || true
( cd "$work" && "$bin" cases list --store s.sqlite --config /dev/null ) > "$out/cases.txt" 2>&1 || true
# Message-IDs, boundaries and file names carry random or time-derived parts: mask them.
mask() { sed -E -e 's/<[^<>@ ]+@([^<> ]+)>/<ID@\1>/g' -e 's/(boundary="?)[^";]+/\1B/g' -e 's/^--[=_A-Za-z0-9.-]{16,}(--)?$/--B\1/' \
    -e 's/[0-9]{10}\.[A-Za-z0-9_.]+\.[A-Za-z0-9_-]+(,[^ ]*)?/FILE/g' ; }
mkdir -p "$out/sent"
n=0
for f in $(ls "$work/sent/new" 2>/dev/null | sort); do
    n=$((n + 1)); mask < "$work/sent/new/$f" > "$out/sent/$(printf %03d $n)"
done
# Sent files are named by time: order them by content so the diff pairs the same notices.
( cd "$out/sent" && for f in *; do [ -f "$f" ] || continue; mv "$f" "$(md5sum < "$f" | cut -c1-12).eml"; done )
for f in serve.err serve.out cases.txt; do mask < "$out/$f" > "$out/$f.m" && mv "$out/$f.m" "$out/$f"; done
cp -r "$work/publish" "$out/publish" 2>/dev/null || true
echo "snapshot in $out: $(wc -l < "$out/readings.md5") readings, $n notices"
