# A full temporary directory (where SQLite sorts, vacuums and builds a
# migration's temporary tables) is named as such, not blamed on the
# database's disk, so the space is freed in the right place.
. tests/lib.sh
DB=$TMP/v6.db
ud --db "$DB" migrate up --to 6 >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
sqlite3 "$DB" "with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000)
    insert into audit_log(login, tbl, row_id, action, after_json)
    select 'root', 'members', i, 'read', json_object('detail', printf('%.300c', 'x')) from n"
MNT=$TMP/tmpdir
small_tmpfs "$MNT" 64k || { echo "1..$TESTS_N"; exit 0; }
SQLITE_TMPDIR=$MNT expect_rc 74 "the upgrade fails with the temporary directory full" ud --db "$DB" --lang en migrate up
equals "$(sql "$DB" "select max(version) from schema_migrations")" 6 "…and is undone whole"
lacks "$TMP/err" "cannot write the database $DB" "the message does not blame the database's disk"
contains "$TMP/err" "temporary" "…it names the temporary directory"
echo "1..$TESTS_N"
