#!/usr/bin/env bash
# The Debian package and its unit under a real systemd, in containers on this machine:
#
#     bash deploy/tests/run.sh [package|systemd]...     (as root; both by default)
#
# builds the package once (release, bash deploy/build-deb.sh) and a second one with a higher
# version (the same programs, for the upgrade), prepares a cached Debian root
# (deploy/tests/rootfs.sh), and boots it twice with systemd-nspawn, each time on a throwaway
# overlay: in-container/package.sh (install, upgrade, remove, purge) and
# in-container/systemd.sh (readiness, reload, watchdog, sandbox, journal). A failed check
# prints the test's log and the container's journal, and exits 1.
# TIZILIM_DEB=path reuses a package built before instead of building one.
set -euo pipefail
cd "$(dirname "$0")/../.."
source=$PWD
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(package systemd)
if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: run as root: it installs packages into containers it boots" >&2
    exit 77
fi
say() { printf 'run.sh: %s\n' "$*" >&2; }
started=$SECONDS

work=$(mktemp -d /tmp/tizilim-container-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ci/debs"
if [ -n "${TIZILIM_DEB:-}" ]; then
    deb=$TIZILIM_DEB
else
    deb=$(OUTPUT="$work" bash deploy/build-deb.sh)
fi
v1=$(dpkg-deb -f "$deb" Version)
architecture=$(dpkg-deb -f "$deb" Architecture)
cp "$deb" "$work/ci/debs/tizilim_${v1}_${architecture}.deb"
# The upgrade: the same package with a higher version, repacked rather than built again
# (build-deb.sh's TIZILIM_DEB_VERSION makes the same from the source, in minutes).
v2="$v1+upgrade1"
dpkg-deb -R "$deb" "$work/upgrade"
sed -i "s/^Version: .*/Version: $v2/" "$work/upgrade/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$work/upgrade" "$work/ci/debs/tizilim_${v2}_${architecture}.deb" >/dev/null
rm -rf "$work/upgrade"
echo "$v1 $v2" > "$work/ci/versions"
say "packages built in $((SECONDS - started)) s: $(cd "$work/ci/debs" && ls | tr '\n' ' ')"

lap=$SECONDS
root=$(bash deploy/tests/rootfs.sh "$work"/ci/debs/*"$v1"*.deb)
say "container root ready in $((SECONDS - lap)) s: $root"

cp -r deploy/tests/in-container "$work/ci/"
cp Sources/CLI/Tizilim.swift "$work/ci/"
# Letters for the systemd test: two samples that are applications, and a Kazakh questionnaire
# as a PDF attachment (read by tizilim-pdftext under the unit's system call filter).
mkdir -p "$work/ci/letters"
cp "maildir-samples/new/1763957566.M69883P1237.tizilim-sample,S=6025" "$work/ci/letters/sample-1"
cp "maildir-samples/new/1764005469.M518469P1274.tizilim-sample,S=4269" "$work/ci/letters/sample-2"
# And a photo of a printed Russian questionnaire (the LibreOffice PDF rendered at 300 dpi), read
# by tizilim-ocr under the same filter.
pdftoppm -r 300 -gray -png -singlefile Tests/FormsTests/Fixtures/forms/russian-questionnaire.pdf "$work/scan"
letter() { # SUBTYPE FILE NAME MESSAGE-ID FROM OUT
    python3 - "$@" <<'PY'
import sys
from email.message import EmailMessage
subtype, path, name, message_id, sender, out = sys.argv[1:]
letter = EmailMessage()
letter['From'] = sender
letter['To'] = 'volunteer@mki.gov.kz'
letter['Subject'] = 'Өтініш'
letter['Date'] = 'Mon, 07 Dec 2026 10:00:00 +0500'
letter['Message-ID'] = message_id
letter.set_content('Сәлеметсіз бе! Сауалнаманы жібердім.')
with open(path, 'rb') as attachment:
    maintype = 'application' if subtype in ('pdf', 'msword') else 'image'
    letter.add_attachment(attachment.read(), maintype=maintype, subtype=subtype, filename=name)
with open(out, 'wb') as file:
    file.write(bytes(letter))
PY
}
letter pdf Tests/FormsTests/Fixtures/kazakh-questionnaire.pdf questionnaire.pdf '<pdf-letter-1@example.kz>' \
    'Айгүл Сәрсенова <aigul.test@example.kz>' "$work/ci/letters/pdf"
letter png "$work/scan.png" scan.png '<scan-letter-1@example.kz>' \
    'Виктор Ким <vkim.test@example.kz>' "$work/ci/letters/scan"
# And a Word 97 .doc with underlined choices, read by antiword (DocBook) under the same filter.
letter msword Tests/FormsTests/Fixtures/forms/kazakh-underlined.doc Өтініш.doc '<doc-letter-1@example.kz>' \
    'Нұрлан Құдайбергенов <nurlan.kudaibergenov@mail.kz>' "$work/ci/letters/doc"

failed=0
for test in "${tests[@]}"; do
    script="deploy/tests/in-container/$test.sh"
    [ -f "$script" ] || { echo "run.sh: no test '$test' ($script)" >&2; exit 64; }
    results="$work/results-$test"
    mkdir -p "$results"
    echo "$test" > "$results/test"
    lap=$SECONDS
    mkdir -p /run/systemd
    # A private mount namespace with a tmpfs on /run/systemd: outside a systemd host nspawn
    # would otherwise leave /run/systemd/nspawn/ behind. --register=no --keep-unit: no
    # machined to register with. The overlay keeps the cached root untouched.
    status=0
    unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs /run/systemd && exec "$@"' run \
        timeout 600 systemd-nspawn -q -D "$root" --volatile=overlay --boot --register=no --keep-unit \
        --private-network --console=pipe \
        --bind-ro="$work/ci:/ci" \
        --bind-ro="$work/ci/in-container/ci-test.service:/etc/systemd/system/ci-test.service" \
        --bind="$results:/results" systemd.wants=ci-test.service systemd.show_status=0 \
        > "$results/console.txt" 2>&1 || status=$?
    rc=$(cat "$results/rc" 2>/dev/null || echo "none")
    if [ "$status" -eq 0 ] && [ "$rc" = 0 ]; then
        say "$test test passed in $((SECONDS - lap)) s ($(grep -c '^ok' "$results/log") checks)"
    else
        failed=1
        echo "run.sh: $test test FAILED (test status $rc, container status $status) after $((SECONDS - lap)) s" >&2
        cat "$results/log" >&2 2>/dev/null || true
        echo "---- the container's console:" >&2; tail -30 "$results/console.txt" >&2
        echo "---- the container's journal (tizilim and the test):" >&2
        grep -E 'tizilim|ci-test|Watchdog' "$results/journal.txt" 2>/dev/null | tail -60 >&2 || true
    fi
done
say "done in $((SECONDS - started)) s"
exit "$failed"
