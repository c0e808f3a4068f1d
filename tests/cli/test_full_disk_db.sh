# The DATABASE on a full disk (issue 7, row 1): an import of 200,000
# members into a database on a tmpfs too small for it, plain, --dry-run and
# --skip-bad, must exit 74 with one clear message naming the database,
# commit none of the file's members, and leave the database intact.
. tests/lib.sh
. tests/cli/lib_members.sh
MNT=$TMP/mnt
small_tmpfs "$MNT" 3m || exit 0
DB=$MNT/ud.db
ud --db "$DB" init >/dev/null 2>"$TMP/init.err" || diag "$TMP/init.err"
members_orgs "$TMP/orgs.csv"
expect_rc 0 "two organizations imported into the small database" ud --db "$DB" import orgs "$TMP/orgs.csv"
members_csv 200000 BL-001 "$TMP/m.csv"
equals "$(wc -l <"$TMP/m.csv")" 200001 "a CSV of 200,000 members made"
audit0=$(sql "$DB" "select count(*) from audit_log")

for mode in "" --dry-run --skip-bad; do
    name="import${mode:+ $mode}"
    expect_rc 74 "$name on a full disk exits 74 (I/O)" ud --db "$DB" import members "$TMP/m.csv" $mode
    contains "$TMP/err" "磁盘已满" "$name: the message says the disk is full"
    contains "$TMP/err" "$DB" "$name: the message names the database file"
    contains "$TMP/err" "没有写入任何数据" "$name: …and that nothing was written"
    lacks "$TMP/err" "no transaction is active" "$name: no commit is tried without a transaction"
    lines=$(wc -l <"$TMP/err")
    if [ "$lines" -le 2 ]; then ok "$name: one message, not one per row ($lines line(s))"; else
        not_ok "$name: $lines lines of messages (at most 2 expected)"; head -5 "$TMP/err" | sed 's/^/#   /'; fi
    equals "$(sql "$DB" "select count(*) from members")" 0 "$name: none of the file's members committed"
    equals "$(sql "$DB" "select count(*) from audit_log")" "$audit0" "$name: no audit row written"
    equals "$(sql "$DB" "pragma integrity_check")" ok "$name: the database passes integrity_check"
done

# English, the same
LANG_OPT="--lang en"
expect_rc 74 "in English too" ud --db "$DB" $LANG_OPT import members "$TMP/m.csv"
contains "$TMP/err" "disk is full" "the English message says the disk is full"

# A backup onto the full disk (row 19): no file left, no -journal either
SRC=$(demo_db)
expect_rc 74 "a backup onto a full disk exits 74" ud --db "$SRC" backup "$MNT/b.db"
if [ -e "$MNT/b.db" ]; then not_ok "the failed backup left $MNT/b.db"; else ok "the failed backup left no file"; fi
if [ -e "$MNT/b.db-journal" ]; then not_ok "the failed backup left b.db-journal"; else ok "the failed backup left no -journal"; fi

# init --demo on a full disk: one transaction, none of it committed
DEMO=$MNT/demo.db
expect_rc 74 "init --demo on a full disk exits 74" ud --db "$DEMO" init --demo --scale 0.05 --seed 3
contains "$TMP/err" "$DEMO" "the message names the database file"
equals "$(sql "$DEMO" "select count(*) from orgs")|$(sql "$DEMO" "select count(*) from members")" "0|0" \
    "no demo organization or member committed"
equals "$(sql "$DEMO" "pragma integrity_check")" ok "the demo database passes integrity_check"
