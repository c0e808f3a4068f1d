# report members and report training: the figures of
# tests/fixtures/reports/README.md in every format.
. tests/lib.sh
. tests/cli/lib_report.sh
DB=$(report_db)

expect_rc 0 "members as JSON" ud --db "$DB" report members --format json
cp "$TMP/out" "$TMP/m.json"
ud --db "$DB" report members --org BL-XQ --format json >"$TMP/mxq.json"
ud --db "$DB" report members --org BL-XQ-DG-001 --format json >"$TMP/mdg.json"
pycheck - "$TMP/m.json" "$TMP/mxq.json" "$TMP/mdg.json" <<'EOF'
import json, sys
from reportcheck import eq
m, xq, dg = (json.load(open(p)) for p in sys.argv[1:])
K = ["orgs", "units_covered", "members", "active", "migrant", "new_this_year", "migrant_share"]
row = lambda r: [r[k] for k in K]
eq(m["as_of"], "2026-11-26", "as of today (UNIONDESK_TODAY)")
eq(m["org"]["code"], "BL", "the whole district")
eq([(r["code"], r["own"]) for r in m["rows"]], [("BL", True), ("BL-DQ", False), ("BL-XQ", False)],
   "rows: the district itself, then its street federations by code")
eq(row(m["rows"][0]), [1, 3, 2, 2, 1, 1, 0.5], "北仑区总工会 itself and BL-001")
eq(row(m["rows"][1]), [2, 27, 4, 3, 2, 1, 0.6667], "大碶: the joint union's 25 units, 吴霞 joined last year")
eq(row(m["rows"][2]), [2, 2, 7, 5, 3, 3, 0.6], "新碶: 大港's own 40 units not counted, a member who joined today counted")
eq(row(m["total"]), [5, 32, 13, 10, 6, 5, 0.6], "total")
eq([(r["code"], row(r)) for r in xq["rows"]], [("BL-XQ", [1, 1, 3, 2, 1, 1, 0.5]), ("BL-XQ-DG", [1, 1, 4, 3, 2, 2, 0.6667])],
   "--org BL-XQ: itself with BL-XQ-002, and 大港社区总工会")
eq(row(xq["total"]), [2, 2, 7, 5, 3, 3, 0.6], "--org BL-XQ: total")
eq([(r["code"], row(r)) for r in dg["rows"]], [("BL-XQ-DG-001", [1, 1, 4, 3, 2, 2, 0.6667])], "--org an enterprise union: one row")
EOF

expect_rc 0 "members as text" ud --db "$DB" report members
cp "$TMP/out" "$TMP/m.txt"
contains "$TMP/m.txt" "北仑区总工会工会组织和会员统计表" "members title"
contains "$TMP/m.txt" "（截至2026年11月26日）" "members: the date"
pycheck - "$TMP/m.txt" <<'EOF'
import sys
from reportcheck import aligned, check, eq
text = open(sys.argv[1], encoding="utf-8").read()
ts = aligned(text, "members: every table line the same display width, with Chinese organization names")
lines = ts[0]
own = next(l for l in lines if l.startswith("北仑区总工会（本级及直属基层工会）"))
eq(own.split()[1:], ["1", "3", "2", "2", "1", "50.0%", "1"], "members: the district's own row")
eq(next(l for l in lines if l.startswith("合计")).split()[1:], ["5", "32", "13", "10", "6", "60.0%", "5"], "members: total")
check("\f" not in text, "one page: no form feed")
EOF
ud --db "$DB" report members --org BL-XQ >"$TMP/mxq.txt"
contains "$TMP/mxq.txt" "统计范围：新碶街道总工会及其下属组织" "members --org names the scope"
contains "$TMP/mxq.txt" "大港社区总工会" "…and lists the community federation under it"

expect_rc 0 "members as xlsx" ud --db "$DB" report members --format xlsx -o "$TMP/m.xlsx"
pycheck - "$TMP/m.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1]).active
wv = openpyxl.load_workbook(sys.argv[1], data_only=True).active
labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
h = labels.index("单位") + 1
t = labels.index("合计") + 1
eq(t - h, 4, "members xlsx: three rows and the total")
eq([ws.cell(row=t, column=c).value for c in (2, 4)], ["=SUM(B%d:B%d)" % (h + 1, t - 1), "=SUM(D%d:D%d)" % (h + 1, t - 1)], "members xlsx: SUM formulas")
eq([wv.cell(row=t, column=c).value for c in range(2, 9)], [5, 32, 13, 10, 6, 0.6, 5], "members xlsx: computed totals")
eq(ws.cell(row=h + 1, column=7).number_format, "0.0%", "members xlsx: the migrant share as a percentage")
check(ws.column_dimensions["A"].width >= 34, "members xlsx: the name column fits the longest name")
EOF
expect_rc 0 "members as CSV" ud --db "$DB" report members --format csv
pycheck - "$TMP/out" <<'EOF'
import csv, sys
from reportcheck import check, eq
raw = open(sys.argv[1], "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "members CSV has a BOM")
rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
eq(rows[0], ["统计日期", "栏目", "单位", "基层工会数", "涵盖单位数", "会员总数", "在册会员", "其中外来务工", "外来务工占比", "本年新入会",
            "填报单位", "计量单位"], "members CSV header, the reporting unit and the units last")
eq(rows[-1][2:], ["合计", "5", "32", "13", "10", "6", "60.0%", "5", "北仑区总工会", "个、人"], "members CSV total")
EOF
expect_rc 65 "members --org of an unknown code exits 65" ud --db "$DB" report members --org NOPE

# training
expect_rc 0 "training 2026 as JSON" ud --db "$DB" report training --year 2026 --format json
cp "$TMP/out" "$TMP/t.json"
ud --db "$DB" report training --year 2025 --format json >"$TMP/t25.json"
pycheck - "$TMP/t.json" "$TMP/t25.json" <<'EOF'
import json, sys
from reportcheck import eq
t, t25 = (json.load(open(p)) for p in sys.argv[1:])
K = ["courses", "hours", "enrolments", "attended", "completed", "learner_hours", "completion_rate"]
C = {r["category"]: [r[k] for k in K] for r in t["by_category"]}
eq(t["year"], 2026, "training: the year")
eq([r["category"] for r in t["by_category"]],
   ["cadre_intro", "cadre_remedial", "cadre_advanced", "skills", "academic", "psych", "other", "total"], "training: categories in order, then total")
eq(C["cadre_intro"], [2, 24, 4, 3, 2, 32, 0.5], "training: 入门, two courses")
eq(C["skills"], [1, 40, 2, 2, 1, 40, 0.5], "training: 技能 (2025's course not counted)")
eq(C["academic"], [1, 120, 0, 0, 0, 0, None], "training: 学历 with nobody enrolled: rate null")
eq(C["psych"], [1, 4, 1, 1, 1, 4, 1.0], "training: a course starting on 31 December counts")
eq(C["other"], [0, 0, 0, 0, 0, 0, None], "training: a course starting on 1 January next year does not")
eq(C["total"], [5, 188, 7, 6, 4, 76, 0.5714], "training: total")
eq({r["category"]: [r[k] for k in K] for r in t25["by_category"]}["total"], [1, 24, 2, 2, 2, 48, 1.0], "training 2025")
EOF
expect_rc 0 "training as text" ud --db "$DB" report training --year 2026
cp "$TMP/out" "$TMP/t.txt"
contains "$TMP/t.txt" "北仑区总工会职工教育培训统计表" "training title"
contains "$TMP/t.txt" "（2026年度）" "training: the year"
pycheck - "$TMP/t.txt" <<'EOF'
import sys
from reportcheck import aligned, eq
text = open(sys.argv[1], encoding="utf-8").read()
ts = aligned(text, "training: table lines the same display width")
eq(next(l for l in ts[0] if l.startswith("合计")).split()[1:], ["5", "188", "7", "6", "4", "57.1%", "76"], "training: total row")
eq(next(l for l in ts[0] if l.startswith("学历")).split()[-2], "-", "training: no rate without enrolments")
EOF
expect_rc 0 "training as xlsx" ud --db "$DB" report training --year 2026 --format xlsx -o "$TMP/t.xlsx"
pycheck - "$TMP/t.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import eq
ws = openpyxl.load_workbook(sys.argv[1]).active
wv = openpyxl.load_workbook(sys.argv[1], data_only=True).active
labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
h, t = labels.index("培训类别") + 1, labels.index("合计") + 1
eq(t - h, 8, "training xlsx: seven categories and the total")
eq(ws.cell(row=t, column=3).value, "=SUM(C%d:C%d)" % (h + 1, t - 1), "training xlsx: hours total is a SUM")
eq(wv.cell(row=t, column=3).value, 188, "training xlsx: 188 hours")
eq(ws.title, "培训统计", "training xlsx: worksheet name")
EOF
ud --db "$DB" --lang en report training --year 2026 >"$TMP/t-en.txt"
contains "$TMP/t-en.txt" "mental health" "training in English: category labels"
expect_rc 64 "training needs --year" ud --db "$DB" report training
expect_rc 64 "training takes no --org" ud --db "$DB" report training --year 2026 --org BL
expect_rc 64 "training: a bad year" ud --db "$DB" report training --year 26
