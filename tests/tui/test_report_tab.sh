# The reports tab: an officer sees October's statistics as the command line
# prints them, changes the period, writes the xlsx and prints through lp;
# and the aid tab's x writes the roster of the current filter.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
ud --db "$DB" user add clerk1 --role clerk >/dev/null
mkdir -p "$TMP/bin" "$TMP/out"
# a stand-in printer: what lp receives is kept for the test to read; and
# a stand-in lpstat with two destinations, the second the default
# (tests/tui/test_print_screen.sh prints through a real cupsd)
cat >"$TMP/bin/lp" <<EOF2
#!/bin/sh
echo "\$@" >"$TMP/lp-args"
cat >"$TMP/printed.pdf"
EOF2
chmod +x "$TMP/bin/lp"
cat >"$TMP/bin/lpstat" <<EOF2
#!/bin/sh
[ -e "$TMP/no-printers" ] && exit 0
case "\$1" in
-e) printf 'office-a3\nReception_HP\n' ;;
-d) echo "system default destination: Reception_HP" ;;
esac
EOF2
chmod +x "$TMP/bin/lpstat"

tm_start r 132 40 env PATH="$TMP/bin:$PATH" UNIONDESK_EXPORT_DIR="$TMP/out" "$UD_BIN" --db "$DB" --user officer1
tm_wait r "李主管"
tm_keys r 6
expect_screen r "劳动争议调解统计月报" "tab 6 shows the mediation statistics"
expect_screen r "（2026年10月）" "for last month by default"
ud --db "$DB" --user officer1 report disputes --month 2026-10 >"$TMP/cli.txt"
total=$(grep -m1 '^合计' "$TMP/cli.txt")
[ -n "$total" ] && ok "the command line prints a total row" || not_ok "the command line prints a total row"
expect_screen r "$total" "the screen shows the same total row as the command line"
expect_screen r "填报单位：北仑区总工会" "the screen shows 填报单位"
expect_screen r "单位：件、人、万元" "…and the units"
change=$(grep '^合计' "$TMP/cli.txt" | tail -1)
signers=$(tail -1 "$TMP/cli.txt")
case $change in *%*) ok "the command line's change table has a total row with a change" ;; *) not_ok "the command line's change table has a total row with a change" ;; esac
tm_keys r G
expect_screen r "五、同比增减" "at the end: the change on a year earlier"
expect_screen r "$change" "…its total row as the command line prints it"
expect_screen r "$signers" "…and the signers last"
tm_keys r g
tm_keys r p
expect_screen r "选择打印机" "p asks which printer"
expect_screen r "office-a3" "…listing CUPS's destinations"
expect_screen r "Reception_HP（默认）" "…the default marked"
tm_keys r Enter
expect_screen r "已送往打印机 Reception_HP" "Enter on the preselected default prints there"
contains "$TMP/lp-args" "-d Reception_HP" "…lp is told the printer"
equals "$(head -c 5 "$TMP/printed.pdf")" "%PDF-" "…and gets a PDF, never text"
pdftotext "$TMP/printed.pdf" "$TMP/printed.txt" 2>/dev/null
contains "$TMP/printed.txt" "劳动争议调解统计月报" "…the report, its Chinese readable"
equals "$(sql "$DB" "select json_extract(after_json, '$.detail') from audit_log where action = 'print' order by id desc limit 1")" \
    "report disputes 2026-10-01..2026-10-31 -> printer Reception_HP" "…the print is in the audit log, naming the printer"
tm_keys r p
tm_wait r "选择打印机"
tm_keys r Up Enter
expect_screen r "已送往打印机 office-a3" "another printer chosen"
tm_keys r p
tm_wait r "选择打印机"
tm_keys r Enter
expect_screen r "已送往打印机 office-a3" "…is remembered: preselected next time"
tm_keys r p
tm_wait r "选择打印机"
tm_keys r Escape
tm_gone r "选择打印机"
sleep 0.3
equals "$(sql "$DB" "select count(*) from audit_log where action = 'print'")" 3 "Esc prints nothing"
# no printer set up: the screen says so and what to do
touch "$TMP/no-printers"
tm_keys r p
expect_screen r "没有打印机：请管理员在 CUPS 中添加（localhost:631），或先保存为 PDF" "no printers: the status line says so and what to do, whole"
rm -f "$TMP/no-printers"
# CUPS not running: lpstat's own reason
cp "$TMP/bin/lpstat" "$TMP/lpstat.good"
printf '#!/bin/sh\necho "lpstat: Scheduler is not running." >&2\nexit 1\n' >"$TMP/bin/lpstat"
tm_keys r p
expect_screen r "Scheduler is not running" "CUPS not running: lpstat's reason on the status line"
cp "$TMP/lpstat.good" "$TMP/bin/lpstat"
# lp failing: the screen shows lp's own reason, not just its exit code
cp "$TMP/bin/lp" "$TMP/lp.good"
printf '#!/bin/sh\ncat >/dev/null\necho "lp: Error - No default destination." >&2\nexit 1\n' >"$TMP/bin/lp"
tm_keys r p
tm_wait r "选择打印机"
tm_keys r Enter
expect_screen r "No default destination" "a failing lp: its reason is on the status line"
cp "$TMP/lp.good" "$TMP/bin/lp"
tm_keys r x
expect_screen r "导出报表为 Excel" "x asks where to write the xlsx"
tm_keys r F2
expect_screen r "已写入 $TMP/out/劳动争议调解统计-2026-10.xlsx" "x writes the xlsx and shows its path"
"$PY" - "$TMP/out/劳动争议调解统计-2026-10.xlsx" >"$TMP/x.txt" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
print("title", any("劳动争议调解统计" in c for c in cells))
print("landscape", ws.page_setup.orientation)
PYEOF
contains "$TMP/x.txt" "title True" "the xlsx holds the report"
contains "$TMP/x.txt" "landscape landscape" "…set up for A4 landscape"
tm_keys r c
expect_screen r "选择报表" "c opens the choice of report"
tm_keys r Tab C-u
tm_type r "2026"
tm_keys r F2
expect_screen r "年报" "a year gives the annual report"
tm_keys r c
tm_wait r "选择报表"
tm_keys r Tab C-u
tm_type r "2026-13"
tm_keys r F2
expect_screen r "月份应为1-12" "a bad month is refused next to the field"
tm_keys r Escape
tm_wait r "放弃未保存的修改"
tm_keys r y

# the roster from the aid tab, for the filter on screen
tm_keys r 4
tm_wait r "帮扶发放  共"
tm_keys r f
tm_wait r "帮扶项目"
tm_type r "送温暖"
tm_keys r F2
tm_wait r "送温暖"
tm_keys r x
expect_screen r "导出帮扶发放花名册" "x on the aid list offers the roster"
expect_screen r "完整身份证号" "an officer is asked about whole ID numbers"
tm_keys r F2
expect_screen r "已写入" "the roster is written"
file=$(ls "$TMP"/out/帮扶发放花名册-*.xlsx 2>/dev/null | head -1)
[ -f "$file" ] && ok "the roster file exists" || not_ok "the roster file exists"
want=$(sql "$DB" "select count(*) from aid_grants where program='send_warmth' and status <> 'cancelled'")
"$PY" - "$file" "$want" >"$TMP/r.txt" <<'PYEOF'
import re, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
ids = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", c.value)]
print("rows", len(ids) == int(sys.argv[2]), len(ids))
print("masked", all("********" in i for i in ids))
PYEOF
contains "$TMP/r.txt" "rows True" "the roster lists every 送温暖 grant of the filter"
contains "$TMP/r.txt" "masked True" "with ID numbers masked"
