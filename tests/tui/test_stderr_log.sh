# The screens send stderr to a log in $TMPDIR (libxlsxwriter and SQLite
# may print there): a link planted under the log's name in a shared
# directory is not followed, and the log is private.
. tests/lib.sh
. tests/tui/lib_tmux.sh
DB=$(demo_db)
SHARED=$TMP/shared
mkdir -p "$SHARED"
chmod 1777 "$SHARED"
echo "the victim's file" >"$TMP/victim"
ln -s "$TMP/victim" "$SHARED/uniondesk-$(id -u).log"
tm_start lg 80 24 env TMPDIR="$SHARED" "$UD_BIN" --db "$DB"
expect_screen lg "组织" "the screens start with a planted link under the log's name"
tm_keys lg q
sleep 0.3
equals "$(cat "$TMP/victim")" "the victim's file" "the link's target was not written"
check "the planted link is still only a link" test -L "$SHARED/uniondesk-$(id -u).log"
rm -f "$SHARED/uniondesk-$(id -u).log"
# a link to a file that does not exist yet: following it would create it
ln -s "$TMP/planted-target" "$SHARED/uniondesk-$(id -u).log"
tm_start lg1 80 24 env TMPDIR="$SHARED" "$UD_BIN" --db "$DB"
expect_screen lg1 "组织" "the screens start with a link to a missing file under the log's name"
tm_keys lg1 q
sleep 0.3
check "the link's target was not created through it" test ! -e "$TMP/planted-target"
rm -f "$SHARED/uniondesk-$(id -u).log"
tm_start lg2 80 24 env TMPDIR="$SHARED" "$UD_BIN" --db "$DB"
expect_screen lg2 "组织" "the screens start without a log"
tm_keys lg2 q
sleep 0.3
equals "$(stat -c %a "$SHARED/uniondesk-$(id -u).log" 2>/dev/null)" 600 "the log is created 0600"
echo "1..$TESTS_N"
