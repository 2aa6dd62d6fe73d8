#!/usr/bin/env bash
# Builds the Debian package tizilim_<version>_amd64.deb from the source tree. Then, as root:
#
#     apt install ./tizilim_<version>_amd64.deb
#
#     bash deploy/build-deb.sh              build the release programs, then the package
#     bash deploy/build-deb.sh --no-build   package the release programs built before
#
# The version is tizilim's own (Tizilim.version in Sources/CLI/Tizilim.swift);
# TIZILIM_DEB_VERSION overrides it (the upgrade test builds a newer one). OUTPUT is the folder
# the package is written to (default: the source tree). The programs are deploy/programs.
set -euo pipefail
cd "$(dirname "$0")/.."
source=$PWD

# Installed with the package when apt installs recommends: the readers' tools. Without them a
# letter in that format goes to staff as unreadable, saying which tool is missing.
#   poppler-utils: pdftotext, when tizilim-pdftext cannot run; tesseract-ocr(-kaz,-rus): scans
#   and photos; antiword: legacy .doc; unrtf: .rtf.
recommends=(poppler-utils tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus antiword unrtf)
# A local MTA delivers volunteer@ into the Maildir (deploy/examples/postfix-main.cf).
suggests=(postfix)

build=yes
for argument in "$@"; do
    case $argument in
        --no-build) build=no ;;
        -h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "build-deb.sh: unknown argument '$argument' (see --help)" >&2; exit 64 ;;
    esac
done
say() { printf 'build-deb.sh: %s\n' "$*" >&2; }

version=${TIZILIM_DEB_VERSION:-$(sed -n 's/^ *public static let version = "\([^"]*\)".*/\1/p' Sources/CLI/Tizilim.swift)}
if ! [[ $version =~ ^[0-9][A-Za-z0-9.+~-]*$ ]]; then
    echo "build-deb.sh: no usable version ('$version') in Sources/CLI/Tizilim.swift or TIZILIM_DEB_VERSION" >&2
    exit 65
fi
architecture=$(dpkg --print-architecture)
output=${OUTPUT:-$source}
mkdir -p "$output"
deb="$output/tizilim_${version}_${architecture}.deb"

bin_programs=() libexec_programs=()
while read -r program place _; do
    case $program in ''|'#'*) continue ;; esac
    case $place in
        bin) bin_programs+=("$program") ;;
        libexec) libexec_programs+=("$program") ;;
        *) echo "build-deb.sh: deploy/programs: '$program' goes to '$place', not bin or libexec" >&2; exit 65 ;;
    esac
done < deploy/programs

bash deploy/packages.sh build
# The Swift runtime goes into the programs: the server has no toolchain, and a toolchain
# upgrade cannot break the installed daemon.
swift_flags=(-c release --static-swift-stdlib)
if [ "$build" = yes ]; then
    for program in "${bin_programs[@]}" "${libexec_programs[@]}"; do
        say "swift build ${swift_flags[*]} --product $program"
        if ! log=$(swift build "${swift_flags[@]}" --product "$program" 2>&1); then
            printf '%s\n' "$log" >&2
            echo "build-deb.sh: swift build failed for $program" >&2
            exit 70
        fi
    done
fi
built=$(swift build "${swift_flags[@]}" --show-bin-path)
for program in "${bin_programs[@]}" "${libexec_programs[@]}"; do
    [ -x "$built/$program" ] || { echo "build-deb.sh: $built/$program was not built" >&2; exit 66; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Laid out as debhelper would, for dpkg-shlibdeps: debian/control, the package in debian/tizilim.
root="$work/debian/tizilim"
install -d -m 0755 "$root/DEBIAN"
printf 'Source: tizilim\n\nPackage: tizilim\nArchitecture: any\n' > "$work/debian/control"

# Programs, stripped as dh_strip would (the Swift metadata sections are allocated and stay).
for program in "${bin_programs[@]}"; do
    install -D -m 0755 "$built/$program" "$root/usr/bin/$program"
done
for program in "${libexec_programs[@]}"; do
    install -D -m 0755 "$built/$program" "$root/usr/libexec/tizilim/$program"
done
for file in "$root"/usr/bin/* "$root"/usr/libexec/tizilim/*; do
    strip --strip-unneeded --remove-section=.comment --remove-section=.note "$file"
done

# Configuration, shipped as conffiles: dpkg keeps the operator's edits on upgrade and asks
# when both changed. Modes and the group come from postinst (dpkg-statoverride).
install -D -m 0644 deploy/tizilim.conf "$root/etc/tizilim/tizilim.conf"
install -D -m 0644 deploy/calendar.txt "$root/etc/tizilim/calendar.txt"
"$root/usr/bin/tizilim" templates export "$root/etc/tizilim/templates" >/dev/null
chmod 0755 "$root/etc/tizilim/templates"
chmod 0644 "$root/etc/tizilim/templates"/*

# The unit, for the package's program. The package's units live in /lib (bookworm's place
# before the /usr merge completes); local changes go in a drop-in.
install -d "$root/lib/systemd/system"
sed -e 's#/usr/local/bin/tizilim#/usr/bin/tizilim#g' deploy/tizilim.service > "$root/lib/systemd/system/tizilim.service"
chmod 0644 "$root/lib/systemd/system/tizilim.service"

install -D -m 0644 deploy/tizilim.bash-completion "$root/usr/share/bash-completion/completions/tizilim"
install -d "$root/usr/share/man/man1"
gzip -9n < deploy/tizilim.1 > "$root/usr/share/man/man1/tizilim.1.gz"
chmod 0644 "$root/usr/share/man/man1/tizilim.1.gz"

doc="$root/usr/share/doc/tizilim"
install -D -m 0644 deploy/debian/copyright "$doc/copyright"
install -m 0644 deploy/tizilim.conf "$doc/tizilim.conf"
install -d "$doc/examples"
for example in deploy/examples/*; do install -m 0644 "$example" "$doc/examples/"; done
# A native package's changelog: this version, built from this commit.
commit=$(git -C "$source" rev-parse --short HEAD 2>/dev/null || echo unknown)
when=$(git -C "$source" log -1 --format=%aD 2>/dev/null || date -R)
printf '%s\n' "tizilim ($version) unstable; urgency=medium" "" \
    "  * Built by deploy/build-deb.sh from commit $commit." "" \
    " -- tizilim maintainers <volunteer@mki.gov.kz>  $when" | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
install -D -m 0644 deploy/debian/lintian-overrides "$root/usr/share/lintian/overrides/tizilim"

# The libraries the programs link, as dpkg-shlibdeps finds them: each must come from a Debian
# package (a Swift runtime library would fail here, since none is installed from one).
programs=("$root"/usr/bin/* "$root"/usr/libexec/tizilim/*)
for file in "${programs[@]}"; do
    say "$(basename "$file") needs: $(objdump -p "$file" | awk '/NEEDED/ {print $2}' | tr '\n' ' ')"
done
shlibs=$(cd "$work" && dpkg-shlibdeps -O "${programs[@]}" 2>"$work/shlibdeps.err") || {
    cat "$work/shlibdeps.err" >&2
    echo "build-deb.sh: dpkg-shlibdeps failed: a program needs a library no Debian package provides" >&2
    exit 69
}
cat "$work/shlibdeps.err" >&2
depends=${shlibs#shlibs:Depends=}
# adduser makes the system user; deb-systemd-helper (init-system-helpers) enables the unit;
# the unit's ExecReload= is procps' /bin/kill, which a minimal Debian lacks.
depends="adduser, init-system-helpers (>= 1.54~), procps, $depends"

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
join() { local IFS=,; echo "$*" | sed 's/,/, /g'; }
cat > "$root/DEBIAN/control" <<EOF
Package: tizilim
Version: $version
Architecture: $architecture
Maintainer: tizilim maintainers <volunteer@mki.gov.kz>
Installed-Size: $installed_size
Depends: $depends
Recommends: $(join "${recommends[@]}")
Suggests: $(join "${suggests[@]}")
Section: mail
Priority: optional
Homepage: https://www.gov.kz/memleket/entities/mam
Description: mailbox of Kazakhstan's Register of volunteer activity
 tizilim answers the ministry's volunteer@ mailbox: it reads every letter and
 its attachments (DOCX, ODT, HTML, text, PDF), checks the application against
 the Rules (Order No. 127-NK of 31 March 2025), opens a case whose deadlines
 are counted in Kazakh business days, answers the applicant in Kazakh and
 Russian, and publishes the register. A systemd service (tizilim.service) and
 a command line for staff.
EOF
find "$root/etc" -type f -printf '/etc/%P\n' | sort > "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    install -m 0755 "deploy/debian/$script" "$root/DEBIAN/$script"
done
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
say "wrote $deb ($(du -h "$deb" | cut -f1)); install it with: apt install $deb"
if command -v lintian >/dev/null; then
    # Clean but for the tags deploy/debian/lintian-overrides explains.
    lintian --fail-on error,warning "$deb" >&2 || {
        echo "build-deb.sh: lintian found problems (above)" >&2
        exit 1
    }
fi
echo "$deb"
