#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds, runs every test; then builds the
# Debian package and tests it, and its unit under a real systemd, in containers
# (deploy/tests/run.sh). With arguments, only 'swift test' with them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/packages.sh test
swift test "$@"
if [ $# -eq 0 ]; then
    bash deploy/tests/run.sh
fi
