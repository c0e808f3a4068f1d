# A bulk load (init --demo) that fills the disk is undone whole; the
# database left on the full disk is then refused as "disk full, free space"
# — never called damaged with advice to restore a backup — and opens clean
# once space is freed.
. tests/lib.sh
MNT=$TMP/small
small_tmpfs "$MNT" 20m || { echo "1..$TESTS_N"; exit 0; }
DB=$MNT/d.db
head -c 1048576 /dev/zero >"$MNT/pad" # room to free afterwards
expect_rc 74 "init --demo on a 20 MB disk fails" ud --db "$DB" init --demo --scale 0.3 --seed 1
contains "$TMP/err" "磁盘已满" "…saying the disk is full"
expect_rc 74 "check on the full disk is refused" ud --db "$DB" check
contains "$TMP/err" "磁盘已满：无法打开数据库" "…as a full disk"
contains "$TMP/err" "不要用备份替换" "…warning not to replace it with a backup"
lacks "$TMP/err" "损坏" "…not called damaged"
equals "$(grep -c "磁盘已满" "$TMP/err")" 1 "…said once"
expect_rc 74 "a report is refused the same way" ud --db "$DB" --lang en report disputes --month 2026-10
contains "$TMP/err" "the disk is full: cannot open the database" "…in English too"
lacks "$TMP/err" "damaged" "…not called damaged"
# some space freed (the -wal holds the schema's committed pages too: it stays)
rm -f "$MNT/pad"
expect_rc 0 "once space is free, check passes" ud --db "$DB" check
equals "$(sql "$DB" "select count(*) from members")" 0 "…and the failed load left no member"
echo "1..$TESTS_N"
