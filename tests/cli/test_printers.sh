# uniondesk printers: the lp destinations from CUPS (lpstat), the default
# marked; none set up, CUPS not running and no lpstat each said plainly.
# lpstat is a stand-in here: tests/cli/test_print_cups.sh (issue 9) is
# where a real cupsd will answer.
. tests/lib.sh
mkdir -p "$TMP/bin" "$TMP/none"
stand_in() { # E_OUT E_RC D_OUT
    cat >"$TMP/bin/lpstat" <<EOF2
#!/bin/sh
case "\$1" in
-e) printf '%b' '$1'; exit $2 ;;
-d) printf '%b' '$3'; exit 0 ;;
esac
exit 2
EOF2
    chmod +x "$TMP/bin/lpstat"
}
P() { PATH="$TMP/bin:/usr/bin:/bin" "$UD_BIN" "$@"; }

stand_in 'office-a3\nReception_HP\n' 0 'system default destination: Reception_HP\n'
expect_rc 0 "printers lists the destinations" P printers
equals "$(sed -n 1p "$TMP/out")" "  office-a3" "the first, not the default"
equals "$(sed -n 2p "$TMP/out")" "* Reception_HP（默认）" "the default is marked"
expect_rc 0 "in English" P --lang en printers
contains "$TMP/out" "* Reception_HP (default)" "…marked in English"

stand_in 'office-a3\n' 0 'no system default destination\n'
expect_rc 0 "no default set" P printers
equals "$(cat "$TMP/out")" "  office-a3" "…none is marked"

stand_in '' 0 'no system default destination\n'
expect_rc 0 "no printers is not an error" P printers
equals "$(wc -c <"$TMP/out")" 0 "…nothing on stdout"
contains "$TMP/err" "没有打印机" "…it says there are none"
contains "$TMP/err" "lpadmin" "…and how one is added"

stand_in 'lpstat: Scheduler is not running.\n\033[2J' 1 ''
expect_rc 74 "CUPS not running exits 74" P printers
contains "$TMP/err" "Scheduler is not running" "…with lpstat's own reason"
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok "…its control characters made visible"; else ok "…its control characters made visible"; fi

# CUPS 2.4 with its scheduler stopped: lpstat -e lists nothing and exits
# 0; lpstat -r says why, and that is what the user is told
cat >"$TMP/bin/lpstat" <<'EOF2'
#!/bin/sh
case "$1" in
-e) exit 0 ;;
-d) echo "no system default destination"; exit 0 ;;
-r) echo "scheduler is not running"; exit 0 ;;
esac
exit 2
EOF2
expect_rc 74 "CUPS stopped (lpstat -e empty, exit 0): exits 74" P printers
contains "$TMP/err" "scheduler is not running" "…with lpstat -r's reason"
contains "$TMP/err" "systemctl start cups" "…and what to do"
if grep -q "没有打印机" "$TMP/err"; then not_ok "…not 'no printers'"; else ok "…not 'no printers'"; fi

expect_rc 74 "no lpstat on PATH exits 74" env PATH="$TMP/none" "$UD_BIN" printers
contains "$TMP/err" "cups-client" "…and says what to install"
expect_rc 64 "printers takes no arguments" P printers extra
expect_rc 0 "printers --help" P printers --help
contains "$TMP/out" "lpstat -e" "…says where the list comes from"
# a print service that hangs: lp and lpstat are stopped after the timeout
# (UNIONDESK_PRINT_TIMEOUT, 60 s unless set), with what to do, exit 74
stand_in 'office-a3\n' 0 'system default destination: office-a3\n'
printf '#!/bin/sh\nexec sleep 30\n' >"$TMP/bin/lp"
chmod +x "$TMP/bin/lp"
printf 'code,name,kind\nBL,北仑区总工会,district_federation\n' >"$TMP/orgs.csv"
ud --db "$TMP/h.db" init >/dev/null 2>&1
ud --db "$TMP/h.db" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
t0=$(date +%s)
expect_rc 74 "a hanging lp is stopped after the timeout" env UNIONDESK_PRINT_TIMEOUT=2 PATH="$TMP/bin:/usr/bin:/bin" "$UD_BIN" --db "$TMP/h.db" report disputes --month 2026-10 --print
t1=$(date +%s)
[ $((t1 - t0)) -lt 15 ] && ok "…within seconds, not 30 ($((t1 - t0)) s)" || not_ok "…within seconds, not 30 ($((t1 - t0)) s)"
contains "$TMP/err" "lp 在 2 秒内没有完成" "…saying so"
contains "$TMP/err" "systemctl status cups" "…with what to do"
if pgrep -f '^sleep 30$' >/dev/null 2>&1; then not_ok "…and lp is not left running"; else ok "…and lp is not left running"; fi
printf '#!/bin/sh\nexec sleep 30\n' >"$TMP/bin/lpstat"
chmod +x "$TMP/bin/lpstat"
t0=$(date +%s)
expect_rc 74 "a hanging lpstat: printers stops it" env UNIONDESK_PRINT_TIMEOUT=2 PATH="$TMP/bin:/usr/bin:/bin" "$UD_BIN" printers
t1=$(date +%s)
[ $((t1 - t0)) -lt 15 ] && ok "…within seconds ($((t1 - t0)) s)" || not_ok "…within seconds ($((t1 - t0)) s)"
contains "$TMP/err" "lpstat 在 2 秒内没有回答" "…saying so"
echo "1..$TESTS_N"
