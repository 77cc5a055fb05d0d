#!/usr/bin/env bash
# The benchmark tools, end to end and briefly, on loopback: natter-seed seeds, natterd serves,
# natter-load drives traffic and a saturation search and accounts for every copy; against
# natter-relay --drop-every 7 it must report exactly the withheld copies as lost. Checks what
# the tools count, never how fast anything is (speed belongs to bench/run-suite).
# Usage: smoke.sh <natterd> <natter-seed> <natter-load> <natter-relay>
set -euo pipefail
NATTERD="$1" SEED="$2" LOAD="$3" RELAY="$4"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/natter-bench-smoke.XXXXXX")"
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$WORK"/*.log; do echo "--- $f" >&2; tail -20 "$f" >&2; done; exit 1; }

# start <name> <command...>: runs a server that prints "... listening on 127.0.0.1:PORT".
start() {
    local name="$1"; shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.log" &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        PORT="$(sed -n 's/^.* listening on 127\.0\.0\.1:\([0-9][0-9]*\).*$/\1/p' "$WORK/$name.out" | head -1)"
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    fail "$name did not start"
}
stop() {
    kill "$SERVER_PID" 2>/dev/null || fail "the server exited before the end of its part"
    wait "$SERVER_PID" || true
    SERVER_PID=""
}

# row <label> <field>: a field of the label's report row (2 = sent, 3 = delivered, 4 = lost,
# 5 = copies/s, 8 = p99), spaces removed.
row() { awk -F'|' -v f="$(($2 + 1))" 'NR == 1 { gsub(/ /, "", $f); print $f }' "$WORK/report/$1.rows.md"; }

load() { timeout 120 "$LOAD" --port "$PORT" --server-pid "$SERVER_PID" --report-dir "$WORK/report" --no-targets "$@" \
             >>"$WORK/load.log" 2>&1 || fail "natter-load $* exited with $?"; }

# 1. natterd, 20 seeded users in 10 friend pairs: each message's two copies (the reply to the
#    sender, the partner's event) arrive, nothing is lost, and natterd's figures are read.
mkdir -p "$WORK/data" "$WORK/report"
"$SEED" --database "$WORK/data/natter.db" --plan "$WORK/plan" --users 20 --pairs 10 >"$WORK/seed.log" 2>&1 \
    || fail "natter-seed"
start natterd "$NATTERD" --listen 127.0.0.1 --port 0 --data-dir "$WORK/data" --no-tls --no-discovery
load --plan "$WORK/plan" --scenario traffic --label direct --users 20 --rate 400 --warmup 1 --duration 2 --drain 5
sent="$(row direct 2)" delivered="$(row direct 3)" lost="$(row direct 4)"
echo "natterd direct: sent $sent, delivered $delivered, lost $lost, p99 $(row direct 8) ms"
[ "$sent" -ge 300 ] || fail "natterd direct: only $sent messages sent in 2 s at 200/s"
[ "$delivered" -eq $((2 * sent)) ] || fail "natterd direct: $delivered copies for $sent messages"
[ "$lost" -eq 0 ] || fail "natterd direct: $lost copies lost"
grep -q 'server CPU [0-9]' "$WORK/report/direct.rows.md" || fail "natterd direct: no server CPU reading"
stop

# 2. natter-relay withholding the partner's copy of every message with k divisible by 7: the
#    window's messages are consecutive ks, so floor or ceil of sent / 7 copies are lost.
start relay "$RELAY" --port 0 --drop-every 7
load --synthetic-users 20 --create-rooms --scenario traffic --label dropped --rate 400 --warmup 1 --duration 2 --drain 4
sent="$(row dropped 2)" delivered="$(row dropped 3)" lost="$(row dropped 4)"
echo "relay dropping every 7th: sent $sent, delivered $delivered, lost $lost"
[ "$sent" -ge 300 ] || fail "relay: only $sent messages sent"
[ "$lost" -eq $((sent / 7)) ] || [ "$lost" -eq $(((sent + 6) / 7)) ] \
    || fail "relay: $lost copies reported lost, $((sent / 7))–$(((sent + 6) / 7)) were withheld"
[ "$delivered" -eq $((2 * sent - lost)) ] || fail "relay: $delivered delivered + $lost lost for $sent messages"
stop

# 3. A saturation search of two steps against the relay (nothing withheld): the verdict row
#    above two step rows, each with messages sent and nothing lost. (Whether a step counts as
#    sustained depends on this machine's moment, so it is not asserted.)
start relay "$RELAY" --port 0
load --synthetic-users 20 --create-rooms --scenario saturation --label saturation --rate 200 --step-factor 1.5 \
    --max-steps 2 --warmup 1 --duration 1 --drain 3
grep -q '^| \*\*saturation (highest sustained)\*\* |' "$WORK/report/saturation.rows.md" \
    || fail "saturation: no verdict row"
[ "$(grep -c '^| saturation step [0-9]* | [1-9]' "$WORK/report/saturation.rows.md")" -eq 2 ] \
    || fail "saturation: not two steps with messages sent"
[ "$(awk -F'|' '/saturation step/ { gsub(/ /, "", $5); s += $5 } END { print s }' "$WORK/report/saturation.rows.md")" -eq 0 ] \
    || fail "saturation: copies lost against the relay"
stop
echo "PASS"
