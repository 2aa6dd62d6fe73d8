#!/bin/sh
# Seed corpora for the three fuzz targets, cut from the sample Maildir and the parser's fixtures:
#   mime-fuzz       whole messages
#   forms-fuzz      the .docx/.odt attachments decoded out of them, and their main XML part
#                   (word/document.xml, content.xml), which forms-fuzz wraps in a package itself
#   text-form-fuzz  the text/plain and text/html bodies and text attachments, decoded to UTF-8
# Usage: Tests/Fuzz/seeds.sh [DIR]   (default /tmp/tizilim-fuzz; DIR/<target>/ is replaced)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/tizilim-fuzz}
for target in mime-fuzz forms-fuzz text-form-fuzz container-fuzz; do
    rm -rf "$out/$target"
    mkdir -p "$out/$target"
done

/usr/bin/python3 - "$root" "$out" <<'PY'
import email, glob, hashlib, io, os, sys, zipfile
from email import policy

root, out = sys.argv[1], sys.argv[2]
sources = sorted(glob.glob(os.path.join(root, "maildir-samples", "*", "*"))) \
    + sorted(glob.glob(os.path.join(root, "Tests", "MIMETests", "Fixtures", "*.eml")))

def keep(target, data, cap=65536):
    # Named by content, as libFuzzer names its own, so the same seed is never kept twice.
    data = data[:cap]
    if data:
        with open(os.path.join(out, target, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)

for path in sources:
    raw = open(path, "rb").read()
    keep("mime-fuzz", raw)
    message = email.message_from_bytes(raw, policy=policy.compat32)
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        kind = part.get_content_type()
        name = (part.get_filename() or "").lower()
        if payload.startswith(b"PK") or name.endswith((".docx", ".odt")) or kind.endswith(("wordprocessingml.document", "opendocument.text")):
            keep("forms-fuzz", payload)
            try:
                package = zipfile.ZipFile(io.BytesIO(payload))
                for inner in ("word/document.xml", "content.xml", "styles.xml"):
                    if inner in package.namelist():
                        keep("forms-fuzz", package.read(inner))
            except zipfile.BadZipFile:
                pass  # a damaged package is a seed as it is
        elif kind.startswith("text/") and kind not in ("text/rfc822-headers", "text/calendar"):
            charset = part.get_content_charset() or "utf-8"
            try:
                text = payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                text = payload.decode("utf-8", "replace")
            keep("text-form-fuzz", text.encode("utf-8"))
PY

# The committed corpora (Tests/Fuzz/corpus) carry earlier runs' findings forward. container-fuzz's
# seeds are only those: winmail.dat and signed data made by a Python TNEF writer and openssl.
for target in mime-fuzz forms-fuzz text-form-fuzz container-fuzz; do
    if [ -d "$root/Tests/Fuzz/corpus/$target" ]; then
        cp "$root/Tests/Fuzz/corpus/$target/"* "$out/$target/" 2>/dev/null || true
    fi
    echo "$target: $(ls "$out/$target" | wc -l) seeds in $out/$target"
done
