# The aid screens (帮扶) in a real terminal, 80x24: a clerk proposes a
# grant typing Chinese, the clerk's approval is refused, an officer
# approves and pays it, and a second 送温暖 grant in one year asks the
# no-double-aid question, which only an officer can answer yes.
. tests/lib.sh
. tests/cli/lib_idnum.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/aid.db
ud --db "$DB" init >/dev/null

cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent
BL,北仑区总工会,district_federation,
BL-XQ,新碶街道总工会,street_federation,BL
BL-XQ-001,宁波港机械厂工会,enterprise_union,BL-XQ
BL-XQ-002,宁波宝新不锈钢有限公司工会,enterprise_union,BL-XQ
CSV
A=$(idnum 19850312 123)
B=$(idnum 19900101 124)
printf 'name,id_number,org\n张三丰,%s,BL-XQ-001\n李四,%s,BL-XQ-002\n' "$A" "$B" >"$TMP/members.csv"
printf 'id_number,program,amount,granted_on\n%s,education,500,2026-03-01\n' "$B" >"$TMP/aid.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null &&
    ud --db "$DB" import members "$TMP/members.csv" >/dev/null &&
    ud --db "$DB" import aid "$TMP/aid.csv" >/dev/null &&
    ud --db "$DB" user add clerk1 --role clerk >/dev/null &&
    ud --db "$DB" user add officer1 --role officer >/dev/null
equals "$?" 0 "test database built with the command line"

MID=$(sql "$DB" "select id from members where id_number='$A'")
# columns of the grants to 张三丰, oldest first
grants() { sql "$DB" "select $1 from aid_grants where recipient_id=(select id from aid_recipients where member_id=$MID) order by id"; }

# screens SESSION LOGIN: the program on the aid tab, as that user; its
# exit status goes to $TMP/rc.SESSION (tmux's own pane status is not
# always filled in when a pane dies)
screens() {
    tm_start "$1" 80 24 sh -c 'TMPDIR=$3 "$0" --db "$1" --user "$2"; echo $? >"$3/rc.$4"' \
        "$UD_BIN" "$DB" "$2" "$TMP" "$1"
    tm_wait "$1" "会员" 10
    tm_keys "$1" 4
}
# quit SESSION DESC: q, and the program ends with status 0
quit() {
    tm_keys "$1" q
    _i=0
    while [ ! -s "$TMP/rc.$1" ] && [ $_i -lt 200 ]; do sleep 0.05; _i=$((_i + 1)); done
    _st=$(cat "$TMP/rc.$1" 2>/dev/null)
    if [ "$_st" = 0 ]; then
        ok "$2"
    else
        not_ok "$2 (exit status '$_st')"
        tm_screen "$1" | sed 's/^/#   /'
    fi
}

# ---- a clerk proposes a grant to a member without a recipient record ----
screens c1 clerk1
expect_screen c1 "帮扶发放  共 1 笔  合计 500.00 元" "the grants list opens with the count and the sum"
expect_screen c1 "330206********" "ID numbers are masked in the list"
tm_keys c1 n
expect_screen c1 "新的帮扶" "n opens the grant form"
tm_type c1 "张三丰"
tm_keys c1 Enter
expect_screen c1 "受助会员" "Enter on the ID number field opens the member search"
expect_screen c1 "330206********$(echo "$A" | cut -c15-18)" "the name typed in Chinese finds the member (its ID number masked)"
tm_keys c1 Enter
expect_screen c1 "张三丰 尚无困难职工档案" "no recipient record yet: the form says so"
expect_screen c1 "困难程度" "…and asks the hardship level"
tm_keys c1 Tab C-u
tm_type c1 "特困"
tm_keys c1 Tab C-u
tm_type c1 "因病"
tm_keys c1 Tab
tm_type c1 "送温暖"
tm_keys c1 Tab
tm_type c1 "800"
tm_keys c1 Tab C-u
tm_type c1 "2026-11-20"
tm_keys c1 Tab
tm_type c1 "区总工会专项资金"
tm_keys c1 F2
expect_screen c1 "已登记帮扶：张三丰 “送温暖” 800.00 元，拟发放" "the grant is saved, proposed"
expect_screen c1 "帮扶发放  共 2 笔  合计 1,300.00 元" "the title counts and sums the new grant"
equals "$(grants "program||'|'||amount_fen||'|'||status||'|'||granted_on||'|'||fund_source")" \
    "send_warmth|80000|proposed|2026-11-20|区总工会专项资金" "in the database: program, amount, status, date, fund source"
equals "$(sql "$DB" "select hardship_level||'|'||hardship_category||'|'||registered_on from aid_recipients where member_id=$MID")" \
    "severe|illness|2026-11-20" "the recipient record was created with the level and category asked (registered when first granted)"

# the clerk may not approve
tm_keys c1 a
expect_screen c1 "权限不足" "a clerk's approval is refused on screen"
equals "$(grants status)" proposed "…and the grant stays proposed"
tm_keys c1 p
expect_screen c1 "当前用户 clerk1 为办事员" "a clerk's payment is refused too, naming the user"
quit c1 "the clerk quits cleanly"

# ---- an officer approves and pays ----
screens o1 officer1
expect_screen o1 "帮扶发放  共 2 笔" "the officer sees the grants"
tm_keys o1 a
expect_screen o1 "审批通过 张三丰 的“送温暖” 800.00 元" "approving asks first"
tm_keys o1 y
expect_screen o1 "已审批：张三丰" "approved on screen"
equals "$(grants "status||'|'||approved_by||'|'||approved_on")" "approved|officer1|2026-11-26" "approved in the database, by the officer, today"
tm_keys o1 p
expect_screen o1 "实发日期" "paying asks for the paid date"
expect_screen o1 "2026-11-26" "…today by default"
tm_keys o1 C-u
tm_type o1 "2026-11-25"
tm_keys o1 F2
expect_screen o1 "已发放：张三丰 800.00 元，实发日期 2026-11-25" "paid on screen with the date typed"
equals "$(grants "status||'|'||paid_on")" "paid|2026-11-25" "paid in the database on that date"
tm_keys o1 c
expect_screen o1 "不能取消" "a paid grant cannot be cancelled (the module's words)"
equals "$(grants status)" paid "…and stays paid"
quit o1 "the officer quits cleanly"

# ---- a second 送温暖 grant in the same year ----
second_grant() { # SESSION: a new 送温暖 grant of 300 to 张三丰, saved with F2
    tm_keys "$1" n
    tm_wait "$1" "新的帮扶"
    tm_type "$1" "张三丰"
    tm_keys "$1" Enter
    tm_wait "$1" "$A"
    tm_keys "$1" Enter
    tm_wait "$1" "困难职工档案 特困"
    tm_keys "$1" Tab
    tm_type "$1" "送温暖"
    tm_keys "$1" Tab
    tm_type "$1" "300"
    tm_keys "$1" F2
}
screens c2 clerk1
second_grant c2
expect_screen c2 "重复帮扶须主管确认" "a clerk's second grant of the year is refused"
expect_screen c2 "本年已于 2026-11-20 发放 800.00 元" "…naming the date and amount of the first"
equals "$(grants "count(*)")" 1 "nothing saved for the clerk"
tm_keys c2 Escape
tm_wait c2 "放弃未保存的修改"
tm_keys c2 y
quit c2 "the clerk leaves the form and quits"

screens o2 officer1
second_grant o2
expect_screen o2 "张三丰 本年已有“送温暖”：2026-11-20，800.00 元。确认重复帮扶？" "the officer is asked, with the first grant's date and amount"
tm_keys o2 n
expect_screen o2 "未保存" "answering no saves nothing"
equals "$(grants "count(*)")" 1 "…in the database either"
tm_keys o2 F2
expect_screen o2 "确认重复帮扶" "saving again asks again"
tm_keys o2 y
expect_screen o2 "（重复帮扶已确认）" "the officer's yes saves the second grant"
equals "$(grants "count(*)")" 2 "two 送温暖 grants this year now"
equals "$(grants "amount_fen||'|'||status||'|'||double_confirmed_by" | tail -1)" "30000|proposed|officer1" \
    "the second grant records who confirmed it"

# ---- search, filter, recipients ----
tm_keys o2 /
tm_type o2 "李"
expect_screen o2 "帮扶发放  共 1 笔  合计 500.00 元" "live search by name narrows the count and the sum"
tm_keys o2 Escape
expect_screen o2 "帮扶发放  共 3 笔  合计 1,600.00 元" "Esc clears the search"
tm_keys o2 f
tm_wait o2 "帮扶发放筛选"
tm_type o2 "金秋助学"
tm_keys o2 F2
expect_screen o2 "共 1 笔  合计 500.00 元  筛选： 金秋助学" "a program filter narrows the list and says so"
tm_keys o2 r
expect_screen o2 "困难职工档案  共 2 人" "r opens the recipients list"
tm_keys o2 /
tm_type o2 "张"
tm_keys o2 Enter Enter
expect_screen o2 "困难职工档案：张三丰" "Enter opens the recipient's record"
expect_screen o2 "2 笔，1,100.00 元" "…with the person's grants totalled"
tm_keys o2 g
expect_screen o2 "张三丰 的帮扶发放  共 2 笔  合计 1,100.00 元" "g lists that person's grants"
quit o2 "the officer quits cleanly"
