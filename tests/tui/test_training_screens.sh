# The training screens (培训) in a real terminal, 80x24: a clerk creates a
# course typing Chinese, enrols two members found by search (a third is
# refused: the course is full; a second enrolment of one member too),
# marks attendance and completion, and removes an enrolment.
. tests/lib.sh
. tests/cli/lib_idnum.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/training.db
ud --db "$DB" init >/dev/null

cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent
BL,北仑区总工会,district_federation,
BL-XQ,新碶街道总工会,street_federation,BL
BL-XQ-001,宁波港机械厂工会,enterprise_union,BL-XQ
CSV
A=$(idnum 19850312 123)
B=$(idnum 19900101 124)
C=$(idnum 19700101 7)
printf 'name,id_number,org\n张三丰,%s,BL-XQ-001\n李四,%s,BL-XQ-001\n王五,%s,BL-XQ-001\n' "$A" "$B" "$C" >"$TMP/members.csv"
printf 'code,title,category,starts_on,hours,capacity\nJN-2025-07,电工技能培训,技能,2025-09-01,80,0\n' >"$TMP/courses.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null &&
    ud --db "$DB" import members "$TMP/members.csv" >/dev/null &&
    ud --db "$DB" import courses "$TMP/courses.csv" >/dev/null &&
    ud --db "$DB" user add clerk1 --role clerk >/dev/null
equals "$?" 0 "test database built with the command line"

S=t1
tm_start $S 80 24 sh -c 'TMPDIR=$2 "$0" --db "$1" --user clerk1; echo $? >"$2/rc"' "$UD_BIN" "$DB" "$TMP"
tm_wait $S "会员" 10
tm_keys $S 5
expect_screen $S "培训班  共 1 个" "the training tab opens on the courses list with its count"
expect_screen $S "不限/0" "a course without a limit shows 不限 and its enrolled count"

# ---- a new course ----
tm_keys $S n
expect_screen $S "新培训班" "n opens the course form"
tm_type $S "px-2026-09"
tm_keys $S Tab
tm_type $S "工会财务知识培训班"
tm_keys $S Tab
tm_type $S "入门"
tm_keys $S Tab
tm_type $S "2026-12-01"
tm_keys $S Tab
tm_type $S "新碶"
tm_keys $S Enter
expect_screen $S "选择组织" "Enter on the organizer opens the organization picker"
expect_screen $S "BL-XQ" "…which finds the street federation typed in Chinese"
tm_keys $S Enter Tab Tab
tm_type $S "24"
tm_keys $S Tab
tm_type $S "区工人文化宫"
tm_keys $S Tab
tm_type $S "2"
tm_keys $S Tab
tm_type $S "900"
tm_keys $S Tab
tm_type $S "700"
tm_keys $S F2
expect_screen $S "已新建培训班 PX-2026-09" "the course is saved"
expect_screen $S "培训班  共 2 个" "…and counted in the list"
expect_screen $S "> PX-2026-09" "…and selected"
equals "$(sql "$DB" "select c.code||'|'||c.title||'|'||c.category||'|'||c.starts_on||'|'||o.code||'|'||c.hours||'|'||c.location||'|'||c.capacity||'|'||c.fee_fen||'|'||c.member_discount_fen from courses c join orgs o on o.id=c.organizer_org_id where c.code='PX-2026-09'")" \
    "PX-2026-09|工会财务知识培训班|cadre_intro|2026-12-01|BL-XQ|24|区工人文化宫|2|90000|70000" \
    "in the database: code upper-cased, title, category, date, organizer, hours, place, capacity, fee, discount"

tm_keys $S /
tm_type $S "工会"
expect_screen $S "培训班  共 1 个" "live search by title prefix"
tm_keys $S Escape
expect_screen $S "培训班  共 2 个" "Esc clears the search"
tm_keys $S f
tm_wait $S "培训班筛选"
tm_keys $S Tab
tm_type $S "2025"
tm_keys $S F2
expect_screen $S "共 1 个（! 为已满）  筛选： 开班年度：2025" "a year filter narrows the list and says so"
expect_screen $S "JN-2025-07" "…to the course of that year"
tm_keys $S f
tm_wait $S "培训班筛选"
tm_keys $S Tab C-u F2
expect_screen $S "培训班  共 2 个（! 为已满）" "the filter is cleared"

# ---- enrolments ----
CID=$(sql "$DB" "select id from courses where code='PX-2026-09'")
enrolled() { sql "$DB" "select $1 from enrolments e join members m on m.id=e.member_id where e.course_id=$CID ${2:-}"; }
tm_keys $S g Enter
expect_screen $S "报名名单：PX-2026-09 工会财务知识培训班" "Enter on a course opens its enrolments"
expect_screen $S "名额/已报 2/0" "…with its places"
enrol() { # NAME ID: n, search the name, pick the member
    tm_keys $S n
    tm_wait $S "报名：输入会员姓名"
    tm_type $S "$1"
    tm_wait $S "$2"
    tm_keys $S Enter
}
enrol "张三丰" "$A"
expect_screen $S "已报名：张三丰（PX-2026-09）" "a member found by name is enrolled"
enrol "李四" "$B"
expect_screen $S "已报名：李四（PX-2026-09）" "a second member is enrolled"
expect_screen $S "名额/已报 2/2（已满）" "the course is now full"
equals "$(enrolled "count(*)")" 2 "two enrolments in the database"
enrol "王五" "$C"
expect_screen $S "培训班“PX-2026-09”已满（名额 2 人），不能再报名" "a third member is refused: full (the module's words)"
enrol "张三丰" "$A"
expect_screen $S "已报名此培训班（不能重复报名）" "a member already enrolled is refused (the module's words)"
equals "$(enrolled "count(*)")" 2 "still two enrolments in the database"

# the list is by name: 张 (U+5F20) before 李 (U+674E)
tm_keys $S g c
expect_screen $S "结业：未参训不能结业" "completion without attendance is refused (the module's words)"
equals "$(enrolled "e.completed" "and m.name='张三丰'")" 0 "…and not recorded"
tm_keys $S t
expect_screen $S "张三丰：已参训" "t marks attendance"
equals "$(enrolled "e.attended" "and m.name='张三丰'")" 1 "attendance recorded in the database"
tm_keys $S c
expect_screen $S "结业：张三丰" "c asks the score and the certificate number"
tm_type $S "90"
tm_keys $S Tab
tm_type $S "ZS-2026-001"
tm_keys $S F2
expect_screen $S "张三丰 已结业，证书 ZS-2026-001" "completion saved"
equals "$(enrolled "e.attended||'|'||e.completed||'|'||e.score||'|'||e.certificate_no" "and m.name='张三丰'")" \
    "1|1|90|ZS-2026-001" "attendance, completion, score and certificate in the database"
expect_screen $S "是   是     90 ZS-2026-001" "the list shows them in their columns"
tm_keys $S /
tm_type $S "李"
expect_screen $S "搜索（/ 姓名或身份证号）：李" "/ searches the enrolments by name"
tm_screen $S >"$TMP/search.txt"
equals "$(grep -c '330206' "$TMP/search.txt")" 1 "…one row is left"
contains "$TMP/search.txt" "李四 330206" "…and it is 李四's"
tm_keys $S Escape
expect_screen $S "张三丰" "Esc clears the search"

tm_keys $S j d
expect_screen $S "删除 李四 在 PX-2026-09 的报名记录？" "d asks before removing an enrolment"
tm_keys $S n
equals "$(enrolled "count(*)")" 2 "answering no keeps it"
tm_keys $S d
tm_wait $S "删除 李四"
tm_keys $S y
expect_screen $S "已删除 李四 的报名" "answering yes removes it"
expect_screen $S "名额/已报 2/1" "the places are counted again"
equals "$(enrolled "group_concat(m.name)")" "张三丰" "only 张三丰 is left in the database"

tm_keys $S Escape
expect_screen $S "培训班  共 2 个" "Esc goes back to the courses list"
expect_screen $S "24       2/1" "…where the enrolled count is current"
tm_keys $S q
_i=0
while [ ! -s "$TMP/rc" ] && [ $_i -lt 200 ]; do sleep 0.05; _i=$((_i + 1)); done
equals "$(cat "$TMP/rc" 2>/dev/null)" 0 "the program quits with status 0"
