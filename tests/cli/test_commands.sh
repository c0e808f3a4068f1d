# The command table (issue 8): every subcommand's entry answers --help; the
# import's column help comes from the field tables, so a column it marks
# required is one the import requires, and the others are not.
. tests/lib.sh
DB=$TMP/c.db
ud --db "$DB" init >/dev/null 2>&1

ud --help >"$TMP/top"
cmds=$(sed -n '/^子命令：/,/^$/p' "$TMP/top" | awk 'NF >= 2 && $1 !~ /：/ {print $1}')
n=0
for c in $cmds; do
    n=$((n + 1))
    expect_rc 0 "uniondesk $c --help" ud "$c" --help
    contains "$TMP/out" "用法：uniondesk [全局选项] $c" "…shows the usage of $c"
done
[ "$n" -ge 10 ] && ok "the help lists $n subcommands" || not_ok "the help lists $n subcommands (expected 10 or more)"

ud import --help >"$TMP/ihelp"
contains "$TMP/ihelp" "applicant_name*" "import --help marks applicant_name required, as the field table does"
for kind in orgs members cases aid courses enrolments; do
    line=$(grep "^  $kind " "$TMP/ihelp")
    [ -n "$line" ] && ok "import --help lists the columns of $kind" || { not_ok "import --help lists $kind"; continue; }
    cols=$(echo "$line" | sed "s/^  $kind *//" | tr -d ' ' | tr ',' '\n')
    req=$(echo "$cols" | grep '\*$' | tr -d '*')
    opt=$(echo "$cols" | grep -v '\*$')
    # the required columns alone make a header the import takes
    printf '%s\n' "$(echo "$req" | paste -sd, -)" >"$TMP/h.csv"
    expect_rc 0 "$kind: a header of the required columns ($(echo "$req" | paste -sd' ' -)) is taken" \
        ud --db "$DB" import "$kind" "$TMP/h.csv" --dry-run
    # each one left out is missed
    for r in $req; do
        printf '%s\n' "$(echo "$req" | grep -vx "$r" | paste -sd, -)" >"$TMP/h.csv"
        expect_rc 65 "$kind: without $r the header is refused" ud --db "$DB" import "$kind" "$TMP/h.csv" --dry-run
        contains "$TMP/err" "缺少必填列“$r”" "…as a missing required column"
    done
    # every optional column is known to the import
    printf '%s\n' "$(echo "$req $opt" | tr ' ' '\n' | grep . | paste -sd, -)" >"$TMP/h.csv"
    expect_rc 0 "$kind: every column the help lists is accepted" ud --db "$DB" import "$kind" "$TMP/h.csv" --dry-run
done

# the report period is read in one place (period.h): the same answers here
# as in the reports tab
expect_rc 64 "a month that has not begun on the data date is refused" \
    env UNIONDESK_TODAY=2026-11-26 "$UD_BIN" --db "$DB" report disputes --month 2026-12
contains "$TMP/err" "数据日期 2026-11-26 早于统计期开始日期 2026-12-01" "…naming the data date and the start"
expect_rc 64 "an --as-of before the year is refused" ud --db "$DB" report disputes --year 2026 --as-of 2025-12-31
contains "$TMP/err" "早于统计期开始日期 2026-01-01" "…naming the start of the year"
expect_rc 64 "--month 2026-13 is no month" ud --db "$DB" report disputes --month 2026-13
contains "$TMP/err" "--month 2026-13" "…naming the option"
expect_rc 64 "--year 2026-10 is no year" ud --db "$DB" report disputes --year 2026-10
contains "$TMP/err" "年份格式应为 YYYY" "…saying what a year looks like"
expect_rc 0 "a month that has begun is counted" \
    env UNIONDESK_TODAY=2026-11-26 "$UD_BIN" --db "$DB" report disputes --month 2026-11 --format json
contains "$TMP/out" '"2026-11-30"' "…to the end of the month"

# global options before or after the subcommand (issue 8: "report … --lang
# en" answered "未知选项 --lang")
D2=$TMP/g.db
ud --db "$D2" init --demo --scale 0.002 >/dev/null 2>&1
expect_rc 0 "--lang en before the subcommand" ud --db "$D2" --lang en report members
cp "$TMP/out" "$TMP/before"
contains "$TMP/before" "Prepared by" "…the report is in English"
expect_rc 0 "--lang en after the subcommand" ud --db "$D2" report members --lang en
lacks "$TMP/err" "未知选项" "…is no longer an unknown option"
cmp -s "$TMP/before" "$TMP/out" && ok "…and gives the same report as before it" || not_ok "the report differs with --lang after the subcommand"
expect_rc 0 "--lang=en after the subcommand, in --help too" ud report --help --lang=en
contains "$TMP/out" "usage: uniondesk [global options] report" "…the help is in English"
expect_rc 64 "a bad month names itself in English with --lang en after" ud report disputes --month 2026-13 --lang en
contains "$TMP/err" "month must be" "…in English"
expect_rc 0 "--db after the subcommand" ud report members --db "$D2" --format json
contains "$TMP/out" '"members"' "…reads that database"
expect_rc 0 "--db= after the subcommand" ud check --db="$D2"
contains "$TMP/out" "$D2" "…checks that database"
ud --db "$D2" user add clerk1 --role clerk >/dev/null 2>&1
expect_rc 77 "--user before the subcommand: a clerk may not add users" ud --db "$D2" --user clerk1 user add x1 --role clerk
expect_rc 77 "--user after the subcommand: the same" ud --db "$D2" user add x2 --role clerk --user clerk1
expect_rc 0 "audit's own --user stays audit's filter" ud --db "$D2" audit --user nobody-here --limit 5
lacks "$TMP/out" "clerk1" "…so it lists no one else's entries"
expect_rc 64 "--lang without a value after the subcommand" ud --db "$D2" report members --lang
contains "$TMP/err" "选项 --lang 需要一个值" "…says it needs a value"
expect_rc 64 "--lang fr after the subcommand" ud --db "$D2" report members --lang fr
contains "$TMP/err" "--lang zh|en" "…says which languages there are"
ud report --help >"$TMP/h"
contains "$TMP/h" "放在子命令之前或之后" "the help says where global options go"
# an option's value is never a global option, short options too: -o --db
# names the output file (the first cut took "--db --force" as the database)
rm -f "$TMP/--db"
expect_rc 0 "-o --db: a file named --db, not the global option" env -C "$TMP" "$UD_BIN" --db "$D2" report members --format csv -o --db --force
[ -s "$TMP/--db" ] && ok "…written to ./--db" || not_ok "no file ./--db was written"
# "--" ends the options: what follows is an argument, even --lang
rm -f "$TMP/--lang"
expect_rc 0 "backup -- --lang: a backup file named --lang" env -C "$TMP" "$UD_BIN" --db "$D2" backup -- --lang
[ -s "$TMP/--lang" ] && ok "…written to ./--lang" || not_ok "no backup named ./--lang"
lacks "$TMP/err" "--lang zh|en" "…not read as the global option"
# an empty --db (a script's unset variable: --db "$DB") is no database: it
# used to fall back to $UNIONDESK_DB, the office's database or db/uniondesk.db
expect_rc 64 "--db \"\" before the subcommand is refused" env UNIONDESK_DB="$D2" "$UD_BIN" --db "" check
contains "$TMP/err" "--db" "…naming the option"
lacks "$TMP/out" "$D2" "…and checks nothing"
expect_rc 64 "--db= after the subcommand is refused" env UNIONDESK_DB="$D2" "$UD_BIN" check --db=
expect_rc 64 "--user \"\" is refused" ud --db "$D2" --user "" check

echo "1..$TESTS_N"
