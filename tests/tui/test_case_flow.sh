# The fast path of a clerk, in a real terminal: register a case typing
# Chinese, move it received → filed → mediating → succeeded, find it with
# /, edit it through a validation error and a resize, and check that the
# database holds exactly what was typed; then quit and Ctrl-C with the
# terminal restored.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
ID=$(idnum 19910203 456)

# under a shell that reports the exit status and lives on, so the terminal
# can be examined after the program has gone
tm_start s1 80 24 sh -c "'$UD_BIN' --db '$DB' --user clerk1; echo \"exit=\$?\"; sleep 120"
expect_screen s1 "王办事" "the screens start with the user on the title line" 
tm_keys s1 3
expect_screen s1 "调解案件" "tab 3 lists the cases"
tm_keys s1 n
expect_screen s1 "登记新案件" "n opens the registration form"
tm_keys s1 Enter
expect_screen s1 "选择调解组织" "Enter on the mediation body opens a pick list"
tm_type s1 "新碶"
expect_screen s1 "新碶街道总工会" "the pick list narrows as Chinese is typed"
tm_keys s1 Enter
expect_screen s1 "BL-XQ" "the picked body's code is in the form"
tm_keys s1 Tab Tab
tm_type s1 "欧阳娜娜"
tm_keys s1 Tab
tm_type s1 "$ID"
tm_keys s1 Tab
tm_type s1 "139 1234 5678"
tm_keys s1 Tab
tm_type s1 "宁波测试模具有限公司"
tm_keys s1 Tab Enter
expect_screen s1 "工作时间/加班" "Enter on the dispute type opens its choices"
tm_type s1 "加班"
tm_keys s1 Enter
tm_keys s1 Tab
tm_type s1 "12,345.50"
tm_keys s1 Tab C-u
tm_type s1 "3"
tm_keys s1 Tab
tm_type s1 "李调解"
tm_keys s1 F2
expect_screen s1 "已登记案件 TJ-2026-" "F2 registers the case and says its number"
row=$(sql "$DB" "select mediation_org_id = (select id from orgs where code='BL-XQ'), received_on, applicant_name, applicant_id_number,
  applicant_phone, employer_name, dispute_type, claim_fen, workers_count, mediator, status from cases where applicant_name='欧阳娜娜'")
equals "$row" "1|2026-11-26|欧阳娜娜|$ID|13912345678|宁波测试模具有限公司|overtime|1234550|3|李调解|received" "the database holds exactly what was typed"
CASE_NO=$(sql "$DB" "select case_no from cases where applicant_name='欧阳娜娜'")

tm_keys s1 /
tm_type s1 "欧阳"
expect_screen s1 "$CASE_NO" "/ finds the case by the applicant's name"
tm_keys s1 Enter Enter
expect_screen s1 "案件 $CASE_NO" "Enter opens the detail"
expect_screen s1 "新建案件，状态：登记" "the timeline shows the registration"
tm_keys s1 s
expect_screen s1 "不予受理" "s offers the moves allowed from 登记"
tm_screen s1 >"$TMP/moves.txt"
lacks "$TMP/moves.txt" "调解成功" "…and not a move the workflow does not draw"
tm_keys s1 Enter
expect_screen s1 "改为“受理”" "choosing 受理 asks for the filing date"
tm_keys s1 F2
expect_screen s1 "状态已改为：受理" "the case is filed"
tm_keys s1 s
expect_screen s1 "调解中" "from 受理 the moves include 调解中"
tm_keys s1 Enter
tm_wait s1 "改为“调解中”"
tm_keys s1 F2
expect_screen s1 "状态已改为：调解中" "the case is in mediation"
tm_keys s1 s
tm_wait s1 "调解不成"
tm_keys s1 Enter
expect_screen s1 "协议金额" "moving to 调解成功 asks for the agreed amount"
tm_keys s1 Tab
tm_type s1 "10000"
tm_keys s1 Tab
tm_type s1 "双方达成调解协议，一次性支付"
tm_keys s1 F2
expect_screen s1 "状态已改为：调解成功" "the case succeeded"
equals "$(sql "$DB" "select status||'|'||filed_on||'|'||closed_on||'|'||agreed_fen||'|'||outcome from cases where case_no='$CASE_NO'")" \
    "succeeded|2026-11-26|2026-11-26|1000000|双方达成调解协议，一次性支付" "status, dates, amount and outcome stored"
equals "$(sql "$DB" "select group_concat(to_status, '>') from (select to_status from case_events e join cases c on c.id=e.case_id where c.case_no='$CASE_NO' order by e.id)")" \
    "received>filed>mediating>succeeded" "every move wrote a timeline event"
equals "$(sql "$DB" "select count(distinct e.login) || e.login from case_events e join cases c on c.id=e.case_id where c.case_no='$CASE_NO'")" "1clerk1" "each stamped with the clerk's login"

# edit: a bad date, an error next to the field, a resize mid-form, the fix
tm_keys s1 e
expect_screen s1 "修改案件 $CASE_NO" "e opens the edit form"
tm_keys s1 Tab C-u
tm_type s1 "2026-02-30"
tm_keys s1 F2
expect_screen s1 "该月没有这一天" "a bad date is refused with the reason next to the field"
tm resize-window -t s1 -x 132 -y 40
expect_screen s1 "2026-02-30" "after a resize the typed text is still there"
expect_screen s1 "该月没有这一天" "…and so is the error"
tm resize-window -t s1 -x 80 -y 24
tm_keys s1 C-u
tm_type s1 "2026-11-20"
tm_keys s1 F2
expect_screen s1 "已保存" "the corrected form saves"
equals "$(sql "$DB" "select received_on || '|' || version from cases where case_no='$CASE_NO'")" "2026-11-20|5" "the correction is stored (version 5: 3 moves and 1 edit)"
equals "$(sql "$DB" "select count(*) from audit_log where tbl='cases' and login='clerk1'")" 5 "the audit log has the insert, 3 moves and the edit"

# a yes/no field is set with a key, not typed; typing into a filled choice
# replaces its value
tm_keys s1 Escape
tm_wait s1 "调解案件  共"
tm_keys s1 f
tm_wait s1 "案件筛选"
tm_keys s1 Tab Tab Tab y
expect_screen s1 "仅超期  是" "y sets a yes/no field to 是"
tm_keys s1 Space
expect_screen s1 "仅超期  否" "Space switches it back"
tm_keys s1 Escape
tm_wait s1 "放弃未保存的修改"
tm_keys s1 y
tm_keys s1 n
tm_wait s1 "登记新案件"
tm_type s1 "BL-XQ"
tm_keys s1 Tab
expect_screen s1 "新碶街道总工会" "typing a code over the preset body replaces it (BL-XQ, not BLBL-XQ)"
tm_keys s1 Escape
tm_wait s1 "放弃未保存的修改"
tm_keys s1 y

# quit: the terminal comes back
tm_wait s1 "调解案件  共"
tm_keys s1 q
expect_screen s1 "exit=0" "q quits with status 0"
equals "$(tm display-message -p -t s1 '#{alternate_on}')" 0 "the terminal left the alternate screen"
equals "$(tm display-message -p -t s1 '#{cursor_flag}')" 1 "the cursor is visible again"
tm_screen s1 >"$TMP/after.txt"
lacks "$TMP/after.txt" "uniondesk │" "nothing of the screens is left on the terminal"
# the shell around it must survive the SIGINT a Ctrl-C sends to the group
tm_start s2 80 24 sh -c "trap : INT; '$UD_BIN' --db '$DB' --user clerk1; echo \"exit=\$?\"; sleep 120"
tm_wait s2 "王办事"
tm_keys s2 3 n
tm_wait s2 "登记新案件"
tm_type s2 "x"
tm_keys s2 C-c
expect_screen s2 "exit=130" "Ctrl-C quits, even inside a form (status 130)"
equals "$(tm display-message -p -t s2 '#{alternate_on}')" 0 "after Ctrl-C the terminal is restored"
equals "$(tm display-message -p -t s2 '#{cursor_flag}')" 1 "…with the cursor visible"
equals "$(sql "$DB" "select count(*) from cases where applicant_name='x'")" 0 "nothing half-typed was saved"
