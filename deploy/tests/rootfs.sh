#!/usr/bin/env bash
# A Debian root file system for the container tests, cached between runs:
#
#     bash deploy/tests/rootfs.sh [PACKAGE.deb...]
#
# prints the root's path. The first run makes it with debootstrap (minbase, systemd, dbus),
# from the mirror apt itself uses here, which takes about a minute and 250 MB under
# $TIZILIM_TEST_CACHE (default /var/cache/tizilim-test); later runs reuse it. The
# dependencies and recommends of the packages named are installed into it, so the tests can
# install those packages inside a container that has no network. Tests boot it with --volatile=overlay:
# nothing they do reaches the cached root.
set -euo pipefail
cache=${TIZILIM_TEST_CACHE:-/var/cache/tizilim-test}
codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
base="$cache/rootfs-$codename"
say() { printf 'rootfs.sh: %s\n' "$*" >&2; }

# systemd-nspawn outside a systemd host: a private mount namespace with a tmpfs on
# /run/systemd, else nspawn leaves /run/systemd/nspawn/ behind on the host.
nspawn() {
    mkdir -p /run/systemd
    unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs /run/systemd && exec systemd-nspawn "$@"' \
        nspawn -q --register=no --keep-unit "$@"
}

mkdir -p "$cache"
exec 9>"$cache/lock"
flock 9
if [ ! -e "$base/.complete" ]; then
    # apt's own sources, as apt-cache policy lists them: " 500 URI SUITE/main amd64 Packages".
    sources=$(apt-cache policy | awk -v codename="$codename" '
        $NF == "Packages" && $3 ~ "^" codename "(-[a-z]+)?/main$" { split($3, s, "/"); print "deb " $2 " " s[1] " main" }' | sort -u)
    mirror=$(printf '%s\n' "$sources" | awk -v codename="$codename" '$3 == codename { print $2; exit }')
    if [ -z "$mirror" ]; then
        echo "rootfs.sh: apt has no source for $codename/main to debootstrap from" >&2
        exit 69
    fi
    say "debootstrap --variant=minbase $codename from $mirror into $base (once; cached)"
    rm -rf "$base.new"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,adduser "$codename" "$base.new" "$mirror" \
        > "$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    printf '%s\n' "$sources" > "$base.new/etc/apt/sources.list"
    nspawn -D "$base.new" --pipe --resolv-conf=copy-host apt-get update -q >/dev/null
    rm -rf "$base"
    mv "$base.new" "$base"
    touch "$base/.complete"
fi
for deb in "$@"; do
    # Its recommends too (the OCR languages): the tests install the package without them.
    depends=$(dpkg-deb -f "$deb" Depends Recommends | sed 's/^[A-Za-z]*: //' | paste -sd, -)
    satisfy() {
        nspawn -D "$base" --pipe --resolv-conf=copy-host env DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -q --no-install-recommends "$depends" > "$cache/satisfy.log" 2>&1
    }
    if ! satisfy; then
        say "refreshing the package lists"
        nspawn -D "$base" --pipe --resolv-conf=copy-host apt-get update -q >/dev/null
        satisfy || { cat "$cache/satisfy.log" >&2; exit 1; }
    fi
done
echo "$base"
