# export aid: the hardship-aid roster (帮扶发放花名册) of
# tests/fixtures/reports/README.md, read back with openpyxl; filters, the
# --full-id permission, errors, and memory that does not grow with rows.
. tests/lib.sh
. tests/cli/lib_report.sh
DB=$(report_db)
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
E() { ud --db "$DB" "$@"; }

expect_rc 0 "the whole roster" E --user officer1 export aid -o "$TMP/all.xlsx"
contains "$TMP/out" "7" "says how many grants"
contains "$TMP/out" "8,900.50" "…and the total"
pycheck - "$TMP/all.xlsx" <<'EOF'
import datetime, sys, zipfile, openpyxl
from reportcheck import check, eq, width
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
wv = openpyxl.load_workbook(sys.argv[1], data_only=True).active
eq(ws.title, "花名册", "worksheet name")
eq(ws["A1"].value, "北仑区总工会帮扶发放花名册", "title row")
check("A1:J1" in [str(r) for r in ws.merged_cells.ranges], "title merged over the columns")
check("全部日期" in ws["A2"].value and "全部（不含已取消）" in ws["A2"].value, "subtitle: period and statuses", ws["A2"].value)
eq([c.value for c in ws[3]], ["序号", "姓名", "性别", "身份证号", "所属工会", "困难类别", "帮扶项目", "金额(元)", "发放日期", "领取人签字"], "header row")
data = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=10)]
eq([r[0] for r in data], [1, 2, 3, 4, 5, 6, 7], "序号 1 to 7")
eq([r[1] for r in data], ["孙丽", "张伟", "李娜", "王芳", "马超", "杨磊", "吴霞"], "in date order")
eq([r[2] for r in data], ["女", "男", "女", "女", "男", "男", "女"], "性别 from the ID numbers")
eq(data[2][3], "330206********104X", "ID numbers masked, a final X kept")
# rows tall enough to sign in by hand: the sheet's default (which data
# rows take) and every row set on its own, at least 28 pt; a wide
# signature column
check(ws.sheet_format.customHeight and ws.sheet_format.defaultRowHeight >= 28,
      "rows default to at least 28 pt", ws.sheet_format.defaultRowHeight)
low = [r for r in range(1, ws.max_row + 1) if ws.row_dimensions[r].height is not None and ws.row_dimensions[r].height < 28]
eq(low, [], "no row below 28 pt")
check(ws.column_dimensions["J"].width >= 24, "the signature column is wide (24+)", ws.column_dimensions["J"].width)
check(all(len(r[3]) == 18 and r[3][6:14] == "*" * 8 for r in data), "every ID number masked in the middle")
eq(data[1][4], "宁波北仑港务集团工会", "所属工会")
eq([r[5] for r in data], ["因病", "因病", "低收入", "单亲", "因残", "子女就学", "失业"], "困难类别 (the recipient's)")
eq([r[6] for r in data], ["临时救助", "送温暖", "送温暖", "送温暖", "送温暖", "金秋助学", "节日慰问"], "帮扶项目")
eq([r[7] for r in data], [3000, 1000, 1200, 800.5, 600, 2000, 300], "金额 as numbers in yuan")
check(all(ws.cell(row=r, column=8).number_format == "#,##0.00" for r in range(4, 11)), "amounts formatted #,##0.00")
eq(data[0][8], datetime.datetime(2024, 2, 29), "发放日期 is a real date (29 February 2024)")
check(all(isinstance(r[8], datetime.datetime) for r in data) and ws["I4"].number_format == "yyyy-mm-dd", "every date a date, shown yyyy-mm-dd")
check(all(r[9] is None for r in data), "领取人签字 left blank")
eq([ws["A11"].value, ws["B11"].value, ws["H11"].value], ["合计", "共 7 笔", "=SUM(H4:H10)"], "total row with a SUM over the amounts")
eq(wv["H11"].value, 8900.5, "the total's computed value is stored")
eq(ws.max_row, 13, "title, subtitle, header, 7 rows, total, a blank and the line to sign")
check(ws["A13"].value.startswith("经办人：") and ws["A13"].value.endswith("制表人：李主管"), "a line for signatures, naming who produced it", ws["A13"].value)
eq(ws.freeze_panes, "A4", "the header rows frozen")
eq(ws.auto_filter.ref, "A3:J10", "autofilter over the header and the rows")
eq(ws.print_title_rows, "$1:$3", "the title and header repeat on every printed page")
eq((ws.page_setup.orientation, ws.page_setup.paperSize), ("landscape", 9), "A4 landscape")
check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, "fitted to one page wide")
check("&P" in (ws.oddFooter.center.text or ""), "page numbers in the footer")
w = {k: v.width for k, v in ws.column_dimensions.items()}
check(w["E"] >= width("宁波宝新不锈钢有限公司工会") and w["D"] >= 18 and w["B"] >= width("姓名"),
      "column widths from the display width of the content", w)
check(w["J"] >= 16, "room to sign", w["J"])
names = zipfile.ZipFile(sys.argv[1]).namelist()
check("xl/sharedStrings.xml" not in names, "written in constant-memory mode (inline strings, no shared string table)")
EOF

expect_rc 0 "send warmth, January to 10 February" E export aid --program send_warmth --from 2026-01-01 --to 2026-02-10 -o "$TMP/sw.xlsx"
pycheck - "$TMP/sw.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
ws = openpyxl.load_workbook(sys.argv[1]).active
wv = openpyxl.load_workbook(sys.argv[1], data_only=True).active
eq(ws["A1"].value, "北仑区总工会送温暖帮扶发放花名册", "the title names the program")
check("2026-01-01 至 2026-02-10" in ws["A2"].value, "the subtitle names the period", ws["A2"].value)
eq([ws.cell(row=r, column=2).value for r in range(4, 8)], ["张伟", "李娜", "王芳", "马超"], "four send-warmth grants")
eq((ws["H8"].value, wv["H8"].value), ("=SUM(H4:H7)", 3600.5), "total 3,600.50")
eq(ws.auto_filter.ref, "A3:J7", "autofilter over these rows")
EOF
E export aid --status approved -o "$TMP/ap.xlsx" >/dev/null
E export aid --status 已审批 --org BL-XQ -o "$TMP/xq.xlsx" >/dev/null
E export aid --from 2026-01-20 --to 2026-01-20 -o "$TMP/day.xlsx" >/dev/null
pycheck - "$TMP/ap.xlsx" "$TMP/xq.xlsx" "$TMP/day.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import check, eq
def names(p):
    ws = openpyxl.load_workbook(p).active
    return [ws.cell(row=r, column=2).value for r in range(4, ws.max_row - 2)]
def total(p):
    ws = openpyxl.load_workbook(p, data_only=True).active
    return ws.cell(row=ws.max_row - 2, column=8).value
eq((names(sys.argv[1]), total(sys.argv[1])), (["张伟", "马超", "杨磊"], 3600), "--status approved")
eq((names(sys.argv[2]), total(sys.argv[2])), (["杨磊"], 2000), "--status 已审批 --org BL-XQ (a label works too)")
eq(names(sys.argv[3]), ["王芳"], "--from and --to the same day: both ends included")
ws = openpyxl.load_workbook(sys.argv[2]).active
check("新碶街道总工会" in ws["A2"].value, "the subtitle names the organization")
EOF

# whole ID numbers: officers and admins only
expect_rc 0 "an officer may export whole ID numbers" E --user officer1 export aid --full-id -o "$TMP/full.xlsx"
pycheck - "$TMP/full.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import eq
ws = openpyxl.load_workbook(sys.argv[1]).active
eq(ws["D6"].value, "33020619900310104X", "--full-id: the whole ID number")
EOF
expect_rc 77 "a clerk may not" E --user clerk1 export aid --full-id -o "$TMP/clerk.xlsx"
contains "$TMP/err" "主管" "…the message says who may"
contains "$TMP/err" "--full-id" "…and names the option"
[ -f "$TMP/clerk.xlsx" ] && not_ok "…and no file is written" || ok "…and no file is written"
expect_rc 77 "nor someone without an account" E --user nobody export aid --full-id -o "$TMP/n.xlsx"
expect_rc 0 "a clerk may export the masked roster" E --user clerk1 export aid -o "$TMP/clerk.xlsx"
E --user clerk1 --lang en export aid --full-id -o "$TMP/c.xlsx" >"$TMP/out" 2>"$TMP/err"
contains "$TMP/err" "only officers and admins" "--lang en: the refusal in English"

# nothing matches: an empty roster, said so
expect_rc 0 "no grant matches" E export aid --from 2030-01-01 -o "$TMP/empty.xlsx"
contains "$TMP/err" "花名册为空" "…the roster is empty, and it says so"
pycheck - "$TMP/empty.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import eq
ws = openpyxl.load_workbook(sys.argv[1]).active
eq([ws["A4"].value, ws["B4"].value, ws["H4"].value], ["合计", "共 0 笔", 0], "an empty roster: the total row says 0, no formula over nothing")
EOF

# English
E --lang en export aid -o "$TMP/en.xlsx" >/dev/null
pycheck - "$TMP/en.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import eq
ws = openpyxl.load_workbook(sys.argv[1]).active
eq([c.value for c in ws[3]][:4], ["No.", "name", "sex", "ID number"], "--lang en: English headers")
EOF

# errors
expect_rc 64 "no -o" E export aid
expect_rc 64 "an unknown export" E export shoes -o "$TMP/x.xlsx"
expect_rc 64 "an unknown program" E export aid --program gold -o "$TMP/x.xlsx"
contains "$TMP/err" "送温暖" "…listing the programs"
expect_rc 64 "an unknown status" E export aid --status lost -o "$TMP/x.xlsx"
expect_rc 64 "a bad date" E export aid --from 2026-02-30 -o "$TMP/x.xlsx"
expect_rc 64 "--from after --to" E export aid --from 2026-03-01 --to 2026-02-01 -o "$TMP/x.xlsx"
expect_rc 65 "an unknown organization" E export aid --org NOPE -o "$TMP/x.xlsx"
expect_rc 73 "a missing directory exits 73" E export aid -o "$TMP/no/such/r.xlsx"
mkdir -p "$TMP/adir.xlsx"
expect_rc 73 "a directory as the output exits 73" E export aid -o "$TMP/adir.xlsx"
# a directory the user cannot write to (root writes anywhere, so as root
# the export runs as nobody, given an account)
mkdir -p "$TMP/ro" && chmod 555 "$TMP/ro"
if [ "$(id -u)" = 0 ]; then
    ud --db "$DB" user add nobody --role officer >/dev/null 2>&1
    chmod 755 "$TMP"
    chmod 644 "$DB"
    expect_rc 73 "a read-only directory exits 73 (the temporary files go there too)" \
        setpriv --reuid=nobody --regid=nogroup --clear-groups "$(others_bin)" --db "$DB" export aid -o "$TMP/ro/r.xlsx"
else
    expect_rc 73 "a read-only directory exits 73 (the temporary files go there too)" E export aid -o "$TMP/ro/r.xlsx"
fi
[ ! -e "$TMP/ro/r.xlsx" ] && ok "nothing is left in the read-only directory" || not_ok "nothing is left in the read-only directory"
chmod 755 "$TMP/ro"
expect_rc 0 "export --help" ud export --help
contains "$TMP/out" "--full-id" "help names --full-id"
expect_rc 0 "export --help in English" ud --lang en export --help
contains "$TMP/out" "officers and admins only" "help in English"

# memory does not grow with the number of rows (constant-memory mode):
# 1,680 and 20,000 grants, maximum resident size compared
PEAK=$UD_ROOT/${UD_BUILD:-build}/bench/peakrss # built with the program: prints "peakrss KiB"
{
    BIG=$TMP/big.db
    ud --db "$BIG" init >/dev/null
    ud --db "$BIG" import orgs "$FX/orgs.csv" >/dev/null
    ud --db "$BIG" import members "$FX/members.csv" >/dev/null
    awk 'BEGIN { print "id_number,program,amount,granted_on,status"
        for (i = 0; i < 20000; i++)
            printf "330206198001151014,send_warmth,%d.%02d,2025-%02d-%02d,approved\n", 100 + i % 900, i % 100, 1 + int(i / 28) % 12, 1 + i % 28 }' >"$TMP/big.csv"
    ud --db "$BIG" import aid "$TMP/big.csv" --allow-double >/dev/null 2>"$TMP/err" || diag "$TMP/err"
    # under AddressSanitizer freed memory stays in quarantine and would count
    q="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0"
    ASAN_OPTIONS=$q "$PEAK" "$UD_BIN" --db "$BIG" export aid --to 2025-01-31 -o "$TMP/small.xlsx" >/dev/null 2>"$TMP/small.rss"
    ASAN_OPTIONS=$q "$PEAK" "$UD_BIN" --db "$BIG" export aid -o "$TMP/big.xlsx" >/dev/null 2>"$TMP/big.rss"
    small=$(tail -1 "$TMP/small.rss" | sed 's/^peakrss //')
    big=$(tail -1 "$TMP/big.rss" | sed 's/^peakrss //')
    echo "# max RSS: 1,680 rows ${small} KB, 20,000 rows ${big} KB"
    [ $((big - small)) -lt 8000 ] && ok "20,000 rows take less than 8 MB more than 1,680 (${small} → ${big} KB)" \
        || not_ok "20,000 rows take less than 8 MB more than 1,680 (${small} → ${big} KB)"
    pycheck - "$TMP/big.xlsx" <<'EOF'
import sys, openpyxl
from reportcheck import eq
ws = openpyxl.load_workbook(sys.argv[1], read_only=True).active
rows = list(ws.iter_rows(min_row=4, values_only=True))
eq(rows[19999][0], 20000, "20,000 rows, numbered")
eq(rows[20000][7], "=SUM(H4:H20003)", "the total sums all of them")
EOF
}
