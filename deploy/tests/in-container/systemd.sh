#!/bin/sh
# tizilim.service as a sysadmin relies on it, under a real systemd: readiness, reload, the
# watchdog, the sandbox, one journal line per letter. (MemoryMax= and TasksMax= are not
# enforced in a container, whose cgroup controllers are read-only: not checked here.)
. /ci/in-container/lib.sh
read -r v1 _ < /ci/versions
install_package "$(ls /ci/debs/tizilim_"$v1"_*.deb)"
waitfor 20 "postinst started the service" systemctl is-active --quiet tizilim.service

journal() { journalctl -u tizilim.service -o cat --no-pager "$@"; }

echo "== start: active only after READY=1"
systemctl stop tizilim.service
# The daemon held back before it can send READY=1: a shell that execs it in its own place (so
# it stays the main process, whose notifications NotifyAccess=main accepts), stopped with
# SIGSTOP while it waits. Running but silent, the unit must stay 'activating'.
mkdir -p /run/systemd/system/tizilim.service.d
printf '[Service]\nExecStart=\nExecStart=/bin/sh -c "sleep 1; exec /usr/bin/tizilim serve --config /etc/tizilim/tizilim.conf"\n' \
    > /run/systemd/system/tizilim.service.d/held.conf
systemctl daemon-reload
systemctl start --no-block tizilim.service
waitfor 5 "the main process runs" sh -c '[ "$(systemctl show -p MainPID --value tizilim.service)" != 0 ]'
held=$(property MainPID)
kill -STOP "$held"
sleep 4
same "state of a started daemon that has not sent READY=1" "$(property ActiveState)" activating
kill -CONT "$held"
waitfor 20 "active once it sends READY=1" systemctl is-active --quiet tizilim.service
same "the same process" "$(property MainPID)" "$held"
case "$(property StatusText)" in "watching /var/lib/tizilim/maildir/new"*) ok "status text sent with READY=1: $(property StatusText)" ;;
    *) fail "status text '$(property StatusText)'" ;; esac
rm -r /run/systemd/system/tizilim.service.d
systemctl daemon-reload
systemctl restart tizilim.service
same "Type" "$(property Type)" notify
same "state after start" "$(property ActiveState)" active
case "$(property StatusText)" in "watching /var/lib/tizilim/maildir/new"*) ok "status text from the daemon's READY=1" ;;
    *) fail "status text '$(property StatusText)'" ;; esac

echo "== letters: one journal line each, at priority info; a PDF, a scan and a .doc read under the filter"
deliver /ci/letters/sample-1 1000000001.M1P1.ci
deliver /ci/letters/pdf 1000000002.M2P2.ci
deliver /ci/letters/scan 1000000004.M4P4.ci
deliver /ci/letters/doc 1000000005.M5P5.ci
# The daemon allows a scan 90 s of OCR (Sources/Forms/OCRText.swift) and a PDF 20 s (twice): the
# wait covers those bounds, so only a reader that overruns its own deadline fails here. Once,
# right after the release build, 60 s was not enough for this pass (a cold first OCR, we think).
waitfor 120 "the letters taken into cur/" sh -c 'ls /var/lib/tizilim/maildir/cur | grep -c "\.ci" | grep -qx 4'
waitfor 10 "the scan's letter logged" sh -c "journalctl -u tizilim.service -o cat | grep -q 1000000004.M4P4.ci"
waitfor 10 "the .doc letter logged" sh -c "journalctl -u tizilim.service -o cat | grep -q 1000000005.M5P5.ci"
for letter in 1000000001.M1P1.ci 1000000002.M2P2.ci 1000000004.M4P4.ci 1000000005.M5P5.ci; do
    same "journal lines for $letter" "$(journal | grep -c "$letter")" 1
    same "of them at priority info (6)" "$(journal -p info..info | grep -c "$letter")" 1
    refuse "the <6> prefix became the priority, not text" sh -c "journalctl -u tizilim.service -o cat | grep '$letter' | grep -q '^<'"
    echo "     $(journal | grep "$letter")"
done
cases=$(runuser -u tizilim -- tizilim cases list 2>&1)
case "$cases" in *"Сейітқали"*) ok "the PDF's questionnaire was read (the applicant's name from the PDF)" ;;
    *) echo "$cases"; fail "the name in the PDF is not in any case: was the PDF read?" ;; esac
case "$cases" in *"Ким Виктор"*) ok "the scan was read by OCR (the applicant's name from the photo)" ;;
    *) echo "$cases"; fail "the name in the scan is not in any case: did tizilim-ocr run?" ;; esac
# Accepted only if complete: the .doc's underlined choices were read, not only its text.
case "$(journal | grep 1000000005.M5P5.ci)" in *"→ accepted"*) ok "the .doc was read by antiword and accepted" ;;
    *) journal | grep 1000000005.M5P5.ci; fail "the .doc's letter was not accepted: did antiword run?" ;; esac
case "$(runuser -u tizilim -- tizilim cases list --all 2>&1)" in *"Құдайбергенов"*) ok "the applicant's name from the .doc is in a case" ;;
    *) runuser -u tizilim -- tizilim cases list --all; fail "the name in the .doc is not in any case" ;; esac
refuse "no PDF reader failure in the journal" sh -c "journalctl -u tizilim.service -o cat | grep -qiE 'pdf.*(fail|error|denied|unreadable)|not permitted'"


echo "== reload: re-reads the configuration"
pid=$(property MainPID)
notices_from() { grep -h '^From:' /var/lib/tizilim/sent/new/* 2>/dev/null | sort -u | tr '\n' ' '; }
waitfor 20 "receipts written to the sent Maildir" sh -c 'ls /var/lib/tizilim/sent/new | grep -q .'
before=$(notices_from)
case "$before" in *"volunteer@mki.gov.kz"*) ok "notices before the reload: $before" ;; *) fail "notices from '$before'" ;; esac
sed -i 's/^from = .*/from = reloaded@mki.gov.kz/' /etc/tizilim/tizilim.conf
systemctl reload tizilim.service
waitfor 10 "journal: configuration reloaded" sh -c "journalctl -u tizilim.service -o cat | grep -q 'configuration reloaded'"
same "same process after reload" "$(property MainPID)" "$pid"
same "state after reload" "$(property ActiveState)" active
deliver /ci/letters/sample-2 1000000003.M3P3.ci
waitfor 30 "a notice from the reloaded address" sh -c 'grep -lq "^From:.*reloaded@mki.gov.kz" /var/lib/tizilim/sent/new/*'
same "journal lines for the third letter" "$(journal -p info..info | grep -c 1000000003.M3P3.ci)" 1

echo "== sandbox"
pid=$(property MainPID)
status() { awk -v key="$1:" '$1 == key { print $2 }' /proc/"$pid"/status; }
same "effective capabilities" "$(status CapEff)" 0000000000000000
same "permitted capabilities" "$(status CapPrm)" 0000000000000000
same "bounding set" "$(status CapBnd)" 0000000000000000
same "NoNewPrivs" "$(status NoNewPrivs)" 1
same "seccomp filter" "$(status Seccomp)" 2
same "runs as" "$(stat -c %U /proc/"$pid")" tizilim
# In the daemon's own mount namespace, even root cannot write outside /var/lib/tizilim
# (ProtectSystem=strict, ProtectHome=yes); inside it can.
inside() { nsenter --target "$pid" --mount -- sh -c "$1" >/dev/null 2>&1; }
for path in /etc/tizilim/probe /usr/probe /var/probe /var/lib/probe /opt/probe /root/probe /home/probe /srv/probe; do
    refuse "the service cannot write $path" inside "touch $path"
done
expect "the service can write /var/lib/tizilim" inside "touch /var/lib/tizilim/probe && rm /var/lib/tizilim/probe"
expect "the service has a private /tmp" inside "touch /tmp/probe && ! test -e /proc/1/root/tmp/probe"
rm -f /tmp/probe

echo "== watchdog: a hung daemon is killed and restarted"
mkdir -p /run/systemd/system/tizilim.service.d
# Short times for the test: pings every 1.5 s, killed 3 s after the last, restarted 1 s later.
printf '[Service]\nWatchdogSec=3\nRestartSec=1\nTimeoutAbortSec=5\n' > /run/systemd/system/tizilim.service.d/test.conf
systemctl daemon-reload
systemctl restart tizilim.service
same "watchdog set" "$(property WatchdogUSec)" 3s
sleep 5
same "pinged in time: still the same process" "$(property NRestarts)" 0
hung=$(property MainPID)
kill -STOP "$hung"
ok "SIGSTOP to the daemon ($hung): no more pings"
waitfor 30 "systemd restarted it (NRestarts=1)" sh -c '[ "$(systemctl show -p NRestarts --value tizilim.service)" = 1 ]'
waitfor 20 "active again" systemctl is-active --quiet tizilim.service
expect "a new process ($(property MainPID))" [ "$(property MainPID)" != "$hung" ]
expect "journal: the watchdog timeout" sh -c "journalctl -u tizilim.service --no-pager | grep -q 'Watchdog timeout'"
refuse "the hung process is gone" kill -0 "$hung"
rm -r /run/systemd/system/tizilim.service.d
systemctl daemon-reload

echo "== stop"
systemctl stop tizilim.service
same "state after stop" "$(property ActiveState)" inactive
same "result" "$(property Result)" success
echo "systemd test: all checks passed"
