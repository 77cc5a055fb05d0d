#!/usr/bin/env bash
# Opt-in install test (ctest -L install; configure with -DNATTER_INSTALL_TESTS=ON):
# builds the packages with CPack, checks their metadata, extracts natter-server's .deb with
# dpkg-deb into a fresh directory tree (no root, nothing installed on this machine) and runs
# the extracted natterd against Debian's libraries only: it must not load anything from the
# build tree, must pass `check`, create an account, start with TLS on a free port, print its
# fingerprint and accept TCP connections, and stop cleanly on SIGTERM.
#
# This is not a clean system: debootstrap is not available offline, so the libraries are this
# machine's Debian 12 packages. What it proves is that the package is self-contained apart
# from the Depends it declares, and that its files work from the packaged layout.
set -euo pipefail
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=""
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack"
(cd "$build" && cpack -G "DEB;TGZ" -B "$work/packages" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb="$(ls "$work"/packages/natter-server_*.deb)"
tgz="$(ls "$work"/packages/natter-server-*.tar.gz)"

echo "== metadata of $(basename "$deb")"
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
control="$(dpkg-deb --ctrl-tarfile "$deb" | tar -t)"
grep -q '^./postinst$' <<<"$control" || fail "no postinst"
conffiles="$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)"
grep -qx /etc/natter/natterd.conf <<<"$conffiles" || fail "conffiles"
archive="$(tar -tzf "$tgz")"
grep -q 'usr/bin/natterd$' <<<"$archive" || fail "archive lacks usr/bin/natterd"

client="$(ls "$work"/packages/natter-client_*.deb 2>/dev/null || true)"
if [ -n "$client" ]; then
    echo "== metadata of $(basename "$client")"
    cinfo="$(dpkg-deb --info "$client")"
    for dep in qt6-qpa-plugins libqt6sql6-sqlite libssl3 libqt6svg6 libqt6widgets6; do
        grep -q "Depends:.*$dep" <<<"$cinfo" || fail "client Depends lacks $dep"
    done
    ccontents="$(dpkg-deb --contents "$client")"
    for f in ./usr/bin/natter ./usr/share/applications/natter.desktop; do
        grep -q " $f\$" <<<"$ccontents" || fail "client package lacks $f"
    done
    dpkg-deb -x "$client" "$work/client-root"
    clibs="$(ldd "$work/client-root/usr/bin/natter")"
    if grep -q "$build\|not found" <<<"$clibs"; then echo "$clibs"; fail "natter's libraries"; fi
fi

echo "== extract into a fresh tree"
root="$work/root"
dpkg-deb -x "$deb" "$root"
natterd="$root/usr/bin/natterd"
[ -x "$natterd" ] || fail "natterd not executable"
libs="$(ldd "$natterd")"
if grep -q "$build" <<<"$libs"; then fail "natterd links into the build tree"; fi
if grep -q "not found" <<<"$libs"; then echo "$libs"; fail "missing libraries"; fi

echo "== configure from the packaged config"
conf="$work/natterd.conf"
sed -e "s|^data-dir=.*|data-dir=$work/data|" -e "s|^port=.*|port=0|" -e "s|^listen=.*|listen=127.0.0.1|" \
    "$root/etc/natter/natterd.conf" >"$conf"
echo "no-discovery=true" >>"$conf"
env -i PATH=/usr/bin:/bin "$natterd" --config "$conf" check >"$work/check.out" || { cat "$work/check.out"; fail "check"; }
env -i PATH=/usr/bin:/bin "$natterd" --config "$conf" user add admin >"$work/add.out" || fail "user add"
grep -q '^password: ' "$work/add.out" || fail "no generated password"

echo "== run"
env -i PATH=/usr/bin:/bin "$natterd" --config "$conf" >"$work/natterd.out" 2>"$work/natterd.err" &
pid=$!
for _ in $(seq 1 100); do
    grep -q 'listening on' "$work/natterd.out" && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/natterd.err"; fail "natterd exited"; }
    sleep 0.1
done
port="$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/natterd.out")"
[ -n "$port" ] || fail "no listening line"
grep -Eq 'fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}$' "$work/natterd.out" || fail "no fingerprint printed"
[ -f "$work/data/tls/natterd.key" ] || fail "no generated key"
[ "$(stat -c %a "$work/data/tls/natterd.key")" = 600 ] || fail "key readable by others"
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port refuses TCP"
printed="$(sed -n 's/.*fingerprint: //p' "$work/natterd.out")"
[ "$(env -i "$natterd" --config "$conf" tls-fingerprint)" = "$printed" ] || fail "tls-fingerprint differs"
kill -TERM "$pid"
wait "$pid" || fail "natterd did not stop cleanly"
pid=""
echo "PASS: packages install and run from an extracted tree"
