#!/bin/sh
# An upgrade that is refused and rolled back (here 0009's guard, on a
# version-8 database whose CHECK text was edited by hand) leaves the
# database unchanged: the backup made before it is a second copy of the
# same file. Every command retries the upgrade, so each one left another
# full-size copy beside the database until the disk filled. The refused
# attempt now removes its own backup; a successful upgrade keeps one.
. tests/lib.sh
D=$TMP/d
mkdir -p "$D"
ud --db "$D/h.db" migrate up --to 8 >/dev/null 2>"$TMP/mk.err" || diag "$TMP/mk.err"
sqlite3 "$D/h.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'gender IN (''M'', ''F'')', 'gender IN (''M'', ''F'', ''X'')')
    WHERE type = 'table' AND name = 'members';
PRAGMA writable_schema = OFF;"
equals "$(sql "$D/h.db" "select count(*) from sqlite_schema where sql like '%''X'')%'")" 1 "a version-8 database with a CHECK edited by hand"
sum0=$(sha1sum <"$D/h.db")
for i in 1 2 3; do
    expect_rc 70 "attempt $i: the upgrade is refused" ud --db "$D/h.db" migrate up
    contains "$TMP/err" "0009" "…naming the migration (attempt $i)"
done
equals "$(sha1sum <"$D/h.db")" "$sum0" "the database file is unchanged"
equals "$(sql "$D/h.db" "pragma user_version")" 8 "…still at version 8"
equals "$(ls "$D" | grep -c '\.bak$')" 0 "no backup copy is left by the refused attempts"
expect_rc 70 "another command on it is refused too" ud --db "$D/h.db" check
equals "$(ls "$D" | grep -c '\.bak$')" 0 "…and leaves no backup either"

# the same database without the edit upgrades and keeps its backup
ud --db "$TMP/ok.db" migrate up --to 8 >/dev/null 2>&1
expect_rc 0 "an unedited version-8 database upgrades" ud --db "$TMP/ok.db" migrate up
equals "$(ls "$TMP" | grep -c '^ok\.db\.v8-.*\.bak$')" 1 "…with its backup beside it"

echo "1..$TESTS_N"
