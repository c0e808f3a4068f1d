# `/` in the member list finds a member from a fragment (issue 8,
# section 2): a given name, the phone's last four digits, a birth date —
# typed after / as a clerk types them, each showing the member's row.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
# a member whose given name (two characters) and phone tail no one else has
row=$(sql "$DB" "select m.name || '|' || substr(m.name, 2) || '|' || substr(m.phone, -4) || '|' || substr(m.id_number, 7, 8)
                  || '|' || substr(m.id_number, -4) from members m
                  where length(m.name) = 3 and length(m.phone) = 11
                    and (select count(*) from members o where instr(o.name, substr(m.name, 2))) = 1
                    and (select count(*) from members o where instr(o.phone, substr(m.phone, -4)) or instr(o.id_number, substr(m.phone, -4))) = 1
                  order by m.id limit 1")
NAME=$(echo "$row" | cut -d'|' -f1)
GIVEN=$(echo "$row" | cut -d'|' -f2)
TAIL=$(echo "$row" | cut -d'|' -f3)
BIRTH=$(echo "$row" | cut -d'|' -f4)
IDTAIL=$(echo "$row" | cut -d'|' -f5)
[ -n "$NAME" ] && ok "a member to look for: $NAME (given name $GIVEN, phone tail $TAIL)" || not_ok "a member to look for"

tm_start s 100 30 "$UD_BIN" --db "$DB"
tm_wait s "会员" 10
tm_keys s 2
tm_wait s "身份证号" 5
for frag in "$GIVEN" "$TAIL" "$BIRTH"; do
    tm_keys s /
    tm_type s "$frag"
    [ "$frag" = "$BIRTH" ] || expect_screen s "共 1 人" "/ $frag: one member"
    expect_screen s "********$IDTAIL" "/ $frag: …the row of $NAME (its masked ID number)"
    if tm_screen s | grep -v "搜索" | grep -qF "$NAME"; then ok "/ $frag: …with the name $NAME"; else
        not_ok "/ $frag: …with the name $NAME"; tm_screen s | sed 's/^/#   /'; fi
    tm_keys s Escape
    tm_gone s "搜索（/ 姓名、身份证号或电话）：$frag" 5
done
# as a Chinese input method types them: full-width digits, a space inside a name
FULLTAIL=$(printf '%s' "$TAIL" | "$PY" -c 'import sys; print("".join(chr(ord(c) + 0xFEE0) for c in sys.stdin.read()), end="")')
SPACED="$(printf '%s' "$NAME" | cut -c1-3) $GIVEN"
for frag in "$FULLTAIL" "$SPACED"; do
    tm_keys s /
    tm_type s "$frag"
    expect_screen s "共 1 人" "/ $frag: one member, as the plain text finds"
    expect_screen s "********$IDTAIL" "/ $frag: …the row of $NAME"
    tm_keys s Escape
    tm_gone s "搜索（/ 姓名、身份证号或电话）：$frag" 5
done
tm_keys s q
echo "1..$TESTS_N"
