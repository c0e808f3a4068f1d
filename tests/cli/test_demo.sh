# init --demo: the demo district looks like the seed document's and is
# deterministic for a seed and a date.
. tests/lib.sh
A=$TMP/a.db
B=$TMP/b.db
C=$TMP/c.db
expect_rc 0 "init --demo --scale 0.01" ud --db "$A" init --demo --scale 0.01 --seed 5 --as-of 2026-11-26
contains "$TMP/out" "演示数据" "init reports what it made"
ud --db "$B" init --demo --scale 0.01 --seed 5 --as-of 2026-11-26 >/dev/null 2>&1
ud --db "$C" init --demo --scale 0.01 --seed 6 --as-of 2026-11-26 >/dev/null 2>&1
# the domain data, without the times rows were written at
dump() {
    sqlite3 "$1" "select code, name, kind, parent_id, credit_code, chair, established_on from orgs order by id;
      select name, gender, id_number, phone, org_id, join_date, status, is_migrant from members order by id;
      select case_no, mediation_org_id, received_on, filed_on, closed_on, status, claim_fen, agreed_fen, applicant_name from cases order by id;
      select case_id, kind, from_status, to_status, body from case_events order by id;
      select recipient_id, program, amount_fen, granted_on, status, paid_on from aid_grants order by id;
      select code, title, category, starts_on, capacity from courses order by id;
      select course_id, member_id, attended, completed, score from enrolments order by id;" | md5sum
}
equals "$(dump "$A")" "$(dump "$B")" "the same seed and date give the same database"
if [ "$(dump "$A")" != "$(dump "$C")" ]; then ok "another seed gives another district"; else not_ok "another seed gives another district"; fi

equals "$(sql "$A" "select name from orgs where kind='district_federation'")" "北仑区总工会" "the district federation is 北仑区总工会"
equals "$(sql "$A" "select count(*) from orgs where kind='street_federation'")" 9 "nine street/town federations"
for s in 新碶 大碶 小港 霞浦 柴桥 戚家山 春晓 梅山 白峰; do
    equals "$(sql "$A" "select count(*) from orgs where kind='street_federation' and name like '$s%'")" 1 "street federation $s"
done
equals "$(sql "$A" "select count(*) from orgs where kind in ('community_federation','community_union')")" 15 "fifteen community unions"
equals "$(sql "$A" "select count(*) from orgs where kind='community_federation' and name like '大港%'")" 1 "大港 upgraded to a community federation"
equals "$(sql "$A" "select count(*) from orgs where kind='community_federation'")" 5 "five community federations"
members=$(sql "$A" "select count(*) from members")
[ "$members" -ge 3500 ] && [ "$members" -le 4200 ] && ok "about 3,800 members at scale 0.01 ($members)" || not_ok "about 3,800 members at scale 0.01 ($members)"
beilun=$(sql "$A" "select count(*) * 100 / (select count(*) from members) from members where substr(id_number,1,6)='330206'")
[ "$beilun" -ge 20 ] && [ "$beilun" -le 60 ] && ok "members mostly from Beilun (330206: $beilun%)" || not_ok "members mostly from Beilun (330206: $beilun%)"
migrants=$(sql "$A" "select count(*) from members where is_migrant = 1 and substr(id_number,1,2) = '33'")
equals "$migrants" 0 "no member born in Zhejiang is marked a migrant worker"
# every ID number passes GB 11643, checked here in SQL, not by the program
bad=$(sqlite3 "$A" "with w(i, wt) as (values (1,7),(2,9),(3,10),(4,5),(5,8),(6,4),(7,2),(8,1),(9,6),(10,3),(11,7),(12,9),(13,10),(14,5),(15,8),(16,4),(17,2))
  select count(*) from (select m.id_number, (select sum(substr(m.id_number, i, 1) * wt) from w) % 11 as r from members m)
  where substr('10X98765432', r + 1, 1) <> substr(id_number, 18, 1)")
equals "$bad" 0 "every member's ID number has the right check digit"
equals "$(sql "$A" "select count(*) from members where (cast(substr(id_number,17,1) as integer) % 2 = 1) <> (gender = 'M')")" 0 "gender agrees with every ID number"
# cases: five years, a third at the district, about 88% success among closed filed cases
years=$(sql "$A" "select count(distinct substr(received_on,1,4)) from cases")
[ "$years" -ge 5 ] && ok "cases over five years ($years calendar years)" || not_ok "cases over five years ($years)"
share=$(sql "$A" "select cast(100.0 * sum(o.kind='district_federation') / count(*) as int) from cases c join orgs o on o.id=c.mediation_org_id")
[ "$share" -ge 22 ] && [ "$share" -le 42 ] && ok "about a third of cases at district level ($share%)" || not_ok "about a third of cases at district level ($share%)"
rate=$(sql "$A" "select cast(1000.0 * sum(status='succeeded') / count(*) as int) from cases where filed_on is not null and closed_on is not null")
[ "$rate" -ge 820 ] && [ "$rate" -le 930 ] && ok "success among closed filed cases near 88% (${rate}‰)" || not_ok "success among closed filed cases near 88% (${rate}‰)"
collective=$(sql "$A" "select count(*) from cases where workers_count >= 10")
[ "$collective" -gt 0 ] && ok "some collective cases ($collective)" || not_ok "some collective cases (none)"
equals "$(sql "$A" "select count(*) from cases c where not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'status')")" 0 "every case has a timeline"
equals "$(sql "$A" "select count(*) from cases where received_on > '2026-11-26' or filed_on > '2026-11-26' or closed_on > '2026-11-26'")" 0 "no date after the data date"
equals "$(sql "$A" "select count(*) from (select r.member_id, g.program, substr(g.granted_on,1,4) y, count(*) n from aid_grants g join aid_recipients r on r.id=g.recipient_id where g.status<>'cancelled' group by 1,2,3 having n > 1)")" 0 "no double aid in the demo"
equals "$(sql "$A" "select count(distinct program) from aid_grants")" 5 "grants in five programs"
equals "$(sql "$A" "select count(distinct category) from courses")" 7 "courses in every category"
equals "$(sql "$A" "select count(*) from enrolments where completed = 1 and attended = 0")" 0 "no completion without attendance"
equals "$(sql "$A" "pragma integrity_check")" ok "the demo database is sound"
equals "$(sql "$A" "pragma foreign_key_check")" "" "no broken references"
expect_rc 65 "demo data refuses a database that already has organizations" ud --db "$A" init --demo --scale 0.01
contains "$TMP/err" "空库" "…and says why"
