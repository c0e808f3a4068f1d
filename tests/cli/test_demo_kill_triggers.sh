#!/bin/sh
# init --demo drops each bulk-loaded table's <table>_audit_insert trigger
# inside its transaction and remakes it at the end (bulk_audit.c). However
# the load is interrupted (kill -9 at every sync, kill -9 at moments spread
# over the load, a full disk), the database afterwards passes check and has
# every trigger exactly as a fresh database has it: a database left without
# an audit trigger would lose the audit guarantee silently.
. tests/lib.sh
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    skip "strace is missing or cannot trace here"
    exit 0
fi
SCALE=0.02
ud --db "$TMP/base.db" init >/dev/null || not_ok "an empty database made"
triggers() { sql "$1" "select name || ': ' || sql from sqlite_master where type = 'trigger' order by name"; }
triggers "$TMP/base.db" >"$TMP/want.txt"
n_audit=$(grep -c '_audit_insert:' "$TMP/want.txt")
[ "$n_audit" -ge 9 ] && ok "a fresh database has $n_audit audit insert triggers" ||
    not_ok "a fresh database has audit insert triggers ($n_audit)"

# after: the database at $1 passes check and has the fresh triggers ($2 says when)
after() {
    if ud --db "$1" check >"$TMP/chk" 2>&1; then ok "$2: check passes"; else not_ok "$2: check fails"; diag "$TMP/chk"; fi
    triggers "$1" >"$TMP/got.txt"
    if cmp -s "$TMP/want.txt" "$TMP/got.txt"; then
        ok "$2: every trigger as a fresh database has it"
    else
        not_ok "$2: the triggers differ from a fresh database's"
        diff "$TMP/want.txt" "$TMP/got.txt" | cut -c1-100 | head -10 | sed 's/^/#   /'
    fi
}

demo() { "$UD_BIN" --db "$1" init --demo --scale $SCALE --seed 3 --as-of 2026-11-26; }

n=1
while [ $n -le 40 ]; do
    cp "$TMP/base.db" "$TMP/k.db"
    rm -f "$TMP/k.db-wal" "$TMP/k.db-shm"
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
        strace -f -o /dev/null -e trace=fdatasync -e inject=fdatasync:signal=KILL:when=$n \
        "$UD_BIN" --db "$TMP/k.db" init --demo --scale $SCALE --seed 3 --as-of 2026-11-26 >/dev/null 2>&1
    rc=$?
    after "$TMP/k.db" "killed at fdatasync $n (exit $rc)"
    [ $rc -eq 0 ] && break
    n=$((n + 1))
done
[ $n -gt 1 ] && ok "the demo load was killed at $((n - 1)) syncs before it completed" ||
    not_ok "no sync was killed (the load never synced?)"
m=$(sql "$TMP/k.db" "select count(*) from members")
[ "${m:-0}" -gt 0 ] && ok "the uninterrupted load completed ($m members)" || not_ok "the uninterrupted load completed ($m members)"

# kill -9 at moments spread over the load (most of it is in memory: no sync)
start=$(date +%s%N)
cp "$TMP/base.db" "$TMP/t.db"
demo "$TMP/t.db" >/dev/null 2>&1
ms=$((($(date +%s%N) - start) / 1000000))
for pct in 5 15 30 45 60 75 90; do
    cp "$TMP/base.db" "$TMP/k.db"
    rm -f "$TMP/k.db-wal" "$TMP/k.db-shm"
    # the program itself in the background (a function would be a subshell: killing it leaves the program running)
    "$UD_BIN" --db "$TMP/k.db" init --demo --scale $SCALE --seed 3 --as-of 2026-11-26 >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms=$ms -v p=$pct 'BEGIN { printf "%.3f", ms * p / 100000 }')"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    after "$TMP/k.db" "killed at about $pct% of the load"
done

# a disk that fills during the load: refused, then fine once there is room
if small_tmpfs "$TMP/full" 6m; then
    cp "$TMP/base.db" "$TMP/full/f.db"
    demo "$TMP/full/f.db" >/dev/null 2>"$TMP/full.err"
    rc=$?
    equals "$rc" 74 "a demo load on a full disk fails as an I/O error"
    mount -o remount,size=200m "$TMP/full"
    after "$TMP/full/f.db" "after a full disk, with room made"
    equals "$(sql "$TMP/full/f.db" "select count(*) from members")" 0 "…and no member of the failed load is left"
fi

echo "1..$TESTS_N"
