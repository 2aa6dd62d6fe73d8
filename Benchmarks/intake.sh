#!/usr/bin/env bash
# End-to-end ingestion benchmark: COUNT copies of the sample letters dropped into a Maildir,
# taken into cases with durable commits, notices delivered; then arrival→notice latency
# against a real SMTP server on loopback (Debian's python3-aiosmtpd).
#
#   bash Benchmarks/intake.sh [COUNT]      (default 2000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
COUNT="${1:-2000}"
swift build -c release --product intake-bench --scratch-path .build-release 2>&1 | grep -E "error|warning" || true
# PDFs are read through the fork server, as the installed daemon reads them.
swift build -c release --product tizilim-pdftext --scratch-path .build-release 2>&1 | grep -E "error|warning" || true
OUT="$(mktemp -d /tmp/intake-bench-smtp.XXXXXX)"
/usr/bin/python3 Tests/TestRig/rig/smtp-server.py 0 "$OUT" > "$OUT/port" 2>"$OUT/log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do grep -q listening "$OUT/port" 2>/dev/null && break; sleep 0.1; done
PORT="$(sed -n 's/.*://p' "$OUT/port" | head -1)"
.build-release/release/intake-bench maildir-samples "$COUNT" "smtp://127.0.0.1:$PORT"
