# Migrations: a database made at migration 1 and holding data is upgraded
# by the current binary with a backup and nothing lost; a database from a
# newer program, or with an altered migration, is refused and left
# byte-for-byte as it was.
. tests/lib.sh
. tests/cli/lib_idnum.sh
DB=$TMP/old.db
expect_rc 0 "migrate up --to 1 makes a version-1 database" ud --db "$DB" migrate up --to 1
equals "$(sql "$DB" "pragma user_version")" 1 "user_version mirrors migration 1"

# data written the way version 1 knew it (no audit triggers yet)
A=$(idnum 19850312 123)
B=$(idnum 19900101 124)
sql "$DB" "insert into users(login, role) values ('root', 'admin');
insert into orgs(id, code, name, kind) values (1, 'BL', '北仑区总工会', 'district_federation');
insert into orgs(id, code, name, kind, parent_id) values (2, 'BL-XQ', '新碶街道总工会', 'street_federation', 1);
insert into orgs(id, code, name, kind, parent_id) values (3, 'BL-XQ-001', '宁波港机械厂工会', 'enterprise_union', 2);
insert into members(name, gender, id_number, birth_date, org_id) values ('张三丰', 'M', '$A', '1985-03-12', 3);
insert into members(name, gender, id_number, birth_date, org_id) values ('李四', 'F', '$B', '1990-01-01', 3);
insert into cases(case_no, mediation_org_id, received_on, filed_on, applicant_name, dispute_type, status, claim_fen)
  values ('TJ-2026-00001', 2, '2026-10-01', '2026-10-02', '张三丰', 'wages', 'filed', 1234567);
insert into case_events(case_id, login, kind, to_status) values (1, 'root', 'status', 'filed');"
# the columns of cases at version 1 (0006 adds more, NULL in old rows:
# test_migrate_cases.sh)
CASES_V1="id, case_no, mediation_org_id, received_on, filed_on, workers_count, applicant_name, applicant_id_number,
  applicant_phone, member_id, employer_name, employer_credit_code, employer_org_id, dispute_type, claim_fen, agreed_fen,
  mediator, status, closed_on, outcome, referred_to_arbitration, created_at, updated_at, version"
dump_before=$(sqlite3 "$DB" "select * from orgs; select * from members; select $CASES_V1 from cases; select * from case_events; select * from users;" | md5sum)

expect_rc 0 "migrate status on the old database" ud --db "$DB" migrate status
contains "$TMP/out" "0002_audit.sql" "status lists migration 2"
contains "$TMP/out" "待应用" "…as pending"
equals "$(sql "$DB" "pragma user_version")" 1 "status changed nothing"

expect_rc 0 "the current binary opens and upgrades it" ud --db "$DB" check
contains "$TMP/err" "备份" "the upgrade says where the backup is"
LATEST=$(ls "$UD_ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql | wc -l)
# the highest number, not the count: branches number theirs apart
LATEST_V=$(ls "$UD_ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql | sed 's|.*/||; s/_.*//; s/^0*//' | sort -n | tail -1)
equals "$(sql "$DB" "pragma user_version")" "$LATEST_V" "user_version is now the latest ($LATEST_V)"
equals "$(sql "$DB" "select count(*) from schema_migrations")" "$LATEST" "every migration recorded"
equals "$(sql "$DB" "select count(*) from schema_migrations where checksum glob '[0-9a-f]*' and applied_at glob '2*'")" "$LATEST" "with checksum and time"
dump_after=$(sqlite3 "$DB" "select * from orgs; select * from members; select $CASES_V1 from cases; select * from case_events; select * from users;" | md5sum)
equals "$dump_after" "$dump_before" "every row survived the upgrade unchanged"
equals "$(sql "$DB" "select count(*) from sqlite_master where type = 'trigger' and tbl_name = 'case_events'")" 3 \
    "case_events, rebuilt by 0005, has its three audit triggers"
bak=$(ls "$TMP"/old.db.v1-*.bak 2>/dev/null | head -1)
if [ -n "$bak" ] && [ -f "$bak" ]; then ok "a timestamped backup sits next to the database"; else not_ok "a timestamped backup sits next to the database"; fi
equals "$(sql "$bak" "pragma user_version")" 1 "the backup is the version-1 database"
equals "$(sql "$bak" "select count(*) from members")" 2 "the backup holds the data"
equals "$(sql "$DB" "select count(*) from audit_log")" 0 "the new audit log starts empty"
expect_rc 0 "migrate status after the upgrade" ud --db "$DB" migrate status
lacks "$TMP/out" "待应用" "nothing pending any more"

# a database from a newer program
cp "$DB" "$TMP/newer.db"
sql "$TMP/newer.db" "pragma user_version = 99"
sum_before=$(md5sum <"$TMP/newer.db")
expect_rc 65 "a newer database is refused" ud --db "$TMP/newer.db" check
contains "$TMP/err" "99" "the message gives the database's version"
contains "$TMP/err" "未被修改" "…and says it was not changed"
equals "$(md5sum <"$TMP/newer.db")" "$sum_before" "the newer database is byte-for-byte unchanged"
ls "$TMP"/newer.db.v*.bak >/dev/null 2>&1 && not_ok "no backup made of a refused database" || ok "no backup made of a refused database"

# an applied migration that differs from the built-in one
cp "$DB" "$TMP/altered.db"
sql "$TMP/altered.db" "update schema_migrations set checksum = '0123456789abcdef' where version = 1"
sum_before=$(md5sum <"$TMP/altered.db")
expect_rc 65 "an altered migration is refused" ud --db "$TMP/altered.db" check
contains "$TMP/err" "0001_init.sql" "the message names the migration"
equals "$(md5sum <"$TMP/altered.db")" "$sum_before" "the altered database is byte-for-byte unchanged"
expect_rc 65 "migrate status shows the refused database's state" ud --db "$TMP/altered.db" migrate status
contains "$TMP/out" "与内置不同" "status marks the altered migration"

# an upgrade asked for by hand backs up first too
OLD2=$TMP/old2.db
ud --db "$OLD2" migrate up --to 1 >/dev/null
sqlite3 "$OLD2" "insert into users(login, role) values ('root', 'admin')"
expect_rc 0 "migrate up --to 2 on a version-1 database" ud --db "$OLD2" migrate up --to 2
ls "$TMP"/old2.db.v1-*.bak >/dev/null 2>&1 && ok "migrate up --to writes a backup first" || not_ok "migrate up --to writes a backup first"
equals "$(sql "$OLD2" "pragma user_version")" 2 "…and upgrades"

expect_rc 64 "migrate without an action is a usage error" ud --db "$DB" migrate
expect_rc 66 "a missing database exits 66" ud --db "$TMP/none.db" check
contains "$TMP/err" "uniondesk init" "…and says how to create one"

# two inits at once: the second waits for the first and finds nothing left
# to do (it must not report a failed upgrade)
ud --db "$TMP/latest.db" init >/dev/null 2>&1
latest=$(sql "$TMP/latest.db" "pragma user_version")
both=ok
for i in $(seq 1 20); do
    rm -f "$TMP/two.db"*
    ud --db "$TMP/two.db" init >"$TMP/i1" 2>&1 &
    ud --db "$TMP/two.db" init >"$TMP/i2" 2>&1
    r2=$?
    wait $!
    r1=$?
    if [ "$r1$r2" != 00 ] || [ "$(sql "$TMP/two.db" "pragma user_version")" != "$latest" ]; then
        both="try $i: $r1 $r2 $(cat "$TMP/i1" "$TMP/i2")"
        break
    fi
done
equals "$both" ok "two inits at once both succeed, the database at the latest version"

# an old database opened by several clerks at once after an update: each
# open upgrades it automatically, each first writes a backup. They all
# named it after the same second, and the losers failed (exit 73, "the
# backup … appeared while writing"); they must wait and find it upgraded.
all4=ok
for i in $(seq 1 5); do
    rm -f "$TMP/four.db"*
    ud --db "$TMP/four.db" migrate up --to 1 >/dev/null 2>&1
    for k in 1 2 3 4; do
        (ud --db "$TMP/four.db" check >"$TMP/f$k" 2>&1; echo $? >"$TMP/f$k.rc") &
    done
    wait
    rcs=$(cat "$TMP"/f[1-4].rc | tr -d '\n')
    if [ "$rcs" != 0000 ] || [ "$(sql "$TMP/four.db" "pragma user_version")" != "$latest" ]; then
        all4="try $i: exit codes $rcs: $(cat "$TMP"/f[1-4] | grep -v '^  \|^检查\|：ok' | head -2)"
        break
    fi
done
equals "$all4" ok "four opens of a version-1 database at once all succeed, the database at the latest version"
ls "$TMP"/four.db.v1-*.bak >/dev/null 2>&1 && ok "…with a backup of version 1 beside it" || not_ok "no backup of version 1"

# a database already damaged (a timeline entry whose case is gone, left by
# a delete in the sqlite3 shell, where foreign keys are off): 0005 rebuilds
# case_events and, with foreign keys on, failed on that row ("FOREIGN KEY
# constraint failed", exit 70), so the database could not be opened at all,
# not even by check. The upgrade keeps the row; check still names it.
ORPH=$TMP/orphan.db
ud --db "$ORPH" migrate up --to 3 >/dev/null 2>&1
sql "$ORPH" "insert into case_events(id, case_id, login, kind, body) values (7, 424242, 'x', 'note', 'orphan')" 2>"$TMP/sqlerr" ||
    { sql "$ORPH" "drop trigger case_events_audit_insert; insert into case_events(id, case_id, login, kind, body) values (7, 424242, 'x', 'note', 'orphan')"; }
equals "$(sql "$ORPH" "select count(*) from case_events where case_id = 424242")" 1 "a version-3 database with a timeline entry of no case"
expect_rc 0 "it is upgraded" ud --db "$ORPH" migrate up
equals "$(sql "$ORPH" "pragma user_version")" "$latest" "…to the latest version"
equals "$(sql "$ORPH" "select body from case_events where id = 7 and case_id = 424242")" orphan "…the entry kept as it was"
expect_rc 65 "check still reports it" ud --db "$ORPH" check
contains "$TMP/out" "case_events" "…naming the table"
