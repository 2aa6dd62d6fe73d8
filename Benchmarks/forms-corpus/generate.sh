#!/bin/bash
# Regenerates the forms corpus (train/, dev/ and validation/ beside this script, with truth.jsonl)
# from the Annex 2 forms, with LibreOffice, python-docx, openssl, poppler and Pillow.
# One command on a fresh Debian machine: as root it installs what it needs.
#   bash Benchmarks/forms-corpus/generate.sh [train|dev|validation|all]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v openssl >/dev/null || need+=(openssl)
/usr/bin/python3 -c 'import docx' 2>/dev/null || need+=(python3-docx)
/usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "generate.sh: missing ${need[*]}; run as root or install them" >&2; exit 69; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
work="$(mktemp -d /tmp/forms-corpus-XXXXXX)"
trap 'rm -rf "$work"' EXIT
# LibreOffice writes its profile under HOME too; keep it out of the user's home.
HOME="$work" nice /usr/bin/python3 "$here/generate.py" "$here" --split "${1:-all}" --work "$work"
# The truth must agree with what the letters say (exit 1 otherwise).
dirs=()
for s in train dev validation; do
  if [ "${1:-all}" = all ] || [ "${1:-all}" = "$s" ]; then dirs+=("$here/$s"); fi
done
/usr/bin/python3 "$here/check.py" "${dirs[@]}"
