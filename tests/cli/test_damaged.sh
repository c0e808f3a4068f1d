# Damaged databases (issue rows 16, 17, 18): an empty, truncated,
# overwritten or foreign file is refused with exit 74 naming it, nothing is
# created or changed (only init creates a database); `check` runs on it and
# says what is wrong; a read-only look leaves no -shm that stops writers.
. tests/lib.sh
DB=$(demo_db)
sum() { sha256sum "$1" | cut -d' ' -f1; }
# no_side FILE DESC: neither -wal nor -shm beside FILE
no_side() {
    if [ -e "$1-wal" ] || [ -e "$1-shm" ] || [ -e "$1-journal" ]; then not_ok "$2"; ls -la "$1"* | sed 's/^/#   /'; else ok "$2"; fi
}
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size=$(stat -c %s "$DB")

: >"$TMP/empty.db"
head -c $((size / 2)) "$DB" >"$TMP/half.db"
head -c $((size - 100)) "$DB" >"$TMP/short.db"
cp "$DB" "$TMP/page1.db"
# page 1 after the 100-byte header: the schema's root page
dd if=/dev/urandom of="$TMP/page1.db" bs=1 seek=100 count=3900 conv=notrunc 2>/dev/null
cp "$DB" "$TMP/header.db"
dd if=/dev/zero of="$TMP/header.db" bs=1 count=100 conv=notrunc 2>/dev/null
printf '姓名,身份证号\n张三,1\n' >"$TMP/text.db"

for f in empty half short page1 header text; do
    p=$TMP/$f.db
    before=$(sum "$p")
    for cmd in "report members" "user list" "migrate up" "backup $TMP/$f.bak"; do
        # shellcheck disable=SC2086
        expect_rc 74 "$f.db: $cmd exits 74" ud --db "$p" $cmd
    done
    contains "$TMP/err" "$p" "$f.db: the message names the file"
    printf 'name,id_number,org\n' >"$TMP/m.csv"
    expect_rc 74 "$f.db: import exits 74" ud --db "$p" import members "$TMP/m.csv"
    expect_rc 74 "$f.db: check exits 74" ud --db "$p" check
    check "$f.db: check says what is wrong" grep -qE '空文件|截断|不是 SQLite|损坏' "$TMP/out"
    case $f in half | short) contains "$TMP/out" "被截断" "$f.db: a truncated file is called truncated" ;; esac
    equals "$(sum "$p")" "$before" "$f.db: the file is byte-for-byte unchanged"
    no_side "$p" "$f.db: nothing created beside it"
    check "$f.db: no backup written" test ! -e "$TMP/$f.bak"
done
expect_rc 74 "the screens refuse an empty database too" env UNIONDESK_SCRIPT=/dev/null "$UD_BIN" --db "$TMP/empty.db"
expect_rc 0 "init is the one command that makes an empty file a database" ud --db "$TMP/empty.db" init
expect_rc 0 "…which then checks out" ud --db "$TMP/empty.db" check

# a read-only database looked at, then made writable again: writers work
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    RO=$TMP/ro
    mkdir -p "$RO"
    cp "$DB" "$RO/d.db"
    ud --db "$RO/d.db" user add nobody --role admin >/dev/null
    rm -f "$RO/d.db-wal" "$RO/d.db-shm"
    chown -R nobody "$RO"
    chmod 755 "$TMP"
    OB=$(others_bin)
    as_nobody() { su -s /bin/sh nobody -c "cd '$RO' && LANG=C.UTF-8 UNIONDESK_TODAY=2026-11-26 '$OB' --db d.db $*"; }
    chmod 444 "$RO/d.db"
    expect_rc 0 "check on a 0444 database" as_nobody check
    no_side "$RO/d.db" "the read-only look left no -wal/-shm behind"
    chmod 644 "$RO/d.db"
    expect_rc 0 "after chmod 644 the owner writes again" as_nobody user add newclerk --role clerk
    # the same with an -shm already left read-only by an older version
    cp "$RO/d.db-shm" "$TMP/shm.keep" 2>/dev/null
    as_nobody "report members" >/dev/null 2>&1 &
    wait
    touch "$RO/d.db-shm" "$RO/d.db-wal"
    chown nobody "$RO/d.db-shm" "$RO/d.db-wal"
    chmod 444 "$RO/d.db-shm" "$RO/d.db-wal"
    expect_rc 0 "a stale read-only -shm of one's own is repaired" as_nobody user add clerk2 --role clerk
    check "…its mode now writable" test "$(stat -c %a "$RO/d.db-shm")" = 644 -o ! -e "$RO/d.db-shm"
    touch "$RO/d.db-shm"
    chown root "$RO/d.db-shm"
    chmod 444 "$RO/d.db-shm"
    expect_rc 77 "another user's read-only -shm is named with what to do" as_nobody user add clerk3 --role clerk
    contains "$TMP/err" "d.db-shm" "…the message names the file"
    contains "$TMP/err" "chmod" "…and says what to run"
    rm -f "$RO/d.db-shm"
else
    skip "read-only -shm tests: need root and the nobody account to act as another user"
fi
echo "1..$TESTS_N"
