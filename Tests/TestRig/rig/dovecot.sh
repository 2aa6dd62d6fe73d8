#!/bin/bash
# A throw-away Dovecot IMAP server on loopback for the Mailbox tests.
#   dovecot.sh start DIR PORT [OWNER_PID]   config, passwd-file and Maildirs under DIR; waits
#                                           until PORT accepts; stops by itself once OWNER_PID exits
#   dovecot.sh stop DIR                     TERM, then KILL whatever of this instance is left
#   dovecot.sh crash DIR                    KILL every process of this instance at once, as a
#                                           power cut would; DIR and the mail stay, so
#                                           `start DIR PORT` brings the same server back
#   (After stop or crash the server's IMAP sessions are gone too, as in a real restart: Dovecot's
#   own shutdown would leave running imap processes serving their clients.)
#   dovecot.sh freeze DIR | thaw DIR        SIGSTOP / SIGCONT every process of this instance: a
#                                           server that hangs, connections open, answering nothing
# One user: volunteer / secret. Needs root (Dovecot drops to the dovecot and dovenull users).
set -euo pipefail

fail() { echo "dovecot.sh: $*" >&2; exit 1; }

# True while the process exists and has not exited: an exited daemon stays a zombie until
# init reaps it, and kill -0 would still find it.
running() {
    [ -e "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# The watchdog first, so it does not stop the server again behind our back.
stop_watchdog() {
    local dir=$1 pid
    if [ -f "$dir/watchdog.pid" ]; then
        pid=$(cat "$dir/watchdog.pid")
        rm -f "$dir/watchdog.pid"
        kill "$pid" 2>/dev/null || true
    fi
}

# Waits up to $1 tenths of a second for the listed processes to be gone.
wait_gone() {
    local tenths=$1 pid alive
    shift
    for _ in $(seq "$tenths"); do
        alive=
        for pid in "$@"; do running "$pid" && alive=1; done
        [ -z "$alive" ] && return 0
        sleep 0.1
    done
    return 1
}

stop() {
    local dir=$1 pid
    stop_watchdog "$dir"
    [ -f "$dir/run/master.pid" ] || return 0
    pid=$(cat "$dir/run/master.pid")
    # Dovecot's own shutdown lingers about 5 s (imap-login waits for the stats process that has
    # already gone): a second is plenty for a clean stop, then this instance's processes are killed.
    # Its imap processes outlive the master and keep serving their sessions: they are ended too.
    local children
    children=$(pgrep -P "$pid" || true)
    # A frozen server would only take the TERM once thawed.
    # shellcheck disable=SC2086
    kill -CONT "$pid" $children 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone 10 "$pid"; then
        kill -KILL "$pid" $children 2>/dev/null || true
        wait_gone 20 "$pid" || true
    fi
    if [ -n "$children" ]; then
        # shellcheck disable=SC2086
        kill -TERM $children 2>/dev/null || true
        # shellcheck disable=SC2086
        wait_gone 5 $children || { kill -KILL $children 2>/dev/null || true; wait_gone 20 $children || true; }
    fi
    rm -f "$dir/run/master.pid"
}

# Sends a signal to the master and its children.
signal_all() {
    local signal=$1 dir=$2 pid
    [ -f "$dir/run/master.pid" ] || fail "no Dovecot running in $dir"
    pid=$(cat "$dir/run/master.pid")
    # shellcheck disable=SC2046
    kill "-$signal" "$pid" $(pgrep -P "$pid" || true)
}

crash() {
    local dir=$1 pid
    stop_watchdog "$dir"
    [ -f "$dir/run/master.pid" ] || return 0
    pid=$(cat "$dir/run/master.pid")
    local children
    children=$(pgrep -P "$pid" || true)
    # shellcheck disable=SC2086
    kill -KILL "$pid" $children 2>/dev/null || true
    # shellcheck disable=SC2086
    wait_gone 20 "$pid" $children || true
    rm -f "$dir/run/master.pid"
}

start() {
    local dir=$1 port=$2 owner=${3:-}
    command -v dovecot >/dev/null || fail "dovecot is not installed (Debian: dovecot-imapd; run deploy/packages.sh test)"
    [ "$(id -u)" -eq 0 ] || fail "must run as root: Dovecot switches to the dovecot and dovenull users"
    id dovecot >/dev/null 2>&1 && id dovenull >/dev/null 2>&1 || fail "users dovecot and dovenull are missing (reinstall dovecot-core)"
    [[ "$port" =~ ^[0-9]+$ ]] || fail "PORT must be a number, not '$port'"
    mkdir -p "$dir/run" "$dir/state" "$dir/mail"
    dir=$(cd "$dir" && pwd)
    local parent=$dir
    while [ "$parent" != / ]; do
        parent=$(dirname "$parent")
        case "$(stat -c %A "$parent")" in
            *x|*t) ;;
            *) fail "$parent is not traversable by others (mode $(stat -c %a "$parent")): the dovecot user could not reach $dir" ;;
        esac
    done
    # The login and mail processes run unprivileged: they must be able to reach DIR.
    chmod 755 "$dir" "$dir/run" "$dir/state"
    chown dovecot:dovecot "$dir/mail"
    echo 'volunteer:{PLAIN}secret' > "$dir/passwd"
    chmod 644 "$dir/passwd"
    cat > "$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests try a wrong password on purpose; the default 2 s penalty would only slow them down.
auth_failure_delay = 0
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$dir/mail/%u
}
mail_location = maildir:$dir/mail/%u
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
    # Its descriptors must not stay tied to whoever ran this script (a pipe would never close).
    dovecot -c "$dir/dovecot.conf" </dev/null >"$dir/startup.log" 2>&1 \
        || fail "dovecot did not start: $(cat "$dir/startup.log"); see also $dir/dovecot.log"
    for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            # The master listens before it writes its pid file: until that file is there, stop
            # would find nothing to stop, and the watchdog would take the server for stopped and
            # stop it.
            for _ in $(seq 50); do
                [ -s "$dir/run/master.pid" ] && break
                sleep 0.1
            done
            [ -s "$dir/run/master.pid" ] || { stop "$dir"; fail "dovecot accepts on 127.0.0.1:$port but wrote no $dir/run/master.pid"; }
            if [ -n "$owner" ]; then
                # If the test process dies without stopping us, stop anyway.
                nohup setsid /bin/bash -c "while kill -0 $owner 2>/dev/null && [ -f '$dir/run/master.pid' ]; do sleep 1; done; rm -f '$dir/watchdog.pid'; /bin/bash '$0' stop '$dir'" \
                    </dev/null >/dev/null 2>&1 &
                echo $! > "$dir/watchdog.pid"
            fi
            echo "dovecot listening on 127.0.0.1:$port (dir $dir)"
            return 0
        fi
        sleep 0.1
    done
    tail -n 20 "$dir/dovecot.log" >&2 2>/dev/null || true
    stop "$dir"
    fail "dovecot did not accept connections on 127.0.0.1:$port within 10 s (log above)"
}

case "${1:-}" in
    start) [ $# -ge 3 ] || fail "usage: dovecot.sh start DIR PORT [OWNER_PID]"; start "$2" "$3" "${4:-}" ;;
    stop) [ $# -ge 2 ] || fail "usage: dovecot.sh stop DIR"; stop "$2" ;;
    crash) [ $# -ge 2 ] || fail "usage: dovecot.sh crash DIR"; crash "$2" ;;
    freeze) [ $# -ge 2 ] || fail "usage: dovecot.sh freeze DIR"; signal_all STOP "$2" ;;
    thaw) [ $# -ge 2 ] || fail "usage: dovecot.sh thaw DIR"; signal_all CONT "$2" ;;
    *) fail "usage: dovecot.sh start DIR PORT [OWNER_PID] | stop DIR | crash DIR | freeze DIR | thaw DIR" ;;
esac
