#!/bin/sh
# The Debian package through its life under a real systemd: install, upgrade, remove, purge.
# /ci/debs holds the package (tizilim_<V1>_*.deb) and a newer build of it (<V2>), named in
# /ci/versions.
. /ci/in-container/lib.sh
read -r v1 v2 < /ci/versions
deb1=$(ls /ci/debs/tizilim_"$v1"_*.deb)
deb2=$(ls /ci/debs/tizilim_"$v2"_*.deb)
status() { dpkg-query -W -f='${db:Status-Abbrev}${Version}' tizilim 2>/dev/null || true; }

echo "== install $deb1"
install_package "$deb1"
same "package" "$(status)" "ii $v1"
same "tizilim --version" "$(tizilim --version)" "tizilim $(sed -n 's/.*let version = "\(.*\)".*/\1/p' /ci/Tizilim.swift)"
mode /usr/bin/tizilim 755 root:root
mode /usr/libexec/tizilim/tizilim-pdftext 755 root:root
mode /lib/systemd/system/tizilim.service 644 root:root
mode /usr/share/man/man1/tizilim.1.gz 644 root:root
mode /usr/share/bash-completion/completions/tizilim 644 root:root
mode /usr/share/doc/tizilim/examples/postfix-main.cf 644 root:root
mode /usr/share/doc/tizilim/examples/imap.conf 644 root:root
mode /etc/tizilim 750 root:tizilim
mode /etc/tizilim/tizilim.conf 640 root:tizilim
mode /etc/tizilim/calendar.txt 640 root:tizilim
mode /etc/tizilim/templates 750 root:tizilim
mode /etc/tizilim/templates/refinement.kk.txt 640 root:tizilim
mode /var/lib/tizilim 711 tizilim:tizilim
for folder in maildir sent; do
    mode /var/lib/tizilim/$folder 750 tizilim:tizilim
    for sub in cur new tmp; do mode /var/lib/tizilim/$folder/$sub 750 tizilim:tizilim; done
done
mode /var/lib/tizilim/publish 755 tizilim:tizilim
mode /var/lib/tizilim/metrics 755 tizilim:tizilim
same "ExecStart" "$(grep '^ExecStart=' /lib/systemd/system/tizilim.service)" \
    "ExecStart=/usr/bin/tizilim serve --config /etc/tizilim/tizilim.conf"

account=$(getent passwd tizilim) || fail "no tizilim user"
same "user's home and shell" "$(echo "$account" | cut -d: -f6,7)" "/var/lib/tizilim:/usr/sbin/nologin"
uid=$(echo "$account" | cut -d: -f3)
expect "tizilim is a system user (uid $uid)" [ "$uid" -lt 1000 ]
same "tizilim's group" "$(id -gn tizilim)" tizilim

conffiles=$(dpkg-query -W -f='${Conffiles}' tizilim | awk '{print $1}' | sort | tr '\n' ' ')
for conffile in /etc/tizilim/tizilim.conf /etc/tizilim/calendar.txt /etc/tizilim/templates/acceptance.ru.txt; do
    case " $conffiles" in *" $conffile "*) ok "conffile $conffile" ;; *) fail "$conffile is not a conffile: $conffiles" ;; esac
done

runuser -u tizilim -- tizilim doctor >/tmp/doctor.txt 2>&1 || { cat /tmp/doctor.txt; fail "tizilim doctor"; }
ok "tizilim doctor passes as the service user"
grep -i 'pdf' /tmp/doctor.txt | grep -q '^OK' || { cat /tmp/doctor.txt; fail "doctor: tizilim-pdftext not OK"; }
ok "doctor: the PDF reader works"
same "unit enabled" "$(systemctl is-enabled tizilim.service)" enabled
# postinst starts it once doctor passes, as it does with the shipped configuration.
waitfor 20 "the service is active after install" systemctl is-active --quiet tizilim.service
waitfor 20 "the daemon created its store" test -f /var/lib/tizilim/tizilim.sqlite
mode /var/lib/tizilim/tizilim.sqlite 640 tizilim:tizilim
pid1=$(property MainPID)

echo "== upgrade to $deb2"
echo "working_hours = 08:30-17:30  # edited by the operator" >> /etc/tizilim/tizilim.conf
edited=$(md5sum < /etc/tizilim/tizilim.conf)
printf 'Subject: kept\n\nkept\n' > /var/lib/tizilim/maildir/cur/1.kept:2,S
install_package "$deb2"
same "package" "$(status)" "ii $v2"
same "edited configuration kept" "$(md5sum < /etc/tizilim/tizilim.conf)" "$edited"
refuse "no .dpkg-* files beside the configuration" sh -c 'ls /etc/tizilim/*.dpkg-* 2>/dev/null | grep -q .'
mode /etc/tizilim/tizilim.conf 640 root:tizilim
mode /etc/tizilim 750 root:tizilim
expect "data kept" test -f /var/lib/tizilim/maildir/cur/1.kept:2,S
expect "store kept" test -f /var/lib/tizilim/tizilim.sqlite
waitfor 20 "the service is active after the upgrade" systemctl is-active --quiet tizilim.service
pid2=$(property MainPID)
expect "the upgrade restarted the daemon (pid $pid1 -> $pid2)" [ "$pid1" != "$pid2" ]

echo "== remove"
apt-get remove -y -q tizilim </dev/null >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get remove"; }
same "package" "$(status)" "rc $v2"
refuse "the service is stopped" systemctl is-active --quiet tizilim.service
refuse "the program is gone" test -e /usr/bin/tizilim
refuse "the unit is gone" test -e /lib/systemd/system/tizilim.service
refuse "the PDF reader is gone" test -e /usr/libexec/tizilim/tizilim-pdftext
expect "configuration kept" test -f /etc/tizilim/tizilim.conf
same "edited configuration kept" "$(md5sum < /etc/tizilim/tizilim.conf)" "$edited"
expect "data kept" test -f /var/lib/tizilim/maildir/cur/1.kept:2,S
expect "store kept" test -f /var/lib/tizilim/tizilim.sqlite
expect "user kept" getent passwd tizilim

echo "== install again over a configuration doctor rejects: enabled, not started"
cp /etc/tizilim/tizilim.conf /tmp/tizilim.conf.good
sed -i 's/^decisions = .*/decisions = sometimes/' /etc/tizilim/tizilim.conf
apt-get install -y -q --no-install-recommends "$deb2" </dev/null >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get install"; }
same "package" "$(status)" "ii $v2"
expect "postinst says why it did not start" grep -q "not started: 'tizilim doctor' found problems" /tmp/apt.log
grep -A2 "not started" /tmp/apt.log | sed 's/^/     /'
refuse "the service is not started" systemctl is-active --quiet tizilim.service
same "unit enabled" "$(systemctl is-enabled tizilim.service)" enabled
cp /tmp/tizilim.conf.good /etc/tizilim/tizilim.conf
runuser -u tizilim -- tizilim doctor >/dev/null 2>&1 || fail "doctor after the configuration was mended"
systemctl start tizilim.service
expect "starts once the configuration passes doctor" systemctl is-active --quiet tizilim.service

echo "== purge"
apt-get purge -y -q tizilim </dev/null >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get purge"; }
same "package" "$(status)" ""
refuse "configuration gone" test -e /etc/tizilim
refuse "data gone" test -e /var/lib/tizilim
same "no statoverrides left" "$(dpkg-statoverride --list '/etc/tizilim*')" ""
refuse "no unit symlinks left" test -e /etc/systemd/system/multi-user.target.wants/tizilim.service

echo "== install again after purge"
install_package "$deb1"
mode /etc/tizilim/tizilim.conf 640 root:tizilim
mode /var/lib/tizilim/maildir/new 750 tizilim:tizilim
waitfor 20 "the service is active again" systemctl is-active --quiet tizilim.service
echo "package test: all checks passed"
