# Personal data on the command line (issue 7, row 9 and point 5): reports
# and exports carry no whole ID number unless an officer asks --full-id,
# which leaves one 'print' entry in the audit log (what, how many rows,
# which file); a printed report leaves one too.
. tests/lib.sh
. tests/cli/lib_report.sh
DB=$(report_db)
ud --db "$DB" user add clerk1 --role clerk >/dev/null
ud --db "$DB" user add officer1 --role officer >/dev/null
E() { ud --db "$DB" "$@"; }
whole_ids() { grep -cE '[0-9]{17}[0-9X]' "$1"; }
prints() { sql "$DB" "select count(*) from audit_log where action = 'print'"; }

# ---- --full-id: officers, recorded ----
expect_rc 77 "a clerk asking --full-id is refused" E --user clerk1 export aid --full-id -o "$TMP/c.xlsx"
equals "$(prints)" 0 "…and nothing is recorded"
expect_rc 0 "a clerk's roster, masked" E --user clerk1 export aid -o "$TMP/masked.xlsx"
equals "$(prints)" 0 "a masked export is no print of whole numbers: nothing recorded"
(cd "$TMP" && unzip -p masked.xlsx 'xl/worksheets/*.xml') >"$TMP/masked.xml"
equals "$(whole_ids "$TMP/masked.xml")" 0 "the masked roster holds no whole ID number"
expect_rc 0 "an officer's --full-id roster" E --user officer1 export aid --full-id -o "$TMP/full.xlsx"
(cd "$TMP" && unzip -p full.xlsx 'xl/worksheets/*.xml') >"$TMP/full.xml"
[ "$(whole_ids "$TMP/full.xml")" -gt 0 ] && ok "it holds whole ID numbers" || not_ok "it holds whole ID numbers"
equals "$(prints)" 1 "one audit entry for the whole export"
equals "$(sql "$DB" "select login || '/' || os_login || '/' || tbl || '/' || row_id from audit_log where action = 'print'")" \
    "officer1/root/aid_grants/0" "…by officer1 (OS account root), on aid_grants"
detail=$(sql "$DB" "select json_extract(after_json, '$.detail') from audit_log where action = 'print'")
case $detail in *"7 rows"*"$TMP/full.xlsx"*) ok "…saying how many rows and which file ($detail)" ;;
*) not_ok "…saying how many rows and which file (got '$detail')" ;; esac
expect_rc 0 "the admin reads it with uniondesk audit --action print" E audit --action print
contains "$TMP/out" "export aid --full-id" "…the entry is listed"

# ---- reports: no ID numbers; --print recorded ----
for k in "members" "disputes --year 2026" "training --year 2026"; do
    for f in text csv json; do
        # shellcheck disable=SC2086
        E report $k --format $f >"$TMP/r.out" 2>/dev/null
        equals "$(whole_ids "$TMP/r.out")" 0 "report $k --format $f: no whole ID number"
    done
done
mkdir -p "$TMP/bin"
printf '#!/bin/sh\ncat >"%s/printed.txt"\n' "$TMP" >"$TMP/bin/lp"
chmod +x "$TMP/bin/lp"
expect_rc 0 "report members --print (a stand-in lp)" env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" --user clerk1 report members --print
equals "$(prints)" 2 "the print is recorded"
equals "$(sql "$DB" "select login || '/' || os_login || '/' || tbl from audit_log where action = 'print' order by id desc limit 1")" \
    "clerk1/root/members" "…by clerk1 (OS account root), on members"
expect_rc 0 "report disputes --print" env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" report disputes --month 2026-10 --print
equals "$(sql "$DB" "select json_extract(after_json, '$.detail') from audit_log where action = 'print' order by id desc limit 1")" \
    "report disputes 2026-10-01..2026-10-31 -> default printer" "…what was printed: the report, its period, the printer"
# a print that cannot be recorded does not happen
cp "$DB" "$TMP/ro.db"
chmod 444 "$TMP/ro.db"
rm -f "$TMP/printed.txt"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    chmod 755 "$TMP"
    expect_rc 77 "a print that cannot be written to the audit log is refused" \
        setpriv --reuid=nobody --regid=nogroup --clear-groups env PATH="$TMP/bin:$PATH" "$(others_bin)" --db "$TMP/ro.db" report members --print
    [ -e "$TMP/printed.txt" ] && not_ok "…and nothing reached the printer" || ok "…and nothing reached the printer"
else
    skip "not root: cannot try a read-only user's print"
fi

echo "1..$TESTS_N"
