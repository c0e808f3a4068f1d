# Input hygiene (issue 7, rows 11-15): NUL bytes, stray quotes, control and
# bidi characters refused with row and column; encoding detection that
# never turns a damaged UTF-8 file into GBK; line numbers that are the
# file's lines; credit-code warnings printed; a directory is not a CSV.
. tests/lib.sh
. tests/cli/lib_idnum.sh
DB=$TMP/h.db
ud --db "$DB" init >/dev/null
printf 'code,name,kind,parent\nU0,测试总工会,district_federation,\nU1,测试工会,enterprise_union,U0\n' >"$TMP/org.csv"
ud --db "$DB" import orgs "$TMP/org.csv" >/dev/null 2>&1
A=$(idnum 19850312 123)
members() { sql "$DB" "select count(*) from members"; }

# row 11: a NUL byte inside a field is an error, not a cut
printf 'name,id_number,org\n王\000DROP,%s,U1\n' "$A" >"$TMP/nul.csv"
expect_rc 65 "a NUL byte in a field is refused" ud --db "$DB" import members "$TMP/nul.csv"
contains "$TMP/err" "NUL" "…saying it is a NUL byte"
contains "$TMP/err" "第 2 行第 1 列" "…with its row and column"
equals "$(members)" 0 "nothing stored from the file with a NUL byte"

# row 12: stray quotes (RFC 4180)
printf 'name,id_number,org\n王"五,%s,U1\n' "$A" >"$TMP/q1.csv"
expect_rc 65 "a quote inside an unquoted field is refused" ud --db "$DB" import members "$TMP/q1.csv"
contains "$TMP/err" "第 2 行第 1 列" "…with its row and column"
printf 'name,id_number,org\n"王五"x,%s,U1\n' "$A" >"$TMP/q2.csv"
expect_rc 65 "text after a closing quote is refused" ud --db "$DB" import members "$TMP/q2.csv"
contains "$TMP/err" "结束引号" "…saying what is wrong"
printf 'name,id_number,org\nok,"%s"x,U1\n' "$A" >"$TMP/q3.csv"
expect_rc 65 "text after a closing quote in column 2" ud --db "$DB" import members "$TMP/q3.csv"
contains "$TMP/err" "第 2 行第 2 列" "…names column 2"
equals "$(members)" 0 "nothing stored from files with stray quotes"
printf 'name,id_number,org\n"王""五",%s,U1\n' "$A" >"$TMP/q4.csv"
expect_rc 0 "a doubled quote inside quotes is still accepted" ud --db "$DB" import members "$TMP/q4.csv" --dry-run

# row 10 (input): bidi overrides, isolates and C1 controls refused, naming the field
for cp in 202E 2066 0085 001B; do
    $PY -c "import sys; sys.stdout.buffer.write(('name,id_number,org\n张\\u$cp三,$A,U1\n').encode())" >"$TMP/c$cp.csv"
    expect_rc 65 "U+$cp in a name is refused on import" ud --db "$DB" import members "$TMP/c$cp.csv"
    contains "$TMP/err" "U+$cp" "…naming the character U+$cp"
    contains "$TMP/err" "姓名" "…and the field (姓名)"
done
$PY -c "import sys; sys.stdout.buffer.write(('code,name,kind,address\nU2,好工会,enterprise_union,北仑\\u2067路\n').encode())" >"$TMP/obidi.csv"
expect_rc 65 "a bidi isolate in an organization's address is refused" ud --db "$DB" import orgs "$TMP/obidi.csv"
contains "$TMP/err" "U+2067" "…naming U+2067"
printf 'code,name,kind,parent\nU5,五号工会,enterprise_union,U0\033[2J\n' >"$TMP/oparent.csv"
expect_rc 65 "an escape in a parent code is refused, not echoed" ud --db "$DB" import orgs "$TMP/oparent.csv"
contains "$TMP/err" "上级组织" "…naming the parent column"
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok "…and no raw ESC in the message"; else ok "…and no raw ESC in the message"; fi
equals "$(members)" 0 "no member stored with a control character"

# row 14: one overlong sequence (C0 80) in a UTF-8 file is not GBK
printf 'name,id_number,org\n\300\200name,%s,U1\n' "$A" >"$TMP/overlong.csv"
expect_rc 65 "an overlong UTF-8 sequence is refused" ud --db "$DB" import members "$TMP/overlong.csv"
contains "$TMP/err" "UTF-8" "…as bad UTF-8"
contains "$TMP/err" "第 2 行" "…on its line (2)"
lacks "$TMP/err" "GBK" "…not read as GBK"
equals "$(sql "$DB" "select count(*) from members where name like '%name'")" 0 "no 纮name imported"
# the same in the middle of a Chinese UTF-8 file
printf 'name,id_number,org\n张三,%s,U1\n李四\300\200,%s,U1\n' "$A" "$A" >"$TMP/overlong2.csv"
expect_rc 65 "one overlong sequence among Chinese text" ud --db "$DB" import members "$TMP/overlong2.csv"
contains "$TMP/err" "第 3 行" "…reported on line 3"

# row 13: one bad byte on line 4001: that line is named, UTF-8 and GBK
$PY - "$TMP" <<'PY'
import sys
d = sys.argv[1]
rows = "".join("张三%d,x,U1\n" % i for i in range(2, 4001))
head = "姓名,身份证号,所属工会\n"
open(d + "/bad4001.csv", "wb").write((head + rows).encode() + "王".encode() + b"\xff" + "五,x,U1\n".encode())
open(d + "/bad4001gbk.csv", "wb").write((head + rows).encode("gbk") + b"\xcd\xf5\xff,x,U1\n")
# quoted fields with line breaks (LF and CRLF) count as lines of the file
q = head + '"两行\n名字",x,U1\r\n"三\r\n行\r\n名字",x,U1\r\n'
open(d + "/badq.csv", "wb").write(q.encode() + b"\xff,x,U1\r\n")
PY
expect_rc 65 "a UTF-8 file with one bad byte on line 4001 is refused" ud --db "$DB" import members "$TMP/bad4001.csv"
contains "$TMP/err" "第 4001 行" "…naming line 4001"
contains "$TMP/err" "UTF-8" "…as bad UTF-8"
lacks "$TMP/err" "附近" "…not 'near' some other line"
expect_rc 65 "a GBK file with one bad byte on line 4001 is refused" ud --db "$DB" import members "$TMP/bad4001gbk.csv"
contains "$TMP/err" "第 4001 行" "…naming line 4001 (GBK)"
expect_rc 65 "the same GBK file with --encoding gbk" ud --db "$DB" import members "$TMP/bad4001gbk.csv" --encoding gbk
contains "$TMP/err" "第 4001 行" "…naming line 4001 (--encoding gbk)"
expect_rc 65 "a bad byte after quoted line breaks" ud --db "$DB" import members "$TMP/badq.csv"
contains "$TMP/err" "第 7 行" "…counts the lines inside quotes (line 7)"
equals "$(members)" 0 "nothing stored from the damaged files"
# GBK as Chinese Excel writes it is still found
printf '姓名,身份证号,所属工会\n王五,%s,U1\n' "$A" | iconv -f UTF-8 -t GBK >"$TMP/gbk.csv"
expect_rc 0 "a real GBK file is still detected" ud --db "$DB" import members "$TMP/gbk.csv" --dry-run
contains "$TMP/out" "GBK" "…and reported as GBK"

# row 15: a credit code with a wrong check character: imported, with a warning
printf 'code,name,kind,parent,credit_code\nU3,三号工会,enterprise_union,U0,91350100M000100Y44\n' >"$TMP/credit.csv"
expect_rc 0 "a credit code with a wrong check character is imported" ud --db "$DB" import orgs "$TMP/credit.csv"
contains "$TMP/err" "第 2 行第 5 列" "…with a warning naming row and column"
contains "$TMP/err" "校验位" "…saying the check character is wrong"
equals "$(sql "$DB" "select credit_code from orgs where code='U3'")" 91350100M000100Y44 "…kept as written"

# a directory given as the CSV file: 66, said clearly
mkdir "$TMP/adir"
expect_rc 66 "a directory as the CSV file exits 66" ud --db "$DB" import members "$TMP/adir"
contains "$TMP/err" "目录" "…saying it is a directory"
