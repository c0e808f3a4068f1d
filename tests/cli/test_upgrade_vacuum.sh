# The compaction after the lean-audit upgrade (0007) on a full temporary
# directory: VACUUM builds its copy in SQLite's temporary directory; when
# that is full the upgrade is still whole, and the notice says why the
# compaction did not finish (it said "not an error": the reason was read
# after a later statement had reset it).
. tests/lib.sh
LATEST_V=$(ls "$UD_ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql | sed 's|.*/||; s/_.*//; s/^0*//' | sort -n | tail -1)
DB=$TMP/v6.db
ud --db "$DB" migrate up --to 6 >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
equals "$(sql "$DB" "select max(version) from schema_migrations")" 6 "a version-6 database made"
# 3 MB outside the audit log: the upgrade's own temporary tables stay
# small, the copy VACUUM makes does not fit the 512 KiB below
sqlite3 "$DB" "create table filler(b); insert into filler values (randomblob(3000000));"
MNT=$TMP/tmpdir
small_tmpfs "$MNT" 512k || { echo "1..$TESTS_N"; exit 0; }
SQLITE_TMPDIR=$MNT expect_rc 0 "the upgrade succeeds though the compaction cannot" ud --db "$DB" --lang en migrate up
equals "$(sql "$DB" "select max(version) from schema_migrations")" "$LATEST_V" "the database is at version $LATEST_V"
contains "$TMP/err" "compacting the database file did not finish" "the notice says the compaction did not finish"
lacks "$TMP/err" "not an error" "…with its reason, not 'not an error'"
contains "$TMP/err" "full" "…which is a full disk"
equals "$(sql "$DB" "pragma integrity_check")" ok "the database passes integrity_check"
expect_rc 0 "uniondesk check is clean afterwards" ud --db "$DB" check

# Six clerks open the old file at once: each backs it up and waits for the
# lock, one upgrades. Only that one compacts the file: the others found it
# upgraded (a VACUUM each, 11 s at scale 1, holding the write lock).
DB2=$TMP/v6b.db
ud --db "$DB2" migrate up --to 6 >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
sqlite3 "$DB2" "create table filler(b); insert into filler values (randomblob(3000000));"
for i in 1 2 3 4 5 6; do
    (SQLITE_TMPDIR=$MNT ud --db "$DB2" --lang en find members 李 >/dev/null 2>"$TMP/c$i.err"
        echo $? >"$TMP/c$i.rc") &
done
wait
equals "$(cat "$TMP"/c?.rc | sort -u | tr '\n' ' ')" "0 " "six processes opening an old file at once all succeed"
equals "$(sql "$DB2" "select max(version) from schema_migrations")" "$LATEST_V" "…and the file is at version $LATEST_V"
equals "$(cat "$TMP"/c?.err | grep -c "compacting the database file")" 1 "…compacted once, by the process that upgraded it"
echo "1..$TESTS_N"
