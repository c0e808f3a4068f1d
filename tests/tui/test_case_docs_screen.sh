# `p` on a case (issue 9): the documents its status allows, then print or
# save; saved as PDF in the export folder under the case number and the
# document's name, read back; the key is in the key bar and the help.
. tests/lib.sh
. tests/tui/lib_tmux.sh
export UNIONDESK_TODAY=2026-11-26
command -v pdftotext >/dev/null || { skip "pdftotext is not installed (poppler-utils)"; echo "1..$TESTS_N"; exit 0; }
DB=$TMP/s.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
printf 'code,name,kind,parent\nBL,北仑区总工会,district_federation,\n' >"$TMP/orgs.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
cat >"$TMP/cases.csv" <<'CSV'
case_no,mediation_org,received_on,dispute_type,status,filed_on,applicant_name,employer_name,mediator
TJ-2026-00046,BL,2026-11-20,wages,mediating,2026-11-21,孙七,宁波甬江机械有限公司,周调解
CSV
ud --db "$DB" --user clerk1 import cases "$TMP/cases.csv" >/dev/null 2>&1
mkdir -p "$TMP/exp"
tm new-session -d -s c -x 100 -y 30 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color \
    -e UNIONDESK_TODAY=2026-11-26 -e UNIONDESK_EXPORT_DIR="$TMP/exp" "$UD_BIN" --db "$DB" --user clerk1
tm set-option -t c remain-on-exit on >/dev/null
tm_wait c "王办事"
tm_keys c 3
tm_wait c "调解案件  共"
tm_keys c /
tm_type c TJ-2026-00046
tm_wait c "TJ-2026-00046"
tm_keys c Enter Enter
expect_screen c "案件 TJ-2026-00046" "the case's detail"
expect_screen c "p 文书" "the key bar shows p"
tm_keys c "?"
expect_screen c "p  文书" "the help lists it"
tm_keys c Escape
tm_wait c "p 文书"
tm_keys c p
expect_screen c "案件 TJ-2026-00046（调解中）的文书" "p offers the documents"
if tm_screen c | grep -qF "调解协议书"; then not_ok "…not the agreement of a mediating case"; else ok "…not the agreement of a mediating case"; fi
expect_screen c "受理通知书" "…the acceptance among them"
tm_keys c Down Enter
expect_screen c "受理通知书：打印还是保存？" "choosing it asks print or save"
tm_keys c Down Enter
F="$TMP/exp/TJ-2026-00046-受理通知书.pdf"
expect_screen c "TJ-2026-00046-受理通知书.pdf" "the save-as form offers the export folder and the document's name"
tm_keys c F2
expect_screen c "已保存" "it is saved"
if [ -f "$F" ]; then ok "the PDF exists"; else not_ok "the PDF exists"; ls -l "$TMP/exp" | diag /dev/stdin; fi
T=$(pdftotext -layout "$F" - 2>/dev/null | tr -d ' \n')
case $T in *受理通知书*TJ-2026-00046*孙七*2026年11月21日*2026年12月6日*北仑区总工会*) ok "…and reads back: the notice, case, applicant, dates, body" ;;
*) not_ok "…reads back"; echo "# $T" ;; esac
equals "$(stat -c %a "$F")" 600 "…mode 0600"
equals "$(sql "$DB" "select count(*) from audit_log where action='print' and json_extract(after_json,'\$.detail') like 'case TJ-2026-00046 acceptance -> %受理通知书.pdf'")" 1 "…recorded in the audit log"
# the list too: p acts on the selected case
tm_keys c Escape
tm_wait c "调解案件  共"
tm_keys c p
expect_screen c "案件 TJ-2026-00046（调解中）的文书" "p in the list acts on the selected case"
tm_keys c Escape q

# printing: the printer chooser (lpstat and lp are stand-ins that keep what
# they are given), then the PDF goes to lp; PATH through env (tmux's
# shell may set its own)
mkdir -p "$TMP/bin"
printf '#!/bin/sh\ncase "$1" in\n-e) printf "Office_PDF\\nReception\\n" ;;\n-d) printf "system default destination: Reception\\n" ;;\nesac\n' >"$TMP/bin/lpstat"
printf '#!/bin/sh\necho "$@" >"%s/lp.args"\ncat >"%s/lp.pdf"\n' "$TMP" "$TMP" >"$TMP/bin/lp"
chmod +x "$TMP/bin/lpstat" "$TMP/bin/lp"
tm new-session -d -s r -x 100 -y 30 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color \
    -e UNIONDESK_TODAY=2026-11-26 env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" --user clerk1
tm set-option -t r remain-on-exit on >/dev/null
tm_wait r "王办事"
tm_keys r 3
tm_wait r "调解案件  共"
tm_keys r p
expect_screen r "劳动争议调解申请登记表" "p in the list: the application first"
tm_keys r Enter
tm_wait r "打印还是保存"
tm_keys r Enter
expect_screen r "Office_PDF" "printing asks which printer"
tm_keys r Up Up Enter
expect_screen r "已送往打印机 Office_PDF" "…and says where it went"
contains "$TMP/lp.args" "-d Office_PDF" "lp is given the printer chosen"
T=$(pdftotext -layout "$TMP/lp.pdf" - 2>/dev/null | tr -d ' \n')
case $T in *劳动争议调解申请登记表*TJ-2026-00046*孙七*接待人王办事*) ok "…and the application as PDF" ;; *) not_ok "…and the application as PDF"; echo "# $T" ;; esac
equals "$(sql "$DB" "select count(*) from audit_log where action='print' and json_extract(after_json,'\$.detail') = 'case TJ-2026-00046 application -> printer Office_PDF'")" 1 "…recorded in the audit log"
tm_keys r q

# lp failing at 80x24: its reason and what to do are longer than the
# status line; all of it is on the screen, nothing cut off with ~
printf '#!/bin/sh\ncat >/dev/null\necho "lp: Error - The printer or class is not accepting jobs, reason unknown." >&2\nexit 1\n' >"$TMP/bin/lp"
tm new-session -d -s f -x 80 -y 24 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color \
    -e UNIONDESK_TODAY=2026-11-26 env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" --user clerk1
tm set-option -t f remain-on-exit on >/dev/null
tm_wait f "王办事"
tm_keys f 3
tm_wait f "调解案件  共"
tm_keys f p
tm_wait f "劳动争议调解申请登记表"
tm_keys f Enter
tm_wait f "打印还是保存"
tm_keys f Enter
tm_wait f "Office_PDF"
tm_keys f Enter
expect_screen f "打印失败" "80x24, lp failing: the screen says so"
flat_screen=$(tm_screen f | tr -d ' \n')
case $flat_screen in *"reasonunknown."*"保存后再打印"*) ok "…with lp's whole reason and the whole advice, at 80 columns" ;;
*) not_ok "…with lp's whole reason and the whole advice, at 80 columns"; tm_screen f | sed 's/^/#   /' ;; esac
tm_keys f Down
tm_wait f "调解案件  共"
if tm_screen f | grep -qF "打印失败"; then not_ok "…gone at the next key"; else ok "…gone at the next key, the list whole again"; fi
tm_keys f q
echo "1..$TESTS_N"
