# init --demo in bulk makes the same rows as the row-by-row generator it
# replaced: the digest of every table (tests/cli/demo_digest.sh) equals the
# one taken with the old binary (tests/cli/demo_digest.expected), and the
# result passes `uniondesk check`.
. tests/lib.sh
A=$TMP/a.db
expect_rc 0 "init --demo --scale 0.05 --seed 1" ud --db "$A" init --demo --scale 0.05 --seed 1 --as-of 2026-11-26
sh tests/cli/demo_digest.sh "$A" >"$TMP/digest"
while read -r t want; do
    got=$(awk -v t="$t" '$1 == t { print $2 }' "$TMP/digest")
    equals "$got" "$want" "table $t has the same contents as the row-by-row demo's"
done <tests/cli/demo_digest.expected
expect_rc 0 "uniondesk check passes on the demo" ud --db "$A" check
# valid by construction: with every row through the modules' validation
# first, the same database
B=$TMP/b.db
expect_rc 0 "init --demo with UNIONDESK_DEMO_VERIFY=1" env UNIONDESK_DEMO_VERIFY=1 "$UD_BIN" --db "$B" init --demo --scale 0.05 --seed 1 --as-of 2026-11-26
equals "$(sh tests/cli/demo_digest.sh "$B" | md5sum)" "$(md5sum <tests/cli/demo_digest.expected)" "every generated row passes validation and the digest is the same"
# the indexes dropped for the bulk load are back, as migrations made them
for i in members_name members_phone members_org; do
    equals "$(sql "$A" "select count(*) from sqlite_master where type = 'index' and name = '$i'")" 1 "index $i exists"
    equals "$(sql "$A" "select count(*) from sqlite_stat1 where idx = '$i'")" 1 "index $i has planner statistics"
done
# and every index and trigger dropped for the load is back as the
# migrations made it: the schema equals a fresh database's
C=$TMP/c.db
ud --db "$C" init >/dev/null 2>&1
schema() { sqlite3 "$1" "select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_stat%' order by type, name"; }
if [ "$(schema "$A")" = "$(schema "$C")" ] && [ -n "$(schema "$C")" ]; then ok "the demo's schema is a fresh database's"; else not_ok "the demo's schema is a fresh database's"; fi
equals "$(sql "$A" "pragma journal_mode")" wal "the database is left in WAL mode"
# the audit log accounts for every row: each one has its insert entry
for t in orgs members cases case_events aid_recipients aid_grants courses enrolments; do
    equals "$(sql "$A" "select count(*) from $t where id not in (select row_id from audit_log where tbl = '$t' and action = 'insert')")" 0 "every $t row has its audit insert entry"
done
# entries written after a bulk load (bulk_audit.c) are the triggers' own:
# who as the triggers record it (the orgs' entries, written by trigger),
# no values, and the trigger itself is back (the schema check above)
who=$(sql "$A" "select login || '|' || ifnull(os_login, '') from audit_log where tbl = 'orgs' and action = 'insert' limit 1")
for t in members cases case_events enrolments; do
    equals "$(sql "$A" "select count(*) from audit_log where tbl = '$t' and action = 'insert' and (login || '|' || ifnull(os_login, '') <> '$who' or before_json is not null or after_json is not null or at not like '____-__-__ __:__:__.___')")" 0 "the $t insert entries say who and when, as the trigger's do"
    equals "$(sql "$A" "select count(*) - count(distinct row_id) from audit_log where tbl = '$t' and action = 'insert'")" 0 "one insert entry per $t row"
done
for t in members cases case_events enrolments; do
    equals "$(sql "$A" "select count(*) from $t where created_at <> updated_at or created_at not like '____-__-__ __:__:__'")" 0 "bulk $t carry their creation time, as the column default gives it"
done
equals "$(sql "$A" "select count(*) from case_events where at <> created_at")" 0 "a bulk event's time is its creation time"
# the planner's statistics: the search tables' rows counted by the fill
# (search_fill.c) are what a whole ANALYZE writes
stats() { sqlite3 "$1" "select tbl, idx, stat from sqlite_stat1 order by tbl, idx"; }
S=$TMP/s.db
cp "$A" "$S"
sqlite3 "$S" "ANALYZE"
stats "$A" >"$TMP/stat1"
equals "$(cat "$TMP/stat1")" "$(stats "$S")" "the demo's sqlite_stat1 is a whole ANALYZE's"
contains "$TMP/stat1" "member_subs|member_subs|" "member_subs has its statistics"
# a case's history: its version counts its status events (create and each move)
equals "$(sql "$A" "select count(*) from cases c where version <> (select count(*) from case_events e where e.case_id = c.id and e.kind = 'status')")" 0 "each case's version is one plus its moves"
equals "$(sql "$A" "pragma integrity_check")" ok "the database is sound"
