# The seed document's figures (seed/beilun-union-report.zh.md): the district
# centre filed 4,041 cases and succeeded in 3,589 (88.8%), received 11,593
# workers, 6,892 万元 claimed; all three levels filed 12,633 and succeeded in
# 10,993, which is 87.0% (the document prints 87.6%), 18,523 万元 claimed,
# 35,000 workers. The cases are written here with awk, all in 2025.
. tests/lib.sh
. tests/cli/lib_report.sh
DB=$TMP/seed.db
ud --db "$DB" init >/dev/null
ud --db "$DB" import orgs "$FX/orgs.csv" >/dev/null

# cases ORG N SUCCEEDED WORKERS CLAIM_FEN: N cases at ORG, the first
# SUCCEEDED of them succeeded, the rest failed; WORKERS and CLAIM_FEN spread
# over them exactly (the remainders on the last case).
cases() {
    awk -v org="$1" -v n="$2" -v succ="$3" -v workers="$4" -v claim="$5" 'BEGIN {
        split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
        base = int(claim / n); wb = int(workers / n); extra = workers - wb * n
        for (i = 0; i < n; i++) {
            doy = i % 365; m = 1
            while (doy >= ml[m]) { doy -= ml[m]; m++ }
            date = sprintf("2025-%02d-%02d", m, doy + 1)
            f = base + (i == n - 1 ? claim - base * n : 0)
            w = wb + (i < extra ? 1 : 0)
            printf "%s,wages,%s,%s,%s,%s,%d,申请人%d,%d.%02d\n", org, date, date, (i < succ ? "succeeded" : "failed"), date, w, i, int(f / 100), f % 100
        }
    }'
}
{
    echo "mediation_org,dispute_type,received_on,filed_on,status,closed_on,workers_count,applicant_name,claim_amount"
    cases BL 4041 3589 11593 6892000000
    cases BL-XQ 2500 2150 6000 3000000000
    cases BL-DQ 2092 1800 5407 2631000000
    cases BL-XQ-DG 2000 1754 6000 3000000000
    cases BL-DQ-HS 2000 1700 6000 3000000000
} >"$TMP/cases.csv"
equals "$(($(wc -l <"$TMP/cases.csv") - 1))" 12633 "12,633 cases written"
expect_rc 0 "the 12,633 cases import" ud --db "$DB" import cases "$TMP/cases.csv"

expect_rc 0 "2025 as JSON" ud --db "$DB" report disputes --year 2025 --as-of 2025-12-31 --format json
cp "$TMP/out" "$TMP/y.json"
pycheck - "$TMP/y.json" <<'EOF'
import json, sys
from reportcheck import eq
d = json.load(open(sys.argv[1]))
L = {r["level"]: r for r in d["by_level"]}
pick = lambda r: [r[k] for k in ("filed", "succeeded", "workers_received", "claim_fen", "success_rate")]
eq(pick(L["district"]), [4041, 3589, 11593, 6892000000, 0.8881], "district centre: 4,041 filed, 3,589 succeeded, 0.8881")
eq(pick(L["total"]), [12633, 10993, 35000, 18523000000, 0.8702], "all levels: 12,633 filed, 10,993 succeeded, 0.8702")
EOF
expect_rc 0 "2025 as text" ud --db "$DB" report disputes --year 2025 --as-of 2025-12-31
cp "$TMP/out" "$TMP/y.txt"
pycheck - "$TMP/y.txt" <<'EOF'
import sys
from reportcheck import aligned, eq
text = open(sys.argv[1], encoding="utf-8").read()
ts = aligned(text, "tables aligned with five-digit figures")
row = lambda label: next(l for l in ts[0] if l.startswith(label)).split()
eq(row("区")[4], "4041", "district filed 4041")
eq(row("区")[-3:], ["88.8%", "6892.00", "0.00"], "the district centre prints 88.8% and 6892.00 万元")
eq(row("合计")[4], "12633", "total filed 12633")
eq(row("合计")[-3:], ["87.0%", "18523.00", "0.00"], "all levels print 87.0% (not 87.6%) and 18523.00 万元")
eq(row("合计")[3], "35000", "35,000 workers received")
EOF
expect_rc 0 "2025 as xlsx" ud --db "$DB" report disputes --year 2025 --as-of 2025-12-31 --format xlsx -o "$TMP/y.xlsx"
pycheck - "$TMP/y.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1], data_only=True).active
labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
r = labels.index("区") + 1
t = labels.index("合计") + 1
eq([ws.cell(row=r, column=c).value for c in (5, 6)], [4041, 3589], "xlsx: district 4041 and 3589")
check(abs(ws.cell(row=r, column=12).value - 3589 / 4041) < 1e-12 and ws.cell(row=r, column=12).number_format == "0.0%",
      "xlsx: district rate 3589/4041 shown as 0.0% (88.8%)")
check(abs(ws.cell(row=t, column=12).value - 10993 / 12633) < 1e-12, "xlsx: total rate 10993/12633 (87.0%)")
eq(ws.cell(row=t, column=13).value, 185230000, "xlsx: 185,230,000 yuan claimed in all")
EOF
