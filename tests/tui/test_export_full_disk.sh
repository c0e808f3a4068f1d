# A list exported from the screens onto a full disk: the screen says it
# failed, no file is left, and the space is given back at once (the
# screens keep running: libxlsxwriter's temporaries left open would keep
# the disk full until the program ends, and a retry after freeing space
# would fail again). Root only (a small tmpfs).
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
DB=$(demo_db)
FULL=$TMP/full
if small_tmpfs "$FULL" 64k; then
    trap 'tm kill-server 2>/dev/null; umount "'"$FULL"'" 2>/dev/null; rm -rf "$TMP"' EXIT
    used() { df -k "$FULL" | awk 'NR == 2 { print $3 }'; }
    before=$(used)
    tm_start f 80 24 "$UD_BIN" --db "$DB"
    tm_wait f "1 组织"
    tm_keys f 2
    tm_wait f "会员  共"
    tm_keys f x
    tm_wait f "保存为"
    tm_keys f C-u
    tm_type f "$FULL/members.xlsx"
    tm_keys f F2
    expect_screen f "出错" "the export onto a full disk says it failed" 20
    equals "$(ls -A "$FULL")" "" "…no file is left"
    equals "$(used)" "$before" "…and the disk space is given back while the screens run"
    tm_keys f q
fi
echo "1..$TESTS_N"
