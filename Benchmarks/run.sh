#!/usr/bin/env bash
# MIME parsing benchmark: MIME.swift (mime-bench) vs GMime 3 vs Python's email package.
#
#   bash Benchmarks/run.sh
#
# Environment:
#   SIZE_MB=300     corpus size in MiB (Benchmarks/corpus/, generated if absent or made with other settings)
#   BIG_MB=100      size of the single big message for the memory test (Benchmarks/corpus-big/)
#   SEED=20250331   corpus seed
#   RUNS=5          timed runs per implementation over the corpus; the median is reported
#   PY_DEFAULT=1    also time Python with email.policy.default (0: skip)
#   SKIP_SWIFT=1    don't build or run mime-bench
#
# Output: tables on stdout; raw RESULT/INFO lines and /usr/bin/time -v logs in Benchmarks/out/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZE_MB="${SIZE_MB:-300}"
BIG_MB="${BIG_MB:-100}"
SEED="${SEED:-20250331}"
RUNS="${RUNS:-5}"
PY_DEFAULT="${PY_DEFAULT:-1}"
SKIP_SWIFT="${SKIP_SWIFT:-0}"
PY=/usr/bin/python3            # the system Python (Debian's), not whatever is first on PATH
CORPUS="$HERE/corpus"
BIG_DIR="$HERE/corpus-big"
OUT="$HERE/out"
mkdir -p "$OUT"

say() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------- prerequisites
need=()
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ -x /usr/bin/time ] || need+=(time)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gmime-3.0; then need+=(libgmime-3.0-dev); fi
[ -x "$PY" ] || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    say "installing: ${need[*]}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
        echo "run as root or install: apt-get install ${need[*]}" >&2; exit 1; fi
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

# ---------------------------------------------------------------- corpus
stamp="size=$SIZE_MB seed=$SEED"
if [ -d "$CORPUS" ] && [ -n "$(ls -A "$CORPUS" 2>/dev/null)" ]; then
    if [ -f "$OUT/corpus.stamp" ] && [ "$(cat "$OUT/corpus.stamp")" != "$stamp" ]; then
        say "corpus was made with $(cat "$OUT/corpus.stamp"); regenerating with $stamp"
        rm -rf "$CORPUS"
    elif [ ! -f "$OUT/corpus.stamp" ]; then
        say "using the existing $CORPUS as it is (not made by this script: SIZE_MB/SEED ignored)"
    fi
fi
if [ ! -d "$CORPUS" ] || [ -z "$(ls -A "$CORPUS" 2>/dev/null)" ]; then
    say "generating corpus: $SIZE_MB MiB into $CORPUS"
    "$PY" "$HERE/make-corpus.py" --out "$CORPUS" --size-mb "$SIZE_MB" --seed "$SEED"
    echo "$stamp" > "$OUT/corpus.stamp"
fi
BIG_FILE="$BIG_DIR/big-${BIG_MB}mb.eml"
if [ ! -f "$BIG_FILE" ]; then
    say "generating the big message: $BIG_MB MiB into $BIG_DIR"
    "$PY" "$HERE/make-corpus.py" --size-mb 0 --big-mb "$BIG_MB" --big-out "$BIG_DIR" --seed "$SEED"
fi
SMALL_FILE="$(ls -S "$CORPUS" | tail -1)"; SMALL_FILE="$CORPUS/$SMALL_FILE"

# ---------------------------------------------------------------- builds
say "building gmime-bench"
GMIME_BIN="$OUT/gmime-bench"
# shellcheck disable=SC2046
gcc -O2 -o "$GMIME_BIN" "$HERE/gmime-bench.c" $(pkg-config --cflags --libs gmime-3.0)
echo "ok: $GMIME_BIN (GMime $(pkg-config --modversion gmime-3.0))"

SWIFT_BIN=""
SWIFT_NOTE=""
if [ "$SKIP_SWIFT" = 1 ]; then
    SWIFT_NOTE="skipped (SKIP_SWIFT=1)"
elif ! command -v swift >/dev/null 2>&1; then
    SWIFT_NOTE="skipped: no swift toolchain on PATH"
else
    say "building mime-bench (swift build -c release --product mime-bench)"
    if (cd "$ROOT" && swift build -c release --product mime-bench) > "$OUT/swift-build.log" 2>&1; then
        bin="$(cd "$ROOT" && swift build -c release --show-bin-path)/mime-bench"
        probe="$("$bin" "$SMALL_FILE" 2>/dev/null || true)"
        if [ -x "$bin" ] && grep -q '^RESULT ' <<<"$probe"; then
            SWIFT_BIN="$bin"
            echo "ok: $SWIFT_BIN"
        else
            SWIFT_NOTE="skipped: mime-bench built but prints no RESULT line (still a placeholder?)"
        fi
    else
        SWIFT_NOTE="skipped: swift build failed (see $OUT/swift-build.log)"
        tail -5 "$OUT/swift-build.log" | sed 's/^/    /'
    fi
fi
[ -n "$SWIFT_NOTE" ] && echo "mime-bench: $SWIFT_NOTE"

# ---------------------------------------------------------------- runs
impls=(gmime)
[ -n "$SWIFT_BIN" ] && impls+=(swift)
impls+=(python)
[ "$PY_DEFAULT" = 1 ] && impls+=(python-default)

run_one() {   # name tag input -> writes $OUT/name.tag.{out,err,time}
    local name=$1 tag=$2 input=$3 cmd
    case "$name" in
        gmime) cmd=("$GMIME_BIN") ;;
        swift) cmd=("$SWIFT_BIN") ;;
        python) cmd=("$PY" "$HERE/python-email-bench.py" --policy compat32) ;;
        python-default) cmd=("$PY" "$HERE/python-email-bench.py" --policy default) ;;
    esac
    /usr/bin/time -v -o "$OUT/$name.$tag.time" "${cmd[@]}" "$input" > "$OUT/$name.$tag.out" 2> "$OUT/$name.$tag.err" || {
        echo "$name failed on $input (see $OUT/$name.$tag.err)" >&2; return 1; }
    grep -q '^RESULT ' "$OUT/$name.$tag.out" || { echo "$name printed no RESULT line" >&2; return 1; }
}

rm -f "$OUT"/*.corpus[0-9]*.* "$OUT"/*.big.* "$OUT"/*.small.*
say "warming the page cache (one read of both corpora)"
find "$CORPUS" "$BIG_DIR" -type f -print0 | xargs -0 cat > /dev/null
du -sh --apparent-size "$CORPUS" "$BIG_FILE" | sed 's/^/    /'
# Is anything else using the CPU?  (Two samples of /proc/stat, one second apart.)
read -r _ u1 n1 s1 i1 w1 q1 sq1 _ < /proc/stat; sleep 1
read -r _ u2 n2 s2 i2 w2 q2 sq2 _ < /proc/stat
busy=$(( (u2+n2+s2+q2+sq2) - (u1+n1+s1+q1+sq1) )); total=$(( busy + (i2+w2) - (i1+w1) ))
busy_pct=$(( total > 0 ? 100 * busy / total : 0 ))
echo "    CPU busy before timing: ${busy_pct}% of $(nproc) cores"
if [ "$busy_pct" -gt 15 ]; then
    echo "    WARNING: the machine is not idle; timings will be noisy and slower than they should be:"
    { ps -eo pcpu,etime,args --sort=-pcpu | head -4 | cut -c1-120 | sed 's/^/      /'; } || true
fi

say "timing $RUNS run(s) each over $CORPUS"
kept=()
for name in "${impls[@]}"; do
    ok=1
    for i in $(seq 1 "$RUNS"); do
        if ! run_one "$name" "corpus$i" "$CORPUS"; then
            [ "$name" = swift ] || exit 1
            SWIFT_NOTE="skipped: mime-bench failed on the corpus (see $OUT/swift.corpus$i.err)"; ok=0; break
        fi
        printf '    %-15s run %d: %s\n' "$name" "$i" "$(grep '^RESULT ' "$OUT/$name.corpus$i.out")"
    done
    [ $ok = 1 ] && kept+=("$name")
done
impls=("${kept[@]}")

say "peak memory on one $BIG_MB MiB message ($BIG_FILE) and on the smallest corpus message"
for name in "${impls[@]}"; do
    run_one "$name" small "$SMALL_FILE"
    run_one "$name" big "$BIG_FILE"
    printf '    %-15s %s\n' "$name" "$(grep '^RESULT ' "$OUT/$name.big.out")"
done

# ---------------------------------------------------------------- tables
"$PY" - "$OUT" "$RUNS" "$BIG_FILE" "${impls[@]}" <<'EOF' | tee "$OUT/results.txt"
import os, re, statistics, sys, platform
out, runs, big_file, impls = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
MIB = 1 << 20

def result(path):
    with open(path) as f:
        text = f.read()
    line = [l for l in text.splitlines() if l.startswith("RESULT ")][-1]
    r = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}
    info = [l for l in text.splitlines() if l.startswith("INFO ")]
    r["info"] = dict(re.findall(r"(\w+)=(\S+)", info[-1])) if info else {}
    return r

def rss_mib(path):
    with open(path) as f:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
    return int(m.group(1)) / 1024 if m else float("nan")

label = {"gmime": "GMime 3 (C)", "swift": "MIME.swift", "python": "Python email (compat32)",
         "python-default": "Python email (policy.default)"}
rows = {}
for name in impls:
    rs = [result(os.path.join(out, "%s.corpus%d.out" % (name, i))) for i in range(1, runs + 1)]
    secs = statistics.median(r["seconds"] for r in rs)
    r = dict(rs[0]); r["seconds"] = secs
    r["all"] = [x["seconds"] for x in rs]
    r["rss"] = max(rss_mib(os.path.join(out, "%s.corpus%d.time" % (name, i))) for i in range(1, runs + 1))
    rows[name] = r

base = rows.get("python")
files, nbytes = base["files"], base["bytes"]
print("\nCorpus: %d messages, %.1f MiB (MiB = 2^20 bytes; MB/s below is MiB/s); median of %d run(s), page cache warm"
      % (files, nbytes / MIB, runs))
print("Machine: %s, %d cores; %s; Python %s" % (
    next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
    os.cpu_count(), platform.platform(), platform.python_version()))
hdr = "%-30s %8s %8s %8s %9s %9s %8s %7s %12s %6s" % ("implementation", "seconds", "(best)", "MiB/s", "msgs/s",
                                                        "vs Python", "RSS MiB", "parts", "decoded", "text")
print(hdr); print("-" * len(hdr))
for name in impls:
    r = rows[name]
    print("%-30s %8.2f %8.2f %8.1f %9.0f %8.1fx %8.0f %7d %12d %6s" % (
        label[name], r["seconds"], min(r["all"]), r["bytes"] / MIB / r["seconds"], r["files"] / r["seconds"],
        base["seconds"] / r["seconds"], r["rss"], r["parts"], r["decoded"], r["info"].get("text_parts", "-")))
print("(seconds, MiB/s, msgs/s: median run; vs Python: Python compat32 median seconds / this median; "
      "RSS: peak over the corpus runs; text: text/* leaves, from the INFO line)")
print("(all runs, seconds: %s)" % "; ".join("%s %s" % (n, " ".join("%.2f" % s for s in rows[n]["all"])) for n in impls))

warn = []
for name in impls:
    r = rows[name]
    if r["files"] != files or r["bytes"] != nbytes:
        warn.append("%s read %d files / %d bytes, Python %d / %d" % (name, r["files"], r["bytes"], files, nbytes))
    if r["parts"] != base["parts"]:
        warn.append("%s counts %d leaf parts, Python %d" % (name, r["parts"], base["parts"]))
    if abs(r["decoded"] - base["decoded"]) > 0.001 * base["decoded"]:
        warn.append("%s decoded %d bytes, Python %d (%.3f%% apart)" % (
            name, r["decoded"], base["decoded"], 100 * (r["decoded"] - base["decoded"]) / base["decoded"]))
print("checksums: " + ("parts equal, decoded bytes within 0.1%" if not warn else "MISMATCH\n  " + "\n  ".join(warn)))

size = os.path.getsize(big_file) / MIB
print("\nPeak RSS (/usr/bin/time -v, Maximum resident set size) parsing one %.1f MiB message (%s):" % (
    size, os.path.basename(big_file)))
hdr = "%-30s %11s %9s %12s %15s %9s" % ("implementation", "message MiB", "seconds", "peak RSS MiB", "baseline RSS MiB",
                                       "RSS/size")
print(hdr); print("-" * len(hdr))
for name in impls:
    b = result(os.path.join(out, "%s.big.out" % name))
    rss = rss_mib(os.path.join(out, "%s.big.time" % name))
    small = rss_mib(os.path.join(out, "%s.small.time" % name))
    print("%-30s %11.1f %9.2f %12.0f %15.0f %8.1fx" % (label[name], size, b["seconds"], rss, small, rss / size))
print("(baseline = the same program on the smallest corpus message; decoded attachment %.1f MiB)" % (b["decoded"] / MIB))
EOF
[ -n "$SWIFT_NOTE" ] && echo "MIME.swift: $SWIFT_NOTE"
echo "raw output: $OUT/"
