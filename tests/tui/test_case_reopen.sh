# Reopening a closed case from the case screen (issue 8, defect 3): an
# officer's R on a closed case asks the reason and the dispute module
# moves it back; a clerk is refused by the module's rule (ud_may); the
# mediator field of the case form offers a pick list.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
CASE_NO=$(sql "$DB" "select case_no from cases where status = 'failed' order by id desc limit 1")
[ -n "$CASE_NO" ] || not_ok "the demo database has a failed case"

# open_case SESSION: tab 3, find the case, its detail
open_case() {
    tm_keys "$1" 3
    tm_wait "$1" "调解案件  共"
    tm_keys "$1" /
    tm_type "$1" "$CASE_NO"
    tm_wait "$1" "$CASE_NO"
    tm_keys "$1" Enter Enter
    tm_wait "$1" "案件 $CASE_NO"
}

tm_start c 100 30 "$UD_BIN" --db "$DB" --user clerk1
tm_wait c "王办事"
open_case c
case "$(tm_screen c | tail -1)" in
*"R 重新办理"* | *"i 完整证号"*) not_ok "a clerk's key bar leaves out R and i, which only officers may use" ;;
*"p 文书"*) ok "a clerk's key bar leaves out R and i, which only officers may use" ;;
*) not_ok "a clerk's key bar shows the case detail's keys" ;;
esac
tm_keys c "?"
expect_screen c "重新办理（主管及以上）" "…while a clerk's ? help still lists R with the role it needs"
tm_keys c Escape
tm_keys c R
expect_screen c "权限不足" "a clerk's R is refused (officers reopen)"
equals "$(sql "$DB" "select status from cases where case_no='$CASE_NO'")" failed "…and the case stays closed"
tm_keys c q

tm_start o 100 30 "$UD_BIN" --db "$DB" --user officer1
tm_wait o "李主管"
open_case o
expect_screen o "R 重新办理" "an officer's key bar offers R"
expect_screen o "i 完整证号" "…and i"
tm_keys o "?"
expect_screen o "重新办理（主管及以上）" "the help lists R with the role it needs"
tm_keys o Escape R
expect_screen o "重新办理案件 $CASE_NO" "R asks for the reason"
tm_keys o F2
expect_screen o "必填" "the reason is required"
tm_type o "误操作：调解仍在进行"
tm_keys o F2
expect_screen o "已重新办理案件 $CASE_NO" "the case is reopened"
STATUS=$(sql "$DB" "select status from cases where case_no='$CASE_NO'")
case $STATUS in
filed | mediating) ok "the case is open again ($STATUS)" ;;
*) not_ok "the case is open again (status $STATUS)" ;;
esac
equals "$(sql "$DB" "select closed_on is null from cases where case_no='$CASE_NO'")" 1 "its closing date is cleared"
expect_screen o "误操作：调解仍在进行" "the timeline shows the reason"
expect_screen o "[重新办理] 调解不成 -> $(sql "$DB" "select case status when 'filed' then '受理' else '调解中' end from cases where case_no='$CASE_NO'")：误操作" \
    "…with the statuses it moved between"
tm_keys o R
expect_screen o "未结案" "R on an open case says there is nothing to reopen"

# the mediator field offers a pick list
tm_keys o Escape Escape
tm_wait o "调解案件  共"
tm_keys o n
tm_wait o "登记新案件"
for i in 1 2 3 4 5 6 7 8 9; do tm_keys o Tab; done
tm_keys o Enter
expect_screen o "选择调解员" "Enter on the mediator opens its pick list"
tm_keys o Escape Escape
tm_keys o q
