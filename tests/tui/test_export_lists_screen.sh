# x on the case list and on the member list: the list as it is shown (its
# filter and its search) goes through the save-as form to xlsx or CSV, and
# the file holds exactly the rows the list holds.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
mkdir -p "$TMP/out"
# rows of a written list: xlsx (between the header and the total row) or CSV (after the header)
rows_of() {
    "$PY" - "$1" "$2" <<'PYEOF'
import csv, sys
p, col = sys.argv[1], int(sys.argv[2])
if p.endswith(".csv"):
    rows = list(csv.reader(open(p, encoding="utf-8-sig").read().splitlines()))[1:]
else:
    import openpyxl
    ws = openpyxl.load_workbook(p).active
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=ws.max_row - 1)]
for r in rows:
    print(r[col])
PYEOF
}

mkdir -p "$TMP/home"
tm_start c 100 30 env HOME="$TMP/home" UNIONDESK_EXPORT_DIR="$TMP/out" "$UD_BIN" --db "$DB" --user clerk1
tm_wait c "王办事"
tm_keys c 3
expect_screen c "调解案件  共" "tab 3: the case list"
expect_screen c "x 导出" "the key bar offers x"
tm_keys c f
tm_wait c "案件筛选"
tm_type c "调解成功"
tm_keys c Tab
tm_type c "街道"
tm_keys c F2
expect_screen c "筛选： 调解成功 街道" "the list filtered: succeeded, street level"
tm_keys c x
expect_screen c "导出调解案件清单" "x opens the save-as form"
expect_screen c "调解案件-2026-11-26.xlsx" "…with a default name of the list and the date"
tm_screen c | grep -q "完整身份证号" && not_ok "a clerk is not offered whole ID numbers" || ok "a clerk is not offered whole ID numbers"
tm_keys c F2
expect_screen c "调解案件-2026-11-26.xlsx：" "F2 writes the file"
f="$TMP/out/调解案件-2026-11-26.xlsx"
[ -f "$f" ] && ok "the file is there" || not_ok "the file is there"
[ "$(stat -c %a "$f" 2>/dev/null)" = 600 ] && ok "…mode 0600" || not_ok "…mode 0600"
sql "$DB" "SELECT c.case_no FROM cases c JOIN orgs o ON o.id = c.mediation_org_id WHERE c.status = 'succeeded'
  AND o.kind IN ('street_federation') ORDER BY c.received_on DESC, c.id DESC" >"$TMP/want.txt"
rows_of "$f" 1 >"$TMP/got.txt"
[ -s "$TMP/want.txt" ] && cmp -s "$TMP/want.txt" "$TMP/got.txt" && ok "exactly the filtered cases, in the list's order ($(wc -l <"$TMP/want.txt"))" \
    || { not_ok "exactly the filtered cases, in the list's order"; diff "$TMP/want.txt" "$TMP/got.txt" | head -5 | sed 's/^/#   /'; }
rows_of "$f" 7 | grep -v '^None$' >"$TMP/ids.txt"
[ -s "$TMP/ids.txt" ] && ! grep -qv '^[0-9]\{6\}\*\{8\}[0-9]\{3\}[0-9X]$' "$TMP/ids.txt" && ok "ID numbers masked" || not_ok "ID numbers masked"

# the filter and a search, to CSV by typing the extension
tm_keys c /
tm_type c "王"
sleep 0.5
shown=$(tm_screen c | sed -n 's/.*调解案件  共 \([0-9]*\) 件.*/\1/p' | head -1)
tm_keys c Enter
tm_keys c x
tm_wait c "导出调解案件清单"
tm_keys c C-u
tm_type c "$TMP/out/王.csv"
tm_keys c F2
expect_screen c "王.csv：" "a .csv name writes CSV"
f="$TMP/out/王.csv"
[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok "…UTF-8 with a BOM" || not_ok "…UTF-8 with a BOM"
n=$(rows_of "$f" 1 | wc -l)
[ -n "$shown" ] && [ "$n" = "$shown" ] && ok "the search and the filter: the $shown cases the list counts" || not_ok "the search and the filter: $n rows, the list counts '$shown'"
rows_of "$f" 15 | grep -qv '^调解成功$' && not_ok "…all succeeded" || ok "…all succeeded"
rows_of "$f" 5 | grep -qv '^街道$' && not_ok "…all at street level" || ok "…all at street level"
# each matches 王 in the applicant or the employer
"$PY" - "$f" >"$TMP/m.txt" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig").read().splitlines()))[1:]
print(all("王" in r[6] or "王" in r[9] for r in rows))
PYEOF
contains "$TMP/m.txt" True "…each with 王 in the applicant or the employer"
tm_keys c x
tm_wait c "导出调解案件清单"
tm_keys c C-u
tm_type c "$TMP/out/bad.txt"
tm_keys c F2
expect_screen c ".xlsx 或 .csv" "another extension is refused in the form"
mkdir -p "$TMP/out/dir.xlsx"
tm_keys c C-u
tm_type c "$TMP/out/dir.xlsx"
tm_keys c F2
expect_screen c "这是一个目录" "a directory is refused as such, without asking to overwrite it"
tm_keys c C-u
tm_type c "~/家.csv"
tm_keys c F2
tm_wait c "件案件"
[ -s "$TMP/home/家.csv" ] && ok "~/ is the user's home, as in a shell" || not_ok "~/ is the user's home, as in a shell"
tm_keys c x
tm_wait c "导出调解案件清单"
tm_keys c C-u
tm_type c "$TMP/out/bad.txt"
tm_keys c F2
expect_screen c ".xlsx 或 .csv" "…and the form refuses another extension again"
tm_keys c Escape
tm_wait c "放弃未保存的修改" && tm_keys c y
tm_gone c "导出调解案件清单"
# the same name again: the form asks, and y replaces the file
tm_keys c x
tm_wait c "导出调解案件清单"
tm_keys c C-u
tm_type c "$TMP/out/王.csv"
tm_keys c F2
expect_screen c "文件已存在，覆盖吗？" "an existing file: the form asks first"
echo stale >"$f"
tm_keys c y
expect_screen c "王.csv：7 件" "y replaces it"
[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok "…with the list" || not_ok "…with the list"
tm_keys c '?'
expect_screen c "导出" "? lists x"
tm_keys c Escape

# the member list, as an officer, with whole ID numbers
tm_start m 100 30 env UNIONDESK_EXPORT_DIR="$TMP/out" "$UD_BIN" --db "$DB" --user officer1
tm_wait m "李主管"
tm_keys m 2
expect_screen m "会员  共" "tab 2: the member list"
tm_keys m f
tm_wait m "会员筛选"
tm_type m "BL-XQ"
tm_keys m Tab
tm_type m "在册"
tm_keys m F2
tm_wait m "筛选："
shown=$(tm_screen m | sed -n 's/.*会员  共 \([0-9]*\) 人.*/\1/p' | head -1)
tm_keys m x
expect_screen m "会员-2026-11-26.xlsx" "x on the member list: a default name"
expect_screen m "完整身份证号" "an officer is offered whole ID numbers"
tm_keys m Down
tm_type m "是"
tm_keys m F2
expect_screen m "会员-2026-11-26.xlsx：" "the member list is written"
f="$TMP/out/会员-2026-11-26.xlsx"
want=$(sql "$DB" "SELECT count(*) FROM members WHERE status = 'active' AND org_id IN (WITH RECURSIVE s(id) AS
  (SELECT id FROM orgs WHERE code = 'BL-XQ' UNION ALL SELECT so.id FROM orgs so JOIN s ON so.parent_id = s.id) SELECT id FROM s)")
n=$(rows_of "$f" 1 | wc -l)
equals "$n" "$want" "the filtered members (org subtree, active): the database's $want"
equals "$shown" "$want" "…as the list counts them"
idn=$(rows_of "$f" 3 | head -1)
case $idn in *'*'*) not_ok "whole ID numbers when asked ($idn)" ;; ?*) ok "whole ID numbers when asked" ;; *) not_ok "whole ID numbers when asked (none)" ;; esac
audit=$(sql "$DB" "SELECT count(*) FROM audit_log WHERE tbl = 'members' AND action = 'print' AND login = 'officer1'")
equals "$audit" 1 "…recorded in the audit log"
