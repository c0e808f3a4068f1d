# An agreed amount above the claim is saved with a warning the screen shows
# (issue 8, defect 6): moving a case to 调解成功 with 30,000 agreed on a
# 20,000 claim saves it and says so on the status line.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/w.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\n' >"$TMP/orgs.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
printf 'mediation_org,received_on,dispute_type,status,filed_on,applicant_name,claim_amount\nBL,2026-11-20,wages,mediating,2026-11-21,欧阳娜娜,20000\n' >"$TMP/cases.csv"
ud --db "$DB" import cases "$TMP/cases.csv" >/dev/null 2>&1
equals "$(sql "$DB" "select status || '|' || claim_fen from cases")" "mediating|2000000" "a case in mediation, 20,000 claimed"

tm_start s1 132 30 "$UD_BIN" --db "$DB" --user clerk1
tm_wait s1 "王办事" || true
tm_keys s1 3
expect_screen s1 "欧阳娜娜" "the case list shows the case"
tm_keys s1 Enter
expect_screen s1 "案件 TJ-2026-" "Enter opens the detail"
tm_keys s1 s
tm_wait s1 "调解不成"
tm_keys s1 Enter
expect_screen s1 "协议金额" "moving to 调解成功 asks for the agreed amount"
tm_keys s1 Tab
tm_type s1 "30000"
tm_keys s1 F2
expect_screen s1 "状态已改为：调解成功" "the move is saved"
expect_screen s1 "注意：协议金额 30,000.00 元高于涉案金额 20,000.00 元" "…with the warning on the status line"
equals "$(sql "$DB" "select status || '|' || agreed_fen from cases")" "succeeded|3000000" "the amount as typed is stored"
