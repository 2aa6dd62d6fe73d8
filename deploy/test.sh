#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/packages.sh test
exec swift test "$@"
