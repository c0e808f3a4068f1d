# A terminal that goes away without a SIGHUP reaching the program (started
# through su or setsid; a dropped connection): the screens end instead of
# spinning with the database open.
. tests/lib.sh
. tests/tui/lib_tmux.sh
DB=$(demo_db)
tm_start hup 80 24 setsid -w "$UD_BIN" --db "$DB"
expect_screen hup "组织" "the screens run in their own session (no SIGHUP will reach them)"
pid=$(pgrep -f "^$UD_BIN --db $DB\$" | head -1)
check "the program is running" kill -0 "$pid"
tm kill-server 2>/dev/null
gone=0
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    if ! kill -0 "$pid" 2>/dev/null; then gone=1; break; fi
    sleep 0.25
done
if [ $gone = 1 ]; then
    ok "the program ends when its terminal is gone"
else
    not_ok "the program ends when its terminal is gone (still running: $(ps -o pid,pcpu,cmd -p "$pid" | tail -1))"
    kill -9 "$pid" 2>/dev/null
fi
echo "1..$TESTS_N"
