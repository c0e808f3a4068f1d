# A pick list over Chinese text shows every row exactly (issue 8, defect 1:
# typing 张伟 over the case form showed "张伟帅 30206198908274354" for
# 330206198908274354 and moved other rows by a column — the popup's border
# cut a wide character of the form under it). At 80, 100 and 132 columns,
# over the case form, the applicant pick list is searched with 张伟 typed as
# an input method sends it; every listed row is read back from the screen
# and its name and ID number (as the list shows them: masked) compared with
# the database, the columns checked to line up, the border to be whole.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/p.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\nBL-001,宁波北仑港务集团有限公司工会,enterprise_union,BL\nBL-002,宁波宝新不锈钢有限公司工会,enterprise_union,BL\n' >"$TMP/orgs.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
{
    echo "name,id_number,org"
    echo "张伟帅,$(idnum 19890827 435),BL-001"
    echo "张伟,$(idnum 19760101 111),BL-002"
    echo "张伟,$(idnum 19820315 222),BL-001"
    echo "张伟强,$(idnum 19900606 333),BL-002"
    echo "张伟华,$(idnum 19950909 444),BL-001"
    echo "张伟国Alex,$(idnum 19700101 555),BL-002"
    echo "李娜,$(idnum 19880808 666),BL-001"
} >"$TMP/m.csv"
ud --db "$DB" import members "$TMP/m.csv" >/dev/null 2>&1
equals "$(sql "$DB" "select count(*) from members where name like '张伟%'")" 6 "six members whose names start with 张伟"
# what the list must show: name, then the ID number masked as everywhere
sql "$DB" "select name || ' ' || substr(id_number, 1, 6) || '********' || substr(id_number, 15, 4) from members where name like '张伟%' order by 1" >"$TMP/want.txt"

# a session that outlives the others: the tmux server stays up between them
tm_start keep 20 5 sleep 600
pick() { # SESSION COLS USER
    tm_start "$1" "$2" 30 "$UD_BIN" --db "$DB" --user "$3"
    tm_wait "$1" "调解" || true
    tm_keys "$1" 3
    tm_wait "$1" "调解案件" || true
    tm_keys "$1" n
    expect_screen "$1" "登记新案件" "$2 columns: the case form is open"
    tm_keys "$1" Down Down Enter
    expect_screen "$1" "申请人：选择会员" "$2 columns: Enter on the applicant opens the member pick list over the form"
    tm_type "$1" "张伟"
    tm_wait "$1" "张伟帅" || true
    sleep 0.3
    tm_screen "$1" >"$TMP/screen-$2-$3.txt"
}
for cols in 80 100 132; do
    for who in clerk1 officer1; do
        pick "p$cols$who" "$cols" "$who"
        "$PY" - "$TMP/screen-$cols-$who.txt" "$TMP/want.txt" "$cols" >"$TMP/check.txt" 2>&1 <<'PYEOF'
import re, sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
screen = open(sys.argv[1], encoding='utf-8').read().split('\n')
want = sorted(l for l in open(sys.argv[2], encoding='utf-8').read().split('\n') if l)
cols = int(sys.argv[3])
bad = []
def cells(l):
    """(display column, character) of each character of a line"""
    out, x = [], 0
    for c in l:
        out.append((x, c))
        x += width(c)
    return out
def at(l, col):
    for x, c in cells(l):
        if x == col:
            return c
        if x > col:
            return None  # col is the second half of a wide character
    return ' '
def between(l, a, b):
    return ''.join(c for x, c in cells(l) if a < x < b)
for l in screen:
    if width(l) > cols:
        bad.append('wider than the screen: ' + l)
top = next(i for i, l in enumerate(screen) if '┌' in l)
bottom = next(i for i, l in enumerate(screen) if '└' in l)
L = width(screen[bottom][:screen[bottom].index('└')])
R = width(screen[bottom][:screen[bottom].index('┘')])
if at(screen[top], L) != '┌' or at(screen[top], R) != '┐':
    bad.append('the top corners are not above the bottom ones (a long title over a corner?)')
rows = []
for l in screen[top + 1:bottom]:
    if at(l, L) != '│' or at(l, R) != '│':
        bad.append('border not at columns %d and %d: %s' % (L, R, l))
        continue
    inner = between(l, L, R)
    m = re.search(r'(张伟\S*)\s+(\S{18})(\s|$)', inner)
    if m:
        rows.append((m.group(1) + ' ' + m.group(2), width(inner[:m.start(2)])))
got = sorted(r for r, _ in rows)
if got != want:
    bad.append('listed %s, the database has %s' % (got, want))
if len({x for _, x in rows}) > 1:
    bad.append('the ID numbers start at different columns: %s' % sorted({x for _, x in rows}))
for b in bad:
    print(b)
print('checked %d rows' % len(rows))
sys.exit(1 if bad else 0)
PYEOF
        if [ $? -eq 0 ]; then
            ok "$cols columns, $who: every listed name and ID number is the database's, columns and border straight ($(tail -1 "$TMP/check.txt"))"
        else
            not_ok "$cols columns, $who: the pick list shows its rows exactly"
            diag "$TMP/check.txt"
            sed 's/^/#   /' "$TMP/screen-$cols-$who.txt"
        fi
        tm kill-session -t "p$cols$who" 2>/dev/null
    done
done
