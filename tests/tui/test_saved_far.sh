# A record saved far down its list is still the selected row (issue 8,
# defect 2): the member list, sorted by name, walked only 64 windows
# (~1,500 rows) to find it, so a member named 龙… among 3,800 was saved
# unselected ("排得太远") and the next key acted on the first row.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/far.db
cp "$(demo_db)" "$DB"
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
N=$(sql "$DB" "select count(*) from members")
AFTER=$(sql "$DB" "select count(*) from members where name < '龙'")
[ "$N" -gt 2000 ] && [ "$AFTER" -gt 2000 ] && ok "the list has $N members, $AFTER before 龙" || not_ok "a long member list ($N, $AFTER)"

tm_start s 100 30 "$UD_BIN" --db "$DB" --user clerk1
tm_wait s "会员" 10
tm_keys s 2
tm_wait s "身份证号" 5
tm_keys s n
tm_wait s "新会员" 5
tm_type s "龙远测"
tm_keys s Tab
tm_type s "$(idnum 19800101 123)"
tm_keys s Tab Enter
tm_wait s "选择所属工会" 5
tm_keys s Enter F2
expect_screen s "已添加会员 龙远测" "the member is saved"
if tm_screen s | grep -qF "未在当前列表中选中"; then not_ok "the saved member is selected (it was 'not selected: too far')"; else
    ok "the saved member is selected (no 'not selected')"; fi
if tm_screen s | grep -qE '^> *龙远测 '; then ok "…its row is the highlighted one"; else
    not_ok "…its row is the highlighted one"; tm_screen s | sed 's/^/#   /'; fi
# the next key acts on it
tm_keys s Enter
expect_screen s "会员 龙远测" "Enter opens the saved member's detail"
tm_keys s Escape
# a member saved near the top: selected, and not told otherwise (the
# message said "not selected" for every screen without a next-key hint)
tm_gone s "会员 龙远测" 5
tm_keys s n
tm_wait s "新会员" 5
tm_type s "丁丁测"
tm_keys s Tab
tm_type s "$(idnum 19800102 124)"
tm_keys s Tab Enter
tm_wait s "选择所属工会" 5
tm_keys s Enter F2
expect_screen s "已添加会员 丁丁测" "a second member is saved"
if tm_screen s | grep -qE '^> *丁丁测 '; then ok "…its row is the highlighted one"; else
    not_ok "…its row is the highlighted one"; tm_screen s | sed 's/^/#   /'; fi
if tm_screen s | grep -qF "未在当前列表中选中"; then not_ok "…and the message does not say it is not selected"; tm_screen s | tail -2 | sed 's/^/#   /'; else
    ok "…and the message does not say it is not selected"; fi
tm_keys s q
echo "1..$TESTS_N"
