# PENDING (fails): a full TEMPORARY directory is reported as a full disk
# under the database. Migration 0007 (temp_store = FILE) builds its
# temporary tables in SQLite's temporary directory; when that directory's
# file system is full, SQLITE_FULL is reported as "the disk is full:
# cannot write the database DB" though DB's own disk has room, so an
# officer frees space in the wrong place. Not in the suite: telling the
# two apart needs the free space of both file systems (statvfs), not a
# one-line fix. Run by hand: UD_BIN=$PWD/uniondesk sh tests/pending/test_tmpdir_full_message.sh
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
