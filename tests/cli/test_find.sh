# uniondesk find (issue 8, section 2): every kind of fragment a clerk
# types finds its row; what is found is exactly what a plain scan of the
# table finds (sqlite3 here, not the program); exact matches come first,
# then prefixes, then the rest; imports are found at once; a rolled-back
# import leaves the search index as the tables say.
. tests/lib.sh
. tests/cli/lib_idnum.sh
DB=$TMP/find.db
cp "$(demo_db)" "$DB"
E() { ud --db "$DB" "$@"; }
ALL=100000

# found KIND TEXT LINE DESC: the CSV output of find holds LINE (a fixed string)
found() {
    E find "$1" "$2" --limit $ALL --format csv >"$TMP/f.csv" 2>"$TMP/f.err"
    contains "$TMP/f.csv" "$3" "$4"
}
# same_members TEXT WHERE DESC: find's members (name,phone) are exactly those of the scan
same_members() {
    E find members "$1" --limit $ALL --format csv | tail -n +2 | cut -d, -f1,3 | sort >"$TMP/got"
    sql "$DB" "select name || ',' || coalesce(phone, '') from members where $2" | sort >"$TMP/want"
    n=$(wc -l <"$TMP/want")
    if [ "$n" -gt 0 ] && cmp -s "$TMP/got" "$TMP/want"; then ok "$3 ($n rows, as a scan finds)"; else
        not_ok "$3 (find and the scan differ: $(wc -l <"$TMP/got") vs $n rows)"
        diff "$TMP/got" "$TMP/want" | head -5 | sed 's/^/#   /'
    fi
}

# ---- members: every kind of fragment ----
row=$(sql "$DB" "select name || '|' || id_number || '|' || phone from members where length(name) = 3 and phone glob '1??????????' order by id limit 1 offset 17")
NAME=${row%%|*}
rest=${row#*|}
IDN=${rest%%|*}
PHONE=${rest#*|}
given=$(sql "$DB" "select substr('$NAME', 2)")
one=$(sql "$DB" "select substr('$NAME', 3, 1)")
tail4=$(echo "$PHONE" | cut -c8-11)
mid3=$(echo "$PHONE" | cut -c5-7)
idtail=$(echo "$IDN" | cut -c15-18)
birth=$(echo "$IDN" | cut -c7-14)
line="$NAME,$(echo "$IDN" | cut -c1-6)********$idtail,$PHONE,"
found members "$given" "$line" "the given name $given finds $NAME"
found members "$one" "$line" "one character, $one, finds $NAME"
found members "$tail4" "$line" "the phone's last four $tail4 find $NAME"
found members "$mid3" "$line" "three digits from the middle of the phone, $mid3, find $NAME"
found members "$idtail" "$line" "the ID number's tail $idtail finds $NAME"
found members "$birth" "$line" "the birth date $birth finds $NAME"
found members "$NAME" "$line" "the whole name finds $NAME"
found members "$PHONE" "$line" "the whole phone finds $NAME"
same_members "$given" "instr(name, '$given') > 0" "given name: every member whose name holds it"
same_members "$one" "instr(name, '$one') > 0" "one character: every member whose name holds it"
same_members "$tail4" "instr(phone, '$tail4') > 0 or instr(id_number, '$tail4') > 0" "4 digits: phone or ID number runs"
same_members "$mid3" "instr(phone, '$mid3') > 0 or id_number glob '$mid3*'" "3 digits: phone runs (and ID number prefixes)"
same_members "$birth" "instr(phone, '$birth') > 0 or instr(id_number, '$birth') > 0" "a birth date: ID number runs"
lacks "$TMP/f.csv" "$IDN" "ID numbers are masked"

# ---- exact, then prefix, then the rest; an import is found at once ----
ORG=$(sql "$DB" "select code from orgs where kind = 'enterprise_union' order by id limit 1")
printf 'name,id_number,org,phone\n森鑫淼,%s,%s,19912340001\n鑫淼,%s,%s,19912340002\n鑫淼森,%s,%s,19912340003\n' \
    "$(idnum 19450101 901)" "$ORG" "$(idnum 19450101 902)" "$ORG" "$(idnum 19450101 903)" "$ORG" >"$TMP/new.csv"
expect_rc 0 "three members imported" E import members "$TMP/new.csv"
E find members 鑫淼 --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ' >"$TMP/order"
equals "$(cat "$TMP/order")" "鑫淼 鑫淼森 森鑫淼 " "鑫淼: the exact name, then the one starting with it, then the one holding it"
E find members 1234000 --format csv | tail -n +2 | cut -d, -f3 | tr '\n' ' ' >"$TMP/order"
equals "$(cat "$TMP/order")" "19912340001 19912340002 19912340003 " "a run of the new phones finds all three at once"
E find members 19912340002 --format csv | tail -n +2 | cut -d, -f1 | head -1 >"$TMP/order"
equals "$(cat "$TMP/order")" "鑫淼" "a whole phone: its owner first"

# ---- a rolled-back import leaves nothing in the index ----
printf 'name,id_number,org\n淼森森,%s,%s\n坏行,123,%s\n' "$(idnum 19450101 904)" "$ORG" "$ORG" >"$TMP/bad.csv"
expect_rc 65 "an import with a bad row writes nothing" E import members "$TMP/bad.csv"
expect_rc 0 "find after it" E find members 淼森森 --format csv
equals "$(tail -n +2 "$TMP/out" | wc -l)" 0 "the good row of the rolled-back file is not found"
grams="select substr(name, n, 1), id from members join search_pos on n <= length(name)
       union select substr(name, n, 2), id from members join search_pos on n < length(name)"
subs="select 'p' || substr(phone, n, 8), id, n from members join search_pos on n between 2 and length(phone) - 2
      union all select 'i' || substr(id_number, n, 8), id, 100 + n from members join search_pos on n between 2 and 15"
cgrams="select substr(applicant_name, n, 1), id from cases join search_pos on n <= length(applicant_name)
        union select substr(applicant_name, n, 2), id from cases join search_pos on n < length(applicant_name)
        union select substr(employer_name, n, 1), id from cases join search_pos on n <= length(employer_name)
        union select substr(employer_name, n, 2), id from cases join search_pos on n < length(employer_name)"
# index_exact WHEN: every search index is what the tables say, recomputed here
index_exact() {
    equals "$(sql "$DB" "select count(*) from (select * from member_grams except select * from ($grams))")" 0 \
        "$1: member_grams holds nothing the members do not"
    equals "$(sql "$DB" "select count(*) from (select * from ($grams) except select * from member_grams)")" 0 \
        "$1: member_grams holds every piece of every name"
    equals "$(sql "$DB" "select (select count(*) from member_subs) - (select count(*) from ($subs))")" 0 \
        "$1: member_subs: one row per digit position"
    equals "$(sql "$DB" "select count(*) from (select * from ($subs) except select * from member_subs)")" 0 \
        "$1: member_subs holds every run of every phone and ID number"
    equals "$(sql "$DB" "select count(*) from (select * from case_grams except select * from ($cgrams))
                         union all select count(*) from (select * from ($cgrams) except select * from case_grams)" | tr '\n' ' ')" \
        "0 0 " "$1: case_grams is every piece of every applicant and employer, and nothing else"
    # rank 1: also against the cases table (a case left out fails it)
    check "$1: cases_fts agrees with the cases table" sql "$DB" \
        "insert into cases_fts(cases_fts, rank) values ('integrity-check', 1)"
}
index_exact "after a rolled-back import"

# ---- bulk imports index their rows before COMMIT (search_bulk.c) ----
# --skip-bad: the bad rows (a bad field; a duplicate ID number, refused by
# the insert itself) are not indexed, the good ones are, at once
D1=$(idnum 19450101 911)
printf 'name,id_number,org,phone
垚鑫一,%s,%s,19977770001
垚坏,12345,%s,19977770002
垚鑫二,%s,%s,19977770003
垚重,%s,%s,19977770004
' \
    "$D1" "$ORG" "$ORG" "$(idnum 19450101 912)" "$ORG" "$D1" "$ORG" >"$TMP/skip.csv"
expect_rc 0 "--skip-bad imports the good rows" E import members "$TMP/skip.csv" --skip-bad
equals "$(E find members 9777700 --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "垚鑫一 垚鑫二 " \
    "a run of the phones finds the two good rows only"
equals "$(E find members 垚 --format csv | tail -n +2 | wc -l)" 2 "one character of their names finds them"
index_exact "after --skip-bad"
printf 'name,id_number,org,phone
垚试,%s,%s,19966660001
' "$(idnum 19450101 913)" "$ORG" >"$TMP/dry.csv"
expect_rc 0 "--dry-run" E import members "$TMP/dry.csv" --dry-run
equals "$(E find members 9666600 --format csv | tail -n +2 | wc -l)" 0 "a dry run's row is not found"
index_exact "after --dry-run"
FED=$(sql "$DB" "select code from orgs where kind = 'district_federation' order by id limit 1")
printf 'mediation_org,received_on,dispute_type,status,applicant_name,employer_name
%s,2026-11-20,wages,received,垚申请,淼垚精密机械
%s,2026-11-20,wages,succeeded,坏,淼垚坏
%s,2026-11-21,wages,received,申垚,鑫垚物流
' \
    "$FED" "$FED" "$FED" >"$TMP/cases_skip.csv"
expect_rc 0 "cases --skip-bad" E import cases "$TMP/cases_skip.csv" --skip-bad
equals "$(E find cases 淼垚精密 --format csv | tail -n +2 | wc -l)" 1 "a new case is found by its employer (3+ characters)"
equals "$(E find cases 垚 --format csv | tail -n +2 | wc -l)" 2 "and by one character; the bad row is not"
index_exact "after cases --skip-bad"

# a bulk load larger than one slice of the sorted fill (20,000 ids): every
# slice indexed, none twice, the last row found
"$PY" - "$ORG" >"$TMP/many.csv" <<'PYEOF'
import sys
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print("name,id_number,org,phone")
for i in range(45000):
    s = "110101%04d%02d%02d%03d" % (1950 + i // 9000, 1 + i // 750 % 12, 1 + i // 27 % 28, i % 27 * 37 % 1000)
    print("淼%s,%s,%s,1995%07d" % ("一二三四五六七八九十"[i % 10], s + "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11],
                                  sys.argv[1], i))
PYEOF
expect_rc 0 "an import of 45,000 members" E import members "$TMP/many.csv"
equals "$(sql "$DB" "select count(*) from members where name like '淼%'")" 45000 "…all imported"
equals "$(E find members 19950044999 --format csv | tail -n +2 | cut -d, -f1)" "淼十" "the last row is found by its phone"
equals "$(E find members 19950020000 --format csv | tail -n +2 | wc -l)" 1 "a row of the second slice is found once"
index_exact "after an import over several slices"

# as a Chinese input method types: full-width digits and spaces inside
equals "$(E find members "$(printf '%s' 19950044999 | "$PY" -c 'import sys; print("".join(chr(ord(c) + 0xFEE0) for c in sys.stdin.read()), end="")')" --format csv | tail -n +2 | cut -d, -f1)" \
    "淼十" "full-width digits find what the ASCII ones find"
equals "$(E find members "淼 十" --format csv | tail -n +2 | wc -l)" "$(E find members "淼十" --format csv | tail -n +2 | wc -l)" \
    "a space inside the name is dropped"
expect_rc 64 "text of spaces only is empty" E find members "　 "

# ---- cases ----
crow=$(sql "$DB" "select case_no || '|' || applicant_name || '|' || employer_name || '|' || applicant_id_number from cases
                   where length(employer_name) >= 8 and applicant_id_number is not null and length(applicant_name) >= 2
                   order by id limit 1 offset 11")
CNO=${crow%%|*}
rest=${crow#*|}
APP=${rest%%|*}
rest=${rest#*|}
EMP=${rest%%|*}
CID=${rest#*|}
digits=${CNO##*-}
kw=$(sql "$DB" "select substr('$EMP', 3, 2)")
found cases "$digits" "$CNO," "the case number's digits $digits find $CNO"
found cases "$kw" "$CNO," "the employer keyword $kw finds $CNO ($EMP)"
found cases "$APP" "$CNO," "the applicant $APP finds $CNO"
found cases "$(sql "$DB" "select substr('$APP', 2)")" "$CNO," "part of the applicant's name finds $CNO"
found cases "$(echo "$CID" | cut -c7-14)" "$CNO," "the applicant's birth date finds $CNO"
found cases "$CNO" "$CNO," "the whole case number finds it"
E find cases "$CNO" --format csv | sed -n 2p | cut -d, -f1 >"$TMP/first"
equals "$(cat "$TMP/first")" "$CNO" "…first"
E find cases "$kw" --limit $ALL --format csv | tail -n +2 | cut -d, -f1 | sort >"$TMP/got"
sql "$DB" "select case_no from cases where instr(employer_name, '$kw') or instr(applicant_name, '$kw')" | sort >"$TMP/want"
if cmp -s "$TMP/got" "$TMP/want"; then ok "$kw: every case whose applicant or employer holds it ($(wc -l <"$TMP/want"))"; else
    not_ok "$kw: find and the scan differ ($(wc -l <"$TMP/got") vs $(wc -l <"$TMP/want"))"; fi

# ---- organizations ----
orow=$(sql "$DB" "select code || '|' || name from orgs where kind = 'enterprise_union' order by id limit 1 offset 3")
OCODE=${orow%%|*}
ONAME=${orow#*|}
found orgs "$(sql "$DB" "select substr('$ONAME', 3, 3)")" "$OCODE," "part of the name finds $ONAME"
found orgs "$(echo "$OCODE" | cut -d- -f2-)" "$OCODE," "part of the code finds $OCODE"
found orgs "$(echo "$OCODE" | cut -d- -f2- | tr 'A-Z' 'a-z')" "$OCODE," "…in lower case too"

# ---- formats, usage ----
expect_rc 0 "JSON output" E find members "$given" --format json
if $PY -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and all("name" in r and "id_number" in r for r in d)' "$TMP/out"; then
    ok "…is a JSON array of rows"; else not_ok "…is a JSON array of rows"; fi
expect_rc 0 "text output" E find members "$one" --limit 3
contains "$TMP/out" "显示 3 条" "…says how many it shows"
expect_rc 0 "find --help" E find --help
contains "$TMP/out" "--limit" "…describes --limit"
expect_rc 64 "an unknown kind is a usage error" E find people 张
expect_rc 64 "no text is a usage error" E find members
expect_rc 64 "a bad --limit is a usage error" E find members 张 --limit 0
expect_rc 64 "a bad --format is a usage error" E find members 张 --format xml
expect_rc 66 "a missing database" ud --db "$TMP/none.db" find members 张
echo "1..$TESTS_N"
