# The organizations' active-member counts (migration 0008, issue 10): kept
# by triggers and by the bulk loads' end, they equal a count of the members
# table (sqlite3 here, not the program) after a demo, a --skip-bad import
# with bad rows and members of other statuses, and an import rolled back;
# `uniondesk check` compares them and names an organization kept wrong.
. tests/lib.sh
. tests/cli/lib_idnum.sh
DB=$TMP/counts.db
cp "$(demo_db)" "$DB"
E() { ud --db "$DB" "$@"; }
counted="select org_id, count(*) from members where status = 'active' group by org_id"
kept="select org_id, active from org_member_counts where active <> 0"
# same WHEN: the kept counts are the counted ones, row for row
same() {
    equals "$(sql "$DB" "select count(*) from (select * from ($kept) except select * from ($counted))
                         union all select count(*) from (select * from ($counted) except select * from ($kept))" | tr '\n' ' ')" \
        "0 0 " "$1: org_member_counts equals the count of active members"
}
same "after the demo"
equals "$(sql "$DB" "select count(*) from org_member_counts")" "$(sql "$DB" "select count(distinct org_id) from members where status = 'active'")" \
    "…a row for every organization with active members"
expect_rc 0 "check on the demo" E check
contains "$TMP/out" "org_member_counts" "check reports the member counts"

ORG=$(sql "$DB" "select code from orgs where kind = 'enterprise_union' and status = 'active' order by id limit 1")
ORG2=$(sql "$DB" "select code from orgs where kind = 'enterprise_union' and status = 'active' order by id limit 1 offset 5")
D1=$(idnum 19460101 921)
before=$(sql "$DB" "select ifnull(sum(active), 0) from org_member_counts where org_id = (select id from orgs where code = '$ORG')")
printf 'name,id_number,org,status
壹号,%s,%s,active
坏号,12345,%s,active
贰号,%s,%s,withdrawn
叁号,%s,%s,active
重号,%s,%s,active
肆号,%s,%s,transferred_out
' "$D1" "$ORG" "$ORG" "$(idnum 19460101 922)" "$ORG" "$(idnum 19460101 923)" "$ORG2" "$D1" "$ORG" \
    "$(idnum 19460101 924)" "$ORG" >"$TMP/skip.csv"
expect_rc 0 "--skip-bad imports the good rows" E import members "$TMP/skip.csv" --skip-bad
equals "$(sql "$DB" "select count(*) from members where name in ('壹号', '贰号', '叁号', '肆号')")" 4 "…four of them"
equals "$(sql "$DB" "select active from org_member_counts where org_id = (select id from orgs where code = '$ORG')")" \
    $((before + 1)) "$ORG counts its one new active member, not the withdrawn, transferred or bad ones"
same "after --skip-bad"

printf 'name,id_number,org
伍号,%s,%s
坏号,123,%s
' "$(idnum 19460101 925)" "$ORG" "$ORG" >"$TMP/bad.csv"
expect_rc 65 "an import with a bad row writes nothing" E import members "$TMP/bad.csv"
same "after a rolled-back import"

# one bulk load bigger than a slice of the C fill
"$PY" - "$ORG2" >"$TMP/many.csv" <<'PYEOF'
import sys
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print("name,id_number,org,status")
for i in range(3000):
    s = "330206%04d%02d%02d%03d" % (1960 + i // 900, 1 + i // 75 % 12, 1 + i // 3 % 28, i % 3 * 7 + 500)
    print("陆%d,%s,%s,%s" % (i, s + "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11], sys.argv[1],
                             "withdrawn" if i % 10 == 3 else "active"))
PYEOF
expect_rc 0 "an import of 3,000 members, a tenth withdrawn" E import members "$TMP/many.csv"
same "after a larger import"
expect_rc 0 "check after the imports" E check

sql "$DB" "update org_member_counts set active = active + 2 where org_id = (select id from orgs where code = '$ORG')"
expect_rc 65 "check finds a count kept wrong" E --lang en check
OID=$(sql "$DB" "select id from orgs where code = '$ORG'")
contains "$TMP/out" "org $OID: " "…and names the organization ($OID)"
echo "1..$TESTS_N"
