#!/usr/bin/env bash
# Opt-in install test (ctest -L install; configure with -DNATTER_INSTALL_TESTS=ON). Needs root
# (debootstrap, chroot, mount) and Debian's mirror; without root it exits 77, which ctest
# reports as skipped. Usage: test-packages.sh BUILD_DIR PROBE
#
#  1. builds the packages with CPack and checks their metadata;
#  2. makes a clean Debian 12 root (debootstrap --variant=minbase bookworm) in a fresh folder
#     under BUILD_DIR/install-test/, and installs both .debs into it with apt-get, so apt
#     resolves their Depends from Debian (Recommends left out) and the maintainer scripts run;
#  3. checks what postinst made: the natter system user, /var/lib/natter, /etc/natter modes;
#  4. starts natterd as the installed systemd unit would: ExecStart, User, Group and UMask read
#     from the installed unit file, run with that user inside the root (a chroot has no
#     systemd; `systemd-analyze verify` checks the unit when the host has it);
#  5. PROBE (natter-install-probe, natter_client_core) connects from the host over wss://,
#     pinning the fingerprint `natterd tls-fingerprint` prints inside the root; two accounts
#     sign up, become friends and exchange a message;
#  6. `natterd user disable bob`, run inside the root as the unit's user, closes bob's live
#     connection (4006) while the other stays up;
#  7. the installed desktop client `natter` starts inside the root (QT_QPA_PLATFORM=offscreen):
#     --version, then a bounded start whose process must have loaded Qt Widgets and the
#     platform plugin from the root's own files before it is terminated;
#  8. natterd stops cleanly on SIGTERM.
#
# Cached in BUILD_DIR/install-test/cache so reruns skip the downloads: the debootstrapped tree
# (as a tar) and the .debs apt fetched. Delete that folder to start from the mirror again.
# NATTER_DEBIAN_MIRROR overrides the mirror (default http://deb.debian.org/debian).
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the install test needs root (debootstrap, chroot, mount); run ctest -L install as root"
    exit 77
fi
[ $# -eq 2 ] || fail "usage: test-packages.sh BUILD_DIR PROBE"
build="$(cd "$1" && pwd)"
probe="$2"
[ -x "$probe" ] || fail "no probe at $probe (build the natter-install-probe target)"
mirror="${NATTER_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="$build/install-test"
cache="$base/cache"
mkdir -p "$cache/debs"
work="$(mktemp -d "$base/run.XXXXXX")"
root="$work/root"
natterd_pid=""
client_pid=""

cleanup() {
    set +e
    for p in $client_pid $natterd_pid; do kill -KILL "$p" 2>/dev/null; done
    wait 2>/dev/null
    # Anything still running from inside the root (a stray child) goes too.
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -KILL "${p#/proc/}" 2>/dev/null
    done
    for m in "$root/dev/pts" "$root/proc"; do
        mountpoint -q "$m" && { umount "$m" || umount -l "$m"; }
    done
    if findmnt -rn -o TARGET | grep -q "^$work"; then
        echo "cleanup: mounts remain under $work; not deleting it" >&2
    else
        rm -rf --one-file-system "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "== debootstrap (if missing) and cpack"
if ! command -v debootstrap >/dev/null; then
    timeout 300 apt-get update -qq
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq --no-install-recommends debootstrap
fi
(cd "$build" && timeout 600 cpack -G "DEB;TGZ" -B "$work/packages" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log"; fail "cpack"; }
deb="$(ls "$work"/packages/natter-server_*.deb)"
client="$(ls "$work"/packages/natter-client_*.deb)"
tgz="$(ls "$work"/packages/natter-server-*.tar.gz)"

echo "== metadata"
info="$(dpkg-deb --info "$deb")"
for dep in libqt6sql6-sqlite libssl3 libqt6websockets6 libsodium23 adduser; do
    grep -q "Depends:.*$dep" <<<"$info" || fail "Depends lacks $dep"
done
contents="$(dpkg-deb --contents "$deb")"
for f in ./usr/bin/natterd ./etc/natter/natterd.conf ./usr/lib/systemd/system/natterd.service \
         ./usr/lib/sysusers.d/natter.conf ./usr/share/doc/natter-server/README.md; do
    grep -q " $f\$" <<<"$contents" || fail "package lacks $f"
done
# (lists are captured first: grep -q closing a pipe early would fail it under pipefail)
conffiles="$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)"
grep -qx /etc/natter/natterd.conf <<<"$conffiles" || fail "conffiles"
archive="$(tar -tzf "$tgz")"
grep -q 'usr/bin/natterd$' <<<"$archive" || fail "archive lacks usr/bin/natterd"
cinfo="$(dpkg-deb --info "$client")"
for dep in qt6-qpa-plugins libqt6sql6-sqlite libssl3 libqt6svg6 libqt6widgets6; do
    grep -q "Depends:.*$dep" <<<"$cinfo" || fail "client Depends lacks $dep"
done

echo "== clean Debian 12 root"
tarball="$cache/bookworm-minbase.tar"
if [ ! -f "$tarball" ]; then
    echo "debootstrap bookworm (minbase) from $mirror; cached in $tarball"
    rm -rf --one-file-system "$cache/tree"
    timeout 1200 debootstrap --variant=minbase bookworm "$cache/tree" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    tar -C "$cache/tree" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf --one-file-system "$cache/tree"
fi
mkdir "$root"
tar -C "$root" -xf "$tarball"
mount -t proc proc "$root/proc"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Nothing may start daemons in here (the usual policy-rc.d for chroots).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
[ -d "$root/run/systemd/system" ] && fail "the root looks booted with systemd"
in_root id natter >/dev/null 2>&1 && fail "a natter user exists before installing"

echo "== apt-get install ./natter-server*.deb ./natter-client*.deb (Depends from $mirror)"
mkdir -p "$root/tmp/debs"
cp "$deb" "$client" "$root/tmp/debs/"
cp "$cache"/debs/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
timeout 300 chroot "$root" apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update"; }
timeout 900 chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "/tmp/debs/$(basename "$deb")" "/tmp/debs/$(basename "$client")" >>"$work/apt.log" 2>&1 \
    || { tail -40 "$work/apt.log"; fail "apt-get install"; }
cp -n "$root"/var/cache/apt/archives/*.deb "$cache/debs/" 2>/dev/null || true
for p in natter-server natter-client; do
    [ "$(in_root dpkg-query -W -f='${Status}' "$p")" = "install ok installed" ] || fail "$p is not installed"
done
grep -q "Setting up natter-server" "$work/apt.log" || fail "natter-server was not configured"

echo "== what the maintainer scripts made"
entry="$(in_root getent passwd natter)" || fail "postinst made no natter user"
IFS=: read -r _ _ uid gid _ home shell <<<"$entry"
[ "$uid" -lt 1000 ] || fail "natter is not a system user (uid $uid)"
[ "$home" = /var/lib/natter ] || fail "natter's home is $home"
case "$shell" in */nologin|/bin/false) ;; *) fail "natter may log in ($shell)";; esac
# (numeric: the host's own user names do not apply inside the root)
[ "$(stat -c '%u:%g %a' "$root/var/lib/natter")" = "$uid:$gid 750" ] \
    || fail "/var/lib/natter is $(stat -c '%u:%g %a' "$root/var/lib/natter"), not natter:natter 750"
[ "$(stat -c '%u:%g %a' "$root/etc/natter/natterd.conf")" = "0:$gid 640" ] \
    || fail "natterd.conf is $(stat -c '%u:%g %a' "$root/etc/natter/natterd.conf"), not root:natter 640"
echo "natter: uid $uid gid $gid, home $home, shell $shell"

echo "== the installed unit"
unit="$root/usr/lib/systemd/system/natterd.service"
key() { sed -n "s/^$1=//p" "$unit" | tail -1; }
exec_start="$(key ExecStart)"
user="$(key User)"
group="$(key Group)"
umask_="$(key UMask)"
[ -n "$exec_start" ] && [ -n "$user" ] || fail "the unit has no ExecStart or User"
group="${group:-$user}"
echo "ExecStart=$exec_start User=$user Group=$group UMask=${umask_:-0022}"
if command -v systemd-analyze >/dev/null; then
    # The unit as installed, but its ExecStart pointing into the root (verify checks that the
    # binary exists, and a minbase root has no systemd units for --root). Warnings fail too.
    mkdir "$work/unit"
    sed "s|^ExecStart=/|ExecStart=$root/|" "$unit" >"$work/unit/natterd.service"
    timeout 60 systemd-analyze verify --man=no "$work/unit/natterd.service" >"$work/verify.log" 2>&1 \
        && [ ! -s "$work/verify.log" ] || { cat "$work/verify.log"; fail "systemd-analyze verify"; }
    echo "systemd-analyze verify: no complaints"
fi

echo "== configure (the installed conffile, as an administrator would)"
conf="$root/etc/natter/natterd.conf"
sed -i -e 's/^listen=.*/listen=127.0.0.1/' -e 's/^port=.*/port=0/' "$conf"
echo "no-discovery=true" >>"$conf"

echo "== start natterd as $user inside the root"
# Runs the unit's command line (with "$@" appended) the way systemd would. It execs, so call it
# only in a subshell: `run_as_unit &` (its pid is then natterd's) or `$(run_as_unit ...)`.
run_as_unit() {
    exec chroot --userspec="$user:$group" "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        HOME=/var/lib/natter sh -c "umask ${umask_:-0022}; exec $exec_start \"\$@\"" natterd "$@"
}
run_as_unit >"$work/natterd.out" 2>"$work/natterd.err" &
natterd_pid=$!
for _ in $(seq 1 300); do
    grep -qs 'listening on' "$work/natterd.out" && break
    kill -0 "$natterd_pid" 2>/dev/null || { cat "$work/natterd.err"; fail "natterd exited"; }
    sleep 0.1
done
log="$(cat "$work/natterd.out")"
port="$(sed -n 's/^natterd listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' <<<"$log")"
[ -n "$port" ] || { echo "$log"; cat "$work/natterd.err"; fail "natterd printed no listening line"; }
printed="$(sed -En 's/^natterd TLS certificate SHA-256 fingerprint: (([0-9A-F]{2}:){31}[0-9A-F]{2})$/\1/p' <<<"$log")"
[ -n "$printed" ] || { echo "$log"; fail "natterd printed no fingerprint (is TLS on?)"; }
[ "$(readlink "/proc/$natterd_pid/exe")" = "$root/usr/bin/natterd" ] || fail "the process is not the installed natterd"
unit_uid="$(in_root id -u "$user")"
[ "$(stat -c %u "/proc/$natterd_pid")" = "$unit_uid" ] || fail "natterd does not run as $user"
[ "$(stat -c '%u %a' "$root/var/lib/natter/tls/natterd.key")" = "$unit_uid 600" ] || fail "TLS key ownership/mode"
[ "$(stat -c %u "$root/var/lib/natter/natter.db")" = "$unit_uid" ] || fail "database not owned by $user"
fingerprint="$(run_as_unit tls-fingerprint)" || fail "natterd tls-fingerprint"
[ "$fingerprint" = "$printed" ] || fail "tls-fingerprint ($fingerprint) differs from the printed one ($printed)"
echo "natterd listens on 127.0.0.1:$port (wss), fingerprint $fingerprint"

echo "== a natter_client_core client connects from the host"
read -r -a natterd_cmd <<<"$exec_start"
timeout 180 "$probe" "wss://127.0.0.1:$port" "$fingerprint" \
    chroot --userspec="$user:$group" "$root" "${natterd_cmd[@]}" user disable bob \
    || fail "the host client's conversation"

echo "== the installed desktop client inside the root (offscreen)"
install -d -m 700 "$root/tmp/client-home"
version="$(timeout 30 chroot "$root" env -i PATH=/usr/bin:/bin HOME=/tmp/client-home XDG_RUNTIME_DIR=/tmp/client-home \
            QT_QPA_PLATFORM=offscreen natter --version 2>&1)" \
    || { echo "$version"; fail "natter --version"; }
grep -Eq '^Natter [0-9]+\.[0-9]+' <<<"$version" || { echo "$version"; fail "natter --version printed no version"; }
echo "$version"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/tmp/client-home XDG_RUNTIME_DIR=/tmp/client-home \
    QT_QPA_PLATFORM=offscreen natter --server "127.0.0.1:$port" --user admin \
    >"$work/natter.out" 2>&1 &
client_pid=$!
loaded=""
for _ in $(seq 1 100); do
    kill -0 "$client_pid" 2>/dev/null || { cat "$work/natter.out"; fail "natter exited"; }
    maps="$(cat "/proc/$client_pid/maps" 2>/dev/null || true)"
    if grep -q 'platforms/libqoffscreen.so' <<<"$maps" && grep -q 'libQt6Widgets.so' <<<"$maps" \
        && grep -q 'iconengines/libqsvgicon.so' <<<"$maps"; then
        loaded=yes
        break
    fi
    sleep 0.1
done
[ -n "$loaded" ] || { cat "$work/natter.out"; fail "natter did not load Qt Widgets, the platform and SVG icon plugins"; }
sleep 2
kill -0 "$client_pid" 2>/dev/null || { cat "$work/natter.out"; fail "natter died after starting"; }
# Every file it mapped is the root's own: nothing of the host or of the build tree (seen
# from here, the root's files carry the root's path; anonymous shared memory is left out).
outside="$(awk '$6 ~ /^\// {print $6}' "/proc/$client_pid/maps" | sort -u \
           | grep -v -e "^$root/" -e '^/memfd:' -e '^/SYSV' || true)"
[ -z "$outside" ] || { echo "$outside"; fail "natter mapped files from outside the installed root"; }
echo "natter runs with Qt Widgets, the offscreen platform and the SVG icon engine from the root"
kill -TERM "$client_pid"
timeout 10 tail --pid="$client_pid" -f /dev/null || fail "natter did not stop"
client_pid=""

echo "== natterd stops cleanly"
kill -TERM "$natterd_pid"
status=0
timeout 30 tail --pid="$natterd_pid" -f /dev/null || fail "natterd did not stop within 30 s"
wait "$natterd_pid" || status=$?
natterd_pid=""
[ "$status" -eq 0 ] || fail "natterd exited with $status"
echo "PASS: the packages install into a clean Debian 12 root, natterd runs as the unit says, clients connect"
