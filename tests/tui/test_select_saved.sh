# A record just saved is the selected row however far down the list it
# sorts (issue 8, defect 2): a new member whose name sorts near the end of
# 30,000, under a search and without; an edited one; a new case in a list
# sorted by case number — each then acted on by the next key. The old
# walk from the top reached 64 windows; these rows lie beyond that.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/big.db
ud --db "$DB" init --demo --scale 0.08 --seed 7 --as-of 2026-11-26 >/dev/null 2>"$TMP/demo.err" || diag "$TMP/demo.err"
MEMBERS=$(sql "$DB" "select count(*) from members")
[ "${MEMBERS:-0}" -gt 20000 ] && ok "the database holds $MEMBERS members" || not_ok "the database holds more than 20,000 members ($MEMBERS)"
ORG=$(sql "$DB" "select code from orgs where kind='enterprise_union' order by id limit 1")
ROWS=24
# what a walk of 65 windows could reach at this height (at most)
REACH=$((65 * ROWS))

# selected SESSION: the selected row of the list (marked >)
selected() { tm_screen "$1" | grep '^>' | head -1; }
# pos_member NAME: rows before it in the list by name (ties by id)
pos_member() { sql "$DB" "select count(*) from members where (name, id) < (select name, id from members where name='$1')"; }
# add_member SESSION NAME ID
add_member() {
    tm_keys "$1" n
    tm_wait "$1" "新会员"
    tm_type "$1" "$2"
    tm_keys "$1" Tab
    tm_type "$1" "$3"
    tm_keys "$1" Tab
    tm_type "$1" "$ORG"
    tm_keys "$1" F2
}

tm_start s1 100 $ROWS "$UD_BIN" --db "$DB"
tm_wait s1 "管理员"
tm_keys s1 2
expect_screen s1 "会员  共 $MEMBERS 人" "tab 2 lists the members, by name"
ID1=$(idnum 19900101 123)
add_member s1 "鼍末尾" "$ID1"
expect_screen s1 "已添加会员 鼍末尾" "the new member is saved"
POS=$(pos_member "鼍末尾")
[ "$POS" -gt "$REACH" ] && ok "it sorts at row $POS, beyond a walk's $REACH" || not_ok "it sorts beyond a walk's reach ($POS <= $REACH)"
case "$(selected s1)" in
*"鼍末尾"*) ok "the new member is the selected row" ;;
*) not_ok "the new member is the selected row (selected: $(selected s1))"; tm_screen s1 | sed 's/^/#   /' ;;
esac
if tm_screen s1 | grep -q "未在当前列表中选中"; then not_ok "no 'not selected' message"; else ok "no 'not selected' message"; fi
# the rows around it are its neighbours in the list
PREV=$(sql "$DB" "select name from members where (name, id) < (select name, id from members where name='鼍末尾') order by name desc, id desc limit 1")
tm_screen s1 | grep -B1 '^> 鼍末尾' | head -1 | grep -qF " $PREV " && ok "the row above is $PREV, the one before it by name" \
    || not_ok "the row above is $PREV ($(tm_screen s1 | grep -B1 '^> 鼍末尾' | head -1))"
tm_keys s1 e
expect_screen s1 "修改会员：鼍末尾" "e opens the form of that member"
expect_screen s1 "$(echo "$ID1" | cut -c1-6)********$(echo "$ID1" | cut -c15-18)" "…with its ID number (masked)"
# an edit: the renamed member is still the selected row
tm_keys s1 C-u
tm_type s1 "鼍改名"
tm_keys s1 F2
tm_gone s1 "修改会员" 5
tm_wait s1 "鼍改名"
case "$(selected s1)" in
*"鼍改名"*) ok "the edited member is the selected row" ;;
*) not_ok "the edited member is the selected row (selected: $(selected s1))" ;;
esac
equals "$(sql "$DB" "select name from members where id_number='$ID1'")" "鼍改名" "the edit is saved"

# under a live search that does not find it: the search goes, the row shows
tm_keys s1 /
tm_type s1 "张"
tm_wait s1 "张"
tm_keys s1 Enter
ID2=$(idnum 19900202 456)
add_member s1 "鼍搜后" "$ID2"
expect_screen s1 "已添加会员 鼍搜后" "a member added under a search is saved"
case "$(selected s1)" in
*"鼍搜后"*) ok "…and is the selected row (the search cleared)" ;;
*) not_ok "…and is the selected row (selected: $(selected s1))"; tm_screen s1 | sed 's/^/#   /' ;;
esac
tm_keys s1 e
expect_screen s1 "修改会员：鼍搜后" "e opens the form of that member"
tm_keys s1 Escape
tm_keys s1 q

# a new case, the list sorted by case number, ascending: it sorts last
register_case() {
    tm_keys "$1" n
    tm_wait "$1" "登记新案件"
    tm_keys "$1" Tab Tab
    tm_type "$1" "$2"
    tm_keys "$1" Tab
    tm_type "$1" "$3"
    tm_keys "$1" Tab Tab
    tm_type "$1" "宁波测试模具有限公司"
    tm_keys "$1" Tab Enter
    tm_wait "$1" "工作时间/加班"
    tm_type "$1" "加班"
    tm_keys "$1" Enter F2
}
tm_start s2 100 $ROWS "$UD_BIN" --db "$DB"
tm_wait s2 "管理员"
tm_keys s2 3
tm_wait s2 "调解案件  共"
tm_keys s2 o
tm_wait s2 "案件编号v"
tm_keys s2 O
expect_screen s2 "案件编号^" "the cases sorted by case number, ascending"
register_case s2 "司马深处" "$(idnum 19900303 789)"
expect_screen s2 "已登记案件" "the new case is registered"
NEW=$(sql "$DB" "select case_no from cases where applicant_name='司马深处'")
CPOS=$(sql "$DB" "select count(*) from cases where (case_no, id) < (select case_no, id from cases where case_no='$NEW')")
[ "$CPOS" -gt "$REACH" ] && ok "$NEW sorts at row $CPOS, beyond a walk's $REACH" || not_ok "$NEW sorts beyond a walk's reach ($CPOS <= $REACH)"
case "$(selected s2)" in
*"$NEW"*) ok "the new case $NEW is the selected row" ;;
*) not_ok "the new case $NEW is the selected row (selected: $(selected s2))"; tm_screen s2 | sed 's/^/#   /' ;;
esac
expect_screen s2 "案件编号^" "the sort is kept"
tm_keys s2 s
expect_screen s2 "案件 $NEW 现为" "s offers the moves of that case"
tm_keys s2 Escape
tm_keys s2 q
