# export cases / export members: the lists as xlsx and CSV, read back with
# openpyxl and Python's csv module and compared with the database read by
# sqlite3 with the same filter (counts, sums, single rows); masking and
# --full-id; the overdue rule computed here in SQL; format vs extension;
# whole-or-absent output.
. tests/lib.sh
. tests/cli/lib_report.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
FX=$(report_db)
for d in "$DB" "$FX"; do
    ud --db "$d" user add clerk1 --role clerk --name 王办事 >/dev/null
    ud --db "$d" user add officer1 --role officer --name 李主管 >/dev/null
done
E() { ud --db "$DB" "$@"; }

# The same rows as the list with a filter, in SQL: the WHERE over cases c
# joined to their mediation body o.
CASES="FROM cases c JOIN orgs o ON o.id = c.mediation_org_id"
subtree() { echo "(WITH RECURSIVE s(id) AS (SELECT id FROM orgs WHERE code = '$1' UNION ALL SELECT so.id FROM orgs so JOIN s ON so.parent_id = s.id) SELECT id FROM s)"; }

# ---- every case, xlsx ----
expect_rc 0 "export cases: every case to xlsx" E export cases -o "$TMP/all.xlsx"
n=$(sql "$DB" "SELECT count(*) FROM cases")
contains "$TMP/out" "已导出 $n 件案件" "…says how many"
[ "$(stat -c %a "$TMP/all.xlsx")" = 600 ] && ok "the file is 0600" || not_ok "the file is 0600 ($(stat -c %a "$TMP/all.xlsx"))"
sql "$DB" "SELECT count(*), sum(claim_fen), coalesce(sum(agreed_fen), 0), sum(workers_count) FROM cases" >"$TMP/all.sql"
# one case to compare field by field: the first succeeded case with an ID number
sql "$DB" "SELECT c.case_no, c.received_on, c.filed_on, o.name, c.applicant_name, c.applicant_id_number, c.applicant_phone,
  c.employer_name, c.dispute_type, c.workers_count, c.claim_fen, c.agreed_fen, c.mediator, c.closed_on, c.outcome
  $CASES WHERE c.status = 'succeeded' AND c.applicant_id_number IS NOT NULL ORDER BY c.id LIMIT 1" >"$TMP/one.sql"
pycheck - "$TMP/all.xlsx" "$TMP/all.sql" "$TMP/one.sql" <<'EOF'
import datetime, sys, zipfile, openpyxl
from reportcheck import check, eq
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
wv = openpyxl.load_workbook(sys.argv[1], data_only=True).active
count, claim, agreed, workers = [int(x) for x in open(sys.argv[2]).read().strip().split("|")]
one = open(sys.argv[3]).read().rstrip("\n").split("|")
eq(ws.title, "调解案件", "worksheet name")
eq(ws["A1"].value, "北仑区总工会劳动争议调解案件清单", "the title names the list")
check("A1:T1" in [str(r) for r in ws.merged_cells.ranges], "title merged over the 20 columns")
check(ws["A2"].value.startswith("接待日期：全部") and "制表日期：2026-11-26" in ws["A2"].value, "the filters line", ws["A2"].value)
eq([c.value for c in ws[3]], ["序号", "案件编号", "接待日期", "受理日期", "调解组织", "级别", "申请人", "身份证号", "联系电话",
    "用人单位", "争议类型", "涉及人数", "涉案金额(元)", "协议金额(元)", "调解员", "状态", "结案日期", "是否超期", "超期天数", "结果"],
   "header row")
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=ws.max_row - 1)]
eq(len(rows), count, "as many rows as cases in the database (%d)" % count)
eq([r[0] for r in rows], list(range(1, count + 1)), "序号 1…N")
recv = [r[2] for r in rows]
eq(recv, sorted(recv), "in the order received")
check(all(isinstance(r[2], datetime.datetime) for r in rows), "接待日期 are real dates")
check(ws["C4"].number_format == "yyyy-mm-dd" and ws["M4"].number_format == "#,##0.00", "dates yyyy-mm-dd, amounts #,##0.00")
eq(round(sum(r[12] or 0 for r in rows) * 100), claim, "涉案金额 adds up to the database's sum")
eq(round(sum(r[13] or 0 for r in rows) * 100), agreed, "协议金额 adds up to the database's sum")
t = ws.max_row
eq([ws.cell(row=t, column=1).value, ws.cell(row=t, column=2).value], ["合计", "共 %d 件" % count], "total row: the count")
eq([ws.cell(row=t, column=c).value for c in (12, 13, 14)], ["=SUM(L4:L%d)" % (t - 1), "=SUM(M4:M%d)" % (t - 1), "=SUM(N4:N%d)" % (t - 1)],
   "total row: SUM formulas under 涉及人数 and the amounts")
eq([wv.cell(row=t, column=12).value, round(wv.cell(row=t, column=13).value * 100), round(wv.cell(row=t, column=14).value * 100)],
   [workers, claim, agreed], "…with their values stored, equal to the database's sums")
eq(ws.cell(row=t, column=19).value, None, "no sum of 超期天数")
eq(ws.freeze_panes, "A4", "header frozen")
eq(ws.auto_filter.ref, "A3:T%d" % (t - 1), "autofilter over the header and the rows")
eq(ws.print_title_rows, "$1:$3", "title and header repeat on every printed page")
eq((ws.page_setup.orientation, ws.page_setup.paperSize), ("landscape", 9), "A4 landscape")
check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, "one page wide")
check("xl/sharedStrings.xml" not in zipfile.ZipFile(sys.argv[1]).namelist(), "constant-memory mode (inline strings)")
r = [x for x in rows if x[1] == one[0]]
eq(len(r), 1, "case %s is in the list once" % one[0])
r = r[0]
d = lambda s: datetime.datetime.strptime(s, "%Y-%m-%d")
eq(r[2:5], [d(one[1]), d(one[2]), one[3]], "…its dates and mediation body")
eq(r[6], one[4], "…applicant")
eq(r[7], one[5][:6] + "********" + one[5][14:], "…ID number masked 6+8*+4")
eq(r[8], one[6] or None, "…phone whole (the user has an account)")
eq([r[9], r[11], round(r[12] * 100), round(r[13] * 100), r[14]], [one[7], int(one[9]), int(one[10]), int(one[11]), one[12]],
   "…employer, workers, amounts, mediator")
eq([r[15], r[16], r[17], r[18], r[19]], ["调解成功", d(one[13]), "否", None, one[14]], "…status, closing date, not overdue, outcome")
EOF

# ---- filters: status and level, to CSV ----
expect_rc 0 "--status 调解成功 --level street to CSV" E export cases --status 调解成功 --level street -o "$TMP/st.csv"
[ "$(head -c 3 "$TMP/st.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok "the CSV starts with the UTF-8 BOM" || not_ok "the CSV starts with the UTF-8 BOM"
sql "$DB" "SELECT count(*), sum(c.claim_fen), coalesce(sum(c.agreed_fen), 0) $CASES WHERE c.status = 'succeeded' AND o.kind = 'street_federation'" >"$TMP/st.sql"
sql "$DB" "SELECT c.case_no, c.applicant_name, c.employer_name, c.claim_fen, c.agreed_fen $CASES
  WHERE c.status = 'succeeded' AND o.kind = 'street_federation' ORDER BY c.received_on DESC, c.id DESC LIMIT 1" >"$TMP/st1.sql"
pycheck - "$TMP/st.csv" "$TMP/st.sql" "$TMP/st1.sql" <<'EOF'
import csv, sys
from reportcheck import check, eq
raw = open(sys.argv[1], "rb").read()
check(raw.count(b"\r\n") == raw.count(b"\n"), "every line ends CRLF")
text = raw.decode("utf-8-sig")  # fails the check below if it is not UTF-8
rows = list(csv.reader(text.splitlines()))
count, claim, agreed = [int(x) for x in open(sys.argv[2]).read().strip().split("|")]
one = open(sys.argv[3]).read().rstrip("\n").split("|")
eq(rows[0][:3], ["序号", "案件编号", "接待日期"], "the header reads as Chinese")
body = rows[1:]
eq(len(body), count, "as many rows as the database has succeeded street cases (%d)" % count)
check(all(r[15] == "调解成功" and r[5] == "街道" for r in body), "every row succeeded, at street level")
eq(round(sum(float(r[12]) for r in body) * 100), claim, "claims add up")
eq(round(sum(float(r[13]) for r in body if r[13]) * 100), agreed, "agreed amounts add up")
r = [x for x in body if x[1] == one[0]][0]
eq([r[6], r[9], r[12], r[13]], [one[1], one[2], "%d.%02d" % divmod(int(one[3]), 100), "%d.%02d" % divmod(int(one[4]), 100)],
   "a row's applicant, employer, and amounts as 1234.50")
check(all(len(r) == 20 for r in rows), "20 fields in every row (RFC 4180 quoting holds)")
EOF

# dispute type and a date range on received_on
expect_rc 0 "--type wages --from --to" E export cases --type wages --from 2024-01-01 --to 2025-06-30 -o "$TMP/ty.xlsx"
want=$(sql "$DB" "SELECT count(*) FROM cases WHERE dispute_type = 'wages' AND received_on BETWEEN '2024-01-01' AND '2025-06-30'")
pycheck - "$TMP/ty.xlsx" "$want" <<'EOF'
import datetime, sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=ws.max_row - 1)]
eq(len(rows), int(sys.argv[2]), "--type wages, received 2024-01-01…2025-06-30: the database's count (%s)" % sys.argv[2])
check(all(r[10] == "劳动报酬" and datetime.datetime(2024, 1, 1) <= r[2] <= datetime.datetime(2025, 6, 30) for r in rows),
      "every row of that type, received in the range")
check("2024-01-01 至 2025-06-30" in ws["A2"].value and "争议类型：劳动报酬" in ws["A2"].value, "the filters line names them", ws["A2"].value)
EOF

# an organization's subtree
expect_rc 0 "--org BL-XQ (the street and the bodies under it)" E export cases --org BL-XQ --format csv -o "$TMP/xq.csv"
want=$(sql "$DB" "SELECT count(*) FROM cases WHERE mediation_org_id IN $(subtree BL-XQ)")
own=$(sql "$DB" "SELECT count(*) FROM cases WHERE mediation_org_id = (SELECT id FROM orgs WHERE code = 'BL-XQ')")
got=$(($(wc -l <"$TMP/xq.csv") - 1))
equals "$got" "$want" "--org BL-XQ: the subtree's $want cases"
[ "$want" -gt "$own" ] && ok "…more than the street's own $own (bodies below it count)" || not_ok "…more than the street's own $own"

# ---- the overdue list: filed or mediating, more than 15 days after filing ----
OVERDUE="c.status IN ('filed', 'mediating') AND julianday('2026-11-26') - julianday(c.filed_on) > 15"
expect_rc 0 "--overdue on the fixture district" ud --db "$FX" export cases --overdue -o "$TMP/od.xlsx"
sql "$FX" "SELECT c.case_no || '|' || CAST(julianday('2026-11-26') - julianday(c.filed_on) - 15 AS INTEGER) FROM cases c WHERE $OVERDUE ORDER BY c.case_no" >"$TMP/od.sql"
pycheck - "$TMP/od.xlsx" "$TMP/od.sql" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1]).active
want = sorted(tuple(l.split("|")) for l in open(sys.argv[2]).read().split())
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=ws.max_row - 1)]
check(len(want) >= 3, "the fixture has overdue cases to list (%d)" % len(want))
eq(sorted((r[1], str(r[18])) for r in rows), want, "exactly the cases the rule in SQL finds, with 超期天数 = days since filing - 15")
check(all(r[17] == "是" and r[15] in ("受理", "调解中") for r in rows), "each marked 是否超期 是, filed or mediating")
eq(ws["A1"].value, "北仑区总工会超期劳动争议调解案件清单", "the title says overdue")
check("仅超期" in ws["A2"].value, "the filters line says overdue only", ws["A2"].value)
EOF
# and on the demo district, as of a later day
expect_rc 0 "--overdue as of 2027-03-01" env UNIONDESK_TODAY=2027-03-01 "$UD_BIN" --db "$DB" export cases --overdue --format csv -o "$TMP/od2.csv"
want=$(sql "$DB" "SELECT count(*) FROM cases c WHERE c.status IN ('filed', 'mediating') AND julianday('2027-03-01') - julianday(c.filed_on) > 15")
got=$(($(wc -l <"$TMP/od2.csv") - 1))
equals "$got" "$want" "the demo's overdue cases as of 2027-03-01 ($want)"
[ "$want" -gt 0 ] && ok "…there are some" || not_ok "…there are some"
expect_rc 0 "the overdue list before any is overdue" E export cases --overdue -o "$TMP/od0.xlsx"
contains "$TMP/err" "清单为空" "…is empty, and says so"

# ---- members ----
expect_rc 0 "export members: everyone to xlsx" E export members -o "$TMP/m.xlsx"
sql "$DB" "SELECT count(*) FROM members" >"$TMP/m.sql"
sql "$DB" "SELECT m.name, m.gender, m.id_number, o.name, m.ethnicity, m.phone, m.join_date, m.status, m.is_migrant, m.job_title, m.card_no
  FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.phone IS NOT NULL AND m.job_title IS NOT NULL ORDER BY m.id LIMIT 1" >"$TMP/m1.sql"
pycheck - "$TMP/m.xlsx" "$TMP/m.sql" "$TMP/m1.sql" <<'EOF'
import datetime, sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1]).active
count = int(open(sys.argv[2]).read())
one = open(sys.argv[3]).read().rstrip("\n").split("|")
eq(ws["A1"].value, "北仑区总工会会员名册", "title")
eq([c.value for c in ws[3]], ["序号", "姓名", "性别", "身份证号", "所属工会", "民族", "文化程度", "联系电话", "入会日期", "会员状态",
    "外来务工", "职务", "会员卡号"], "header row")
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=ws.max_row - 1)]
eq(len(rows), count, "every member (%d)" % count)
eq(ws.cell(row=ws.max_row, column=2).value, "共 %d 人" % count, "total row counts them")
check(all(r[3][6:14] == "********" for r in rows), "every ID number masked")
r = [x for x in rows if x[12] == one[10]]
eq(len(r), 1, "member card %s once" % one[10])
r = r[0]
eq([r[1], r[2], r[3], r[4], r[5], r[7], r[8], r[9], r[10], r[11]],
   [one[0], {"M": "男", "F": "女"}[one[1]], one[2][:6] + "********" + one[2][14:], one[3], one[4], one[5],
    datetime.datetime.strptime(one[6], "%Y-%m-%d"), {"active": "在册", "transferred_out": "转出", "withdrawn": "退会", "deceased": "去世"}[one[7]],
    "是" if one[8] == "1" else "否", one[9]], "a member's fields")
EOF
expect_rc 0 "--org BL-XQ --status active to CSV" E export members --org BL-XQ --status active -o "$TMP/mx.csv"
want=$(sql "$DB" "SELECT count(*) FROM members WHERE status = 'active' AND org_id IN $(subtree BL-XQ)")
got=$(($(wc -l <"$TMP/mx.csv") - 1))
equals "$got" "$want" "members of BL-XQ's subtree, active: the database's $want"
[ "$want" -gt 0 ] && ok "…some" || not_ok "…some"
expect_rc 0 "--status 退会" E export members --status 退会 -o "$TMP/mw.csv"
want=$(sql "$DB" "SELECT count(*) FROM members WHERE status = 'withdrawn'")
equals "$(($(wc -l <"$TMP/mw.csv") - 1))" "$want" "--status 退会 (a label): the database's $want"

# ---- whole ID numbers ----
expect_rc 0 "an officer: members --full-id" E --user officer1 export members --full-id --format csv -o "$TMP/mf.csv"
idn=$(sql "$DB" "SELECT id_number FROM members ORDER BY id LIMIT 1")
contains "$TMP/mf.csv" "$idn" "…whole ID numbers"
audit=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE tbl = 'members' AND action = 'print' AND login = 'officer1' AND after_json LIKE '%export members --full-id%mf.csv%'")
equals "$audit" 1 "…recorded in the audit log, naming the file"
expect_rc 0 "an officer: cases --full-id" E --user officer1 export cases --full-id -o "$TMP/cf.xlsx"
cidn=$(sql "$DB" "SELECT applicant_id_number FROM cases WHERE applicant_id_number IS NOT NULL ORDER BY received_on, id LIMIT 1")
pycheck - "$TMP/cf.xlsx" "$cidn" <<'EOF'
import sys, openpyxl
from reportcheck import eq
ws = openpyxl.load_workbook(sys.argv[1]).active
ids = [ws.cell(row=r, column=8).value for r in range(4, ws.max_row)]
eq([i for i in ids if i][0], sys.argv[2], "cases --full-id: the applicant's whole number")
EOF
for k in cases members; do
    expect_rc 77 "a clerk may not: $k --full-id" E --user clerk1 export $k --full-id -o "$TMP/clerk-$k.xlsx"
    [ -e "$TMP/clerk-$k.xlsx" ] && not_ok "…and nothing is written" || ok "…and nothing is written"
done
contains "$TMP/err" "只有主管和管理员" "…the message says who may"
expect_rc 0 "a clerk: the masked list" E --user clerk1 export members -o "$TMP/mc.csv"
lacks "$TMP/mc.csv" "$idn" "…without whole numbers"
# phones are masked for someone without an account
expect_rc 0 "someone without an account may export the masked list" E --user nobody export members -o "$TMP/mn.csv"
ph=$(sql "$DB" "SELECT phone FROM members WHERE phone IS NOT NULL ORDER BY id LIMIT 1")
mph=$(echo "$ph" | sed 's/^\(...\).*\(....\)$/\1****\2/')
contains "$TMP/mn.csv" "$mph" "…phones masked $mph"
lacks "$TMP/mn.csv" "$ph" "…never whole"

# ---- format and extension; whole or absent ----
expect_rc 64 "-o x.csv --format xlsx is refused" E export cases -o "$TMP/f1.csv" --format xlsx
contains "$TMP/err" "不符" "…saying they disagree"
expect_rc 64 "-o x.xlsx --format csv is refused" E export members -o "$TMP/f2.xlsx" --format csv
expect_rc 64 "a .txt name is refused" E export cases -o "$TMP/f3.txt"
expect_rc 64 "an unknown extension without --format is refused" E export members -o "$TMP/f4.dat"
expect_rc 64 "--format pdf is refused" E export members -o "$TMP/f5.dat" --format pdf
n=$(ls "$TMP"/f[1-5].* 2>/dev/null | wc -l)
equals "$n" 0 "…and none of them wrote anything"
expect_rc 0 "an unknown extension with --format csv" E export members --status deceased -o "$TMP/f6.dat" --format csv
[ "$(head -c 3 "$TMP/f6.dat" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok "…is written as CSV" || not_ok "…is written as CSV"
expect_rc 0 "upper-case .XLSX names xlsx" E export members --status deceased -o "$TMP/f7.XLSX"
[ "$(head -c 2 "$TMP/f7.XLSX")" = PK ] && ok "…a zip (xlsx)" || not_ok "…a zip (xlsx)"
echo keep >"$TMP/exists.xlsx"
expect_rc 73 "an existing file is not replaced" E export cases -o "$TMP/exists.xlsx"
equals "$(cat "$TMP/exists.xlsx")" keep "…it is left as it was"
expect_rc 0 "--force replaces it" E export cases --status filed -o "$TMP/exists.xlsx" --force
[ "$(head -c 2 "$TMP/exists.xlsx")" = PK ] && ok "…with the list" || not_ok "…with the list"
expect_rc 73 "never onto the database" E export members --format csv -o "$DB" --force
expect_rc 73 "nor its -wal" E export members --format csv -o "$DB-wal" --force
expect_rc 73 "a missing directory exits 73" E export cases -o "$TMP/no/such/c.xlsx"
left=$(ls -A "$TMP" | grep -c '^\.' )
equals "$left" 0 "no temporary file is left behind"
expect_rc 64 "an unknown status, with the choices" E export cases --status lost -o "$TMP/x.xlsx"
contains "$TMP/err" "调解成功" "…listing them"
expect_rc 64 "an unknown level" E export cases --level province -o "$TMP/x.xlsx"
expect_rc 64 "an unknown type" E export cases --type gold -o "$TMP/x.xlsx"
expect_rc 64 "members take no --overdue" E export members --overdue -o "$TMP/x.xlsx"
expect_rc 64 "--from after --to" E export cases --from 2026-03-01 --to 2026-02-01 -o "$TMP/x.xlsx"
expect_rc 64 "no -o" E export members
expect_rc 64 "-o - (no list on standard output)" E export members --format csv -o -
expect_rc 65 "an unknown organization" E export members --org NOPE -o "$TMP/x.xlsx"
[ -e "$TMP/x.xlsx" ] && not_ok "no file from the refused commands" || ok "no file from the refused commands"

# ---- help and English ----
expect_rc 0 "export cases --help" ud export cases --help
contains "$TMP/out" "--overdue" "…names --overdue"
contains "$TMP/out" "received_on" "…says the dates are the dates received"
lacks "$TMP/out" "--program" "…and only the case options"
expect_rc 0 "export members --help" ud --lang en export members --help
contains "$TMP/out" "transferred_out" "…names the statuses (English)"
expect_rc 0 "export --help covers all three" ud export --help
contains "$TMP/out" "export members" "…members among them"
E --lang en export cases --status succeeded -o "$TMP/en.csv" >/dev/null
head -1 "$TMP/en.csv" | grep -q "No.,case no.,received" && ok "--lang en: English headers" || not_ok "--lang en: English headers"

# ---- memory does not grow with the rows: 7 members and 23,800 ----
PEAK=$UD_ROOT/${UD_BUILD:-build}/bench/peakrss # prints "peakrss KiB"
BIG=$TMP/big.db
cp "$DB" "$BIG"
org=$(sql "$BIG" "SELECT code FROM orgs WHERE kind = 'enterprise_union' ORDER BY id LIMIT 1")
"$PY" - "$org" >"$TMP/m20.csv" <<'EOF2'
import sys
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print("name,id_number,org")
for i in range(20000):  # 20,000 distinct birth dates and sequences, outside the demo's area codes
    body = "110105%04d%02d%02d%03d" % (1960 + i % 40, 1 + i % 12, 1 + i % 28, i % 1000)
    print("测试%d,%s%s,%s" % (i, body, "10X98765432"[sum(int(a) * w for a, w in zip(body, W)) % 11], sys.argv[1]))
EOF2
ud --db "$BIG" import members "$TMP/m20.csv" >/dev/null 2>"$TMP/err" || diag "$TMP/err"
q="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0"
for f in xlsx csv; do
    ASAN_OPTIONS=$q "$PEAK" "$UD_BIN" --db "$BIG" export members --status deceased -o "$TMP/few.$f" >/dev/null 2>"$TMP/few.rss"
    ASAN_OPTIONS=$q "$PEAK" "$UD_BIN" --db "$BIG" export members -o "$TMP/many.$f" >"$TMP/many.out" 2>"$TMP/many.rss"
    few=$(tail -1 "$TMP/few.rss" | sed 's/^peakrss //')
    many=$(tail -1 "$TMP/many.rss" | sed 's/^peakrss //')
    n=$(sql "$BIG" "SELECT count(*) FROM members")
    contains "$TMP/many.out" "已导出 $n 名会员" "$f: all $n members exported"
    echo "# $f: max RSS, a few members ${few} KB, $n members ${many} KB"
    [ -n "$few" ] && [ -n "$many" ] && [ $((many - few)) -lt 8000 ] && ok "$f: $n members take less than 8 MB more than a few (${few} → ${many} KB)" \
        || not_ok "$f: $n members take less than 8 MB more than a few (${few} → ${many} KB)"
done

# ---- a --full-id export whose audit entry cannot be written (the
# database held by another writer past the busy timeout): not handed out,
# and the file --force would have replaced is left as it was ----
mkdir -p "$TMP/busy"
for kind in members cases; do
    echo "keep me" >"$TMP/busy/$kind.csv"
    "$PY" -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(9)
c.execute("ROLLBACK")
' "$FX" "$TMP/busy/locked" &
    holder=$!
    while [ ! -e "$TMP/busy/locked" ]; do sleep 0.05; done
    ud --db "$FX" --user officer1 export $kind --full-id -o "$TMP/busy/$kind.csv" --force >"$TMP/out" 2>"$TMP/err"
    rc=$?
    kill $holder 2>/dev/null; wait $holder 2>/dev/null
    rm -f "$TMP/busy/locked"
    [ "$rc" -ne 0 ] && ok "export $kind --full-id, audit log busy: refused (exit $rc)" || not_ok "export $kind --full-id, audit log busy: refused"
    equals "$(cat "$TMP/busy/$kind.csv")" "keep me" "…the file it would have replaced is left as it was"
    equals "$(ls -A "$TMP/busy" | grep -v '\.csv$')" "" "…and nothing else is left"
done
echo "1..$TESTS_N"
