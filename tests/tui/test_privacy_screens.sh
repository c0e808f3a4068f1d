# ID numbers and phones on the screens (issue 7, row 9 and point 5), as a
# clerk, an officer and a stranger (a login without an account), all
# started by root (an admin) with --user: ID numbers masked in every list,
# pick list, detail and form; a clerk still finds a member by the whole
# number typed; an officer's `i` in a detail shows it whole and the audit
# log records the read; phones masked for the stranger; the admin's audit
# screen (A in the organization tab) lists and filters the log.
. tests/lib.sh
. tests/cli/lib_idnum.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/p.db
ud --db "$DB" init >/dev/null
cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent
BL,北仑区总工会,district_federation,
BL-001,宁波港机械厂工会,enterprise_union,BL
CSV
A=$(idnum 19850312 123)
B=$(idnum 19900101 124)
MASK_A="330206********$(echo "$A" | cut -c15-18)"
printf 'name,id_number,org,phone\n张三丰,%s,BL-001,13812345678\n李四,%s,BL-001,13900001111\n' "$A" "$B" >"$TMP/members.csv"
printf 'mediation_org,received_on,filed_on,dispute_type,status,applicant_name,applicant_id_number,applicant_phone\nBL,2026-11-01,2026-11-02,wages,filed,张三丰,%s,13812345678\n' "$A" >"$TMP/cases.csv"
printf 'id_number,program,amount,granted_on\n%s,send_warmth,500,2026-03-01\n' "$A" >"$TMP/aid.csv"
printf 'code,title,category,starts_on\nT26-01,劳动法讲座,cadre_intro,2026-05-01\n' >"$TMP/courses.csv"
printf 'course,id_number\nT26-01,%s\n' "$A" >"$TMP/enrol.csv"
for k in orgs:orgs members:members cases:cases aid:aid courses:courses enrolments:enrol; do
    ud --db "$DB" import "${k%%:*}" "$TMP/${k#*:}.csv" >/dev/null 2>"$TMP/imp.err" || { echo "# import $k"; diag "$TMP/imp.err"; }
done
ud --db "$DB" user add clerk1 --role clerk >/dev/null
ud --db "$DB" user add officer1 --role officer >/dev/null
MID=$(sql "$DB" "select id from members where id_number='$A'")
CID=$(sql "$DB" "select id from cases limit 1")
equals "$(sql "$DB" "select count(*) from members")/$(sql "$DB" "select count(*) from cases")/$(sql "$DB" "select count(*) from aid_grants")/$(sql "$DB" "select count(*) from enrolments")" \
    "2/1/1/1" "test database built with the command line"

screens() { # SESSION LOGIN
    tm_start "$1" 100 30 "$UD_BIN" --db "$DB" --user "$2"
    tm_wait "$1" "会员" 10
}
# no_whole SESSION DESC: the whole ID number is nowhere on the screen
no_whole() {
    if tm_screen "$1" | grep -qF -- "$A"; then not_ok "$2 (whole ID number on screen)"; tm_screen "$1" | sed 's/^/#   /'; else ok "$2"; fi
}
reads() { sql "$DB" "select count(*) from audit_log where action = 'read'"; }

# ---- a clerk ----
screens c clerk1
tm_keys c 2
expect_screen c "$MASK_A" "clerk: the member list shows the ID number masked"
no_whole c "clerk: …and never whole"
expect_screen c "13812345678" "clerk: phones are shown"
tm_keys c /
tm_type c "$A"
expect_screen c "共 1 人" "clerk: searching the whole ID number typed finds the member"
if tm_screen c | grep -v '搜索' | grep -qF -- "$A"; then not_ok "clerk: the list shows it masked (the search line holds what was typed)"; else ok "clerk: the list shows it masked (the search line holds what was typed)"; fi
tm_keys c Enter Enter
expect_screen c "会员：张三丰" "clerk: Enter opens the member's detail"
no_whole c "clerk: the detail shows it masked"
expect_screen c "$MASK_A" "clerk: …as 330206********NNNN"
tm_keys c i
expect_screen c "权限不足：只有主管和管理员可以查看完整身份证号" "clerk: i is refused, saying why"
if tm_screen c | grep -qF "身份证号: "; then not_ok "clerk: …in one sentence (not the generic refusal prefixed)"; else ok "clerk: …in one sentence (not the generic refusal prefixed)"; fi
no_whole c "clerk: …and the number stays hidden"
tm_keys c e
expect_screen c "修改会员" "clerk: e opens the form"
no_whole c "clerk: the form shows the ID number masked"
tm_keys c F2
tm_wait c "会员：张三丰" 5
equals "$(sql "$DB" "select id_number from members where id=$MID")" "$A" "clerk: saving the form unchanged keeps the whole number"
tm_keys c Escape
tm_keys c 4
expect_screen c "帮扶发放" "clerk: the aid tab"
tm_keys c Enter
expect_screen c "帮扶发放：张三丰" "clerk: the grant's detail"
no_whole c "clerk: the aid detail shows the ID number masked"
tm_keys c Escape 5
expect_screen c "劳动法讲座" "clerk: the training tab"
tm_keys c Enter Enter
expect_screen c "张三丰" "clerk: the course's enrolments"
no_whole c "clerk: the enrolment list shows the ID number masked"
tm_keys c 3
expect_screen c "张三丰" "clerk: the cases tab"
tm_keys c Enter
expect_screen c "申请人" "clerk: the case detail"
no_whole c "clerk: the case applicant's ID number masked"
equals "$(reads)" 0 "clerk: no read recorded"
tm_keys c q
tm_wait_dead c

# typing into a masked ID number replaces it
C=$(idnum 19900101 126)
screens c2 clerk1
tm_keys c2 2 /
tm_type c2 "李四"
tm_keys c2 Enter e
expect_screen c2 "修改会员：李四" "clerk: the form of another member"
tm_keys c2 Tab
tm_type c2 "$C"
expect_screen c2 "$C" "clerk: what the clerk types shows as typed"
tm_keys c2 F2
tm_gone c2 "修改会员" 5
equals "$(sql "$DB" "select id_number from members where name='李四'")" "$C" "clerk: typing over the masked number replaced it"
tm_keys c2 q
tm_wait_dead c2

# ---- a stranger: no account ----
screens s nobody1
tm_keys s 2
expect_screen s "138****5678" "stranger: phones masked in the list"
no_whole s "stranger: ID numbers masked"
tm_keys s Enter
expect_screen s "会员：" "stranger: a detail"
expect_screen s "138****5678" "stranger: …its phone masked"
tm_screen s | grep -qF 13812345678 && not_ok "stranger: no whole phone in the detail" || ok "stranger: no whole phone in the detail"
tm_keys s i
no_whole s "stranger: i shows nothing"
tm_keys s Escape 3 Enter
expect_screen s "138****5678" "stranger: the case applicant's phone masked"
no_whole s "stranger: …and the ID number"
tm_keys s q
tm_wait_dead s

# ---- an officer ----
screens o officer1
tm_keys o 2
expect_screen o "$MASK_A" "officer: the list shows ID numbers masked too"
tm_keys o /
tm_type o "张三丰"
tm_keys o Enter Enter
expect_screen o "会员：张三丰" "officer: the member's detail"
no_whole o "officer: masked until asked"
tm_keys o i
expect_screen o "$A" "officer: i shows the whole ID number"
expect_screen o "审计日志" "officer: …saying it is recorded"
equals "$(sql "$DB" "select login || '/' || os_login || '/' || tbl || '/' || row_id from audit_log where action = 'read'")" \
    "officer1/root/members/$MID" "officer: the audit log has the read: who (both accounts), table, row"
tm_keys o Escape 3 Enter
expect_screen o "申请人" "officer: the case detail"
no_whole o "officer: its applicant masked"
tm_keys o i
expect_screen o "$A" "officer: i shows the applicant's whole number"
equals "$(sql "$DB" "select tbl || '/' || row_id from audit_log where action = 'read' order by id desc limit 1")" "cases/$CID" \
    "officer: …recorded as a read of the case"
tm_keys o Escape 1 A
expect_screen o "权限不足" "officer: the audit screen is for admins"
tm_keys o q
tm_wait_dead o

# ---- the admin's audit screen ----
tm_start a 120 30 "$UD_BIN" --db "$DB"
tm_wait a "北仑区总工会" 10
tm_keys a 1 A
expect_screen a "审计日志（最新在前）" "admin: A in the organization tab opens the audit log"
expect_screen a "read" "admin: the reads are listed"
expect_screen a "officer1 root" "admin: …with the account acted as and the OS account"
tm_keys a f
expect_screen a "审计日志筛选" "admin: f opens the filter"
tm_keys a Tab
tm_type a clerk1
tm_keys a F2
expect_screen a "用户：clerk1" "admin: filtered by user"
tm_gone a "officer1 root" 5 && ok "admin: …the officer's reads are gone" || not_ok "admin: …the officer's reads are gone"
tm_keys a f
tm_wait a "审计日志筛选" 5
tm_keys a Tab C-u
tm_keys a F2
tm_keys a f
tm_wait a "审计日志筛选" 5
tm_keys a Tab Tab
tm_type a update
tm_keys a F2
expect_screen a "操作：update" "admin: filtered by action"
tm_keys a Enter
expect_screen a "审计记录" "admin: Enter opens an entry"
expect_screen a "修改前 → 修改后" "admin: …column by column, before and after"
expect_screen a "! " "admin: …the changed columns marked"
tm_keys a q

echo "1..$TESTS_N"
