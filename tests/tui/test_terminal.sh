# Terminal behaviour: no colours (TERM=vt100), read-only mode, control
# characters from the database shown visibly, English, help, and q asking
# before it drops an unsaved form.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/t.db
# a name with an escape sequence in it, written at schema version 1 (before
# the audit triggers, which the sqlite3 shell cannot run): old data, or
# data from another program, must not reach the terminal raw
ud --db "$DB" migrate up --to 1 >/dev/null
ID=$(idnum 19800101 11)
sqlite3 "$DB" "insert into users(login, role, display_name) values ('clerk1', 'clerk', '王办事'), ('$(id -un)', 'admin', NULL);
insert into orgs(id, code, name, kind) values (1, 'BL', '北仑区总工会', 'district_federation');
insert into orgs(id, code, name, kind, parent_id) values (2, 'BL-001', '宁波港机械厂工会', 'enterprise_union', 1);
insert into members(name, gender, id_number, birth_date, org_id) values ('坏' || char(27) || '[2J人', 'M', '$ID', '1980-01-01', 2);"
ud --db "$DB" check >/dev/null 2>&1 # upgrades to the current version

tm_start vt 80 24 env TERM=vt100 "$UD_BIN" --db "$DB" --user clerk1
expect_screen vt "坏^[[2J" "an escape character from the database is shown as ^["
expect_screen vt "[ 2 会员 ]" "without colour the active tab reads as [ 2 会员 ]"
expect_screen vt "> 坏" "without colour the selected row is marked >"
tm_keys vt 3
expect_screen vt "调解案件" "tabs switch under TERM=vt100"
tm_keys vt ?
expect_screen vt "帮助" "? opens the help"
tm_keys vt G
expect_screen vt "超期案件" "the help explains the ! mark"
tm_keys vt Escape
tm_keys vt n
expect_screen vt "登记新案件" "a form opens"
tm_type vt "x"
tm_keys vt Escape
expect_screen vt "放弃未保存的修改" "Esc on a changed form asks first"
tm_keys vt n
tm_keys vt F2
tm_wait vt "必填"
tm_keys vt Escape
tm_wait vt "放弃未保存的修改"
tm_keys vt y
expect_screen vt "调解案件  共" "yes drops the form"

tm_start ro 80 24 "$UD_BIN" --db "$DB" --user stranger
expect_screen ro "只读" "a login without an account is read-only, said on the title line"
tm_keys ro 3 n
expect_screen ro "没有账户" "n is refused with the reason"

# a database file the user may read but not write (root may write any
# file, so as root the program runs as nobody, who has an account here)
if [ "$(id -u)" -eq 0 ]; then
    who=nobody
    run_as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    RUN_BIN=$(others_bin)
else
    who=$(id -un)
    run_as=""
    RUN_BIN=$UD_BIN
fi
# close the other sessions' connections so the last one out checkpoints
# the WAL into the file
tm kill-session -t vt
tm kill-session -t ro
ud --db "$DB" user add "$who" --role clerk >/dev/null 2>&1
[ ! -f "$DB-wal" ] && ok "the WAL was checkpointed into the file" || not_ok "the WAL was checkpointed into the file"
chmod 755 "$TMP"
chmod 444 "$DB"
tm_start rf 80 24 env TMPDIR=/tmp $run_as "$RUN_BIN" --db "$DB"
expect_screen rf "只读" "a database file without write permission opens read-only"
tm_keys rf 3 n
expect_screen rf "数据库文件不可写" "n is refused: the file is not writable"
chmod 644 "$DB"

tm_start en 80 24 "$UD_BIN" --lang en --db "$DB" --user clerk1
expect_screen en "Members" "--lang en: English tabs"
expect_screen en "search (/ name, ID number or phone)" "…and English labels"
tm_keys en 3 n
tm_wait en "Register a case"
tm_keys en Tab
tm_keys en End
tm_type en "q"
expect_screen en "2026-11-26q" "q typed inside a form is text, not quit"
tm_keys en Escape
tm_wait en "Discard unsaved changes"
tm_keys en y
tm_keys en q
if tm_wait_dead en; then ok "q quits from a list"; else not_ok "q quits from a list"; fi
