# The row a key will act on stays the row the user chose: a list keeps
# its selected record when the terminal gets smaller (p, e, s act on it,
# not on whichever row now ends the window), and the printer chooser
# opens on CUPS's default even when it is far down a long list of
# destinations (Enter prints there, not on the first printer).
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$TMP/s.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\n' >"$TMP/orgs.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
{
    echo "case_no,mediation_org,received_on,dispute_type,status,applicant_name,employer_name"
    i=1
    while [ $i -le 30 ]; do
        printf 'TJ-2026-%05d,BL,2026-11-%02d,wages,received,申请人%02d,宁波甬江机械有限公司\n' $i $(( (i % 25) + 1 )) $i
        i=$((i + 1))
    done
} >"$TMP/cases.csv"
ud --db "$DB" --user clerk1 import cases "$TMP/cases.csv" >/dev/null 2>&1
equals "$(sql "$DB" "select count(*) from cases")" 30 "30 cases to list"

# ---- a list, the terminal made smaller ----
tm_start l 80 30 "$UD_BIN" --db "$DB" --user clerk1
tm_wait l "王办事"
tm_keys l 3
tm_wait l "调解案件  共"
i=0
while [ $i -lt 20 ]; do tm_keys l Down; i=$((i + 1)); done
sleep 0.3
chosen=$(tm_screen l | sed -n 's/^>.*\(TJ-2026-[0-9]*\).*/\1/p')
[ -n "$chosen" ] && ok "the 21st row is selected ($chosen)" || not_ok "a row far down is selected"
tm resize-window -t l -x 80 -y 12
sleep 0.5
now=$(tm_screen l | sed -n 's/^>.*\(TJ-2026-[0-9]*\).*/\1/p')
equals "$now" "$chosen" "80x12: the same case is still selected, in view"
tm_keys l Enter
expect_screen l "案件 $chosen" "…and Enter opens that case"
tm resize-window -t l -x 80 -y 30
tm_keys l q

# ---- the printer chooser: the default is the 31st destination ----
mkdir -p "$TMP/bin"
cat >"$TMP/bin/lpstat" <<'SH'
#!/bin/sh
case "$1" in
-e) i=0; while [ $i -lt 40 ]; do echo "Floor_$i"; i=$((i + 1)); done ;;
-d) echo "system default destination: Floor_30" ;;
esac
SH
printf '#!/bin/sh\necho "$@" >"%s/lp.args"\ncat >/dev/null\n' "$TMP" >"$TMP/bin/lp"
chmod +x "$TMP/bin/lpstat" "$TMP/bin/lp"
for size in "80 24" "40 12"; do
    rm -f "$TMP/lp.args"
    # shellcheck disable=SC2086
    tm_start p $size env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" --user clerk1
    tm_wait p "王办事"
    tm_keys p 3
    tm_wait p "调解案件  共"
    tm_keys p p
    tm_wait p "劳动争议调解申请登记表"
    tm_keys p Enter
    tm_wait p "打印还是保存"
    tm_keys p Enter
    expect_screen p "> Floor_30（默认）" "$size: the chooser opens on the default, far down the list"
    tm_keys p Enter
    tm_wait p "已送往打印机"
    contains "$TMP/lp.args" "-d Floor_30" "$size: Enter prints on the default"
    tm kill-session -t p
done
echo "1..$TESTS_N"
