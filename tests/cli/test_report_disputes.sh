# report disputes: the figures of tests/fixtures/reports/README.md in every
# format, the periods chained, as-of dates, the subtree and level filters,
# 29 February, paper layout, printing, errors.
. tests/lib.sh
. tests/cli/lib_report.sh
DB=$(report_db)
R() { ud --db "$DB" report disputes "$@"; }

expect_rc 0 "October as JSON" R --month 2026-10 --as-of 2026-11-05 --format json
cp "$TMP/out" "$TMP/oct.json"
pycheck - "$TMP/oct.json" <<'EOF'
import json, sys
from reportcheck import check, eq
d = json.load(open(sys.argv[1]))
eq(sorted(d), ["as_of", "by_level", "by_type", "period", "previous", "ytd"], "JSON has exactly the keys of DESIGN.md")
eq(d["period"], {"from": "2026-10-01", "to": "2026-10-31"}, "period from/to")
eq(d["as_of"], "2026-11-05", "as_of")
K = ["carried_over", "closed", "workers_received", "filed", "succeeded", "failed", "withdrawn", "open",
     "overdue", "collective", "claim_fen", "agreed_fen"]
def rows(table, key):
    return {r[key]: [r[k] for k in K] + [r["success_rate"]] for r in table}
for name in ("by_level", "ytd", "previous"):
    eq([r["level"] for r in d[name]], ["district", "street", "community", "total"], name + ": levels in order")
    eq(all(sorted(r) == sorted(K + ["level", "success_rate"]) for r in d[name]), True, name + ": every row has the keys")
eq([r["dispute_type"] for r in d["by_type"]],
   ["wages", "termination", "social_insurance", "work_injury", "compensation", "overtime", "contract", "other", "total"],
   "by_type: types in order, then total")
eq(all(sorted(r) == sorted(K + ["dispute_type", "success_rate"]) for r in d["by_type"]), True, "by_type: every row has the keys")
eq(all(type(r[k]) is int for t in ("by_level", "by_type", "ytd", "previous") for r in d[t] for k in K), True,
   "every count and amount is an integer")
L = rows(d["by_level"], "level")
eq(L["district"], [1, 2, 9, 4, 1, 1, 0, 2, 1, 1, 44800000, 10000000, 0.25], "October, district")
eq(L["street"], [1, 3, 18, 4, 2, 1, 1, 0, 0, 1, 22400000, 15500050, 0.5], "October, street")
eq(L["community"], [1, 2, 13, 3, 1, 0, 0, 2, 1, 1, 8500000, 450000, 0.3333], "October, community")
eq(L["total"], [3, 7, 40, 11, 4, 2, 1, 4, 2, 3, 75700000, 25950050, 0.3636], "October, total")
T = rows(d["by_type"], "dispute_type")
eq(T["wages"], [1, 4, 30, 4, 3, 0, 0, 1, 1, 3, 40500000, 25450050, 0.75], "October, wages")
eq(T["termination"], [0, 1, 2, 2, 0, 1, 0, 1, 0, 0, 2300000, 0, 0.0], "October, termination")
eq(T["social_insurance"], [0, 0, 2, 1, 0, 0, 0, 1, 1, 0, 2000000, 0, 0.0], "October, social insurance")
eq(T["work_injury"], [1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 30000000, 0, 0.0], "October, work injury")
eq(T["compensation"], [0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0.0], "October, compensation")
eq(T["overtime"], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, None], "October, overtime: nothing filed, success_rate null")
eq(T["contract"], [0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 300000, 0, 0.0], "October, contract")
eq(T["other"], [0, 0, 2, 1, 1, 0, 0, 0, 0, 0, 600000, 500000, 1.0], "October, other")
eq(T["total"], L["total"], "the types' total is the levels' total")
Y = rows(d["ytd"], "level")
eq(Y["district"], [0, 2, 24, 5, 2, 1, 0, 2, 1, 1, 49800000, 14200000, 0.4], "year to date, district")
eq(Y["street"], [0, 4, 20, 6, 3, 1, 1, 1, 1, 1, 24500000, 16300050, 0.5], "year to date, street")
eq(Y["community"], [0, 2, 14, 4, 2, 0, 0, 2, 1, 1, 12500000, 3450000, 0.5], "year to date, community")
eq(Y["total"], [0, 8, 58, 15, 7, 2, 1, 5, 3, 3, 86800000, 33950050, 0.4667], "year to date, total")
P = rows(d["previous"], "level")
eq(P["district"], [0, 2, 3, 2, 1, 0, 1, 0, 0, 0, 1200000, 905000, 0.5], "October 2025 as of 2025-11-05, district")
eq(P["street"], [0] * 12 + [None], "October 2025, street: nothing")
eq(P["total"], P["district"], "October 2025, total")
for name in ("by_level", "ytd", "previous"):
    t = {r["level"]: r for r in d[name]}
    check(all(t["total"][k] == sum(t[l][k] for l in ("district", "street", "community")) for k in K),
          name + ": the total row adds up the levels")
    check(all(r["succeeded"] + r["failed"] + r["withdrawn"] + r["open"] == r["filed"] for r in d[name]),
          name + ": succeeded + failed + withdrawn + open = filed")
EOF
grep -q '"success_rate": 0.3636' "$TMP/oct.json" && ok "success_rate written as a fraction with 4 places" || not_ok "success_rate written as a fraction with 4 places"

# carried over + filed - closed = the next period's carried over, September to November
for m in 09 10 11; do
    R --month 2026-$m --as-of 2026-11-05 --format json >"$TMP/m$m.json" 2>"$TMP/err" || { not_ok "2026-$m as JSON"; diag "$TMP/err"; }
done
pycheck - "$TMP/m09.json" "$TMP/m10.json" "$TMP/m11.json" <<'EOF'
import json, sys
from reportcheck import check, eq
ms = [json.load(open(p)) for p in sys.argv[1:]]
for a, b in zip(ms, ms[1:]):
    for ra, rb in zip(a["by_level"] + a["by_type"], b["by_level"] + b["by_type"]):
        key = ra.get("level") or ra.get("dispute_type")
        check(ra["carried_over"] + ra["filed"] - ra["closed"] == rb["carried_over"],
              "%s → %s, %s: carried over + filed - closed = next carried over" % (a["period"]["from"][:7], b["period"]["from"][:7], key),
              (ra["carried_over"], ra["filed"], ra["closed"], rb["carried_over"]))
t = [m["by_level"][3] for m in ms]
eq([r["carried_over"] for r in t], [1, 3, 7], "carried over: September 1, October 3, November 7")
eq([r["filed"] for r in t], [3, 11, 1], "filed: September 3, October 11, November 1")
eq([r["closed"] for r in t], [1, 7, 3], "closed: September 1, October 7, November 3 (by 11-05)")
eq(t[2]["carried_over"] + t[2]["filed"] - t[2]["closed"], 5, "November leaves 5 open for December (7 + 1 - 3)")
EOF

# the cohort's outcome as known on another data date
R --month 2026-10 --as-of 2026-10-31 --format json >"$TMP/oct31.json"
pycheck - "$TMP/oct31.json" <<'EOF'
import json, sys
from reportcheck import eq
d = json.load(open(sys.argv[1]))
L = {r["level"]: r for r in d["by_level"]}
pick = lambda r: [r[k] for k in ("closed", "filed", "succeeded", "failed", "withdrawn", "open", "overdue", "agreed_fen", "success_rate")]
eq(pick(L["district"]), [2, 4, 1, 0, 0, 3, 2, 10000000, 0.25], "as of 10-31, district: D5 still open, D4 and D5 overdue")
eq(pick(L["street"]), [3, 4, 1, 1, 1, 1, 0, 15000050, 0.25], "as of 10-31, street: S4 not yet succeeded")
eq(pick(L["community"]), [2, 3, 1, 0, 0, 2, 0, 450000, 0.3333], "as of 10-31, community: C2 12 days, not overdue")
eq(pick(L["total"]), [7, 11, 3, 1, 1, 6, 2, 25450050, 0.2727], "as of 10-31, total: 27.3%")
EOF

# one subtree, one level
R --month 2026-10 --as-of 2026-11-05 --org BL-XQ --format json >"$TMP/xq.json"
R --month 2026-10 --as-of 2026-11-05 --level community --format json >"$TMP/comm.json"
R --month 2026-10 --as-of 2026-11-05 --level 街道 --org BL-DQ --format json >"$TMP/dq.json"
pycheck - "$TMP/xq.json" "$TMP/comm.json" "$TMP/dq.json" <<'EOF'
import json, sys
from reportcheck import eq
K = ["carried_over", "closed", "workers_received", "filed", "succeeded", "failed", "withdrawn", "open",
     "overdue", "collective", "claim_fen", "agreed_fen", "success_rate"]
xq, comm, dq = (json.load(open(p)) for p in sys.argv[1:])
L = {r["level"]: [r[k] for k in K] for r in xq["by_level"]}
eq(L["district"], [0] * 12 + [None], "--org BL-XQ: no district cases")
eq(L["street"], [1, 2, 17, 3, 2, 0, 1, 0, 0, 1, 20900000, 15500050, 0.6667], "--org BL-XQ: 新碶 street")
eq(L["community"], [0, 1, 12, 3, 1, 0, 0, 2, 1, 1, 8500000, 450000, 0.3333], "--org BL-XQ: 大港 community")
eq(L["total"], [1, 3, 29, 6, 3, 0, 1, 2, 1, 2, 29400000, 15950050, 0.5], "--org BL-XQ: total")
C = {r["level"]: [r[k] for k in K] for r in comm["by_level"]}
eq(C["community"], [1, 2, 13, 3, 1, 0, 0, 2, 1, 1, 8500000, 450000, 0.3333], "--level community: the community row")
eq(C["total"], C["community"], "--level community: the total is the community row")
eq(C["street"][:12], [0] * 12, "--level community: no street figures")
D = {r["level"]: [r[k] for k in K] for r in dq["by_level"]}
eq(D["total"], [0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1500000, 0, 0.0], "--level 街道 --org BL-DQ: S6 only (S5 closed in September)")
EOF

# 29 February 2024 and the year before it
R --month 2024-02 --as-of 2024-03-16 --format json >"$TMP/feb.json"
R --month 2024-02 --as-of 2024-03-15 --format json >"$TMP/feb15.json"
R --month 2024-03 --as-of 2024-03-31 --format json >"$TMP/mar.json"
R --month 2025-02 --as-of 2025-02-28 --format json >"$TMP/feb25.json"
pycheck - "$TMP/feb.json" "$TMP/feb15.json" "$TMP/mar.json" "$TMP/feb25.json" <<'EOF'
import json, sys
from reportcheck import eq
feb, feb15, mar, feb25 = (json.load(open(p)) for p in sys.argv[1:])
eq(feb["period"], {"from": "2024-02-01", "to": "2024-02-29"}, "February 2024 ends on the 29th")
t = feb["by_level"][3]
eq([t[k] for k in ("workers_received", "filed", "closed", "succeeded", "open", "overdue", "success_rate")],
   [2, 2, 0, 1, 1, 1, 0.5], "filed on 29 February: counted; as of 03-16 F2 is 16 days old, overdue")
eq(feb15["by_level"][3]["overdue"], 0, "as of 03-15 F2 is 15 days old: not overdue yet")
t = mar["by_level"][3]
eq([t[k] for k in ("carried_over", "closed", "filed")], [2, 2, 0], "March 2024: both carried over, both closed")
p = feb25["previous"][3]
eq([p[k] for k in ("workers_received", "filed", "open")], [2, 2, 2],
   "February 2025's year earlier is all of February 2024, the 29th included, as of 2024-02-29")
EOF
R --month 2025-02 --as-of 2025-02-28 >"$TMP/feb25.txt"
contains "$TMP/feb25.txt" "上年同期（2024-02-01 至 2024-02-29，数据截至 2024-02-29）" "the text names the year-earlier period to the 29th"
R --month 2024-02 --as-of 2024-03-16 >"$TMP/feb24.txt"
contains "$TMP/feb24.txt" "上年同期（2023-02-01 至 2023-02-28，数据截至 2023-03-16）" "a year before February 2024 ends on 2023-02-28"

# the text report, for paper
expect_rc 0 "October as text" R --month 2026-10 --as-of 2026-11-05
cp "$TMP/out" "$TMP/oct.txt"
contains "$TMP/oct.txt" "北仑区总工会劳动争议调解统计月报" "title: the district's name and the report's"
contains "$TMP/oct.txt" "（2026年10月）" "title: the month"
contains "$TMP/oct.txt" "数据截至：2026-11-05" "the data date"
contains "$TMP/oct.txt" "制表人：" "who produced it"
contains "$TMP/oct.txt" "超过15日" "the definitions"
pycheck - "$TMP/oct.txt" <<'EOF'
import sys
from reportcheck import aligned, check, eq, width, pages
text = open(sys.argv[1], encoding="utf-8").read()
ts = aligned(text, "every line of each table has the same display width")
eq(len(ts), 5, "five tables: by level, by type, year to date, a year earlier, the change on it")
check(max(width(l) for l in text.replace("\f", "\n").split("\n")) <= 132, "no line wider than 132 columns (A4 landscape)")
ps = pages(text)
eq(len(ps), 2, "two pages, a form feed between them")
check(all(len(p.rstrip("\n").split("\n")) <= 60 for p in ps), "no page longer than 60 lines")
check(ps[0].split("\n")[0].endswith("第 1 页 共 2 页") and ps[1].split("\n")[0].endswith("第 2 页 共 2 页"),
      "page numbers in the running head")
check(ps[1].startswith("北仑区总工会劳动争议调解统计月报（2026年10月）"), "the second page's head names the report")
lv = ts[0]
row = next(l for l in lv if l.startswith("区 "))
eq(row.split(), ["区", "1", "2", "9", "4", "1", "1", "0", "2", "1", "1", "25.0%", "44.80", "10.00"], "the district row: counts, 25.0%, 万元 with two decimals")
tot = next(l for l in lv if l.startswith("合计"))
eq(tot.split()[-3:], ["36.4%", "75.70", "25.95"], "the total row: 36.4%, 75.70 and 25.95 万元")
ty = ts[1]
eq(next(l for l in ty if l.startswith("工作时间/加班")).split()[-3:], ["-", "0.00", "0.00"], "nothing filed: the rate is '-'")
check(any(l.startswith("解除终止劳动合同") for l in ty), "the longest type label is whole")
prev = ts[3]
eq(next(l for l in prev if l.startswith("合计")).split()[-1], "0.91", "9,050 yuan is 0.91 万元 (half up)")
# figures right-aligned: every row's columns end at the same places
rows = [l for l in lv if l[:1] in ("区", "街", "社", "合")]
def ends(r):
    out, col = [], 0
    for i, ch in enumerate(r):
        col += width(ch)
        if ch != " " and (i + 1 == len(r) or r[i + 1] == " "):
            out.append(col)
    return out[1:]
eq(len({tuple(ends(r)) for r in rows}), 1, "figures right-aligned in their columns")
EOF
ud --db "$DB" --lang en report disputes --month 2026-10 --as-of 2026-11-05 >"$TMP/oct-en.txt"
pycheck - "$TMP/oct-en.txt" <<'EOF'
import sys
from reportcheck import aligned, check, width
text = open(sys.argv[1], encoding="utf-8").read()
aligned(text, "English: every line of each table has the same display width")
check(max(width(l) for l in text.replace("\f", "\n").split("\n")) <= 132, "English: no line wider than 132 columns")
check("Monthly" in text and "page 1 of 2" in text and "working hours/overtime" in text, "English: title, page numbers, whole labels")
EOF
R --year 2026 --as-of 2026-11-26 >"$TMP/year.txt"
contains "$TMP/year.txt" "劳动争议调解统计年报" "--year makes the annual report"
contains "$TMP/year.txt" "（2026年度）" "…for the year"
R --year 2026 --as-of 2026-11-26 --format json | grep -q '"level": "total", "carried_over": 0, "closed": 11, "workers_received": 58, "filed": 16,' \
    && ok "2026: 16 cases filed, 11 closed, 58 workers received" || not_ok "2026: 16 cases filed, 11 closed, 58 workers received"
R --month 2026-10 --as-of 2026-11-05 --org BL-XQ --level street >"$TMP/scope.txt"
contains "$TMP/scope.txt" "统计范围：新碶街道总工会及其下属调解组织；仅街道一级" "the text names the subtree and the level"

# CSV
expect_rc 0 "October as CSV" R --month 2026-10 --as-of 2026-11-05 --format csv
cp "$TMP/out" "$TMP/oct.csv"
pycheck - "$TMP/oct.csv" <<'EOF'
import csv, sys
from reportcheck import check, eq
raw = open(sys.argv[1], "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 BOM")
check(b"\r\n" in raw, "CSV lines end with CRLF")
rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
eq(rows[0][:6], ["起始日期", "截止日期", "数据截至", "栏目", "级别", "上期结转"], "CSV header")
eq(len(rows), 1 + 4 + 9 + 4 + 4 + 4, "one header and 25 rows (4 + 9 + 4 + 4 + the change table's 4)")
dist = next(r for r in rows if r[3].startswith("一、") and r[4] == "区")
eq(dist, ["2026-10-01", "2026-10-31", "2026-11-05", "一、本期分级统计（2026-10-01 至 2026-10-31）", "区",
          "1", "2", "9", "4", "1", "1", "0", "2", "1", "1", "25.0%", "448000.00", "100000.00"] + [""] * 8 + ["北仑区总工会", "件、人、元"],
   "CSV district row: yuan, 25.0%, no change figures, the reporting unit and the units")
over = next(r for r in rows if r[4] == "工作时间/加班")
eq(over[15], "", "CSV: no rate when nothing was filed")
prev = [r for r in rows if r[3].startswith("四、")]
eq({r[0] for r in prev} | {r[2] for r in prev}, {"2025-10-01", "2025-11-05"}, "CSV: the year-earlier rows carry their own dates")
EOF

# xlsx
expect_rc 0 "October as xlsx" R --month 2026-10 --as-of 2026-11-05 --format xlsx -o "$TMP/oct.xlsx"
pycheck - "$TMP/oct.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
f = openpyxl.load_workbook(sys.argv[1])
v = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws, wv = f.active, v.active
eq(ws.title, "调解统计", "worksheet name")
eq(ws["A1"].value, "北仑区总工会劳动争议调解统计月报", "title in A1")
check("A1:N1" in [str(r) for r in ws.merged_cells.ranges], "title merged across the table")
eq(ws.page_setup.orientation, "landscape", "landscape")
eq(ws.page_setup.paperSize, 9, "A4 paper")
check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, "fitted to one page wide")
check("&P" in (ws.oddFooter.center.text or ""), "page numbers in the footer")
labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
r0 = labels.index("级别") + 1  # header row of the first table
eq([ws.cell(row=r0, column=c).value for c in (1, 2, 5, 12, 13)], ["级别", "上期结转", "受理立案", "成功率", "涉案金额(元)"], "header row")
eq([ws.cell(row=r0 + 1, column=c).value for c in range(1, 12)], ["区", 1, 2, 9, 4, 1, 1, 0, 2, 1, 1], "district row: real numbers")
eq(ws.cell(row=r0 + 1, column=13).value, 448000, "claim in yuan as a number")
eq(ws.cell(row=r0 + 1, column=13).number_format, "#,##0.00", "money format")
eq(ws.cell(row=r0 + 1, column=2).number_format, "0", "count format")
rate = ws.cell(row=r0 + 1, column=12)
eq(rate.value, "=IF(E%d=0,\"\",F%d/E%d)" % (r0 + 1, r0 + 1, r0 + 1), "rate is a formula over filed and succeeded")
eq(rate.number_format, "0.0%", "rate shown as a percentage")
eq(wv.cell(row=r0 + 1, column=12).value, 0.25, "rate's value: 0.25")
tot = r0 + 4
eq(ws.cell(row=tot, column=1).value, "合计", "total row")
eq([ws.cell(row=tot, column=c).value for c in (2, 5, 13)], ["=SUM(B%d:B%d)" % (r0 + 1, r0 + 3), "=SUM(E%d:E%d)" % (r0 + 1, r0 + 3), "=SUM(M%d:M%d)" % (r0 + 1, r0 + 3)],
   "total row: SUM formulas over the three levels")
eq([wv.cell(row=tot, column=c).value for c in (2, 3, 4, 5, 6, 13, 14)], [3, 7, 40, 11, 4, 757000, 259500.5], "total row: computed values stored with the formulas")
check(abs(wv.cell(row=tot, column=12).value - 4 / 11) < 1e-12, "total rate value 4/11")
t2 = labels.index("争议类型") + 1
eq(ws.cell(row=t2 + 9, column=2).value, "=SUM(B%d:B%d)" % (t2 + 1, t2 + 8), "by type: total sums the 8 types")
ov = t2 + 6
eq(ws.cell(row=ov, column=1).value, "工作时间/加班", "the overtime row")
check(wv.cell(row=ov, column=12).value in (None, ""), "nothing filed: the rate is empty, not 0%", wv.cell(row=ov, column=12).value)
check(labels.count("合计") == 5, "five tables, five total rows")
check(isinstance(labels[-1], str) and labels[-1].startswith("制表人："), "the last row names who produced it")
check(any(isinstance(x, str) and x.startswith("3. 成功率") for x in labels), "the footnote has the definitions")
check(ws.column_dimensions["A"].width >= 16, "the label column fits 解除终止劳动合同")
EOF

# printing
mkdir -p "$TMP/bin" "$TMP/nolp"
cat >"$TMP/bin/lp" <<EOF
#!/bin/sh
echo "\$@" >"$TMP/lp.args"
/bin/cat >"$TMP/lp.in"
echo "request id is fake-1 (1 file(s))"
EOF
chmod +x "$TMP/bin/lp"
# a running scheduler, whatever this machine's CUPS is doing (a stopped
# one changes what a failing lp is said to mean)
printf '#!/bin/sh\necho "scheduler is running"\n' >"$TMP/bin/lpstat"
chmod +x "$TMP/bin/lpstat"
PATH="$TMP/bin:$PATH" expect_rc 0 "--print sends the report to lp" R --month 2026-10 --as-of 2026-11-05 --print
equals "$(head -c 5 "$TMP/lp.in")" "%PDF-" "lp gets a PDF, never text (Chinese text prints as boxes)"
contains "$TMP/lp.args" "media=A4" "lp is asked for A4"
lacks "$TMP/lp.args" "landscape" "…not to turn the PDF's landscape pages once more"
lacks "$TMP/lp.args" "-d " "…and no printer: the default destination"
PATH="$TMP/bin:$PATH" expect_rc 0 "--print --printer NAME" R --month 2026-10 --print --printer Office_2F
contains "$TMP/lp.args" "-d Office_2F" "…lp is told the printer"
expect_rc 64 "--printer without --print" R --month 2026-10 --printer Office_2F
expect_rc 64 "a printer name CUPS cannot have" R --month 2026-10 --print --printer "a b"
PATH="$TMP/nolp" expect_rc 74 "--print without lp on PATH exits 74" "$UD_BIN" --db "$DB" report disputes --month 2026-10 --print
contains "$TMP/err" "lp" "…and says lp is missing"
contains "$TMP/err" "cups-client" "…and what to install"
printf '#!/bin/sh\n/bin/cat >/dev/null\nexit 1\n' >"$TMP/bin/lp"
PATH="$TMP/bin:$PATH" expect_rc 74 "a failing lp exits 74" R --month 2026-10 --print
contains "$TMP/err" "lp 没有说明原因" "…and says lp gave no reason"
# lp's own reason, as CUPS gives it with no printer set up, reaches the user
# (control characters made visible), with what to do
printf '#!/bin/sh\n/bin/cat >/dev/null\necho "lp: Error - No default destination." >&2\nprintf "\\033[31mred\\n" >&2\nexit 1\n' >"$TMP/bin/lp"
PATH="$TMP/bin:$PATH" expect_rc 74 "lp without a destination exits 74" R --month 2026-10 --print
contains "$TMP/err" "lp: Error - No default destination." "…and shows lp's own reason"
contains "$TMP/err" "uniondesk printers" "…and how to see the printers"
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok "…with lp's control characters made visible"; else ok "…with lp's control characters made visible"; fi

# output files and errors
expect_rc 0 "-o writes the text to a file" R --month 2026-10 --as-of 2026-11-05 -o "$TMP/o.txt"
cmp -s "$TMP/o.txt" "$TMP/oct.txt" && ok "…the same text as on stdout" || not_ok "…the same text as on stdout"
equals "$(wc -c <"$TMP/out")" 0 "…and nothing on stdout"
expect_rc 73 "-o into a missing directory exits 73" R --month 2026-10 -o "$TMP/no/such/r.txt"
expect_rc 73 "xlsx into a missing directory exits 73" R --month 2026-10 --format xlsx -o "$TMP/no/such/r.xlsx"
expect_rc 64 "neither --month nor --year" R
expect_rc 64 "both --month and --year" R --month 2026-10 --year 2026
expect_rc 64 "a bad month" R --month 2026-13
contains "$TMP/err" "月" "…says what is wrong with it"
expect_rc 64 "a bad level" R --month 2026-10 --level province
expect_rc 64 "a bad format" R --month 2026-10 --format docx
expect_rc 64 "xlsx without -o" R --month 2026-10 --format xlsx
expect_rc 64 "--print with csv" R --month 2026-10 --format csv --print
expect_rc 64 "a data date before the period" R --month 2026-12 --as-of 2026-11-05
echo keep >"$TMP/keep.txt"
expect_rc 64 "a usage error…" R --month 2026-99 -o "$TMP/keep.txt"
equals "$(cat "$TMP/keep.txt")" keep "…leaves an existing output file alone"
expect_rc 65 "an unknown organization exits 65" R --month 2026-10 --org NOPE
contains "$TMP/err" "NOPE" "…naming the code"
expect_rc 64 "an unknown report" ud --db "$DB" report shoes
expect_rc 64 "members takes no --month" ud --db "$DB" report members --month 2026-10
expect_rc 0 "report --help" ud report --help
contains "$TMP/out" "--as-of" "help lists the options"
contains "$TMP/out" "劳动争议调解统计月报" "help in Chinese"
expect_rc 0 "report --help in English" ud --lang en report --help
contains "$TMP/out" "monthly labour dispute mediation report" "help in English"
ud --db "$DB" --lang en report disputes --month 2026-10 --org NOPE >"$TMP/out" 2>"$TMP/err"
contains "$TMP/err" "NOPE" "--lang en: the error in English names the code"

# who produced it: the user's display name, else the login
ud --db "$DB" user add wangfang --role clerk --name 王芳 >/dev/null
ud --db "$DB" user add zhaoli --role clerk >/dev/null
ud --db "$DB" --user wangfang report disputes --month 2026-10 >"$TMP/by.txt"
contains "$TMP/by.txt" "制表人：王芳" "the footnote names the user by display name"
ud --db "$DB" --user zhaoli report disputes --month 2026-10 >"$TMP/by.txt"
contains "$TMP/by.txt" "制表人：zhaoli" "…or by login when there is none"
