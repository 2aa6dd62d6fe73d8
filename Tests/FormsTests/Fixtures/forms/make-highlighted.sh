#!/usr/bin/env bash
# highlighted-choices.docx (python-docx, make-highlighted.py) and its LibreOffice conversions to
# ODT (and on to HTML) and RTF: choices marked by colour as three programs write them. Needs python3-docx (or
# pip python-docx) and libreoffice-writer-nogui; the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d /tmp/lo-highlight-XXXXXX)
trap 'rm -rf "$profile"' EXIT
python3 make-highlighted.py highlighted-choices.docx
for target in odt rtf; do
    soffice --headless "-env:UserInstallation=file://$profile" --convert-to "$target" --outdir . highlighted-choices.docx >/dev/null 2>&1
done
# From the ODT: Writer's HTML export drops Word's highlighter colour but keeps a character background.
soffice --headless "-env:UserInstallation=file://$profile" --convert-to html --outdir . highlighted-choices.odt >/dev/null 2>&1
