#!/usr/bin/env bash
# The main job on embedded defaults: build tizilim, copy the sample Maildir into var/maildir,
# and run the daemon on it: the SQLite store in var/tizilim.sqlite, notices written into the
# local Maildir var/sent (no SMTP server configured). Then it keeps watching var/maildir/new
# until Ctrl-C: drop more messages there and watch them become cases.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/packages.sh build
swift build -c debug --product tizilim 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
swift build -c debug --product tizilim-pdftext 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin="$(swift build -c debug --show-bin-path)/tizilim"

# A fresh trial each time: the samples again, an empty store, no notices yet.
rm -rf var/maildir var/sent var/tizilim.sqlite var/tizilim.sqlite-wal var/tizilim.sqlite-shm
mkdir -p var
cp -r maildir-samples var/maildir
find var/maildir -name .gitkeep -delete
# Arrival order is file time order: touched in name order, the samples arrive as dated.
find var/maildir -type f -printf '%f\t%p\n' | sort | cut -f2 | xargs -r -d '\n' touch

echo "== tizilim serve --once: every sample message, as the daemon takes it"
"$bin" serve --once "$@"
echo
echo "== tizilim cases list"
"$bin" cases list "$@"
echo
echo "== notices written to var/sent/new (no smtp_url configured):"
ls var/sent/new | head -5; echo "   ... $(ls var/sent/new | wc -l) in all"
echo "   read one:   $bin cases show VR-$(date +%Y)-000004"
echo
if [ -t 0 ]; then
    echo "== tizilim serve: watching var/maildir/new; Ctrl-C to stop"
    exec "$bin" serve "$@"
fi
