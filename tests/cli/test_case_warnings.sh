# Importing cases: an agreed amount above the claim is imported, with a
# warning line naming the row and the field (issue 8, defect 6).
. tests/lib.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/w.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk >/dev/null
printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\n' >"$TMP/orgs.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
cat >"$TMP/cases.csv" <<'CSV'
mediation_org,received_on,dispute_type,status,filed_on,closed_on,applicant_name,claim_amount,agreed_amount
BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,张三,"20,000",15000
BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,李四,"20,000",30000
BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,王五,,30000
CSV
expect_rc 0 "the cases are imported" ud --db "$DB" --user clerk1 import cases "$TMP/cases.csv"
equals "$(sql "$DB" "select count(*) from cases")" 3 "all three, the one above its claim too"
equals "$(sql "$DB" "select agreed_fen from cases where applicant_name = '李四'")" 3000000 "its amount as typed"
contains "$TMP/err" "第 3 行，协议金额（agreed_amount）：注意：协议金额 30,000.00 元高于涉案金额 20,000.00 元" \
    "a warning line with the row and the field"
equals "$(grep -c '注意' "$TMP/err")" 1 "only that row is warned about (not one below its claim, not one without a claim)"
expect_rc 0 "in English" ud --db "$TMP/en.db" --lang en init
ud --db "$TMP/en.db" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
expect_rc 0 "the cases are imported (English)" ud --db "$TMP/en.db" --lang en import cases "$TMP/cases.csv"
contains "$TMP/err" "row 3, amount agreed (agreed_amount): warning: the amount agreed (30,000.00) is above the amount claimed (20,000.00)" \
    "the warning line in English"
# nothing is saved by a dry run, nor by an import refused for a bad row:
# the warning must not say "saved" then (it did: "……，已保存，请核对")
D3=$TMP/d.db
ud --db "$D3" init >/dev/null
ud --db "$D3" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
expect_rc 0 "a dry run of the cases" ud --db "$D3" import cases "$TMP/cases.csv" --dry-run
contains "$TMP/err" "第 3 行，协议金额（agreed_amount）：注意：" "…warns about row 3"
lacks "$TMP/err" "已保存" "…without saying it was saved"
equals "$(sql "$D3" "select count(*) from cases")" 0 "…and saves nothing"
cp "$TMP/cases.csv" "$TMP/bad.csv"
printf 'BL,2026-10-08,wages,bogus,2026-10-09,2026-10-20,赵六,"20,000",30000\n' >>"$TMP/bad.csv"
expect_rc 65 "an import refused for a bad row" ud --db "$D3" --lang en import cases "$TMP/bad.csv"
contains "$TMP/err" "row 3, amount agreed (agreed_amount): warning:" "…still warns about row 3"
lacks "$TMP/err" "saved" "…without saying it was saved"
equals "$(sql "$D3" "select count(*) from cases")" 0 "…and saves nothing"
