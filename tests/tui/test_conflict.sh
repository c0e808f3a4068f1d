# Two people edit the same case at the same time, in two terminals: the
# second save is refused as a conflict, nothing is overwritten, and the
# form offers to reload what the first one saved.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
ud --db "$DB" user add clerk2 --role clerk --name 李办事 >/dev/null
CASE_NO=$(sql "$DB" "select case_no from cases where status in ('filed','mediating') order by id desc limit 1")
[ -n "$CASE_NO" ] && ok "an open case to edit ($CASE_NO)" || not_ok "an open case to edit"
before=$(sql "$DB" "select version from cases where case_no='$CASE_NO'")

open_edit() { # SESSION USER
    tm_start "$1" 80 24 "$UD_BIN" --db "$DB" --user "$2"
    tm_wait "$1" "$2" >/dev/null
    tm_keys "$1" 3
    tm_wait "$1" "调解案件  共"
    tm_keys "$1" /
    tm_type "$1" "$CASE_NO"
    tm_keys "$1" Enter
    tm_keys "$1" e
    tm_wait "$1" "修改案件 $CASE_NO"
    # the mediator is the tenth field of the form
    tm_keys "$1" Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u
}
open_edit s1 clerk1
open_edit s2 clerk2
expect_screen s1 "修改案件 $CASE_NO" "the first clerk has the case open"
expect_screen s2 "修改案件 $CASE_NO" "the second clerk has it open too"
tm_type s1 "甲调解员"
tm_keys s1 F2
expect_screen s1 "已保存" "the first save goes through"
tm_type s2 "乙调解员"
tm_keys s2 F2
expect_screen s2 "已被他人修改" "the second save is refused as a conflict"
expect_screen s2 "重新载入" "…and offers to reload"
tm_keys s2 n
expect_screen s2 "未保存" "declining keeps the form, unsaved"
equals "$(sql "$DB" "select mediator from cases where case_no='$CASE_NO'")" "甲调解员" "nothing was overwritten"
equals "$(sql "$DB" "select version - $before from cases where case_no='$CASE_NO'")" 1 "one save only"
tm_screen s2 >"$TMP/s2.txt"
contains "$TMP/s2.txt" "乙调解员" "the second clerk's typing is still in the form"
tm_keys s2 F2
tm_wait s2 "已被他人修改"
tm_keys s2 y
expect_screen s2 "已重新载入" "yes reloads the record"
expect_screen s2 "甲调解员" "the form now shows what the first clerk saved"
equals "$(sql "$DB" "select count(*) from audit_log a join cases c on c.id=a.row_id where a.tbl='cases' and c.case_no='$CASE_NO' and a.action='update' and a.login='clerk2'")" 0 "the audit log has no write by the second clerk"
