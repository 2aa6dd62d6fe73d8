# Sourced by the tests that run inside the container (as ci-test.service, root, under systemd).
# Each check prints one line; the first wrong one ends the test with status 1.
set -eu
export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin

ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; exit 1; }

# expect DESCRIPTION COMMAND...: the command must succeed.
expect() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what: '$*' failed"; fi; }
# refuse DESCRIPTION COMMAND...: the command must fail.
refuse() { local what=$1; shift; if "$@"; then fail "$what: '$*' succeeded"; else ok "$what"; fi; }
# same DESCRIPTION ACTUAL EXPECTED
same() { if [ "$2" = "$3" ]; then ok "$1: $2"; else fail "$1: '$2', expected '$3'"; fi; }

# mode PATH MODE OWNER:GROUP
mode() {
    [ -e "$1" ] || fail "$1 is missing"
    same "$1" "$(stat -c '%a %U:%G' "$1")" "$2 $3"
}

# waitfor SECONDS DESCRIPTION COMMAND...: polls until the command succeeds.
waitfor() {
    local seconds=$1 what=$2 i=0; shift 2
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -le "$((seconds * 5))" ] || fail "$what: not within ${seconds}s"
        sleep 0.2
    done
    ok "$what"
}

property() { systemctl show -p "$1" --value tizilim.service; }

install_package() { # DEB: offline, the dependencies are in the root already
    apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef "$1" </dev/null >/tmp/apt.log 2>&1 \
        || { cat /tmp/apt.log; fail "apt-get install $1"; }
    cat /tmp/apt.log | grep -E '^tizilim|^Setting up tizilim' || true
}

# deliver FILE NAME: into the Maildir as an MTA does, tmp/ then a rename into new/.
deliver() {
    install -m 0640 -o tizilim -g tizilim "$1" "/var/lib/tizilim/maildir/tmp/$2"
    mv "/var/lib/tizilim/maildir/tmp/$2" "/var/lib/tizilim/maildir/new/$2"
}
