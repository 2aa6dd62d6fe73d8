#!/usr/bin/env bash
# Crash anywhere (issue 9), the long form: LETTERS application letters arrive in the Maildir
# (some before the start, the rest while it runs) while a real `tizilim serve`, sending its
# notices to a real SMTP server on loopback (Debian's python3-aiosmtpd), is killed with SIGKILL
# KILLS times at random moments and started again; then one daemon runs until all is quiet and
# the test checks that every letter is in exactly one case, every notice was delivered once, is
# still queued, or is in doubt (its case flagged for staff; never sent twice), and the store
# passes PRAGMA integrity_check. The figures include "notices in doubt" and "notices doubled".
#
#   bash Benchmarks/crash.sh [LETTERS] [KILLS]      (default 3000 50)
#
# TIZILIM_SEED=N replays a run's kill moments and feeding (every run prints its seed);
# TIZILIM_SCRATCH_PATH sets SwiftPM's build folder (default .build). The killed daemon is the
# release build of tizilim; the test bundle around it is the usual debug build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LETTERS="${1:-3000}"
KILLS="${2:-50}"
SCRATCH="${TIZILIM_SCRATCH_PATH:-.build}"
LOG="$(mktemp /tmp/tizilim-crash.XXXXXX.log)"
echo "crash run: $LETTERS letters, $KILLS kills; full output in $LOG"
# The daemon killed is a release build, as deployed (a debug build takes letters ten times slower).
if ! swift build -c release --product tizilim --scratch-path "$SCRATCH" >"$LOG" 2>&1; then
    grep -E "error" "$LOG" | head -20 >&2
    echo "the release build of tizilim failed (full output in $LOG)" >&2
    exit 1
fi
BINARY="$(swift build -c release --product tizilim --scratch-path "$SCRATCH" --show-bin-path)/tizilim"
[ -x "$BINARY" ] || { echo "no release build at $BINARY" >&2; exit 1; }
status=0
TIZILIM_LONG_RUN=1 TIZILIM_CRASH_LETTERS="$LETTERS" TIZILIM_CRASH_KILLS="$KILLS" TIZILIM_BINARY="$BINARY" \
    swift test --scratch-path "$SCRATCH" --filter 'DaemonKilled' >"$LOG" 2>&1 || status=$?
# The test prints one "crash: NAME VALUE" line per figure.
sed -n 's/^crash: //p' "$LOG"
if [ "$status" -ne 0 ]; then
    echo "FAILED (swift test exit status $status):"
    grep -E "error|failed|Expectation" "$LOG" | head -40 || true
    exit "$status"
fi
echo "passed"
