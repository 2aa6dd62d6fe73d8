#!/usr/bin/env bash
# Installs tizilim on a Debian or Ubuntu server, or upgrades it. As root, from the source tree:
#
#     bash deploy/install.sh             build a release binary, install everything
#     bash deploy/install.sh --no-build  install a binary built before ($TIZILIM_BINARY,
#                                        else .build/release/tizilim)
#
# PREFIX (default /usr/local) is where the binary, man page, completion and examples go.
# DESTDIR installs into a staging root (packaging, tests): no user is created, no owner set,
# systemd is not told. Safe to run again: an upgrade replaces the binary, the unit, the man
# page and the completion, and never touches /etc/tizilim or /var/lib/tizilim if they exist.
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
build=yes
for argument in "$@"; do
    case $argument in
        --no-build) build=no ;;
        -h|--help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown argument '$argument' (see --help)" >&2; exit 64 ;;
    esac
done
if [ -z "$DESTDIR" ] && [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root (sudo bash deploy/install.sh), or set DESTDIR to stage the files" >&2
    exit 77
fi

say() { printf 'install.sh: %s\n' "$*"; }

# The programs and where they go: deploy/programs (tizilim in bin, its children in libexec).
bin_programs=() libexec_programs=()
while read -r program place _; do
    case $program in ''|'#'*) continue ;; esac
    if [ "$place" = libexec ]; then libexec_programs+=("$program"); else bin_programs+=("$program"); fi
done < deploy/programs

binary=${TIZILIM_BINARY:-.build/release/tizilim}
if [ "$build" = yes ]; then
    bash deploy/packages.sh build
    # The Swift runtime goes into the binary: the server then needs no toolchain to run it,
    # and a toolchain upgrade cannot break the installed daemon.
    for program in "${bin_programs[@]}" "${libexec_programs[@]}"; do
        swift build -c release --static-swift-stdlib --product "$program"
    done
    binary=$(swift build -c release --static-swift-stdlib --show-bin-path)/tizilim
fi
# The other programs are built beside the binary (Package.swift).
built=$(dirname "$binary")
if [ ! -x "$binary" ]; then
    echo "install.sh: no tizilim binary at $binary (build it, or set TIZILIM_BINARY)" >&2
    exit 66
fi
present=()
for program in "${bin_programs[@]}" "${libexec_programs[@]}"; do
    if [ -x "$built/$program" ]; then present+=("$built/$program"); fi
done
if missing=$(ldd "${present[@]}" 2>/dev/null | grep 'not found'); then
    echo "install.sh: ${present[*]} need libraries this machine lacks:" >&2
    echo "$missing" >&2
    echo "install them with: bash deploy/packages.sh build" >&2
    exit 69
fi

# The service's own user: owns the data, cannot log in, has no home of its own to write.
if [ -z "$DESTDIR" ]; then
    getent group tizilim >/dev/null || groupadd --system tizilim
    getent passwd tizilim >/dev/null || useradd --system --gid tizilim --home-dir /var/lib/tizilim \
        --no-create-home --shell /usr/sbin/nologin --comment "tizilim register mailbox" tizilim
    # pdftotext reads PDF applications; without it they go to staff as unreadable.
    command -v pdftotext >/dev/null || apt-get install -y -q poppler-utils >/dev/null || \
        say "warning: poppler-utils not installed; PDF applications will go to staff"
fi

# Owners are set only on a real install: under DESTDIR the user does not exist.
own() { if [ -z "$DESTDIR" ]; then chown "$1" "$2"; fi; }

# A folder made with its mode and owner if missing; an existing one is the operator's.
folder() { # MODE OWNER PATH
    if [ ! -d "$DESTDIR$3" ]; then
        mkdir -p "$DESTDIR$3"
        chmod "$1" "$DESTDIR$3"
        own "$2" "$DESTDIR$3"
    fi
}

# A file written only if missing: configuration is never overwritten.
first_time() { # MODE OWNER SOURCE PATH
    if [ ! -e "$DESTDIR$4" ]; then
        install -m "$1" "$3" "$DESTDIR$4"
        own "$2" "$DESTDIR$4"
        say "wrote $4"
    else
        say "kept $4"
    fi
}

# A file that belongs to the release: replaced on every run, through a rename, so the running
# daemon's binary is never half-written.
release_file() { # MODE SOURCE PATH
    mkdir -p "$(dirname "$DESTDIR$3")"
    install -m "$1" "$2" "$DESTDIR$3.new"
    mv -f "$DESTDIR$3.new" "$DESTDIR$3"
}

release_file 0755 "$binary" "$PREFIX/bin/tizilim"
say "installed $PREFIX/bin/tizilim ($("$DESTDIR$PREFIX/bin/tizilim" --version))"
for program in "${bin_programs[@]}"; do
    [ "$program" = tizilim ] && continue
    release_file 0755 "$built/$program" "$PREFIX/bin/$program"
    say "installed $PREFIX/bin/$program"
done
# tizilim finds its children in ../libexec/tizilim beside its bin folder; without
# tizilim-pdftext each PDF starts pdftotext, which reads the same but costs six times the CPU;
# without tizilim-ocr scans and photos go to staff unread.
for program in "${libexec_programs[@]}"; do
    if [ -x "$built/$program" ]; then
        release_file 0755 "$built/$program" "$PREFIX/libexec/tizilim/$program"
        say "installed $PREFIX/libexec/tizilim/$program"
    else
        say "warning: no $program beside $binary; tizilim reads without it (see tizilim doctor)"
    fi
done

# Configuration: root writes it, the service (group tizilim) reads it.
folder 0750 root:tizilim /etc/tizilim
first_time 0640 root:tizilim deploy/tizilim.conf /etc/tizilim/tizilim.conf
first_time 0640 root:tizilim deploy/calendar.txt /etc/tizilim/calendar.txt
if [ ! -d "$DESTDIR/etc/tizilim/templates" ]; then
    "$DESTDIR$PREFIX/bin/tizilim" templates export "$DESTDIR/etc/tizilim/templates" >/dev/null
    chmod 0750 "$DESTDIR/etc/tizilim/templates"
    chmod 0640 "$DESTDIR/etc/tizilim/templates"/*
    own root:tizilim "$DESTDIR/etc/tizilim/templates"
    for file in "$DESTDIR/etc/tizilim/templates"/*; do own root:tizilim "$file"; done
    say "wrote /etc/tizilim/templates (the built-in notices, to edit; see templates_dir)"
else
    say "kept /etc/tizilim/templates"
fi

# Data. The top folder lets others pass through (0711) but not list it: node_exporter reads
# metrics/ and the web server publish/, while the store and the Maildirs stay closed.
folder 0711 tizilim:tizilim /var/lib/tizilim
for maildir in maildir sent; do
    folder 0750 tizilim:tizilim "/var/lib/tizilim/$maildir"
    for sub in cur new tmp; do folder 0750 tizilim:tizilim "/var/lib/tizilim/$maildir/$sub"; done
done
folder 0755 tizilim:tizilim /var/lib/tizilim/publish
folder 0755 tizilim:tizilim /var/lib/tizilim/metrics

# The unit, pointing at this PREFIX's binary.
mkdir -p "$DESTDIR/etc/systemd/system"
sed "s#/usr/local/bin/tizilim#$PREFIX/bin/tizilim#g" deploy/tizilim.service > "$DESTDIR/etc/systemd/system/tizilim.service.new"
chmod 0644 "$DESTDIR/etc/systemd/system/tizilim.service.new"
mv -f "$DESTDIR/etc/systemd/system/tizilim.service.new" "$DESTDIR/etc/systemd/system/tizilim.service"

# Shell completion, man page, examples and the pristine configuration to compare with after
# an upgrade (diff /etc/tizilim/tizilim.conf $PREFIX/share/doc/tizilim/tizilim.conf).
if [ -f deploy/tizilim.bash-completion ]; then
    release_file 0644 deploy/tizilim.bash-completion "$PREFIX/share/bash-completion/completions/tizilim"
fi
if [ -f deploy/tizilim.1 ]; then
    release_file 0644 deploy/tizilim.1 "$PREFIX/share/man/man1/tizilim.1"
fi
release_file 0644 deploy/tizilim.conf "$PREFIX/share/doc/tizilim/tizilim.conf"
release_file 0644 deploy/required-fields.txt "$PREFIX/share/doc/tizilim/required-fields.txt"
for example in deploy/examples/*; do
    release_file 0644 "$example" "$PREFIX/share/doc/tizilim/examples/$(basename "$example")"
done

if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    if systemctl is-active --quiet tizilim; then
        systemctl restart tizilim
        say "restarted tizilim.service on the new binary"
    else
        say "next: edit /etc/tizilim/tizilim.conf, run 'tizilim doctor', then 'systemctl enable --now tizilim'"
    fi
else
    say "files staged under ${DESTDIR:-/}; systemd not told"
fi
