# Identity and the audit log (issue 7, rows 4 and 6): who runs uniondesk
# comes from the real user id only (a uid with no passwd entry is refused,
# exit 77; USER/LOGNAME change nothing); the audit log records the account
# acted as (--user) and the real OS account; migration 0003 keeps every
# audit row of a version-2 database and the chain that rebuilds a row's
# history; `uniondesk audit` is for admins, with filters and three formats.
. tests/lib.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26

# ---- a uid the system does not know ----
NOUID=54321
while getent passwd "$NOUID" >/dev/null; do NOUID=$((NOUID + 1)); done
DB=$TMP/id/t.db
mkdir -p "$TMP/id"
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk >/dev/null
chmod 711 "$TMP"
chmod 777 "$TMP/id"
chmod 666 "$DB"
users_before=$(sql "$DB" "select count(*) from users")
audit_before=$(sql "$DB" "select count(*) from audit_log")
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    OB=$(others_bin)
    asuid() { setpriv --reuid="$NOUID" --regid="$NOUID" --clear-groups env USER=root LOGNAME=root "$OB" --db "$DB" "$@"; }
    expect_rc 77 "uid $NOUID without a passwd entry, USER=root: user add … --role admin is refused (77)" asuid user add evil2 --role admin
    contains "$TMP/err" "$NOUID" "…and the message names the uid"
    contains "$TMP/err" "passwd" "…and says it has no passwd entry"
    for cmd in "user list" "check" "audit" "report members" "migrate status" "init" "backup $TMP/id/b.db" \
        "export aid -o $TMP/id/x.xlsx" "import members $TMP/none.csv"; do
        # shellcheck disable=SC2086
        expect_rc 77 "uid without a passwd entry: '$cmd' is refused (77)" asuid $cmd
    done
    expect_rc 77 "uid without a passwd entry: the screens are refused (77) before starting" asuid
    expect_rc 77 "uid without a passwd entry: --user root does not help" asuid --user root user list
    equals "$(sql "$DB" "select count(*) from users")" "$users_before" "no account was added"
    equals "$(sql "$DB" "select count(*) from audit_log")" "$audit_before" "nothing was written"
    [ -e "$TMP/id/b.db" ] || [ -e "$TMP/id/x.xlsx" ] && not_ok "no file written by the refused uid" || ok "no file written by the refused uid"

    # a real OS account without a uniondesk account, claiming to be root
    OSU=udaudit$$
    if useradd -M -N -s /bin/sh "$OSU" 2>/dev/null; then
        asuser() { setpriv --reuid="$OSU" --regid="$(id -g "$OSU")" --clear-groups env USER=root LOGNAME=root "$OB" --db "$DB" "$@"; }
        expect_rc 77 "an OS user with USER=root in the environment cannot add an admin" asuser user add evil3 --role admin
        contains "$TMP/err" "$OSU" "…and is named by the real account, not root"
        expect_rc 77 "…nor act as root with --user" asuser --user root user add evil3 --role admin
        equals "$(sql "$DB" "select count(*) from users where login like 'evil%'")" 0 "no account was added"
        userdel "$OSU" 2>/dev/null
    else
        skip "useradd failed: cannot try an OS user with USER=root"
    fi
else
    skip "not root or no setpriv: cannot run as a uid without a passwd entry"
fi
# as root: the environment changes nothing
USER=clerk1 LOGNAME=clerk1 ud --db "$DB" user add viewer1 --role clerk >"$TMP/out" 2>&1
equals "$?" 0 "as root with USER=clerk1: root (an admin) adds a user"
equals "$(sql "$DB" "select login || '/' || os_login from audit_log where tbl='users' order by id desc limit 1")" "root/root" \
    "…audited as root/root, not as the environment's clerk1"

# ---- --user is audited with both accounts ----
A=$(idnum 19850312 123)
printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\nBL-001,宁波港机械厂工会,enterprise_union,BL\n' >"$TMP/orgs.csv"
printf 'name,id_number,org\n张三丰,%s,BL-001\n' "$A" >"$TMP/m.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null
expect_rc 0 "an admin imports a member acting as clerk1" ud --db "$DB" --user clerk1 import members "$TMP/m.csv"
equals "$(sql "$DB" "select login || '/' || os_login from audit_log where tbl='members' and action='insert'")" "clerk1/root" \
    "the audit log says login clerk1, os_login root"

# ---- uniondesk audit ----
expect_rc 77 "a clerk may not read the audit log (77)" ud --db "$DB" --user clerk1 audit
lacks "$TMP/out" "members" "…and sees nothing of it"
expect_rc 0 "an admin reads the audit log" ud --db "$DB" audit
head -1 "$TMP/out" >"$TMP/head"
contains "$TMP/head" "系统账户" "the text has a header with the OS account column"
first=$(sed -n 2p "$TMP/out" | awk '{print $1}')
equals "$first" "$(sql "$DB" "select max(id) from audit_log")" "newest first"
expect_rc 0 "audit --user clerk1" ud --db "$DB" audit --user clerk1 --format csv
equals "$(($(wc -l <"$TMP/out") - 1))" "$(sql "$DB" "select count(*) from audit_log where login='clerk1' or os_login='clerk1'")" \
    "--user matches login or OS account (CSV: one line per entry)"
contains "$TMP/out" "id,at,login,os_login,action,table,row_id,before_json,after_json" "the CSV header"
MID=$(sql "$DB" "select id from members where id_number='$A'")
expect_rc 0 "audit --table members --row ID --format json" ud --db "$DB" audit --table members --row "$MID" --format json
n=$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d), sorted(d[0].keys()), d[0]["os_login"], d[0]["after"]["id_number"])' "$TMP/out" 2>&1)
equals "$n" "1 ['action', 'after', 'at', 'before', 'id', 'login', 'os_login', 'row_id', 'table'] root $A" \
    "valid JSON, stable keys, the row's one entry with its content"
expect_rc 0 "audit --action insert --limit 2" ud --db "$DB" audit --action insert --limit 2 --format csv
equals "$(wc -l <"$TMP/out")" 3 "--limit 2 gives 2 entries"
expect_rc 0 "audit --from/--to on today" ud --db "$DB" audit --from "$(date +%F)" --to "$(date +%F)" --format csv
equals "$(($(wc -l <"$TMP/out") - 1))" "$(sql "$DB" "select count(*) from audit_log")" "the day's entries are all there"
expect_rc 0 "audit --to yesterday" ud --db "$DB" audit --to "$(date -d yesterday +%F)" --format csv
equals "$(wc -l <"$TMP/out")" 1 "nothing before today"
expect_rc 64 "audit --action bogus is a usage error" ud --db "$DB" audit --action bogus
expect_rc 64 "audit --format xml is a usage error" ud --db "$DB" audit --format xml
expect_rc 0 "audit --help" ud audit --help
contains "$TMP/out" "--row" "--help lists the options"

# ---- migration 0003 (and 0007) on a version-2 demo database ----
# The demo is built by this binary (the latest version), then its audit
# log is put back into version 2's shape with 0002_audit.sql itself: the
# full images of version 2 are the states this binary rebuilds from its
# lean log (audit --format json), less the case columns of 0006.
V2=$TMP/v2.db
UNIONDESK_TODAY=2026-11-26 ud --db "$V2" init --demo --scale 0.01 --seed 7 --as-of 2026-11-26 >/dev/null 2>&1
# the demo writes each case once in its final state (no update entries):
# a few later edits, through the triggers, give the log cases' updates
"$PY" - "$V2" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.create_function("ud_user", 0, lambda: "officer1")
c.create_function("ud_os_login", 0, lambda: "root")
c.create_function("ud_indexed_upto", 1, lambda t: 2**62)
for i, m in ((1, "王芳"), (2, "李强"), (3, None)):
    c.execute("UPDATE cases SET mediator = ?, version = version + 1 WHERE id = ?", (m, i))
c.execute("UPDATE cases SET outcome = '补记', version = version + 1 WHERE id = 2")
c.commit()
PYEOF
ud --db "$V2" audit --format json >"$TMP/v2-orig.json" 2>"$TMP/v2-orig.err" || diag "$TMP/v2-orig.err"
# the log in version 2's shape (and as it will be rebuilt after the upgrade)
cat >"$TMP/v2log.py" <<'PYEOF'
import json, sys
NEW = ("claims", "facts", "respondent_rep", "agreement_terms", "payment_due_on")
def v2(img, tbl):
    if img is None or tbl != "cases":
        return img
    return {k: v for k, v in img.items() if k not in NEW}
def text(img):
    return "NULL" if img is None else "'" + json.dumps(img, ensure_ascii=False, separators=(",", ":")).replace("'", "''") + "'"
rows = sorted(json.load(open(sys.argv[2])), key=lambda e: e["id"])
if sys.argv[1] == "sql":
    for e in rows:
        print("INSERT INTO audit_log(id, at, login, tbl, row_id, action, before_json, after_json) VALUES (%d, '%s', '%s', '%s', %d, '%s', %s, %s);"
              % (e["id"], e["at"], e["login"], e["table"], e["row_id"], e["action"], text(v2(e["before"], e["table"])), text(v2(e["after"], e["table"]))))
else:  # the entries as expected after the upgrade: no OS account then
    for e in rows:
        e["before"], e["after"], e["os_login"] = v2(e["before"], e["table"]), v2(e["after"], e["table"]), None
        print(json.dumps(e, ensure_ascii=False, sort_keys=True))
PYEOF
{
    echo "BEGIN;"
    sql "$V2" "select 'DROP TRIGGER ' || name || ';' from sqlite_master where type = 'trigger' and (name like '%_audit_%' or name like 'audit_log_no_%')"
    echo "DROP INDEX audit_log_row; DROP INDEX audit_log_at; ALTER TABLE audit_log RENAME TO audit_v3;"
    cat "$UD_ROOT/migrations/0002_audit.sql"
    "$PY" "$TMP/v2log.py" sql "$TMP/v2-orig.json"
    echo "DROP VIEW audit_current; -- made by 0007"
    # migration 0004's search index goes too, to be made again
    sql "$V2" "select 'DROP TRIGGER ' || name || ';' from sqlite_master where type = 'trigger' and name like '%_search_%'"
    echo "DROP TABLE search_pos; DROP TABLE member_grams; DROP TABLE member_subs; DROP TABLE case_grams; DROP TABLE cases_fts;"
    echo "DROP INDEX IF EXISTS cases_mediator; -- made by 0005"
    echo "ALTER TABLE cases DROP COLUMN claims; ALTER TABLE cases DROP COLUMN facts; -- made by 0006"
    echo "ALTER TABLE cases DROP COLUMN respondent_rep; ALTER TABLE cases DROP COLUMN agreement_terms;"
    echo "ALTER TABLE cases DROP COLUMN payment_due_on;"
    echo "DROP TRIGGER members_count_insert; DROP TRIGGER members_count_delete; DROP TRIGGER members_count_update;"
    echo "DROP TRIGGER orgs_count_delete; DROP TABLE org_member_counts; -- made by 0008"
    echo "DROP TABLE audit_v3; DELETE FROM schema_migrations WHERE version >= 3; PRAGMA user_version = 2; COMMIT;"
} >"$TMP/to_v2.sql"
sqlite3 "$V2" <"$TMP/to_v2.sql" 2>"$TMP/to_v2.err" || diag "$TMP/to_v2.err"
equals "$(sql "$V2" "pragma user_version")" 2 "a version-2 demo database"
rows_sql="select id, at, login, tbl, row_id, action, before_json, after_json from audit_log order by id"
# chain: every update's or delete's before is the previous entry's after
chain_sql="select count(*) from (select action, before_json, lag(after_json) over (partition by tbl, row_id order by id) as prev from audit_log where action in ('insert', 'update', 'delete')) where action <> 'insert' and before_json is not prev"
count_v2=$(sql "$V2" "select count(*) from audit_log")
sum_v2=$(sqlite3 "$V2" "$rows_sql" | md5sum)
chain_v2=$(sql "$V2" "$chain_sql")
cases_updated=$(sql "$V2" "select count(distinct row_id) from audit_log where tbl='cases' and action='update'")
[ "$count_v2" -gt 1000 ] && ok "the version-2 log holds $count_v2 entries" || not_ok "the version-2 log holds entries ($count_v2)"
equals "$chain_v2" 0 "version 2: the chain is whole"
start=$(date +%s%N)
expect_rc 0 "the current binary upgrades it" ud --db "$V2" check
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "# upgrade of a $count_v2-entry log: ${ms} ms"
latest_v=$(ls "$UD_ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql | sed 's|.*/||; s/_.*//; s/^0*//' | sort -n | tail -1)
equals "$(sql "$V2" "pragma user_version")" "$latest_v" "user_version is the latest ($latest_v)"
equals "$(sql "$V2" "select count(*) from audit_log")" "$count_v2" "every audit row is kept (count)"
# 0007 made the log lean: what each entry says is its rebuilt states
ud --db "$V2" audit --format json >"$TMP/v2-up.json" 2>&1
"$PY" "$TMP/v2log.py" lines "$TMP/v2-up.json" >"$TMP/v2-up.lines"
"$PY" "$TMP/v2log.py" lines "$TMP/v2-orig.json" >"$TMP/v2-orig.lines"
if [ -s "$TMP/v2-up.lines" ] && cmp -s "$TMP/v2-up.lines" "$TMP/v2-orig.lines"; then
    ok "every audit row is kept (ids, who, when, and the states before and after each)"
else
    not_ok "every audit row is kept (ids, who, when, and the states before and after each)"
    diff "$TMP/v2-orig.lines" "$TMP/v2-up.lines" | head -5 | sed 's/^/# /'
fi
equals "$(sql "$V2" "select count(*) from audit_log where os_login is not null")" 0 "old rows have no OS account (unknown then)"
equals "$(grep -c '"broken"' "$TMP/v2-up.json")" 0 "version 7: no entry's chain is broken"
ckpt="from audit_log where action in ('insert', 'update') and after_json is not null"
equals "$(sql "$V2" "select count(*) $ckpt and tbl <> 'cases'")|$(sql "$V2" "select count(*) from (select row_id $ckpt group by row_id having count(*) > 1)")|$(sql "$V2" "select count(*) $ckpt") " \
    "0|0|$(sql "$V2" "select count(*) from cases") " \
    "the lean log keeps a full after-image only where the old chain cannot give it: each case's last image before 0006's columns"
equals "$(sql "$V2" "select count(*) from sqlite_master where type='trigger' and sql like '%ud_os_login()%'")" 27 \
    "the 27 audit triggers write os_login"
equals "$(sql "$V2" "select count(*) from sqlite_master where type='trigger' and name like 'audit_log_no_%'")" 2 \
    "the append-only triggers are back"
sqlite3 "$V2" "delete from audit_log where id = 1" 2>/dev/null && not_ok "the log is still append-only" || ok "the log is still append-only"
sqlite3 "$V2" "update audit_log set login = 'x' where id = 1" 2>/dev/null && not_ok "…updates refused too" || ok "…updates refused too"
sqlite3 "$V2" "insert into audit_log(login, tbl, row_id, action) values ('x', 't', 1, 'read')" 2>/dev/null &&
    ok "the log now takes 'read' entries" || not_ok "the log now takes 'read' entries"
# the action CHECK of 0007 (an OR chain, not IN): the same five actions
# accepted and anything else refused, as the IN list did
for a in insert update delete read print; do
    sqlite3 "$V2" "insert into audit_log(login, tbl, row_id, action) values ('x', 't', 1, '$a')" 2>/dev/null &&
        ok "audit_log takes action '$a'" || not_ok "audit_log takes action '$a'"
done
for a in bogus Insert 'insert ' ''; do
    if sqlite3 "$V2" "insert into audit_log(login, tbl, row_id, action) values ('x', 't', 1, '$a')" 2>/dev/null; then
        not_ok "audit_log refuses action '$a'"
    else ok "audit_log refuses action '$a'"; fi
done
if sqlite3 "$V2" "insert into audit_log(login, tbl, row_id, action) values ('x', 't', 1, NULL)" 2>/dev/null; then
    not_ok "audit_log refuses a NULL action"
else ok "audit_log refuses a NULL action"; fi
# rebuild a case as of its latest entry: its state after equals the row
CID=$(sql "$V2" "select row_id from audit_log where tbl='cases' and action='update' order by id desc limit 1")
# (the columns of 0006 were dropped to make version 2: compared without them)
want=$("$PY" -c 'import json,sys; e=[e for e in json.load(open(sys.argv[1])) if e["table"] == "cases" and e["row_id"] == int(sys.argv[2])][0]; print(json.dumps(e["after"], ensure_ascii=False, separators=(",", ":")))' "$TMP/v2-up.json" "$CID")
have=$(sql "$V2" "select json_object('id', id, 'case_no', case_no, 'mediation_org_id', mediation_org_id, 'received_on', received_on, 'filed_on', filed_on, 'workers_count', workers_count, 'applicant_name', applicant_name, 'applicant_id_number', applicant_id_number, 'applicant_phone', applicant_phone, 'member_id', member_id, 'employer_name', employer_name, 'employer_credit_code', employer_credit_code, 'employer_org_id', employer_org_id, 'dispute_type', dispute_type, 'claim_fen', claim_fen, 'agreed_fen', agreed_fen, 'mediator', mediator, 'status', status, 'closed_on', closed_on, 'outcome', outcome, 'referred_to_arbitration', referred_to_arbitration, 'version', version) from cases where id=$CID")
if [ -n "$CID" ] && [ "$want" = "$have" ]; then ok "case $CID rebuilt from its audit entries equals the row ($cases_updated cases updated)"; else not_ok "case rebuilt from the audit log equals the row"; fi
# a write after the upgrade: both accounts
ud --db "$V2" user add clerk9 --role clerk >/dev/null
B=$(idnum 19900101 124)
printf 'name,id_number,org\n李四,%s,%s\n' "$B" "$(sql "$V2" "select code from orgs where kind='enterprise_union' limit 1")" >"$TMP/m2.csv"
ud --db "$V2" --user clerk9 import members "$TMP/m2.csv" >/dev/null
equals "$(sql "$V2" "select login || '/' || os_login from audit_log where tbl='members' order by id desc limit 1")" "clerk9/root" \
    "after the upgrade a write under --user records both accounts"
ud --db "$V2" audit --format json >"$TMP/v2-after.json" 2>&1
equals "$(grep -c '"broken"' "$TMP/v2-after.json")|$(sql "$V2" "select count(*) from audit_log where tbl='members' and action = 'insert' and after_json is null and before_json is null")" \
    "0|$(sql "$V2" "select count(*) from audit_log where tbl='members' and action = 'insert'")" "the chain is still whole; new inserts log no values"

echo "1..$TESTS_N"
