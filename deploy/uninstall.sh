#!/usr/bin/env bash
# Removes what deploy/install.sh installed: the binary, the unit, the completion, the man page
# and the examples. The configuration (/etc/tizilim) and the data (/var/lib/tizilim: store,
# Maildirs, published register) stay, with the tizilim user, unless --purge is given.
#
#     bash deploy/uninstall.sh            keep configuration and data
#     bash deploy/uninstall.sh --purge    remove them too (take a 'tizilim backup' first)
#
# PREFIX and DESTDIR as for install.sh.
set -euo pipefail

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
purge=no
for argument in "$@"; do
    case $argument in
        --purge) purge=yes ;;
        -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "uninstall.sh: unknown argument '$argument' (see --help)" >&2; exit 64 ;;
    esac
done
if [ -z "$DESTDIR" ] && [ "$(id -u)" -ne 0 ]; then
    echo "uninstall.sh: run as root" >&2
    exit 77
fi

if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ]; then
    systemctl disable --now tizilim 2>/dev/null || true
fi
while read -r program place _; do
    case $program in ''|'#'*) continue ;; esac
    if [ "$place" = bin ]; then rm -f "$DESTDIR$PREFIX/bin/$program"; fi
done < "$(dirname "$0")/programs"
rm -f \
      "$DESTDIR/etc/systemd/system/tizilim.service" \
      "$DESTDIR$PREFIX/share/bash-completion/completions/tizilim" \
      "$DESTDIR$PREFIX/share/man/man1/tizilim.1"
rm -rf "$DESTDIR$PREFIX/share/doc/tizilim" "$DESTDIR$PREFIX/libexec/tizilim"
if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
fi
echo "uninstall.sh: removed the program"

if [ "$purge" = yes ]; then
    rm -rf "$DESTDIR/etc/tizilim" "$DESTDIR/var/lib/tizilim"
    if [ -z "$DESTDIR" ]; then
        getent passwd tizilim >/dev/null && userdel tizilim
        getent group tizilim >/dev/null && groupdel tizilim
    fi
    echo "uninstall.sh: removed /etc/tizilim, /var/lib/tizilim and the tizilim user"
else
    echo "uninstall.sh: kept /etc/tizilim and /var/lib/tizilim (--purge removes them)"
fi
