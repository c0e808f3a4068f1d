# Migration 0009: the IN lists of the tables' CHECK constraints rewritten
# as OR chains in sqlite_schema's text, no row touched. A fresh database
# has none left; a version-8 database with rows is upgraded to exactly
# the fresh schema with every row as it was; every rewritten constraint
# accepts and refuses what it did (probed on both, tests/cli/check_probe.py);
# another connection open during the upgrade sees the new text.
. tests/lib.sh
LATEST_V=$(ls "$UD_ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql | sed 's|.*/||; s/_.*//; s/^0*//' | sort -n | tail -1)
NEW=$TMP/new.db
V8=$TMP/v8.db
ud --db "$NEW" init >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
ud --db "$V8" migrate up --to 8 >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
# the objects of a database, its rootpages aside
schema() { sql "$1" "select type, name, tbl_name, sql from sqlite_schema where name not like 'sqlite_%' order by type, name"; }
# every row of every table (schema_migrations aside), as .dump writes it
rows() { sqlite3 "$1" .dump | grep '^INSERT INTO' | grep -v '^INSERT INTO sqlite_\|^INSERT INTO schema_migrations' | sha1sum; }

# 1. a fresh database
equals "$(sql "$NEW" "pragma user_version")" "$LATEST_V" "a fresh database is at version $LATEST_V"
n8=$($PY tools/inlists.py list "$V8" | wc -l)
[ "$n8" -gt 20 ] && ok "a version-8 database has IN lists in its CHECKs ($n8)" || not_ok "a version-8 database has IN lists ($n8)"
equals "$($PY tools/inlists.py sql "$V8" | sha1sum)" \
    "$(sed -n '/^UPDATE sqlite_schema/,/^PRAGMA writable_schema = RESET;/p' migrations/0009_check_or_chains.sql | sed '$d;/^$/d' | sha1sum)" \
    "0009's UPDATEs are what tools/inlists.py makes of a fresh version-8 database"
equals "$($PY tools/inlists.py list "$NEW")" "" "a fresh database has none"
equals "$(sql "$NEW" "select group_concat(name) from sqlite_schema where name <> 'audit_log' and sql like '% in (%'")" "" \
    "…no table's text has ' IN (' (audit_log's comment aside)"
equals "$(sql "$NEW" "pragma integrity_check")" ok "…and passes integrity_check"
sv8=$(sql "$V8" "pragma schema_version")
sv9=$(sql "$NEW" "pragma schema_version")
[ "$sv9" -gt "$sv8" ] && ok "…its schema cookie moved on from version 8's ($sv8 -> $sv9)" || not_ok "schema cookie $sv8 -> $sv9"

# 2. a version-8 database with rows: the demo's, its tables' text put back
# to version 8's (as 0009 changes nothing else), then checked to be exactly
# the schema of migrations 1-8
OLD=$TMP/old.db
cp "$(demo_db)" "$OLD"
sqlite3 "$OLD" "ATTACH '$V8' AS v8;
PRAGMA writable_schema = ON;
UPDATE main.sqlite_schema AS m SET sql = (SELECT s.sql FROM v8.sqlite_schema s WHERE s.type = 'table' AND s.name = m.name)
    WHERE m.type = 'table' AND m.name IN (SELECT name FROM v8.sqlite_schema WHERE type = 'table');
PRAGMA writable_schema = RESET;
DELETE FROM schema_migrations WHERE version > 8;
PRAGMA user_version = 8;
CREATE TABLE bump(x); DROP TABLE bump;" 2>"$TMP/mk.err" || diag "$TMP/mk.err"
equals "$(schema "$OLD" | sha1sum)" "$(schema "$V8" | sha1sum)" "a version-8 database with the demo's rows: exactly version 8's schema"
equals "$(sql "$OLD" "pragma integrity_check")" ok "…passing integrity_check"
cp "$OLD" "$TMP/probe8.db"
rows_before=$(rows "$OLD")
expect_rc 0 "the program upgrades it" ud --db "$OLD" check
equals "$(sql "$OLD" "pragma user_version")" "$LATEST_V" "…to version $LATEST_V"
equals "$(rows "$OLD")" "$rows_before" "…every row of every table as it was ($(sqlite3 "$OLD" .dump | grep -c '^INSERT INTO') rows)"
equals "$(sql "$OLD" "pragma integrity_check")" ok "…integrity_check ok"
equals "$(schema "$OLD" | sha1sum)" "$(schema "$NEW" | sha1sum)" "…the schema exactly a fresh database's"
if [ "$LATEST_V" = 9 ]; then
    equals "$(sql "$OLD" "select name from schema_migrations where version = 9")" 0009_check_or_chains.sql "…0009 recorded"
fi

# 3. every rewritten constraint, as listed by version 8's own schema
# (scratch copies: the probe drops their triggers)
cp "$TMP/probe8.db" "$TMP/scratch8.db"
cp "$OLD" "$TMP/scratch9.db"
$PY tests/cli/check_probe.py "$UD_ROOT" "$TMP/scratch8.db" "$TMP/scratch9.db" >"$TMP/probe.out" 2>&1
while IFS= read -r line; do
    case $line in
    PASS*" rows, "*) ok "${line#PASS }: old and new agree; listed values accepted, others refused" ;;
    PASS*) ok "${line#PASS }" ;;
    *) not_ok "$line" ;;
    esac
done <"$TMP/probe.out"
equals "$(grep -c '^PASS.* rows, ' "$TMP/probe.out")" "$(cut -f1,2 <<EOF | sort -u | wc -l
$($PY tools/inlists.py list "$TMP/scratch8.db")
EOF
)" "…one line for every column whose CHECK had an IN list"

# 4. a connection open through the upgrade (a clerk's screen) reads the
# new text: a refused write names the constraint as it is now. Without
# the schema cookie moving, it would go on with the old one (control).
long_lived() { # DB: refuses a write, waits for $TMP/go, refuses it again
    $PY - "$1" "$TMP/go" <<'EOF'
import os, re, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
# the triggers call the program's functions: stubs, for they never run
text = " ".join(t for (t,) in con.execute("SELECT sql FROM sqlite_schema WHERE type = 'trigger'").fetchall())
for f in set(re.findall(r"\b(ud_\w+)\s*\(", text)):
    con.create_function(f, -1, lambda *a: None)
def refused():
    try:
        con.execute("UPDATE members SET gender = 'X' WHERE rowid = (SELECT min(rowid) FROM members)")
        return "accepted"
    except sqlite3.DatabaseError as e:
        return str(e)
print(refused(), flush=True)
while not os.path.exists(sys.argv[2]):
    time.sleep(0.05)
print(refused(), flush=True)
EOF
}
L=$TMP/live.db
cp "$TMP/probe8.db" "$L"
rm -f "$TMP/go"
long_lived "$L" >"$TMP/live.out" 2>&1 &
pid=$!
while [ ! -s "$TMP/live.out" ] && kill -0 $pid 2>/dev/null; do sleep 0.05; done
ud --db "$L" check >/dev/null 2>"$TMP/up.err" || diag "$TMP/up.err"
touch "$TMP/go"
wait $pid
equals "$(sed -n 1p "$TMP/live.out")" "CHECK constraint failed: gender IN ('M', 'F')" "an open connection refuses a bad gender by the IN list"
equals "$(sed -n 2p "$TMP/live.out")" "CHECK constraint failed: gender = 'M' OR gender = 'F'" \
    "…and after another process upgraded the file, by the OR chain"
C=$TMP/control.db
cp "$TMP/probe8.db" "$C"
rm -f "$TMP/go"
long_lived "$C" >"$TMP/control.out" 2>&1 &
pid=$!
while [ ! -s "$TMP/control.out" ] && kill -0 $pid 2>/dev/null; do sleep 0.05; done
sed -n '/^PRAGMA writable_schema = ON;/,/^PRAGMA writable_schema = RESET;/p' migrations/0009_check_or_chains.sql |
    sed 's/= RESET;/= OFF;/' | sqlite3 "$C" 2>"$TMP/c.err" || diag "$TMP/c.err"
touch "$TMP/go"
wait $pid
equals "$(sed -n 2p "$TMP/control.out")" "CHECK constraint failed: gender IN ('M', 'F')" \
    "(control: the same UPDATEs without a DDL to move the cookie go unseen by it)"
equals "$(sql "$C" "select count(*) from sqlite_schema where sql like '%gender = ''M'' OR%'")" 1 \
    "(control: …though the file has the new text)"

# 5. a mismatch rolls the whole upgrade back: a version-8 text the
# migration does not expect (one space less) leaves the file as it was
M=$TMP/mismatch.db
cp "$TMP/probe8.db" "$M"
sqlite3 "$M" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'gender IN (''M'', ''F'')', 'gender IN (''M'',''F'')') WHERE name = 'members';
PRAGMA writable_schema = RESET; CREATE TABLE bump(x); DROP TABLE bump;"
sum=$(md5sum <"$M")
expect_rc 70 "an unexpected version-8 text stops the upgrade" ud --db "$M" --lang en check
contains "$TMP/err" "migration 0009: a CHECK constraint still has an IN list" "…saying why"
contains "$TMP/err" "stays at version 8" "…and that the database stays at version 8"
equals "$(md5sum <"$M")" "$sum" "…the file unchanged"

# 6. kill -9 at each fdatasync and fsync of the upgrade (as
# test_kill_sync.sh does for an import): after every kill the file is
# whole, with its rows, at version 8 with version 8's text or at the
# latest with the fresh text, never between
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    skip "strace is missing or cannot trace here"
else
    kills=0
    bad=0
    s8=$(schema "$TMP/probe8.db" | sha1sum)
    s9=$(schema "$NEW" | sha1sum)
    for call in fdatasync fsync; do
        n=1
        while [ $n -le 100 ]; do
            rm -f "$TMP"/k.db*
            cp "$TMP/probe8.db" "$TMP/k.db"
            ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
                strace -f -o /dev/null -e trace=$call -e inject=$call:signal=KILL:when=$n \
                "$UD_BIN" --db "$TMP/k.db" check >/dev/null 2>"$TMP/k.err"
            rc=$?
            state="$(sql "$TMP/k.db" "pragma integrity_check")|$(sql "$TMP/k.db" "pragma user_version")"
            got=$(schema "$TMP/k.db" | sha1sum)
            if [ "$state" != "ok|8" ] && [ "$state" != "ok|$LATEST_V" ] ||
                { [ "$state" = "ok|8" ] && [ "$got" != "$s8" ]; } ||
                { [ "$state" = "ok|$LATEST_V" ] && [ "$got" != "$s9" ]; } || [ "$(rows "$TMP/k.db")" != "$rows_before" ]; then
                bad=$((bad + 1))
                not_ok "upgrade killed at $call $n (exit $rc): $state, schema or rows not whole"
            fi
            [ "$rc" -eq 137 ] || break
            kills=$((kills + 1))
            n=$((n + 1))
        done
    done
    [ $kills -gt 0 ] && [ $bad -eq 0 ] && ok "killed at $kills sync points of the upgrade: each time version 8 or $LATEST_V, whole" ||
        not_ok "kill points $kills, not whole $bad"
fi
echo "1..$TESTS_N"
