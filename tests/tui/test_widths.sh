# Width is used (issue 8, defect 5): at 80, 100 and 200 columns, in a real
# terminal, the lists give spare width to what needs it — the dispute type
# 解除终止劳动合同 whole at 100 and 200 columns (it was "解除终 ~" at every
# width) — nothing is cut when every column's content fits, no line is
# wider than the screen, no character is cut in half (columns start at a
# character at every row), and form labels are whole ("期间（YYYY-MM 或 ~"
# at every width before).
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
equals "$(sql "$DB" "select count(*) > 0 from cases where dispute_type = 'termination'")" 1 "the demo has termination cases"
tm_start keep 20 5 sleep 600

# shot NAME COLS KEYS...: the screen after the keys, in $TMP/NAME.txt
shot() {
    _n=$1 _c=$2
    shift 2
    tm_start "$_n" "$_c" 30 "$UD_BIN" --db "$DB"
    tm_wait "$_n" "uniondesk" || true
    for _k in "$@"; do
        tm_keys "$_n" "$_k"
        sleep 0.3
    done
    sleep 0.3
    tm_screen "$_n" >"$TMP/$_n.txt"
    tm kill-session -t "$_n" 2>/dev/null
}

# check.py SCREEN COLS [FITS_WHOLE]: prints one line per fault
cat >"$TMP/check.py" <<'PYEOF'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
def cells(l):
    out, x = [], 0
    for c in l:
        out.append((x, c)); x += width(c)
    return out
def at(l, col):
    for x, c in cells(l):
        if x == col: return c
        if x > col: return None
    return ' '
def cut(l, a, b):
    return ''.join(c for x, c in cells(l) if a <= x < b)
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
cols = int(sys.argv[2])
faults = []
for l in lines:
    if width(l) > cols: faults.append('wider than %d: %s' % (cols, l))
# the list: the header after the search line, the rows up to a blank line
h = next(i for i, l in enumerate(lines) if l.startswith('搜索')) + 1
header = lines[h]
rows = []
for l in lines[h + 1:]:
    if not l.strip(): break
    rows.append(l)
starts, x, prev = [], 0, ' '
for x, c in cells(header):
    if c != ' ' and prev == ' ' and x >= 2: starts.append(x)
    prev = c
for l in rows:
    for s in starts:
        if at(l, s) is None: faults.append('a character cut at column %d: %s' % (s, l))
# every column's content (left-aligned lists): cells between header starts
bounds = starts + [10**6]
need = [0] * len(starts)
ncut, cutcols = 0, set()
names = [cut(header, bounds[i], bounds[i + 1]).strip() for i in range(len(starts))]
for l in [header] + rows:
    for i in range(len(starts)):
        t = cut(l, bounds[i], bounds[i + 1]).rstrip()
        need[i] = max(need[i], width(t))
        if t.endswith('~'):
            ncut += 1
            cutcols.add(names[i])
print('cut %d natural %d' % (ncut, sum(need) + len(need) - 1 + 2 + 1))
print('cut-columns ' + ' '.join(sorted(cutcols)))
for f in faults: print('FAULT ' + f)
PYEOF

natural=""
for cols in 200 100 80; do
    shot "c$cols" "$cols" 3
    "$PY" "$TMP/check.py" "$TMP/c$cols.txt" "$cols" >"$TMP/c$cols.out" 2>&1
    if grep -q FAULT "$TMP/c$cols.out" || ! grep -q '^cut' "$TMP/c$cols.out"; then
        not_ok "case list at $cols columns: lines within the screen, no character cut"; diag "$TMP/c$cols.out"; diag "$TMP/c$cols.txt"
    else
        ok "case list at $cols columns: lines within the screen, no character cut"
    fi
    ncut=$(sed -n 's/^cut \([0-9]*\) .*/\1/p' "$TMP/c$cols.out")
    # what every column's content takes: measured at 200 columns, where nothing is cut
    [ "$cols" = 200 ] && natural=$(sed -n 's/.* natural \([0-9]*\)/\1/p' "$TMP/c$cols.out")
    if [ "$cols" = 200 ] || [ "${natural:-999}" -le "$cols" ]; then
        equals "$ncut" 0 "case list at $cols columns: nothing is cut (the content takes $natural columns)"
    else
        ok "case list at $cols columns: the content takes $natural columns, $ncut cells cut to fit"
        # what can be shown whole is: only the longest content (the employer) gives way
        equals "$(sed -n 's/^cut-columns //p' "$TMP/c$cols.out")" "用人单位" "case list at $cols columns: only the employer's name is cut"
    fi
    if [ "$cols" -ge 100 ]; then
        contains "$TMP/c$cols.txt" "解除终止劳动合同" "case list at $cols columns: the type 解除终止劳动合同 whole"
    fi
    # the other lists: members, aid grants, training courses
    for tab in 2 4 5; do
        shot "t$tab-$cols" "$cols" "$tab"
        "$PY" "$TMP/check.py" "$TMP/t$tab-$cols.txt" "$cols" >"$TMP/t$tab-$cols.out" 2>&1
        if grep -q FAULT "$TMP/t$tab-$cols.out" || ! grep -q '^cut' "$TMP/t$tab-$cols.out"; then
            not_ok "tab $tab at $cols columns: lines within the screen, no character cut"; diag "$TMP/t$tab-$cols.out"; diag "$TMP/t$tab-$cols.txt"
        else
            ok "tab $tab at $cols columns: lines within the screen, no character cut"
        fi
        tcut=$(sed -n 's/^cut \([0-9]*\) .*/\1/p' "$TMP/t$tab-$cols.out")
        [ "$cols" = 200 ] && eval "natural_$tab=\$(sed -n 's/.* natural \([0-9]*\)/\1/p' \"\$TMP/t$tab-$cols.out\")"
        tnat=$(eval echo "\${natural_$tab:-999}")
        if [ "$cols" = 200 ] || [ "$tnat" -le "$cols" ]; then
            equals "$tcut" 0 "tab $tab at $cols columns: nothing is cut (the content takes $tnat columns)"
        fi
    done
    # form labels whole: the case form, the report tab's period
    shot "f$cols" "$cols" 3 n
    contains "$TMP/f$cols.txt" "用人单位信用代码" "case form at $cols columns: the longest label whole"
    shot "r$cols" "$cols" 6 c
    contains "$TMP/r$cols.txt" "期间（YYYY-MM 或 YYYY）" "report tab at $cols columns: the period's label whole"
done
