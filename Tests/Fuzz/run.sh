#!/bin/sh
# Builds the four libFuzzer targets (release, AddressSanitizer) into .build-fuzz, makes their
# seed corpora (seeds.sh, into WORK/seeds), fuzzes each in turn for SECONDS and prints one line
# per target. What a run finds is kept in WORK/corpus/<target> and carried into the next run.
# One job, one worker: the fuzzers share the machine. Crash, timeout, OOM and leak inputs are
# left in WORK/artifacts/<target>/; replay one with a normal build: swift run <target> FILE.
# Usage: Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [WORK]   (defaults 300, /tmp/tizilim-fuzz)
set -eu
seconds=${1:-300}
work=${2:-/tmp/tizilim-fuzz}
root=$(cd "$(dirname "$0")/../.." && pwd)
targets=${FUZZ_TARGETS:-"mime-fuzz forms-fuzz text-form-fuzz container-fuzz"}
cd "$root"

# -parse-as-library: without a @main the FUZZING build has no top-level code, and libFuzzer's
# own main() is the program's; SwiftPM's renamed entry point (<module>_main) calls its driver.
for target in $targets; do
    swift build -c release --product "$target" --scratch-path "$root/.build-fuzz" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library >&2
done
bin=$(swift build -c release --scratch-path "$root/.build-fuzz" --show-bin-path)

"$root/Tests/Fuzz/seeds.sh" "$work/seeds" >&2

# A form typed into a letter is a few kilobytes; longer inputs only slow the field matcher down.
max_len() { case $1 in text-form-fuzz) echo 16384 ;; *) echo 65536 ;; esac; }
# Swift's own crash backtracer would race libFuzzer's handler and confuse AddressSanitizer.
export SWIFT_BACKTRACE=enable=no
summary=""
for target in $targets; do
    artifacts="$work/artifacts/$target"
    mkdir -p "$artifacts" "$work/corpus/$target"
    findings() { ls "$artifacts" | grep -cE '^(crash|timeout|oom|leak)-' || true; }
    before=$(findings)
    # -jobs=1 runs the fuzzer as a child that logs to fuzz-0.log in the current directory.
    (cd "$artifacts" && rm -f fuzz-0.log && "$bin/$target" -jobs=1 -workers=1 -max_total_time="$seconds" \
        -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$work/corpus/$target" "$work/seeds/$target" >/dev/null 2>&1 || true)
    log="$artifacts/fuzz-0.log"
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    runs=$(stat number_of_executed_units)
    rate=$(stat average_exec_per_sec)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corpus=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    found=$(findings)
    summary="$summary$(printf '%-15s %6ss  executions %10s  exec/s %6s  edges %5s  corpus %5s files  crashes %s (total %s in %s)' \
        "$target" "$seconds" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${corpus:-?}" "$((found - before))" "$found" "$artifacts")
"
done
printf '%s' "$summary"
