# What the official forms carry (DESIGN.md, "Reports"): 填报单位 and the
# scope's name in the title with --org, the units line (万元 on paper, 元 in
# CSV and xlsx), who prepared, checked and approved it at the end, and the
# 同比增减 table whose changes are worked out here from the JSON of the same
# report: (this period - a year earlier) / a year earlier, half up to 0.1%,
# blank on a zero base — in text, CSV and xlsx.
. tests/lib.sh
. tests/cli/lib_report.sh
DB=$(report_db)
R() { ud --db "$DB" report disputes "$@"; }

for f in text csv json; do
    R --month 2026-10 --as-of 2026-11-05 --org BL-XQ --format $f >"$TMP/xq.$f" 2>"$TMP/err" || { not_ok "--org BL-XQ as $f"; diag "$TMP/err"; }
    R --month 2026-10 --as-of 2026-11-05 --format $f >"$TMP/all.$f" 2>"$TMP/err" || { not_ok "October as $f"; diag "$TMP/err"; }
    # February 2025 against February 2024 (two cases filed then, none now): falls
    R --month 2025-02 --as-of 2025-02-28 --format $f >"$TMP/feb.$f" 2>"$TMP/err" || { not_ok "February 2025 as $f"; diag "$TMP/err"; }
done
expect_rc 0 "--org BL-XQ as xlsx" R --month 2026-10 --as-of 2026-11-05 --org BL-XQ --format xlsx -o "$TMP/xq.xlsx"
expect_rc 0 "October as xlsx" R --month 2026-10 --as-of 2026-11-05 --format xlsx -o "$TMP/all.xlsx"
expect_rc 0 "February 2025 as xlsx" R --month 2025-02 --as-of 2025-02-28 --format xlsx -o "$TMP/feb.xlsx"

# the reporting unit, the title, the units, the signers
pycheck - "$TMP" <<'EOF'
import csv, os, sys, openpyxl
from reportcheck import check, eq
d = sys.argv[1]
rd = lambda n: open(os.path.join(d, n), encoding="utf-8").read()
xq, al = rd("xq.text"), rd("all.text")
head = lambda t: [l.strip() for l in t.split("\n")[:8]]
check("新碶街道总工会劳动争议调解统计月报" in head(xq), "text, --org BL-XQ: the title names 新碶街道总工会", head(xq))
check("北仑区总工会" not in "\n".join(xq.split("\n")[:6]), "text, --org BL-XQ: the district is not named in the head")
line = next((l for l in xq.split("\n") if l.startswith("填报单位：")), "")
eq(line.split()[:1], ["填报单位：新碶街道总工会"], "text, --org BL-XQ: 填报单位 is the organization of --org")
eq(line.split()[-1:], ["单位：件、人、万元"], "text: the units on the same line, money in 万元 on paper")
check("北仑区总工会劳动争议调解统计月报" in head(al), "text, the whole district: the title names the root")
check(any(l.startswith("填报单位：北仑区总工会 ") for l in al.split("\n")), "text, the whole district: 填报单位 is the root")
lines = al.rstrip("\n").split("\n")
last = lines[-1]
check(last.startswith("制表人：") and "审核人：" in last and "负责人：" in last, "text: the last line is 制表人, 审核人, 负责人", last)
eq(lines[-2], "", "text: …set apart from the notes by a blank line")
eq(sum("制表人：" in l for l in lines), 1, "text: …once")

for name, unit in (("xq.csv", "新碶街道总工会"), ("all.csv", "北仑区总工会")):
    rows = list(csv.reader(open(os.path.join(d, name), encoding="utf-8-sig")))
    eq(rows[0][-2:], ["填报单位", "计量单位"], "CSV %s: the last two columns are 填报单位 and 计量单位" % name)
    eq({tuple(r[-2:]) for r in rows[1:]}, {(unit, "件、人、元")}, "CSV %s: every row: %s, money in 元" % (name, unit))

for name, unit in (("xq.xlsx", "新碶街道总工会"), ("all.xlsx", "北仑区总工会")):
    ws = openpyxl.load_workbook(os.path.join(d, name)).active
    eq(ws["A1"].value, unit + "劳动争议调解统计月报", "xlsx %s: the title names %s" % (name, unit))
    cells = [c.value for row in ws.iter_rows(max_row=5) for c in row if c.value is not None]
    check("填报单位：" + unit in cells, "xlsx %s: 填报单位：%s under the title" % (name, unit), cells)
    check("单位：件、人、元" in cells, "xlsx %s: the units, money in 元 as the sheet has it" % name, cells)
    col_a = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    check(isinstance(col_a[-1], str) and col_a[-1].startswith("制表人：") and "负责人：" in col_a[-1],
          "xlsx %s: the last row is 制表人, 审核人, 负责人" % name, col_a[-1])
    eq(col_a[-2], None, "xlsx %s: …a row apart from the notes" % name)
EOF

# members and training: their own title, reporting unit and units
ud --db "$DB" report members --org BL-XQ >"$TMP/m.txt"
ud --db "$DB" report members --org BL-XQ --format xlsx -o "$TMP/m.xlsx" >/dev/null 2>&1
ud --db "$DB" report training --year 2026 >"$TMP/t.txt"
contains "$TMP/m.txt" "新碶街道总工会工会组织和会员统计表" "members --org BL-XQ: the title names the organization"
contains "$TMP/m.txt" "填报单位：新碶街道总工会" "members --org BL-XQ: 填报单位"
contains "$TMP/m.txt" "单位：个、人" "members: its units"
tail -1 "$TMP/m.txt" | grep -q "^制表人：.*审核人：.*负责人：" && ok "members: the signers last" || not_ok "members: the signers last"
contains "$TMP/t.txt" "北仑区总工会职工教育培训统计表" "training: the root in the title"
contains "$TMP/t.txt" "填报单位：北仑区总工会" "training: 填报单位 is the root"
contains "$TMP/t.txt" "单位：个、学时、人次" "training: its units"
tail -1 "$TMP/t.txt" | grep -q "^制表人：.*审核人：.*负责人：" && ok "training: the signers last" || not_ok "training: the signers last"
pycheck - "$TMP/m.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1]).active
eq(ws["A1"].value, "新碶街道总工会工会组织和会员统计表", "members xlsx: the title names the organization")
cells = [c.value for row in ws.iter_rows(max_row=5) for c in row if c.value is not None]
check("填报单位：新碶街道总工会" in cells and "单位：个、人" in cells, "members xlsx: 填报单位 and 单位", cells)
EOF

# 五、同比增减: every change equal to what the JSON's period and previous rows give
pycheck - "$TMP" <<'EOF'
import os, sys, json, openpyxl
from decimal import Decimal, ROUND_HALF_UP
from reportcheck import check, eq, tables, width
d = sys.argv[1]
FIG = [("filed", "受理立案"), ("succeeded", "调解成功"), ("workers_received", "接待职工"), ("claim_fen", "涉案")]
LEVELS = [("district", "区"), ("street", "街道"), ("community", "社区"), ("total", "合计")]

def change(now, before):
    """(now - before) / before as paper prints it: half up (away from zero) to 0.1%, signed; blank on 0."""
    if before == 0:
        return ""
    p = (Decimal(now - before) * 100 / Decimal(before)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    s = "%s%%" % p
    if p == 0:
        return "0.0%"
    return ("+" + s) if p > 0 else s

def wan(fen):
    return str((Decimal(fen) / 1000000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

seen = set()
for stem in ("all", "xq", "feb"):
    j = json.load(open(os.path.join(d, stem + ".json")))
    now = {r["level"]: r for r in j["by_level"]}
    before = {r["level"]: r for r in j["previous"]}
    want = {}
    for lv, _ in LEVELS:
        row = []
        for k, _ in FIG:
            a, b = now[lv][k], before[lv][k]
            show = (lambda x: wan(x)) if k == "claim_fen" else str
            row += [show(a), show(b), change(a, b)]
            seen.add("zero" if b == 0 else "equal" if a == b else "fall" if a < b else "rise")
        want[lv] = row
    # text: the fifth table, whose columns are fixed-width and right-aligned
    text = open(os.path.join(d, stem + ".text"), encoding="utf-8").read()
    ts = tables(text)
    t5 = ts[4] if len(ts) > 4 else []
    eq([l.split() for l in t5 if l.startswith("级别")], [["级别"] + [f for f in ("受理", "成功", "接待", "涉案万元") for _ in range(3)]],
       "%s: the fifth table: filed, succeeded, workers, claim (万元)" % stem)
    heads = [l for l in t5 if l.strip().startswith("本期")]
    eq(len(heads), 1, "%s: its second header line names 本期 / 上年 / 增减%%" % stem)
    if heads:
        # cells cut at the header's column ends (every cell is right-aligned under its header)
        h = heads[0]
        ends, col = [], 0
        for i, ch in enumerate(h):
            col += width(ch)
            if ch != " " and (i + 1 == len(h) or h[i + 1] == " "):
                ends.append(col)
        eq(h.split(), ["本期", "上年", "增减%"] * 4, "%s: this period, a year earlier, the change, for four figures" % stem)
        for lv, label in LEVELS:
            line = next((l for l in t5 if l.split()[:1] == [label]), None)
            if line is None:
                check(False, "%s: a row for %s" % (stem, label))
                continue
            # display columns → characters (labels are Chinese, figures ASCII)
            pad = width(label) - len(label)
            cells = [line[s - pad:e - pad].strip() for s, e in zip(ends, ends[1:])]
            cells.insert(0, line[:ends[0] - pad].split()[-1])  # after the label: always a count
            eq(cells, want[lv], "%s text, %s: this period, a year earlier, the change (from the JSON)" % (stem, lv))
    # xlsx: the change formulas, their cached values and a recomputation from the cells
    if stem == "xq":
        continue  # the same sheet layout as "all"; its head is checked above
    wb = openpyxl.load_workbook(os.path.join(d, stem + ".xlsx"))
    wv = openpyxl.load_workbook(os.path.join(d, stem + ".xlsx"), data_only=True)
    ws, vs = wb.active, wv.active
    labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    cap = next(i for i, v in enumerate(labels) if isinstance(v, str) and v.startswith("五、同比增减")) + 1
    eq([ws.cell(row=cap + 1, column=c).value for c in (2, 3, 4)], ["受理立案", "上年同期受理立案", "受理立案同比增减"],
       "%s xlsx: the change table's header" % stem)
    for i, (lv, label) in enumerate(LEVELS):
        r = cap + 2 + i
        eq(ws.cell(row=r, column=1).value, label, "%s xlsx: row %s" % (stem, label))
        for g, (k, _) in enumerate(FIG):
            cn, cb, cc = 2 + 3 * g, 3 + 3 * g, 4 + 3 * g
            n, b = now[lv][k], before[lv][k]
            scale = 100 if k == "claim_fen" else 1
            f = ws.cell(row=r, column=cc)
            L = openpyxl.utils.get_column_letter
            num, den = "%s%d" % (L(cn), r), "%s%d" % (L(cb), r)
            ok_f = f.value == '=IF(%s=0,"",(%s-%s)/%s)' % (den, num, den, den)
            got_n, got_b = vs.cell(row=r, column=cn).value, vs.cell(row=r, column=cb).value
            cached = vs.cell(row=r, column=cc).value
            if b == 0:
                ok_v = cached in (None, "")
            else:
                ok_v = abs(cached - (n - b) / b) < 1e-12 and abs((got_n - got_b) / got_b - (n - b) / b) < 1e-12
            check(ok_f and ok_v and got_n * scale == n and got_b * scale == b and "0.0%" in f.number_format,
                  "%s xlsx, %s, %s: the change formula, its value %s" % (stem, lv, k, change(n, b) or "blank"),
                  (f.value, cached, got_n, got_b, f.number_format))
for kind in ("zero", "equal", "fall", "rise"):
    check(kind in seen, "the cases compared include a %s" % {"zero": "zero base", "equal": "figure equal to a year earlier",
                                                           "fall": "fall", "rise": "rise"}[kind])
EOF
