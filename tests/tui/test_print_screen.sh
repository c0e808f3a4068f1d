# The reports tab printing through a real CUPS queue: a private cupsd with
# two cups-pdf queues (tests/cli/lib_cups.sh); p lists them with the
# default marked, the one chosen gets the job, and the printed PDF reads
# back in Chinese. Not root: one SKIP line.
. tests/lib.sh
. tests/tui/lib_tmux.sh
. tests/cli/lib_cups.sh
export UNIONDESK_TODAY=2026-11-26

if ! cups_can_run; then
    echo "1..$TESTS_N"
    exit 0
fi
if ! command -v tmux >/dev/null 2>&1; then
    skip "no tmux"
    echo "1..$TESTS_N"
    exit 0
fi
DB=$(demo_db)
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
cups_start || { echo "1..$TESTS_N"; exit 1; }
trap 'tm kill-server 2>/dev/null; cups_stop; rm -rf "$TMP"' EXIT
Q=UD_Front_$$
Q2=UD_Back_$$
cups_add_queue "$Q" && cups_add_queue "$Q2" && lpadmin -d "$Q" && ok "two cups-pdf queues, the first the default" ||
    not_ok "two cups-pdf queues, the first the default"

tm_start r 132 40 env CUPS_SERVER="$CUPS_SERVER" HOME="$HOME" "$UD_BIN" --db "$DB" --user officer1
tm_wait r "李主管"
tm_keys r 6
expect_screen r "劳动争议调解统计月报" "the reports tab shows last month's statistics"
tm_keys r p
expect_screen r "选择打印机" "p asks which printer"
expect_screen r "$Q（默认）" "…CUPS's default marked"
expect_screen r "$Q2" "…the other queue listed"
# the non-default queue, found by typing part of its name
tm_type r "UD_Back"
sleep 0.3
tm_keys r Enter
expect_screen r "已送往打印机 $Q2" "the queue chosen gets the report" 10
pdf=$(cups_wait_pdf)
if [ -n "$pdf" ] && [ -s "$pdf" ]; then ok "cups-pdf wrote the printed PDF"; else not_ok "cups-pdf wrote the printed PDF (none within 60 s)"; diag "$CUPS_DIR/log/error_log"; fi
lpstat -W completed -o "$Q2" >"$TMP/done2.txt" 2>&1
contains "$TMP/done2.txt" "$Q2-" "…the job went to $Q2"
lpstat -W completed -o "$Q" >"$TMP/done1.txt" 2>&1
equals "$(wc -l <"$TMP/done1.txt")" 0 "…not to the default"
pdftotext -layout "$pdf" "$TMP/printed.txt" 2>/dev/null
contains "$TMP/printed.txt" "劳动争议调解统计月报" "the printed report reads back in Chinese"
contains "$TMP/printed.txt" "2026年10月" "…for October"
equals "$(sql "$DB" "select json_extract(after_json, '$.detail') from audit_log where action = 'print' order by id desc limit 1")" \
    "report disputes 2026-10-01..2026-10-31 -> printer $Q2" "the print is in the audit log, naming the queue"
tm_keys r q
echo "1..$TESTS_N"
