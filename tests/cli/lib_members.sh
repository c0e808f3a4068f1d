# members_csv N ORG FILE: a members CSV of N rows (name, id_number, org)
# with distinct valid ID numbers (GB 11643 check character computed here,
# not by the program), names 会员0 … 会员N-1, all of union ORG.
members_csv() {
    awk -v N="$1" -v ORG="$2" 'BEGIN {
        split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
        chk = "10X98765432"
        print "name,id_number,org"
        for (i = 0; i < N; i++) {
            # 1,000 serials a day; 28-day months keep every date valid
            day = int(i / 1000)
            s = sprintf("330206%04d%02d%02d%03d", 1970 + int(day / 336), int((day % 336) / 28) + 1,
                        day % 28 + 1, i % 1000)
            sum = 0
            for (k = 1; k <= 17; k++)
                sum += substr(s, k, 1) * w[k]
            printf "会员%d,%s%s,%s\n", i, s, substr(chk, sum % 11 + 1, 1), ORG
        }
    }' >"$3"
}
# members_orgs FILE: the district and one enterprise union (BL-001) as an orgs CSV
members_orgs() {
    printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\nBL-001,宁波港机械厂工会,enterprise_union,BL\n' >"$1"
}
