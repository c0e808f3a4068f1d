# The compaction after the lean-audit upgrade (0007) on a full temporary
# directory: VACUUM builds its copy in SQLite's temporary directory; when
# that is full the upgrade is still whole, and the notice says why the
# compaction did not finish (it said "not an error": the reason was read
# after a later statement had reset it).
. tests/lib.sh
DB=$TMP/v6.db
ud --db "$DB" migrate up --to 6 >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
equals "$(sql "$DB" "select max(version) from schema_migrations")" 6 "a version-6 database made"
# 3 MB outside the audit log: the upgrade's own temporary tables stay
# small, the copy VACUUM makes does not fit the 512 KiB below
sqlite3 "$DB" "create table filler(b); insert into filler values (randomblob(3000000));"
MNT=$TMP/tmpdir
small_tmpfs "$MNT" 512k || { echo "1..$TESTS_N"; exit 0; }
SQLITE_TMPDIR=$MNT expect_rc 0 "the upgrade succeeds though the compaction cannot" ud --db "$DB" --lang en migrate up
equals "$(sql "$DB" "select max(version) from schema_migrations")" 8 "the database is at version 8"
contains "$TMP/err" "compacting the database file did not finish" "the notice says the compaction did not finish"
lacks "$TMP/err" "not an error" "…with its reason, not 'not an error'"
contains "$TMP/err" "full" "…which is a full disk"
equals "$(sql "$DB" "pragma integrity_check")" ok "the database passes integrity_check"
expect_rc 0 "uniondesk check is clean afterwards" ud --db "$DB" check
echo "1..$TESTS_N"
