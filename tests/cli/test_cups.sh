# Printing through a real CUPS queue (issue 9): a private cupsd with
# cups-pdf queues (tests/cli/lib_cups.sh). uniondesk printers lists them;
# the monthly report printed with --print --printer comes out of the queue
# as a PDF whose Chinese reads back (pdftotext) in an embedded CJK font
# (pdffonts), and so does each of the six case documents (case print
# --doc … --print); a queue named in Chinese works too; the print is in the audit log; with no default destination
# or an unknown printer, lp's own message reaches the user with what to
# do, exit 74. Not root: one SKIP line.
. tests/lib.sh
. tests/cli/lib_report.sh
. tests/cli/lib_cups.sh

if ! cups_can_run; then
    echo "1..$TESTS_N"
    exit 0
fi
cups_start || { echo "1..$TESTS_N"; exit 1; }
DB=$(report_db)
U() { "$UD_BIN" --db "$DB" "$@"; }
Q=UD_PDF_$$
Q2=UD_Other_$$

# ---- no default destination yet ----
cups_add_queue "$Q2" && ok "a cups-pdf queue is added" || not_ok "a cups-pdf queue is added"
expect_rc 0 "printers lists it" U printers
equals "$(cat "$TMP/out")" "  $Q2" "…not marked: there is no default"
expect_rc 74 "--print with no default destination exits 74" U report disputes --month 2026-10 --print
contains "$TMP/err" "No default destination" "…lp's own message reaches stderr"
contains "$TMP/err" "uniondesk printers" "…with what to do"
contains "$TMP/err" "--printer" "…and how to name a printer"
expect_rc 74 "--printer that CUPS does not know exits 74" U report disputes --month 2026-10 --print --printer NoSuchPrinter
contains "$TMP/err" "The printer or class does not exist." "…lp's own message reaches stderr"
contains "$TMP/err" "uniondesk printers" "…with what to do"

# ---- the queue, the default ----
cups_add_queue "$Q" && lpadmin -d "$Q" && ok "a second queue, made the default" || not_ok "a second queue, made the default"
expect_rc 0 "printers lists both" U printers
contains "$TMP/out" "* $Q（默认）" "…the default marked"
contains "$TMP/out" "  $Q2" "…the other one not"

# ---- the monthly report on paper ----
before=$(sql "$DB" "select count(*) from audit_log where action = 'print'")
expect_rc 0 "report disputes --print --printer $Q" U report disputes --month 2026-10 --as-of 2026-11-05 --print --printer "$Q"
contains "$TMP/err" "报表已送往打印机" "…says it went to the printer"
pdf=
grep -q "报表已送往打印机" "$TMP/err" && pdf=$(cups_wait_pdf)
if [ -n "$pdf" ] && [ -s "$pdf" ]; then ok "cups-pdf wrote the printed PDF"; else not_ok "cups-pdf wrote the printed PDF (none within 60 s)"; diag "$CUPS_DIR/log/error_log"; fi
pdftotext -layout "$pdf" "$TMP/printed.txt" 2>"$TMP/pdftotext.err"
contains "$TMP/printed.txt" "劳动争议调解统计月报" "the printed title reads back in Chinese"
org=$(sql "$DB" "select name from orgs where parent_id is null")
contains "$TMP/printed.txt" "$org" "…the reporting district's name"
contains "$TMP/printed.txt" "2026年10月" "…the month"
# the total row's counts, as the JSON of the same report gives them
U report disputes --month 2026-10 --as-of 2026-11-05 --format json >"$TMP/oct.json"
want=$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
t = [r for r in d["by_level"] if r["level"] == "total"][0]
print(" ".join(str(t[k]) for k in ("carried_over", "closed", "workers_received", "filed", "succeeded", "failed", "withdrawn", "open", "overdue", "collective")))
' "$TMP/oct.json")
got=$(grep "合计" "$TMP/printed.txt" | head -n 1 | tr -s ' ' '\n' | grep -E '^[0-9]+$' | head -n 10 | tr '\n' ' ' | sed 's/ $//')
equals "$got" "$want" "the printed total row's counts equal the JSON's"
# what lp was given, as cupsd spooled it: a PDF with the CJK font embedded
# (cups-pdf distils the page again, under fonts of its own naming)
doc=$(ls -t "$CUPS_DIR"/spool/d*-001 2>/dev/null | head -n 1)
equals "$(head -c 5 "${doc:-/dev/null}")" "%PDF-" "the job cupsd received is a PDF, not text"
pdffonts "${doc:-/dev/null}" >"$TMP/fonts.txt" 2>&1
if grep "CJK" "$TMP/fonts.txt" | grep -q " yes "; then ok "…with an embedded CJK font"; else not_ok "…with an embedded CJK font"; diag "$TMP/fonts.txt"; fi
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
sent=$(pages "${doc:-/dev/null}")
[ -n "$sent" ] && [ "$sent" -ge 1 ] && ok "the job has $sent pages" || not_ok "the job has pages (pdfinfo: '$sent')"
equals "$(pages "$pdf")" "$sent" "…and every page came out"
pdffonts "$pdf" >"$TMP/pfonts.txt" 2>&1
if [ "$(grep -c ' yes ' "$TMP/pfonts.txt")" -gt 0 ] && ! grep -Eq ' no +(no|yes) +(no|yes) +[0-9]' "$TMP/pfonts.txt"; then
    ok "the printed PDF's fonts are all embedded: Chinese, not boxes"
else
    not_ok "the printed PDF's fonts are all embedded: Chinese, not boxes"
    diag "$TMP/pfonts.txt"
fi
if [ -s "$TMP/printed.txt" ] && ! grep -q "□" "$TMP/printed.txt"; then ok "no empty boxes in the text"; else not_ok "no empty boxes in the text"; fi
equals "$(sql "$DB" "select count(*) from audit_log where action = 'print'")" "$((before + 1))" "the print is in the audit log"
equals "$(sql "$DB" "select json_extract(after_json, '$.detail') from audit_log where action = 'print' order by id desc limit 1")" \
    "report disputes 2026-10-01..2026-10-31 -> printer $Q" "…naming the report, its period and the printer"

# ---- the default destination, and the members report ----
expect_rc 0 "report members --print: the default printer" U report members --print
pdf2=
grep -q "报表已送往打印机" "$TMP/err" && pdf2=$(cups_wait_pdf)
[ -n "$pdf2" ] && [ "$pdf2" != "$pdf" ] && ok "…a second PDF came out" || not_ok "…a second PDF came out"
pdftotext -layout "$pdf2" "$TMP/members.txt" 2>/dev/null
contains "$TMP/members.txt" "会员" "…the members report, in Chinese"


# ---- a case document on paper (case print, branch docs) ----
expect_rc 0 "case print FX-D1 --doc agreement --print --printer $Q" U case print FX-D1 --doc agreement --print --printer "$Q"
pdf4=
grep -q "打印" "$TMP/err" && pdf4=$(cups_wait_pdf)
if [ -n "$pdf4" ] && [ -s "$pdf4" ]; then ok "cups-pdf wrote the printed agreement"; else not_ok "cups-pdf wrote the printed agreement (none within 60 s)"; fi
pdftotext -layout "${pdf4:-/dev/null}" "$TMP/agreement.txt" 2>/dev/null
contains "$TMP/agreement.txt" "劳动争议调解协议书" "…its title reads back in Chinese"
contains "$TMP/agreement.txt" "FX-D1" "…numbered with the case number"
contains "$TMP/agreement.txt" "张建国" "…the applicant"
contains "$TMP/agreement.txt" "42,000.00" "…the agreed amount in figures"
contains "$TMP/agreement.txt" "人民币肆万贰仟元" "…and in capitals"
doc=$(ls -t "$CUPS_DIR"/spool/d*-001 2>/dev/null | head -n 1)
pdffonts "${doc:-/dev/null}" >"$TMP/dfonts.txt" 2>&1
if grep "CJK" "$TMP/dfonts.txt" | grep -q " yes "; then ok "…sent as a PDF with its CJK font embedded"; else not_ok "…sent as a PDF with its CJK font embedded"; diag "$TMP/dfonts.txt"; fi
sql "$DB" "select json_extract(after_json, '$.detail') from audit_log where action = 'print' order by id desc limit 1" >"$TMP/adetail.txt"
contains "$TMP/adetail.txt" "FX-D1" "the document's print is in the audit log"
contains "$TMP/adetail.txt" "$Q" "…naming the printer"
# ---- the other five documents, each on a case in a state it applies to ----
for pair in application:received acceptance:filed rejection:not_accepted termination:failed record:succeeded; do
    docname=${pair%%:*} state=${pair#*:}
    no=$(sql "$DB" "select case_no from cases where status = '$state' order by id limit 1")
    case $docname in
    application) title=劳动争议调解申请登记表 ;; acceptance) title=受理通知书 ;; rejection) title=不予受理通知书 ;;
    termination) title=终止调解通知书 ;; record) title=劳动争议调解案件卷宗 ;;
    esac
    expect_rc 0 "case print $no --doc $docname --print --printer $Q" U case print "$no" --doc "$docname" --print --printer "$Q"
    pdfd=
    grep -q "打印" "$TMP/err" && pdfd=$(cups_wait_pdf)
    pdftotext -layout "${pdfd:-/dev/null}" "$TMP/$docname.txt" 2>/dev/null
    tr -d ' ' <"$TMP/$docname.txt" >"$TMP/$docname.flat"
    contains "$TMP/$docname.flat" "$title" "…$title came out of the queue, its title in Chinese"
    contains "$TMP/$docname.flat" "$no" "…numbered $no"
done
expect_rc 74 "case print --printer that CUPS does not know exits 74" U case print FX-D1 --doc agreement --print --printer NoSuchPrinter
contains "$TMP/err" "The printer or class does not exist." "…lp's own message reaches stderr"

# ---- a queue named in Chinese, as an office names it ----
Q3=办公室_$$
cups_add_queue "$Q3" && ok "a queue named $Q3" || not_ok "a queue named $Q3"
expect_rc 0 "printers lists it" U printers
contains "$TMP/out" "  $Q3" "…by its Chinese name"
expect_rc 0 "report training --print --printer $Q3" U report training --year 2026 --print --printer "$Q3"
pdf3=
grep -q "报表已送往打印机" "$TMP/err" && pdf3=$(cups_wait_pdf)
lpstat -W completed -o >"$TMP/done3.txt" 2>&1
# lpstat names the jobs of a queue named in UTF-8 in its URI form
q3uri=$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$Q3")
contains "$TMP/done3.txt" "$q3uri-" "…the job went to $Q3"
pdftotext -layout "${pdf3:-/dev/null}" "$TMP/training.txt" 2>/dev/null
contains "$TMP/training.txt" "培训" "…the training report, in Chinese"

# ---- a printer's instance (lpoptions -p NAME/INSTANCE: saved options,
# such as two pages a sheet), which lpstat -e lists as a destination ----
if lpoptions -p "$Q/twoup" -o number-up=2 >"$TMP/lpoptions.out" 2>&1; then
    expect_rc 0 "printers lists the instance $Q/twoup" U printers
    contains "$TMP/out" "  $Q/twoup" "…as one destination"
    expect_rc 0 "case print --printer $Q/twoup (the name printers gave)" U case print FX-D1 --doc agreement --print --printer "$Q/twoup"
    pdf5=
    grep -q "打印" "$TMP/err" && pdf5=$(cups_wait_pdf)
    if [ -n "$pdf5" ] && [ -s "$pdf5" ]; then ok "…it came out of the queue"; else not_ok "…it came out of the queue"; diag "$TMP/err"; fi
else
    not_ok "lpoptions makes an instance"
    diag "$TMP/lpoptions.out"
fi

echo "1..$TESTS_N"
