# The case fields of the documents (migration 0006): an old database with
# cases in every status upgrades with every row kept, a backup first, the
# new columns NULL, the audit and search triggers working; an import names
# the new columns in English or Chinese and what it wrote is what the file
# held; bad values are refused naming the field.
. tests/lib.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26

# ---- an old database: cases written at version 1, upgraded to 5 ----
OLD=$TMP/v5.db
ud --db "$OLD" migrate up --to 1 >/dev/null
A=$(idnum 19850312 123)
sql "$OLD" "insert into users(login, role) values ('root', 'admin');
insert into orgs(id, code, name, kind) values (1, 'BL', '北仑区总工会', 'district_federation');
insert into orgs(id, code, name, kind, parent_id) values (2, 'BL-XQ', '新碶街道总工会', 'street_federation', 1);
insert into members(name, gender, id_number, birth_date, org_id) values ('张三丰', 'M', '$A', '1985-03-12', 2);
with recursive n(i) as (select 1 union all select i + 1 from n where i < 210)
insert into cases(case_no, mediation_org_id, received_on, filed_on, applicant_name, applicant_id_number, employer_name,
                  dispute_type, status, claim_fen, agreed_fen, closed_on, outcome)
select printf('TJ-2026-%05d', i), 1 + i % 2, '2026-10-01',
       case when i % 7 in (0, 6) then null else '2026-10-02' end,
       '申请人' || i, case when i = 1 then '$A' end, '宁波第' || i || '号有限公司',
       'wages', case i % 7 when 0 then 'received' when 1 then 'filed' when 2 then 'mediating'
                    when 3 then 'succeeded' when 4 then 'failed' when 5 then 'withdrawn' else 'not_accepted' end,
       i * 100, case when i % 7 = 3 then i * 50 end,
       case when i % 7 >= 3 then '2026-10-20' end, case when i % 7 >= 3 then '结案' || i end
from n;
insert into case_events(case_id, login, kind, to_status) select id, 'root', 'status', status from cases;"
expect_rc 0 "the old database is brought to version 5" ud --db "$OLD" migrate up --to 5
equals "$(sql "$OLD" "pragma user_version")" 5 "a version-5 database"
CASES_V5="id, case_no, mediation_org_id, received_on, filed_on, workers_count, applicant_name, applicant_id_number,
  applicant_phone, member_id, employer_name, employer_credit_code, employer_org_id, dispute_type, claim_fen, agreed_fen,
  mediator, status, closed_on, outcome, referred_to_arbitration, created_at, updated_at, version"
before=$(sqlite3 "$OLD" "select $CASES_V5 from cases order by id; select * from case_events order by id" | md5sum)
n_cases=$(sql "$OLD" "select count(*) from cases")
equals "$n_cases" 210 "…holding 210 cases in all seven statuses"

expect_rc 0 "the current binary opens it and upgrades it to 6" ud --db "$OLD" check
contains "$TMP/err" "备份" "…saying where the backup is"
latest_v=$(ls "$UD_ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql | sed 's|.*/||; s/_.*//; s/^0*//' | sort -n | tail -1)
equals "$(sql "$OLD" "select max(version) from schema_migrations")" "$latest_v" "migration 6 and the later ones are recorded"
equals "$(sql "$OLD" "select name from schema_migrations where version = 6")" 0006_case_documents.sql "…by its name"
equals "$(sql "$OLD" "select count(*) from cases")" "$n_cases" "every case is kept"
equals "$(sqlite3 "$OLD" "select $CASES_V5 from cases order by id; select * from case_events order by id" | md5sum)" "$before" \
    "every case and timeline row is unchanged"
equals "$(sql "$OLD" "select count(*) from cases where claims is null and facts is null and respondent_rep is null
  and agreement_terms is null and payment_due_on is null")" "$n_cases" "the new columns are NULL in every old row"
bak=$(ls "$TMP"/v5.db.v5-*.bak 2>/dev/null | head -1)
if [ -n "$bak" ]; then ok "a backup of version 5 sits beside it"; else not_ok "a backup of version 5 sits beside it"; fi
equals "$(sql "$bak" "pragma user_version")|$(sql "$bak" "select count(*) from cases")" "5|$n_cases" "…holding the 210 cases"
# since 0007 an insert logs no values (the row is its state): the update
# and delete triggers name the new columns, and so does the view the
# states are rebuilt from
equals "$(sql "$OLD" "select count(*) from sqlite_master where type = 'trigger' and tbl_name = 'cases' and name like 'cases_audit_%'")" 3 \
    "the three audit triggers of cases are there"
equals "$(sql "$OLD" "select count(*) from sqlite_master where type = 'trigger' and tbl_name = 'cases' and name like 'cases_audit_%'
  and sql like '%payment_due_on%'")|$(sql "$OLD" "select count(*) from sqlite_master where name = 'audit_current' and sql like '%payment_due_on%'")" \
    "2|1" "…the update and delete triggers and the rebuilt states record the new columns"
equals "$(sql "$OLD" "select count(*) from sqlite_master where type = 'trigger' and tbl_name = 'cases' and name like 'cases_search_%'")" 3 \
    "the three search triggers of cases are still there"

# the search index after the upgrade: an old case found, a new one too
expect_rc 0 "find an old case by its employer after the upgrade" ud --db "$OLD" find cases 宁波第17号
contains "$TMP/out" "TJ-2026-00017" "…found"
cat >"$TMP/one.csv" <<'CSV'
mediation_org,received_on,dispute_type,status,filed_on,applicant_name,employer_name,请求事项,被申请人代表人
BL,2026-11-02,wages,filed,2026-11-03,欧阳锋,宁波白驼山贸易有限公司,支付工资,欧阳克
CSV
expect_rc 0 "a case imported into the upgraded database" ud --db "$OLD" import cases "$TMP/one.csv"
expect_rc 0 "…is found by its employer" ud --db "$OLD" find cases 宁波白驼山
contains "$TMP/out" "欧阳锋" "…the new row indexed"
ud --db "$OLD" audit --table cases --action insert --limit 1 --format json >"$TMP/ins.json" 2>&1
equals "$("$PY" -c 'import json,sys; a=json.load(open(sys.argv[1]))[0]["after"]; print(a["claims"] + "|" + a["respondent_rep"])' "$TMP/ins.json" 2>&1)" \
    "支付工资|欧阳克" "the audit log holds the new fields of the insert (its state as rebuilt)"
expect_rc 0 "check passes on the upgraded database" ud --db "$OLD" check

# ---- import: the new columns by English name and Chinese label ----
DB=$TMP/k.db
ud --db "$DB" init >/dev/null
cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent
BL,北仑区总工会,district_federation,
BL-XQ,新碶街道总工会,street_federation,BL
CSV
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
LONG=$(python3 -c 'print("实" * 2000)')
cat >"$TMP/zh.csv" <<CSV
调解组织,接待日期,争议类型,状态,受理日期,结案日期,申请人,协议金额,请求事项,事实与理由,被申请人代表人,协议内容,履行期限
BL,2026-10-08,劳动报酬,调解成功,2026-10-09,2026-10-20,张三丰,10000,"一、支付拖欠工资12,345.60元；
二、支付经济补偿金5,000元。","申请人于2024年入职，
公司自2026年7月起未发工资。",李经理,"一、用人单位于2026年10月30日前支付10,000元；
二、双方再无其他争议。",2026-10-30
BL-XQ,2026-10-30,wages,mediating,2026-10-31,,王五,,支付加班费,$LONG,,分两期支付,2026-12-31
BL-XQ,2026-11-02,termination,received,,,赵六,,,,,,
CSV
cat >"$TMP/en.csv" <<'CSV'
mediation_org,received_on,dispute_type,status,filed_on,applicant_name,claims,facts,respondent_rep,agreement_terms,payment_due_on
BL,2026-11-05,wages,filed,2026-11-06,钱七,Pay wages,"Unpaid since July,
two months",Wang Wu (HR),"Pay 3,000 yuan",2026-11-30
CSV
expect_rc 0 "cases with the new columns under Chinese labels import" ud --db "$DB" import cases "$TMP/zh.csv"
expect_rc 0 "…and under English names" ud --db "$DB" import cases "$TMP/en.csv"
equals "$(sql "$DB" "select count(*) from cases")" 4 "four cases"
# each stored value is the file's, byte for byte (python reads the CSV)
python3 - "$TMP/zh.csv" "$TMP/en.csv" "$DB" >"$TMP/cmp.txt" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[3])
names = {"请求事项": "claims", "事实与理由": "facts", "被申请人代表人": "respondent_rep", "协议内容": "agreement_terms",
         "履行期限": "payment_due_on", "申请人": "applicant_name"}
bad = checked = 0
for path in sys.argv[1:3]:
    for row in csv.DictReader(open(path, encoding="utf-8", newline="")):
        row = {names.get(k, k): v for k, v in row.items()}
        for col in ("claims", "facts", "respondent_rep", "agreement_terms", "payment_due_on"):
            got = db.execute(f"select {col} from cases where applicant_name = ?", (row["applicant_name"],)).fetchone()[0]
            want = row[col] if row[col] != "" else None
            checked += 1
            if got != want:
                bad += 1
                print("differs:", row["applicant_name"], col, repr(got)[:60], repr(want)[:60])
print(f"checked {checked} bad {bad}")
PY
contains "$TMP/cmp.txt" "checked 20 bad 0" "every new field of every row is stored as the file holds it (20 values)"
equals "$(sql "$DB" "select length(facts) from cases where applicant_name = '王五'")" 2000 "2000 characters of facts kept whole"
equals "$(sql "$DB" "select count(*) from cases where applicant_name = '张三丰' and claims like '%' || char(10) || '%'")" 1 \
    "a quoted line break in the claims is kept"

# refused, each naming the field, nothing written
cat >"$TMP/bad.csv" <<CSV
mediation_org,received_on,dispute_type,status,filed_on,closed_on,applicant_name,agreed_amount,respondent_rep,agreement_terms,payment_due_on
BL,2026-10-08,wages,mediating,2026-10-09,,甲,,$(python3 -c 'print("代" * 41)'),,
BL,2026-10-08,wages,mediating,2026-10-09,,乙,,,分期,2026-10-01
BL,2026-10-08,wages,failed,2026-10-09,2026-10-20,丙,,,一次性支付,
BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,丁,100,,,2026-02-30
CSV
expect_rc 65 "bad values of the new columns are refused" ud --db "$DB" import cases "$TMP/bad.csv"
contains "$TMP/err" "被申请人代表人" "a representative of 41 characters: the field is named"
contains "$TMP/err" "最多40个字" "…with the limit"
contains "$TMP/err" "履行期限" "a due date before filing: the field is named"
contains "$TMP/err" "不能早于受理日期" "…with the reason"
contains "$TMP/err" "协议内容" "terms on a failed case: the field is named"
contains "$TMP/err" "该月没有这一天" "a due date that is no date is refused"
equals "$(sql "$DB" "select count(*) from cases")" 4 "nothing written from the bad file"
expect_rc 65 "in English the messages name the fields too" ud --db "$DB" --lang en import cases "$TMP/bad.csv"
contains "$TMP/err" "employer's representative" "…the representative"
contains "$TMP/err" "payment due" "…the due date"
contains "$TMP/err" "agreement terms" "…the terms"

echo "1..$TESTS_N"
