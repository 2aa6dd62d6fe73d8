#!/usr/bin/python3
"""The MIME benchmark workload with Python's standard `email` package.

For every file under the given paths (folders are walked recursively, files taken as is,
in sorted order): read it into memory, parse it (email.message_from_bytes), walk the whole
part tree including nested message/rfc822, transfer-decode every leaf part
(get_payload(decode=True)) and decode text/* leaves to str with their charset
(errors='replace'; a missing or unknown charset means UTF-8).

Prints, last, the line shared by all three benchmark programs:

    RESULT files=N bytes=N seconds=F parts=N decoded=N

bytes = input bytes read; parts = leaf parts; decoded = transfer-decoded bytes of the
leaves; seconds = wall time of the whole loop (reading included, interpreter start-up
excluded).  An INFO line before it adds text-part counts and decoded characters.

--policy compat32 (the default) is the fast path and the figure to quote;
--policy default builds EmailMessage objects with the header registry, and is slower.

A "leaf" is any part that is neither multipart/* nor message/rfc822 (or message/global).
Python parses a message/delivery-status body into a list of header blocks (so msg.walk()
would report one extra text/plain part per block); here the delivery-status part is
counted as one leaf, like GMime and the Swift parser do, and its "decoded" size is that of
its header blocks re-serialised.  --literal-walk uses msg.walk() unchanged, to show the
difference.
"""

import argparse
import codecs
import email
import email.policy
import os
import sys
import time

_codec_cache = {}


def codec_for(charset):
    """Python codec name for a MIME charset; unknown or missing -> utf-8."""
    c = _codec_cache.get(charset)
    if c is None:
        try:
            c = codecs.lookup(charset).name if charset else "utf-8"
        except (LookupError, TypeError, ValueError):
            c = "utf-8"
        _codec_cache[charset] = c
    return c


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
        else:
            files.append(p)
    return files


def run(files, policy, literal_walk, verbose=False):
    parts = decoded = text_parts = text_chars = nbytes = messages = 0
    t0 = time.perf_counter()
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        nbytes += len(data)
        msg = email.message_from_bytes(data, policy=policy)
        p0, d0 = parts, decoded
        walker = msg.walk() if literal_walk else walk(msg)
        for part in walker:
            ctype = part.get_content_type()
            if part.is_multipart():
                if ctype == "message/rfc822" or ctype == "message/global":
                    messages += 1
                continue
            payload = part.get_payload(decode=True)
            if payload is None:   # only reached for the delivery-status special case
                payload = b"".join(block.as_bytes() for block in part.get_payload())
            parts += 1
            decoded += len(payload)
            if ctype.startswith("text/"):
                text = payload.decode(codec_for(part.get_content_charset()), "replace")
                text_parts += 1
                text_chars += len(text)
        if verbose:
            print("FILE %s %d %d" % (path, parts - p0, decoded - d0))
    seconds = time.perf_counter() - t0
    return dict(files=len(files), bytes=nbytes, seconds=seconds, parts=parts, decoded=decoded,
                text_parts=text_parts, text_chars=text_chars, nested_messages=messages)


def walk(msg):
    """msg.walk(), except that message/delivery-status is a leaf, as in GMime and MIME.swift.

    Yields containers too (as walk() does); for a delivery-status part is_multipart() is
    still True, so it is yielded through a wrapper that says it is not."""
    stack = [msg]
    while stack:
        part = stack.pop()
        if part.is_multipart():
            if part.get_content_type() == "message/delivery-status":
                yield _Leaf(part)
                continue
            yield part
            stack.extend(reversed(part.get_payload()))
        else:
            yield part


class _Leaf:
    __slots__ = ("p",)

    def __init__(self, p):
        self.p = p

    def is_multipart(self):
        return False

    def get_content_type(self):
        return self.p.get_content_type()

    def get_content_charset(self):
        return self.p.get_content_charset()

    def get_payload(self, decode=False):
        return None if decode else self.p.get_payload()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", metavar="DIR_OR_FILE")
    ap.add_argument("--policy", choices=["compat32", "default"], default="compat32")
    ap.add_argument("--literal-walk", action="store_true", help="use msg.walk() unchanged (see above)")
    ap.add_argument("-v", "--verbose", action="store_true", help='one "FILE path parts decoded" line per file')
    a = ap.parse_args()
    policy = email.policy.compat32 if a.policy == "compat32" else email.policy.default
    files = collect(a.paths)
    if not files:
        sys.exit("no input files")
    r = run(files, policy, a.literal_walk, a.verbose)
    mib = r["bytes"] / (1 << 20)
    print("INFO impl=python-email policy=%s python=%s text_parts=%d text_chars=%d nested_messages=%d"
          % (a.policy, sys.version.split()[0], r["text_parts"], r["text_chars"], r["nested_messages"]))
    print("# %.1f MiB in %.2f s: %.1f MiB/s, %.0f messages/s" % (mib, r["seconds"], mib / r["seconds"],
                                                               r["files"] / r["seconds"]), file=sys.stderr)
    print("RESULT files=%d bytes=%d seconds=%.3f parts=%d decoded=%d"
          % (r["files"], r["bytes"], r["seconds"], r["parts"], r["decoded"]))


if __name__ == "__main__":
    main()
