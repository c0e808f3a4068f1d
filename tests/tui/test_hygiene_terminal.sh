# Output hygiene (issue 7, row 10): text from the database reaches a
# terminal with its control characters, C1 controls and bidi overrides shown
# visibly, on the screens and in reports written to a terminal; files and
# pipes get the data as it is. The forms refuse such characters (naming
# the field) and warn about a credit code whose check character is wrong.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/t.db
ESC=$(printf '\033')
# written at schema version 1, before the audit triggers the sqlite3 shell
# cannot run: data from an old version or another program
ud --db "$DB" migrate up --to 1 >/dev/null
ID=$(idnum 19800101 11)
ID2=$(idnum 19800101 13)
sqlite3 "$DB" "insert into users(login, role) values ('$(id -un)', 'admin');
insert into orgs(id, code, name, kind) values (1, 'BL', '北仑区总工会', 'district_federation');
insert into orgs(id, code, name, kind, parent_id) values (2, 'BL-XQ', '港' || char(27) || ']52;c;aGk=' || char(7) || '机械厂' || char(27) || '[2J工会', 'street_federation', 1);
insert into orgs(id, code, name, kind, parent_id) values (3, 'BL-DQ', '反' || char(8238) || '向工会' || char(133), 'street_federation', 1);
insert into orgs(id, code, name, kind, parent_id) values (4, 'BL-XQ-1', '甲厂工会', 'enterprise_union', 2);
insert into orgs(id, code, name, kind, parent_id) values (5, 'BL-DQ-1', '乙厂工会', 'enterprise_union', 3);
insert into members(name, gender, id_number, birth_date, org_id) values ('王' || char(8238) || '五', 'M', '$ID', '1980-01-01', 4);
insert into members(name, gender, id_number, birth_date, org_id) values ('李' || char(133) || '四' || char(8294), 'M', '$ID2', '1980-01-01', 5);"
ud --db "$DB" check >/dev/null 2>&1 # upgrades to the current version

# a report to a terminal: an application may set tmux's clipboard (OSC 52)
tm new-session -d -s hold -x 100 -y 30 "sleep 120"
tm set-option -g set-clipboard on >/dev/null
for fmt in csv text json; do
    tm_start "r$fmt" 100 30 sh -c "'$UD_BIN' --db '$DB' report members --format $fmt; echo REPORT-END; sleep 60"
    tm_wait "r$fmt" "REPORT-END" 10
    tm capture-pane -p -e -t "r$fmt" >"$TMP/$fmt.screen"
    # JSON escapes C0 controls itself (\u001b); the rest are shown visibly
    if [ $fmt = json ]; then want='港\u001b]52;c;aGk=\u0007机械厂\u001b[2J工会'; else want='港^[]52;c;aGk=^G机械厂^[[2J工会'; fi
    contains "$TMP/$fmt.screen" "$want" "report --format $fmt to a terminal: ESC ]52 and ESC [2J not sent raw"
    contains "$TMP/$fmt.screen" "反<U+202E>向工会\\x85" "report --format $fmt to a terminal: U+202E and a C1 control shown visibly"
    contains "$TMP/$fmt.screen" "北仑区总工会" "report --format $fmt: the screen was not cleared"
done
if [ -z "$(tm list-buffers 2>/dev/null)" ]; then ok "no report set the terminal's clipboard"; else not_ok "a report set the clipboard: $(tm list-buffers)"; fi

# a file (-o) and a pipe get the data as it is: CSV quoting is enough there
ud --db "$DB" report members --format csv -o "$TMP/r.csv" 2>/dev/null
if grep -q "$ESC\]52" "$TMP/r.csv"; then ok "report -o FILE keeps the data as it is"; else not_ok "report -o FILE changed the data"; fi
ud --db "$DB" report members --format csv 2>/dev/null | cat >"$TMP/pipe.csv"
if grep -q "$ESC\[2J" "$TMP/pipe.csv"; then ok "report to a pipe keeps the data as it is"; else not_ok "report to a pipe changed the data"; fi

# messages on stderr name people from the database: the same holds there
printf 'name,id_number,org\n另一人,%s,BL-XQ-1\n' "$ID" >"$TMP/dup.csv"
tm_start dup 100 30 sh -c "'$UD_BIN' --db '$DB' import members '$TMP/dup.csv'; echo IMPORT-END; sleep 60"
tm_wait dup "IMPORT-END" 10
tm capture-pane -p -t dup >"$TMP/dup.screen"
contains "$TMP/dup.screen" "王<U+202E>五" "an import message naming a member shows U+202E visibly"
contains "$TMP/dup.screen" "重复" "…in the duplicate message"

# the screens: names in the member list (its column widens to show them
# whole) and in a member's detail
tm_start scr 100 30 "$UD_BIN" --db "$DB"
tm_keys scr 2
expect_screen scr "> 李\\x85四<U+2066>" "the member list shows a C1 control as \\x85 (the name whole: its column widens)"
tm_keys scr Enter
expect_screen scr "会员：李\\x85四<U+2066>" "a member's detail shows a C1 control and U+2066 visibly"
tm_keys scr Escape Down Enter
expect_screen scr "王<U+202E>五" "a member's detail shows U+202E as <U+202E>"
tm_keys scr Escape 1
expect_screen scr "港^[]52;c;aGk=^G机械厂^[[2J工会" "the organization list shows ESC as ^["
tm capture-pane -p -t scr >"$TMP/orgs.screen"
# the visible forms are counted in the width: the columns after the names line up
if $PY - "$TMP/orgs.screen" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if "街道(镇)总工会" in l]
cols = {width(l[:l.index("街道(镇)总工会")]) for l in lines}
sys.exit(0 if len(lines) == 2 and len(cols) == 1 and max(width(l) for l in lines) <= 100 else 1)
PY
then
    ok "rows with visible forms keep their columns aligned within 100 columns"
else
    not_ok "rows with visible forms are misaligned or overflow"; diag "$TMP/orgs.screen"
fi

# the forms: a new organization with a bidi override in its name and a
# credit code whose check character is wrong
tm_keys scr n
tm_wait scr "新组织"
tm_type scr "BL-009"
tm_keys scr Tab
tm_type scr "坏$(printf '\342\200\256')名"
tm_keys scr Tab Tab Tab
tm_type scr "91350100M000100Y44"
tm_keys scr Tab
expect_screen scr "校验位不符" "leaving a credit code with a wrong check character shows a warning"
tm_keys scr F2
expect_screen scr "双向文本控制字符" "saving a name with U+202E is refused"
expect_screen scr "^ 含有双向" "…the message sits under the field (名称)"
equals "$(sql "$DB" "select count(*) from orgs where code='BL-009'")" 0 "the organization was not saved"
# without the bad character it saves, the warning said again
tm_keys scr Escape
tm_wait scr "放弃未保存的修改"
tm_keys scr y
tm_gone scr "新组织"
tm_keys scr n
tm_wait scr "新组织"
tm_type scr "BL-009"
tm_keys scr Tab
tm_type scr "好名"
tm_keys scr Tab Tab Tab
tm_type scr "91350100M000100Y44"
tm_keys scr F2
expect_screen scr "注意" "saving with a wrong check character says so"
equals "$(sql "$DB" "select credit_code from orgs where code='BL-009'")" 91350100M000100Y44 "…and keeps the code as typed"
