#!/usr/bin/env bash
# Installs the Debian packages tizilim needs, only those missing. Sourced by try.sh and test.sh.
# Usage: deploy/packages.sh build|test
set -euo pipefail
# poppler-utils is pdftotext; libpoppler-private-dev the headers tizilim-pdftext is built with.
want=(libcurl4-openssl-dev libsqlite3-dev zlib1g-dev libssl-dev libxml2-dev poppler-utils libpoppler-private-dev)
# Scans and photos: Tesseract with its Kazakh, Russian and orientation models, leptonica and
# libheif (tizilim-ocr is built against them); antiword and unrtf read legacy .doc and .rtf.
want+=(tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus tesseract-ocr-osd libtesseract-dev libleptonica-dev
       libheif-dev antiword unrtf)
# dpkg-dev (dpkg-shlibdeps, and binutils' strip and objdump) builds the Debian package.
want+=(dpkg-dev)
if [ "${1:-build}" = test ]; then
    # Real servers and peers for the test suite: IMAP, SMTP, and the system Python.
    # Node runs the register page's own script in a test.
    # Chromium loads the published register page in a test.
    # openssl (the tool) makes the throwaway CAs and signed documents of the signature tests.
    want+=(python3 dovecot-imapd python3-aiosmtpd curl nodejs chromium openssl)
    # Scans for the OCR tests: ImageMagick turns and spoils pages, heif-enc writes HEIC,
    # Pillow an image-only PDF, DejaVu the fonts the fixtures were printed with.
    want+=(imagemagick libheif-examples python3-pil fonts-dejavu-core)
    # LibreOffice converts the register's XLSX back to CSV (Calc) and makes test forms (Writer).
    want+=(libreoffice-calc-nogui libreoffice-writer-nogui)
    # The package test (lintian) and the unit under a real systemd in a container.
    want+=(lintian systemd-container debootstrap)
fi
missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "tizilim needs these Debian packages: ${missing[*]}" >&2
        echo "Run this command as root (sudo), or install them with: apt-get install ${missing[*]}" >&2
        exit 69
    fi
    echo "Installing: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
        apt-get update -q >/dev/null
        apt-get install -y -q "${missing[@]}" >/dev/null
    }
fi
