# Whole-screen comparisons in scripted mode (keys from a file, the screen
# written as text): list alignment with mixed Chinese and ASCII text at 80
# and 132 columns, a name longer than its column cut with '~', and the
# same on every run. Expected screens are in tests/tui/expected/.
. tests/lib.sh
. tests/cli/lib_idnum.sh
export UNIONDESK_TODAY=2026-11-26
cd "$TMP" || exit 1
ud --db t.db init >/dev/null
ud --db t.db user add clerk1 --role clerk --name 王办事 >/dev/null
cat >orgs.csv <<'CSV'
code,name,kind,parent
BL,北仑区总工会,district_federation,
BL-XQ,新碶街道总工会,street_federation,BL
BL-XQ-DG,大港社区总工会,community_federation,BL-XQ
BL-XQ-001,宁波港机械厂工会,enterprise_union,BL-XQ-DG
BL-XQ-002,宁波北仑国际集装箱码头经营有限公司工会委员会,enterprise_union,BL-XQ
BL-XQ-003,ACME Ningbo Co. Ltd. Union,enterprise_union,BL-XQ
CSV
ud --db t.db import orgs orgs.csv >/dev/null
{
    echo "name,id_number,org,phone"
    echo "王小明,$(idnum 19850312 123),BL-XQ-001,13800138000"
    echo "Li Lei,$(idnum 19900101 125),BL-XQ-003,0574-86888888"
    echo "欧阳建国Alexander,$(idnum 19700707 127),BL-XQ-002,"
    echo "张三,$(idnum 19880808 129),BL-XQ-002,13912345678"
    echo "Ann,$(idnum 19950505 132),BL-XQ-001,"
    echo "司马懿,$(idnum 19600101 134),BL-XQ-003,15057401234"
} >members.csv
ud --db t.db import members members.csv >/dev/null
printf '2<dump:members>1<Enter><Down><Enter><Down><Enter><dump:orgs>' >script.txt

compare() { # NAME   (UD_UPDATE_EXPECTED=1 rewrites the expected screens)
    [ "${UD_UPDATE_EXPECTED:-}" = 1 ] && cp "$1.txt" "$UD_ROOT/tests/tui/expected/$1.txt"
    if diff -u "$UD_ROOT/tests/tui/expected/$1.txt" "$1.txt" >diff.txt; then
        ok "screen $1 matches the expected one"
    else
        not_ok "screen $1 differs from tests/tui/expected/$1.txt"
        diag diff.txt
    fi
}
for size in 80x24 132x40; do
    cols=${size%x*}
    rows=${size#*x}
    rm -f members.txt orgs.txt
    LINES=$rows COLUMNS=$cols UNIONDESK_SCRIPT=script.txt UNIONDESK_DUMP_DIR=. ud --db t.db --user clerk1 >/dev/null 2>&1
    [ -f members.txt ] && ok "scripted mode wrote the screen ($size)" || not_ok "scripted mode wrote the screen ($size)"
    mv members.txt "members-$size.txt"
    mv orgs.txt "orgs-$size.txt"
    compare "members-$size"
    compare "orgs-$size"
    # alignment, measured independently: every row of the list puts its
    # columns at the same display columns, and no line is wider than the screen
    "$PY" - "members-$size.txt" "$cols" >align.txt <<'PYEOF'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
path, cols = sys.argv[1], int(sys.argv[2])
lines = open(path, encoding='utf-8').read().split('\n')
bad = [l for l in lines if width(l) > cols]
rows = [l for l in lines if any(ch.isdigit() for ch in l) and ('330206' in l)]
starts = set()
for l in rows:
    i = l.index('330206')
    starts.add(width(l[:i]))
print('too-wide', len(bad))
print('id-columns', len(starts), 'rows', len(rows))
PYEOF
    contains align.txt "too-wide 0" "no line wider than $cols columns"
    contains align.txt "id-columns 1 rows 6" "the ID number column starts at one display column in all 6 rows ($size)"
done
# columns widen to their content where there is room (the name whole);
# what cannot fit is cut at a character and marked with ~
grep -qF '欧阳建国Alexander' members-80x24.txt && ok "the long name is shown whole at 80 columns" || not_ok "the long name is shown whole at 80 columns"
grep -qF '宁波北仑国际集 ~' members-80x24.txt && ok "the union's long name is cut and marked with ~" || not_ok "the union's long name is cut and marked with ~"
# run again: the same screen
LINES=24 COLUMNS=80 UNIONDESK_SCRIPT=script.txt UNIONDESK_DUMP_DIR=. ud --db t.db --user clerk1 >/dev/null 2>&1
cmp -s members.txt members-80x24.txt && ok "a second run draws the same screen" || not_ok "a second run draws the same screen"
