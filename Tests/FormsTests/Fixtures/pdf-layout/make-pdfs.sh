#!/usr/bin/env bash
# Writes the PDFs PDFLayoutTests read, as an applicant makes them: an HTML form opened by
# LibreOffice Writer and exported to PDF (the route of "Save as PDF" from a word processor).
# ruled.pdf: a questionnaire in a table with borders, a wrapped value, a list of members in one
# cell, a kind underlined on the application, activity options chosen by underlining, roles by
# bold, availability by highlighting. borderless.pdf: the same answers in a table without
# borders, options in ☒/☐ boxes.
# Run from anywhere; needs libreoffice-writer-nogui and fonts-dejavu-core. The outputs are
# committed, so the tests need no LibreOffice at run time.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d /tmp/lo-pdf-layout-XXXXXX)
trap 'rm -rf "$profile"' EXIT
soffice --headless --norestore "-env:UserInstallation=file://$profile" --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir . ruled.html borderless.html >/dev/null 2>&1
