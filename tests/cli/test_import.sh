# CSV import from the command line: good files in UTF-8 and GBK, quoting,
# bad files rejected whole with every bad row listed and nothing written.
. tests/lib.sh
. tests/cli/lib_idnum.sh
DB=$TMP/imp.db
ud --db "$DB" init >/dev/null

cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent,credit_code,established_on
BL-XQ-001,宁波港机械厂工会,enterprise_union,BL-XQ,91350100M000100Y43,2001-05-01
BL,北仑区总工会,区总工会,,,
BL-XQ,新碶街道总工会,street_federation,BL,,
BL-XQ-002,"宁波""宝新""不锈钢有限公司工会",企业(基层)工会,BL-XQ,91512081MA62K0260E,
CSV
expect_rc 0 "orgs import with a parent named later in the file" ud --db "$DB" import orgs "$TMP/orgs.csv"
equals "$(sql "$DB" "select count(*) from orgs")" 4 "four organizations written"
equals "$(sql "$DB" "select p.code from orgs o join orgs p on p.id=o.parent_id where o.code='BL-XQ-001'")" BL-XQ "parent resolved after its row came"
equals "$(sql "$DB" "select name from orgs where code='BL-XQ-002'")" '宁波"宝新"不锈钢有限公司工会' "doubled quotes inside a quoted field"

A=$(idnum 19850312 123)
B=$(idnum 19900101 124)
C=$(idnum 19700101 7)
# Chinese headers, any order, quoted comma, a BOM
printf '\357\273\277所属工会,姓名,身份证号,性别,电话,入会日期,外来务工\nBL-XQ-001,张三丰,%s,男,13800138000,2020-01-05,是\nBL-XQ-002,"李,四",%s,女,0574-86888888,2021/3/4,否\n' "$A" "$B" >"$TMP/m1.csv"
expect_rc 0 "members import with Chinese headers and a BOM" ud --db "$DB" import members "$TMP/m1.csv"
equals "$(sql "$DB" "select name||'|'||gender||'|'||join_date||'|'||is_migrant from members where id_number='$B'")" "李,四|F|2021-03-04|0" "quoted comma kept, date normalized, boolean parsed"
contains "$TMP/out" "UTF-8" "reports the encoding it read"

# the same people again: reported as duplicates, nothing doubled
expect_rc 65 "re-importing the same members is refused" ud --db "$DB" import members "$TMP/m1.csv"
contains "$TMP/err" "重复" "a member already there is reported as a duplicate"
contains "$TMP/err" "张三丰" "the duplicate message names who has that ID number"
equals "$(sql "$DB" "select count(*) from members")" 2 "no member doubled"

# GBK, as Chinese Excel saves it
printf '姓名,身份证号,所属工会,职务\n王五,%s,BL-XQ-001,电焊工\n' "$C" | iconv -f UTF-8 -t GBK >"$TMP/gbk.csv"
expect_rc 0 "a GBK file is detected and imported" ud --db "$DB" import members "$TMP/gbk.csv"
contains "$TMP/out" "GBK" "the encoding is reported as GBK"
equals "$(sql "$DB" "select name||job_title from members where id_number='$C'")" "王五电焊工" "GBK text converted to UTF-8"

# A bad file: bad ID number, bad date, a quoted newline in a name, unknown
# union, wrong column count. Every bad row listed, exit 65, nothing written.
D=$(idnum 19880808 11)
E=$(idnum 19770707 13)
BADID=$(echo "$D" | cut -c1-17)9
[ "$BADID" = "$D" ] && BADID=$(echo "$D" | cut -c1-17)8
printf 'name,id_number,org,join_date\n好人,%s,BL-XQ-001,2022-01-01\n坏号,%s,BL-XQ-001,2022-01-01\n坏日期,%s,BL-XQ-001,2026-02-29\n"两行\n名字",%s,BL-XQ-001,\n无单位,%s,NOPE,\n少一列,%s\n' \
    "$E" "$BADID" "$(idnum 19660606 15)" "$(idnum 19550505 17)" "$(idnum 19440404 19)" "$(idnum 19330303 21)" >"$TMP/bad.csv"
before=$(sql "$DB" "select count(*) from members")
expect_rc 65 "a file with bad rows exits 65" ud --db "$DB" import members "$TMP/bad.csv"
contains "$TMP/err" "第 3 行" "the bad ID number row is listed (row 3)"
contains "$TMP/err" "校验位" "…with the reason: check digit"
contains "$TMP/err" "第 4 行" "the bad date row is listed (row 4)"
contains "$TMP/err" "闰年" "…with the reason: not a leap year"
contains "$TMP/err" "第 5 行" "the quoted-newline row is one record (row 5)"
contains "$TMP/err" "第 6 行" "the unknown union row is listed (row 6)"
contains "$TMP/err" "NOPE" "…naming the code it could not find"
contains "$TMP/err" "第 7 行" "the short row is listed (row 7)"
lacks "$TMP/err" "第 2 行" "the good row is not listed"
contains "$TMP/err" "没有写入任何数据" "the message says nothing was written"
equals "$(sql "$DB" "select count(*) from members")" "$before" "nothing written from the bad file"
equals "$(sql "$DB" "select count(*) from members where id_number='$E'")" 0 "not even the good row"

expect_rc 65 "--dry-run validates the same file without writing" ud --db "$DB" import members "$TMP/bad.csv" --dry-run
equals "$(sql "$DB" "select count(*) from members")" "$before" "dry run wrote nothing"

expect_rc 0 "--skip-bad keeps the good rows" ud --db "$DB" import members "$TMP/bad.csv" --skip-bad
equals "$(sql "$DB" "select count(*) from members where id_number='$E'")" 1 "the good row was imported"
equals "$(sql "$DB" "select count(*) from members")" "$((before + 1))" "only the good row was imported"

printf 'name,id_number,org,shoe_size\nx,%s,BL-XQ-001,42\n' "$D" >"$TMP/unknown.csv"
expect_rc 65 "an unknown column is an error" ud --db "$DB" import members "$TMP/unknown.csv"
contains "$TMP/err" "shoe_size" "the unknown column is named"
printf 'name,org\nx,BL-XQ-001\n' >"$TMP/missing.csv"
expect_rc 65 "a missing required column is an error" ud --db "$DB" import members "$TMP/missing.csv"
contains "$TMP/err" "id_number" "the missing column is named"
expect_rc 66 "a missing file exits 66" ud --db "$DB" import members "$TMP/nope.csv"
expect_rc 64 "an unknown kind exits 64" ud --db "$DB" import shoes "$TMP/m1.csv"
expect_rc 0 "import --help" ud import --help
contains "$TMP/out" "enrolments" "help lists every kind"

ud --db "$DB" --lang en import members "$TMP/bad.csv" >"$TMP/out" 2>"$TMP/err"
contains "$TMP/err" "row 3, ID number (id_number)" "--lang en reports rows in English"

# A bad row inside an all-or-nothing import leaves nothing behind even
# when the module had written part of it (no per-row savepoints then).
printf 'name,id_number,org\n新人,%s,BL-XQ-001\n重号,%s,BL-XQ-001\n' "$(idnum 19720202 31)" "$(idnum 19720202 31)" >"$TMP/dup.csv"
before=$(sql "$DB" "select count(*) from members")
audit_before=$(sql "$DB" "select count(*) from audit_log")
expect_rc 65 "a file whose second row repeats the first's ID number is refused" ud --db "$DB" import members "$TMP/dup.csv"
contains "$TMP/err" "第 3 行" "the repeated row is the one listed"
equals "$(sql "$DB" "select count(*) from members")" "$before" "neither row was kept"
equals "$(sql "$DB" "select count(*) from audit_log")" "$audit_before" "no audit row either: the whole transaction was undone"
expect_rc 0 "with --skip-bad the first row is kept" ud --db "$DB" import members "$TMP/dup.csv" --skip-bad
equals "$(sql "$DB" "select count(*) from members")" "$((before + 1))" "exactly one row kept"
