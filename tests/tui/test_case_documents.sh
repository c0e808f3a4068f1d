# The case fields the documents print, typed in a real terminal: claims,
# facts and the employer's representative when a case is registered, the
# agreement drafted in the edit form while mediating and confirmed by the
# move to 调解成功; the database holds exactly what was typed (Chinese
# included) and the detail shows it.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null

CLAIMS="支付拖欠工资12,345元；支付经济补偿金"
FACTS="申请人于2025年3月入职，2026年8月起公司未发工资"
REP="李经理（人事部）"
TERMS="用人单位于2026年12月10日前一次性支付工资10,000元，双方再无争议"

tm_start s1 100 40 sh -c "'$UD_BIN' --db '$DB' --user clerk1; echo \"exit=\$?\"; sleep 120"
tm_wait s1 "王办事"
tm_keys s1 3
tm_wait s1 "调解案件"
tm_keys s1 n
expect_screen s1 "请求事项" "the registration form has 请求事项"
expect_screen s1 "事实与理由" "…事实与理由"
expect_screen s1 "被申请人代表人" "…and 被申请人代表人"
tm_screen s1 >"$TMP/new.txt"
lacks "$TMP/new.txt" "协议内容" "a new case is not offered agreement terms"
# the fast path: body preset, date today; applicant, ID, phone, employer,
# type, amount, workers, mediator; then the application's content
tm_keys s1 Tab Tab
tm_type s1 "上官文书"
tm_keys s1 Tab Tab Tab
tm_type s1 "宁波文书测试有限公司"
tm_keys s1 Tab
tm_type s1 "wages"
tm_keys s1 Tab
tm_type s1 "12345"
tm_keys s1 Tab Tab Tab
tm_type s1 "$CLAIMS"
tm_keys s1 Tab
tm_type s1 "$FACTS"
tm_keys s1 Tab
tm_type s1 "$REP"
tm_keys s1 F2
expect_screen s1 "已登记案件 TJ-2026-" "F2 registers the case"
row=$(sql "$DB" "select claims || '|' || facts || '|' || respondent_rep || '|' || coalesce(agreement_terms, 'NULL') from cases where applicant_name = '上官文书'")
equals "$row" "$CLAIMS|$FACTS|$REP|NULL" "the database holds the claims, facts and representative as typed"
CASE_NO=$(sql "$DB" "select case_no from cases where applicant_name = '上官文书'")

# filed, then mediating
tm_keys s1 s
tm_wait s1 "不予受理"
tm_keys s1 Enter
tm_wait s1 "改为“受理”"
tm_keys s1 F2
tm_wait s1 "状态已改为：受理"
tm_keys s1 s
tm_wait s1 "调解中"
tm_keys s1 Enter
tm_wait s1 "改为“调解中”"
tm_keys s1 F2
tm_wait s1 "状态已改为：调解中"

# the agreement drafted in the edit form: its two fields are the last
# but the employer's union (Up from the first field wraps to the end)
tm_keys s1 e
expect_screen s1 "协议内容" "while mediating the edit form offers 协议内容"
expect_screen s1 "履行期限" "…and 履行期限"
tm_keys s1 Up Up
tm_type s1 "2026-11-01"
tm_keys s1 F2
expect_screen s1 "不能早于受理日期" "a due date before filing is refused, next to the field"
tm_keys s1 C-u
tm_type s1 "2026-12-10"
tm_keys s1 Up
tm_type s1 "$TERMS"
tm_keys s1 F2
expect_screen s1 "已保存" "the draft agreement saves"
equals "$(sql "$DB" "select status || '|' || agreement_terms || '|' || payment_due_on from cases where case_no = '$CASE_NO'")" \
    "mediating|$TERMS|2026-12-10" "the database holds the drafted terms and due date"

# the move to 调解成功 shows the draft to confirm
tm_keys s1 s
tm_wait s1 "调解不成"
tm_keys s1 Enter
expect_screen s1 "改为“调解成功”" "the move to 调解成功 opens"
expect_screen s1 "双方再无争议" "…showing the drafted terms"
expect_screen s1 "2026-12-10" "…and the due date"
tm_keys s1 Tab
tm_type s1 "10000"
tm_keys s1 F2
expect_screen s1 "状态已改为：调解成功" "the case succeeded"
equals "$(sql "$DB" "select status || '|' || agreed_fen || '|' || agreement_terms || '|' || payment_due_on from cases where case_no = '$CASE_NO'")" \
    "succeeded|1000000|$TERMS|2026-12-10" "amount, terms and due date stored"

# the detail shows them
tm_keys s1 Enter
expect_screen s1 "案件 $CASE_NO" "Enter opens the detail"
expect_screen s1 "代表人：李经理" "the employer line names the representative"
expect_screen s1 "履行期限" "the detail shows the due date"
tm_keys s1 G
expect_screen s1 "申请与协议" "the detail has the application and agreement section"
expect_screen s1 "支付拖欠工资12,345元" "…with the claims"
expect_screen s1 "一次性支付工资10,000元" "…and the terms"
tm_keys s1 Escape
tm_wait s1 "调解案件  共"
tm_keys s1 q
expect_screen s1 "exit=0" "q quits with status 0"
