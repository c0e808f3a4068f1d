# kill -9 at each fdatasync (and fsync) during an import (issue 7, "What
# must hold" 1): strace kills the program at the Nth sync, for N = 1, 2, …
# until the import completes. After every kill the database passes
# integrity_check and holds either none of the file's members or all.
. tests/lib.sh
. tests/cli/lib_members.sh
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    skip "strace is missing or cannot trace here"
    exit 0
fi
ROWS=3000
members_orgs "$TMP/orgs.csv"
members_csv $ROWS BL-001 "$TMP/m.csv"
ud --db "$TMP/base.db" init >/dev/null && ud --db "$TMP/base.db" import orgs "$TMP/orgs.csv" >/dev/null ||
    not_ok "base database made"
kills=0
partial=0
for mode in "" --skip-bad; do
    for call in fdatasync fsync; do
        n=1
        while [ $n -le 200 ]; do
            rm -f "$TMP/k.db" "$TMP/k.db-wal" "$TMP/k.db-shm"
            cp "$TMP/base.db" "$TMP/k.db"
            # (LeakSanitizer cannot work under ptrace: off in a sanitizer build)
            ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
                strace -f -o /dev/null -e trace=$call -e inject=$call:signal=KILL:when=$n \
                "$UD_BIN" --db "$TMP/k.db" import members "$TMP/m.csv" $mode >"$TMP/out" 2>"$TMP/err"
            rc=$?
            # the sqlite3 shell opens the file as the next user would: a hot
            # WAL is recovered first
            got=$(sql "$TMP/k.db" "select count(*) from members")
            integ=$(sql "$TMP/k.db" "pragma integrity_check")
            if [ "$rc" -eq 0 ]; then
                equals "$got" $ROWS "import${mode:+ $mode}: with no kill at $call $n it completes with all $ROWS members"
                break
            fi
            if [ "$rc" -ne 137 ]; then
                not_ok "import${mode:+ $mode} at $call $n ended with exit $rc, neither killed nor complete"
                diag "$TMP/err"
                break
            fi
            kills=$((kills + 1))
            if [ "$integ" != ok ] || { [ "$got" != 0 ] && [ "$got" != $ROWS ]; }; then
                partial=$((partial + 1))
                not_ok "import${mode:+ $mode} killed at $call $n (exit $rc): $got members, integrity '$integ'"
            else
                ok "import${mode:+ $mode} killed at $call $n: all or nothing ($got members), integrity ok"
            fi
            n=$((n + 1))
        done
    done
done
echo "# kill points: $kills, partial writes: $partial"
[ $kills -gt 0 ] && ok "the program was killed at $kills sync points" || not_ok "no kill point was reached"
