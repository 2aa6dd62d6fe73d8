#!/bin/sh
# Chooses the few inputs of a run's corpus worth committing (Tests/Fuzz/corpus/<target>, replayed
# by FuzzRegressionTests): libFuzzer's -merge=1 records which coverage features each input
# reaches, then a greedy set cover keeps the COUNT small inputs that reach the most between them.
# Usage: Tests/Fuzz/keep-corpus.sh TARGET [WORK] [COUNT]   (after run.sh; defaults /tmp/tizilim-fuzz, 30)
set -eu
target=$1
work=${2:-/tmp/tizilim-fuzz}
count=${3:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$root" && swift build -c release --scratch-path "$root/.build-fuzz" --show-bin-path)
small="$work/keep/$target/small"
merged="$work/keep/$target/merged"
rm -rf "$work/keep/$target"
mkdir -p "$small" "$merged"
# Only inputs under 8 KB are candidates, so the repository stays small.
find "$work/corpus/$target" "$work/seeds/$target" -type f -size -8k -exec cp {} "$small/" \;
SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$root/Tests/Fuzz/lsan.supp" \
    "$bin/$target" -merge=1 -detect_leaks=0 -timeout=10 -merge_control_file="$work/keep/$target/control" \
    "$merged" "$small" >"$work/keep/$target/merge.log" 2>&1
out="$root/Tests/Fuzz/corpus/$target"
rm -rf "$out"
mkdir -p "$out"
/usr/bin/python3 - "$work/keep/$target/control" "$merged" "$out" "$count" <<'PY'
import os, shutil, sys
control, merged, out, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = open(control).read().split("\n")
total = int(lines[0])
files = lines[2:2 + total]
features = {}
for line in lines[2 + total:]:
    if line.startswith("FT "):
        parts = line.split()
        features[files[int(parts[1])]] = set(parts[2:])
chosen = {os.path.basename(p) for p in os.listdir(merged)}
pool = {p: f for p, f in features.items() if os.path.basename(p) in chosen}
covered = set()
for _ in range(count):
    best = max(pool, key=lambda p: (len(pool[p] - covered), -os.path.getsize(p)), default=None)
    if best is None or not pool[best] - covered:
        break
    covered |= pool.pop(best)
    shutil.copy(best, os.path.join(out, os.path.basename(best)))
print(f"{os.path.basename(out)}: kept {len(os.listdir(out))} inputs reaching {len(covered)} features "
      f"of {len(set().union(*features.values())) if features else 0}")
PY
du -sh "$out"
