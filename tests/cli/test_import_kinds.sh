# Import of cases (a quoted newline in the outcome), aid (recipients made on
# the way, no double aid, --allow-double for officers only), courses and
# enrolments.
. tests/lib.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/k.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk >/dev/null
ud --db "$DB" user add officer1 --role officer >/dev/null
cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent
BL,北仑区总工会,district_federation,
BL-XQ,新碶街道总工会,street_federation,BL
BL-XQ-DG,大港社区总工会,community_federation,BL-XQ
BL-XQ-001,宁波港机械厂工会,enterprise_union,BL-XQ-DG
CSV
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
A=$(idnum 19850312 123)
B=$(idnum 19900101 124)
printf 'name,id_number,org\n张三丰,%s,BL-XQ-001\n李四,%s,BL-XQ-001\n' "$A" "$B" >"$TMP/m.csv"
ud --db "$DB" import members "$TMP/m.csv" >/dev/null 2>&1

cat >"$TMP/cases.csv" <<CSV
mediation_org,received_on,dispute_type,status,filed_on,closed_on,workers_count,applicant_name,applicant_id_number,claim_amount,agreed_amount,outcome
BL,2026-10-08,劳动报酬,调解成功,2026-10-09,2026-10-20,1,张三丰,$A,"12,345.60",10000,"双方达成协议：
一、公司支付工资10000元；
二、申请人不再追究。"
BL-XQ,2026-10-30,wages,filed,2026-10-31,,12,王五,,5万,,
BL-XQ-DG,2026-11-02,termination,received,,,1,赵六,,,,
CSV
expect_rc 0 "cases import with a quoted multi-line outcome" ud --db "$DB" --user clerk1 import cases "$TMP/cases.csv"
equals "$(sql "$DB" "select count(*) from cases")" 3 "three cases"
equals "$(sql "$DB" "select outcome from cases where applicant_name='张三丰'" | wc -l | tr -d ' ')" 3 "the outcome kept its two line breaks"
equals "$(sql "$DB" "select claim_fen||'/'||agreed_fen from cases where applicant_name='张三丰'")" "1234560/1000000" "amounts in fen"
equals "$(sql "$DB" "select claim_fen from cases where applicant_name='王五'")" 5000000 "5万 is 50,000 yuan"
equals "$(sql "$DB" "select m.name from cases c join members m on m.id=c.member_id")" "张三丰" "the applicant is linked to the member"
equals "$(sql "$DB" "select count(*) from cases where case_no glob 'TJ-2026-0000[1-3]'")" 3 "case numbers generated per year"
printf 'mediation_org,received_on,dispute_type,status,filed_on,applicant_name\nBL,2026-11-20,wages,succeeded,2026-11-21,甲\nBL-XQ-001,2026-11-20,wages,received,,乙\nBL,2026-11-20,wages,filed,2026-11-19,丙\nBL,2026-12-01,wages,received,,丁\n' >"$TMP/badcases.csv"
expect_rc 65 "bad cases are all listed" ud --db "$DB" --user clerk1 import cases "$TMP/badcases.csv"
contains "$TMP/err" "第 2 行" "a succeeded case without a closing date"
contains "$TMP/err" "第 3 行" "an enterprise union cannot mediate"
contains "$TMP/err" "第 4 行" "filed before received"
contains "$TMP/err" "第 5 行" "received in the future"
equals "$(sql "$DB" "select count(*) from cases")" 3 "no case written from the bad file"

cat >"$TMP/aid.csv" <<CSV
身份证号,帮扶项目,金额,发放日期,困难类别
$A,送温暖,2000,2026-01-20,因病
$B,金秋助学,3000,2026-08-25,子女就学
CSV
expect_rc 0 "aid import by a clerk (proposed grants)" ud --db "$DB" --user clerk1 import aid "$TMP/aid.csv"
equals "$(sql "$DB" "select count(*) from aid_recipients")" 2 "a recipient record was made for each member"
equals "$(sql "$DB" "select hardship_category from aid_recipients r join members m on m.id=r.member_id where m.name='张三丰'")" illness "with the category from the row"
equals "$(sql "$DB" "select group_concat(status) from aid_grants")" "proposed,proposed" "clerks' grants are proposed"
printf 'id_number,program,amount,granted_on\n%s,send_warmth,1500,2026-02-10\n' "$A" >"$TMP/double.csv"
expect_rc 65 "a second 送温暖 in one year is refused" ud --db "$DB" --user clerk1 import aid "$TMP/double.csv"
contains "$TMP/err" "2026-01-20" "the refusal names the earlier grant"
expect_rc 77 "--allow-double is for officers" ud --db "$DB" --user clerk1 import aid "$TMP/double.csv" --allow-double
expect_rc 0 "an officer may allow it" ud --db "$DB" --user officer1 import aid "$TMP/double.csv" --allow-double
equals "$(sql "$DB" "select double_confirmed_by from aid_grants where granted_on='2026-02-10'")" officer1 "the officer who allowed it is recorded"
printf 'id_number,program,amount,granted_on,status,paid_on\n%s,holiday,500,2026-09-15,paid,2026-09-20\n' "$B" >"$TMP/paid.csv"
expect_rc 77 "a clerk cannot import paid grants" ud --db "$DB" --user clerk1 import aid "$TMP/paid.csv"
expect_rc 0 "an officer can import paid history" ud --db "$DB" --user officer1 import aid "$TMP/paid.csv"
equals "$(sql "$DB" "select status||'/'||paid_on||'/'||approved_by from aid_grants where program='holiday'")" "paid/2026-09-20/officer1" "paid history kept with its approver"

cat >"$TMP/courses.csv" <<'CSV'
code,title,category,starts_on,ends_on,hours,capacity,fee,member_discount,organizer
px2026-01,2026年焊工（中级）技能培训班,技能,2026-03-01,2026-03-20,80,1,800,0,BL
PX2026-02,机电一体化（大专）成人学历班,学历,2026-09-01,2028-07-01,600,40,5000,700,BL
CSV
expect_rc 0 "courses import" ud --db "$DB" --user clerk1 import courses "$TMP/courses.csv"
equals "$(sql "$DB" "select code from courses order by id limit 1")" PX2026-01 "course codes kept upper-case"
equals "$(sql "$DB" "select member_discount_fen from courses where code='PX2026-02'")" 70000 "the 700 yuan member discount"
printf 'course,id_number,attended,completed,score,certificate_no\nPX2026-01,%s,是,是,92,HG-001\nPX2026-01,%s,1,0,,\nPX2026-02,%s,0,1,,\n' "$A" "$B" "$B" >"$TMP/enrol.csv"
expect_rc 65 "enrolments: capacity and completion rules" ud --db "$DB" --user clerk1 import enrolments "$TMP/enrol.csv"
contains "$TMP/err" "第 3 行" "the second enrolment in a one-place course is refused"
contains "$TMP/err" "第 4 行" "completed without attending is refused"
expect_rc 0 "--skip-bad keeps the good enrolment" ud --db "$DB" --user clerk1 import enrolments "$TMP/enrol.csv" --skip-bad
equals "$(sql "$DB" "select count(*)||'/'||sum(completed)||'/'||max(score) from enrolments")" "1/1/92" "one enrolment, completed with its score"
