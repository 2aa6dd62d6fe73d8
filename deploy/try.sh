#!/usr/bin/env bash
# The main job on embedded defaults: build tizilim and run it on the sample Maildir.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/packages.sh build
swift build -c debug --product tizilim 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin="$(swift build -c debug --show-bin-path)/tizilim"
exec "$bin" parse maildir-samples "$@"
