# The import's error report, byte for byte: a file with every kind of bad
# value (members and cases) gives the same report, the same exit status and
# the same rows as the golden files taken from the binary before the import
# was made faster (issue 10). UD_GOLDEN_WRITE=1 rewrites the golden files
# (with UD_BIN naming the binary they are to come from).
. tests/lib.sh
export UNIONDESK_TODAY=2026-11-26
FX=$UD_ROOT/tests/fixtures/import_golden
GOLD=$UD_ROOT/tests/golden
DB=$TMP/g.db
ud --db "$DB" init >/dev/null 2>&1
expect_rc 0 "the organizations of the fixtures import" ud --db "$DB" import orgs "$FX/orgs.csv"
expect_rc 0 "a member to be duplicated imports" ud --db "$DB" import members "$FX/members_seed.csv"
cp "$DB" "$TMP/base.db"

# run NAME ARGS...: one import on a fresh copy of the base, its exit status,
# output and what it left in the database, with the scratch path made fixed
run() {
    name=$1
    shift
    cp "$TMP/base.db" "$DB"
    ud --db "$DB" "$@" >"$TMP/o" 2>"$TMP/e"
    rc=$?
    echo "== $name: exit $rc"
    echo "-- stdout"
    sed "s#$FX#FX#g" "$TMP/o"
    echo "-- stderr"
    sed "s#$FX#FX#g" "$TMP/e"
    echo "-- members"
    sqlite3 "$DB" "select m.name, m.id_number, m.gender, m.birth_date, o.code, m.ethnicity, m.education,
        m.political_status, m.hukou_type, m.phone, m.join_date, m.status, m.is_migrant, m.job_title, m.card_no
        from members m join orgs o on o.id = m.org_id order by m.id"
    echo "-- cases"
    sqlite3 "$DB" "select c.case_no, o.code, c.received_on, c.dispute_type, c.status, c.filed_on, c.closed_on,
        c.workers_count, c.applicant_name, c.applicant_id_number, c.applicant_phone, c.employer_credit_code,
        c.claim_fen, c.agreed_fen, c.referred_to_arbitration, length(c.outcome)
        from cases c join orgs o on o.id = c.mediation_org_id order by c.id"
    echo "-- audit entries: $(sqlite3 "$DB" "select count(*) from audit_log where action <> 'read'")"
}

for lang in zh en; do
    {
        for skip in "" --skip-bad; do
            run "members_bad $skip" --lang $lang import members $skip "$FX/members_bad.csv"
            run "cases_bad $skip" --lang $lang import cases $skip "$FX/cases_bad.csv"
        done
        run "members_badutf8" --lang $lang import members "$FX/members_badutf8.csv"
        run "members_nocol" --lang $lang import members "$FX/members_nocol.csv"
        run "members_unknowncol" --lang $lang import members "$FX/members_unknowncol.csv"
        run "members_bad --dry-run" --lang $lang import members --dry-run "$FX/members_bad.csv"
        # more rows than one batch of writing (UD_MEMBER_BATCH)
        run "members_batch" --lang $lang import members "$FX/members_batch.csv"
        run "members_batch --skip-bad" --lang $lang import members --skip-bad "$FX/members_batch.csv"
    } >"$TMP/report.$lang"
    if [ "${UD_GOLDEN_WRITE:-}" = 1 ]; then
        cp "$TMP/report.$lang" "$GOLD/import_report.$lang.txt"
    fi
    if cmp -s "$TMP/report.$lang" "$GOLD/import_report.$lang.txt"; then
        ok "the $lang report of every bad value is byte-identical to the golden file"
    else
        not_ok "the $lang report differs from tests/golden/import_report.$lang.txt"
        diff "$GOLD/import_report.$lang.txt" "$TMP/report.$lang" >"$TMP/diff"
        diag "$TMP/diff"
    fi
done

# what the golden files hold must be what the test claims
G=$GOLD/import_report.zh.txt
contains "$G" "== members_bad : exit 65" "all-or-nothing: a bad file exits 65"
contains "$G" "校验位" "the golden report lists a check digit"
contains "$G" "已撤销" "the golden report lists a dissolved union"
contains "$G" "NOPE" "the golden report lists an unknown union code"
contains "$G" "重复" "the golden report lists a duplicate"
equals "$(awk '/^== members_bad : /{f=1} /^-- cases/{f=0} f' "$G" | sed -n '/^-- members/,$p' | grep -c '|')" 1 \
    "all-or-nothing leaves the members as they were (the seed member only)"
equals "$(awk '/^== members_batch --skip-bad/{f=1} /^-- cases/{f=0} f' "$G" | sed -n '/^-- members/,$p' | grep -c '^人')" 143 \
    "--skip-bad imports the 143 good rows of the long file"
equals "$(awk '/^== members_bad --skip-bad/{f=1} /^-- cases/{f=0} f' "$G" | sed -n '/^-- members/,$p' | grep -c '好人\|最后好\|空格')" 3 \
    "--skip-bad imports the good rows"
