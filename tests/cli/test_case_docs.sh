# The mediation documents (issue 9): `case print CASE_NO --doc DOC` for a
# case in every state; each document that applies is written as PDF and
# read back (pdftotext: parties, case number, amounts in figures and
# capitals, dates, the body; pdffonts: Noto Serif CJK embedded; pdfinfo:
# A4 portrait); one that does not apply is refused (65) and leaves no
# file; ID numbers whole for an officer only; every save and print in the
# audit log; -o whole-or-absent, 0600, .pdf only; `case show`.
. tests/lib.sh
export UNIONDESK_TODAY=2026-11-26
for tool in pdftotext pdffonts pdfinfo; do
    command -v $tool >/dev/null || { skip "$tool is not installed (poppler-utils)"; exit 0; }
done
DB=$TMP/d.db
ud --db "$DB" init >/dev/null
ud --db "$DB" user add clerk1 --role clerk --name 王办事 >/dev/null
ud --db "$DB" user add officer1 --role officer --name 李主管 >/dev/null
printf 'code,name,kind,parent,phone,address\nBL,北仑区总工会,district_federation,,0574-86781234,宁波市北仑区明州路1号\n' >"$TMP/orgs.csv"
ud --db "$DB" import orgs "$TMP/orgs.csv" >/dev/null 2>&1
ID=11010519491231002X
cat >"$TMP/cases.csv" <<CSV
case_no,mediation_org,received_on,dispute_type,status,filed_on,closed_on,applicant_name,applicant_id_number,applicant_phone,employer_name,employer_credit_code,claim_amount,agreed_amount,mediator,outcome,workers_count,respondent_rep,claims,facts,agreement_terms,payment_due_on
TJ-2026-00041,BL,2026-10-08,wages,received,,,赵一,$ID,13812345678,宁波旭越电器有限公司,91350100M000100Y43,20000,,周调解,,1,陈经理,支付拖欠工资二万元,公司拖欠八月至九月工资。,,
TJ-2026-00042,BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,张三,$ID,13812345678,宁波旭越电器有限公司,91350100M000100Y43,20000,12345.67,周调解,双方达成协议,1,陈经理,支付拖欠工资二万元,公司拖欠八月至九月工资。,一、被申请人支付申请人八月至九月工资。,2026-10-31
TJ-2026-00043,BL,2026-10-08,overtime,not_accepted,,2026-10-10,李四,,13900001111,宁波甬江机械有限公司,,5000,,周调解,不属于劳动争议调解范围,1,,,,,
TJ-2026-00044,BL,2026-10-08,termination,failed,2026-10-09,2026-10-25,王五,,,宁波甬江机械有限公司,,8000,,周调解,双方分歧较大,12,,,,,
TJ-2026-00045,BL,2026-10-08,wages,withdrawn,2026-10-09,2026-10-12,钱六,,,宁波甬江机械有限公司,,8000,,周调解,申请人撤回申请,1,,,,,
TJ-2026-00046,BL,2026-11-20,wages,mediating,2026-11-21,,孙七,,,宁波甬江机械有限公司,,8000,,周调解,,1,,,,,
TJ-2026-00047,BL,2026-11-02,compensation,filed,2026-11-03,,吴八,,,宁波甬江机械有限公司,,10000,,周调解,,1,,,,,
TJ-2026-00048,BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,郑九,,,宁波甬江机械有限公司,,100000,100000.01,周调解,,1,,,,,
CSV
expect_rc 0 "the cases are imported (a clerk registers them)" ud --db "$DB" --user clerk1 import cases "$TMP/cases.csv"

# status of each case, and the documents that apply to it
STATES="41:received 42:succeeded 43:not_accepted 44:failed 45:withdrawn 46:mediating 47:filed 48:succeeded"
applies() { # DOC STATUS
    case $1 in
    application | record) return 0 ;;
    acceptance) case $2 in filed | mediating | succeeded | failed | withdrawn) return 0 ;; esac ;;
    rejection) [ "$2" = not_accepted ] && return 0 ;;
    agreement) [ "$2" = succeeded ] && return 0 ;;
    termination) case $2 in failed | withdrawn) return 0 ;; esac ;;
    esac
    return 1
}
# flat FILE.pdf: the text with spaces and line ends removed (a paragraph
# wraps anywhere, and pdftotext -layout pads with spaces)
flat() { pdftotext -layout "$1" - | tr -d ' \n'; }
# flatf FILE.pdf: the same into FILE.pdf.txt, for contains
flatf() { flat "$1" >"$1.txt"; }

made=0 refused=0 bad=0
for st in $STATES; do
    n=${st%%:*} status=${st#*:}
    for doc in application acceptance rejection agreement termination record; do
        f=$TMP/$n-$doc.pdf
        if applies $doc $status; then
            if ! ud --db "$DB" --user clerk1 case print TJ-2026-000$n --doc $doc -o "$f" >"$TMP/out" 2>"$TMP/err"; then
                bad=$((bad + 1)); echo "# $n $doc failed: $(cat "$TMP/err")"; continue
            fi
            made=$((made + 1))
            t=$(flat "$f")
            case $t in *TJ-2026-000$n*) ;; *) bad=$((bad + 1)); echo "# $n $doc: no case number" ;; esac
            case $t in *北仑区总工会*) ;; *) bad=$((bad + 1)); echo "# $n $doc: no body" ;; esac
            name=$(sed -n "s/^TJ-2026-000$n,BL,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\([^,]*\),.*/\1/p" "$TMP/cases.csv")
            case $t in *"$name"*) ;; *) bad=$((bad + 1)); echo "# $n $doc: no applicant $name" ;; esac
            if ! pdffonts "$f" | grep -q 'NotoSerifCJK.*CID Type 0C.*yes yes'; then bad=$((bad + 1)); echo "# $n $doc: font"; fi
            if ! pdfinfo "$f" | grep -q 'Page size: *595.28 x 841.89 pts (A4)'; then bad=$((bad + 1)); echo "# $n $doc: not A4 portrait"; fi
            [ "$(stat -c %a "$f")" = 600 ] || { bad=$((bad + 1)); echo "# $n $doc: mode $(stat -c %a "$f")"; }
        else
            if ud --db "$DB" --user clerk1 case print TJ-2026-000$n --doc $doc -o "$f" >"$TMP/out" 2>"$TMP/err"; then
                bad=$((bad + 1)); echo "# $n $doc was made for a $status case"
            elif [ $? -ne 65 ] || [ -e "$f" ]; then
                bad=$((bad + 1)); echo "# $n $doc: refusal not 65 or a file left"
            else
                refused=$((refused + 1))
            fi
        fi
    done
done
equals "$made" 27 "every document that applies to each state is made (27 of 48, counted by hand)"
equals "$refused" 21 "every one that does not apply is refused with 65, leaving no file"
equals "$bad" 0 "each reads back: case number, body, applicant; Noto Serif CJK embedded; A4 portrait; mode 0600"

# the contents, read back
T42=$(flat "$TMP/42-agreement.pdf")
for want in 劳动争议调解协议书 张三 宁波旭越电器有限公司 91350100M000100Y43 陈经理 '¥12,345.67' \
    人民币壹万贰仟叁佰肆拾伍元陆角柒分 2026年10月31日 一、被申请人支付申请人八月至九月工资 2026年10月20日 \
    一式三份，双方当事人各执一份，调解组织留存一份 对双方当事人具有约束力 申请人（签名） 调解员（签名） 周调解 （印章）; do
    case $T42 in *"$want"*) ok "agreement: $want" ;; *) not_ok "agreement: $want"; pdftotext -layout "$TMP/42-agreement.pdf" - | diag /dev/stdin ;; esac
done
equals "$(pdfinfo "$TMP/42-agreement.pdf" | sed -n 's/^Pages: *//p')" 1 "the agreement fits one page, seal and all"
T48=$(flat "$TMP/48-agreement.pdf")
case $T48 in *'¥100,000.01'*人民币壹拾万元零壹分*) ok "agreement: 100,000.01 as 人民币壹拾万元零壹分" ;; *) not_ok "agreement: 100,000.01 in capitals" ;; esac
T=$(flat "$TMP/46-acceptance.pdf")
case $T in *受理通知书*孙七*2026年11月20日*2026年11月21日决定受理*第十四条*2026年12月6日前*) ok "acceptance: received, filed, the 15-day term and its end (11-21 + 15 = 12-06)" ;;
*) not_ok "acceptance: dates and term"; echo "# $T" ;; esac
T=$(flat "$TMP/43-rejection.pdf")
case $T in *不予受理通知书*李四*不予受理的理由：不属于劳动争议调解范围*时效期间为一年*2026年10月10日*) ok "rejection: the reason, the year to apply for arbitration, dated when closed" ;;
*) not_ok "rejection"; echo "# $T" ;; esac
T=$(flat "$TMP/44-termination.pdf")
case $T in *终止调解通知书*王五*未能达成调解协议*双方分歧较大*时效期间为一年*2026年10月25日*) ok "termination (failed): the reason and arbitration within a year" ;;
*) not_ok "termination (failed)"; echo "# $T" ;; esac
T=$(flat "$TMP/45-termination.pdf")
case $T in *撤回调解申请*申请人撤回申请*) ok "termination (withdrawn) says the application was withdrawn" ;; *) not_ok "termination (withdrawn)"; echo "# $T" ;; esac
T=$(flat "$TMP/41-application.pdf")
for want in 劳动争议调解申请登记表 赵一 性别女 110105********002X 13812345678 陈经理 支付拖欠工资二万元 公司拖欠八月至九月工资 \
    2026年10月8日 接待人王办事 '¥20,000.00' 申请人签名; do
    case $T in *"$want"*) ok "application: $want" ;; *) not_ok "application: $want"; echo "# $T" ;; esac
done
case $T in *$ID*) not_ok "a clerk's application carries the whole ID number" ;; *) ok "a clerk's application carries it masked" ;; esac
T=$(flat "$TMP/42-record.pdf")
case $T in *劳动争议调解案件卷宗*TJ-2026-00042*张三*宁波旭越电器有限公司*2026年10月8日*2026年10月9日*2026年10月20日*调解成功*2036年12月31日*卷内目录*序号*日期*事项*经办人*登记案件*王办事*) ok "record: cover with dates, outcome, kept until 2036-12-31, then the contents" ;;
*) not_ok "record"; echo "# $T" ;; esac
equals "$(pdfinfo "$TMP/42-record.pdf" | sed -n 's/^Pages: *//p')" 2 "record: the contents start a page of their own"

# whole ID numbers: an officer's documents
expect_rc 0 "an officer's agreement" ud --db "$DB" --user officer1 case print TJ-2026-00042 --doc agreement -o "$TMP/o.pdf"
flatf "$TMP/o.pdf"; contains "$TMP/o.pdf.txt" "$ID" "…carries the whole ID number"
case $(flat "$TMP/42-agreement.pdf") in *$ID*) not_ok "…a clerk's does not" ;; *110105********002X*) ok "…a clerk's has it masked" ;; *) not_ok "…a clerk's has it masked" ;; esac

# the audit log: one print entry per output, the whole-ID one said so
equals "$(sql "$DB" "select count(*) from audit_log where action='print' and tbl='cases'")" 28 "every save is in the audit log (27 + 1)"
equals "$(sql "$DB" "select count(*) from audit_log a join cases c on c.id = a.row_id where a.action='print' and c.case_no='TJ-2026-00042' and json_extract(a.after_json,'\$.detail') like 'case TJ-2026-00042 agreement (whole ID) -> %o.pdf' and a.login='officer1'")" 1 \
    "…the officer's names the case, the document, the whole ID and the file"
equals "$(sql "$DB" "select count(*) from audit_log where action='print' and login='clerk1' and json_extract(after_json,'\$.detail') like '%whole ID%'")" 0 "…no clerk's says whole ID"
# a name relative to where the user stood is logged whole, as the exports log theirs
mkdir -p "$TMP/rel"
(cd "$TMP/rel" && "$UD_BIN" --db "$DB" --user officer1 case print TJ-2026-00042 --doc record -o rel.pdf >/dev/null 2>&1)
equals "$(sql "$DB" "select json_extract(after_json,'\$.detail') from audit_log where action='print' order by id desc limit 1")" \
    "case TJ-2026-00042 record -> $(cd "$TMP/rel" && pwd -P)/rel.pdf" "…a relative -o is logged with its whole path"
rm -rf "$TMP/rel"

# Chinese names of documents; English
expect_rc 0 "--doc takes the Chinese name" ud --db "$DB" --user clerk1 case print TJ-2026-00046 --doc 受理通知书 -o "$TMP/zh.pdf"
flatf "$TMP/zh.pdf"; contains "$TMP/zh.pdf.txt" "受理通知书" "…and makes that document"
expect_rc 0 "--lang en" ud --db "$DB" --user clerk1 --lang en case print TJ-2026-00042 --doc agreement -o "$TMP/en.pdf"
T=$(pdftotext -layout "$TMP/en.pdf" - | tr -s ' \n' ' ')
case $T in *"Mediation Agreement"*"translation for reference"*"12,345.67"*) ok "…an English translation, said to be one" ;; *) not_ok "English agreement"; echo "# $T" ;; esac
case $(flat "$TMP/en.pdf") in *人民币壹万贰仟叁佰肆拾伍元陆角柒分*) ok "…the amount in capitals kept" ;; *) not_ok "…the amount in capitals kept" ;; esac

# refusals and their messages
expect_rc 65 "an agreement for a mediating case is refused" ud --db "$DB" --user clerk1 case print TJ-2026-00046 --doc agreement -o "$TMP/x.pdf"
contains "$TMP/err" "调解中" "…naming the case's status"
contains "$TMP/err" "调解成功" "…and the state it needs"
[ ! -e "$TMP/x.pdf" ] && ok "…no file left" || not_ok "…no file left"
expect_rc 65 "in English too" ud --db "$DB" --lang en --user clerk1 case print TJ-2026-00041 --doc acceptance -o "$TMP/x.pdf"
contains "$TMP/err" "case TJ-2026-00041 is received (never filed)" "…says the status"
expect_rc 64 "an unknown document" ud --db "$DB" case print TJ-2026-00042 --doc letter -o "$TMP/x.pdf"
contains "$TMP/err" "application, acceptance, rejection, agreement, termination, record" "…lists the documents"
expect_rc 64 "no --doc" ud --db "$DB" case print TJ-2026-00042 -o "$TMP/x.pdf"
expect_rc 64 "a non-.pdf -o is refused" ud --db "$DB" case print TJ-2026-00042 --doc record -o "$TMP/x.txt"
[ ! -e "$TMP/x.txt" ] && ok "…and writes nothing" || not_ok "…and writes nothing"
expect_rc 65 "an unknown case" ud --db "$DB" case print TJ-2026-09999 --doc record -o "$TMP/x.pdf"
[ ! -e "$TMP/x.pdf" ] && ok "…no file" || not_ok "…no file"
echo keep >"$TMP/keep.pdf"
expect_rc 73 "an existing file is not replaced" ud --db "$DB" case print TJ-2026-00042 --doc record -o "$TMP/keep.pdf"
equals "$(cat "$TMP/keep.pdf")" keep "…it is left as it was"
expect_rc 0 "--force replaces it" ud --db "$DB" case print TJ-2026-00042 --doc record -o "$TMP/keep.pdf" --force
equals "$(head -c 5 "$TMP/keep.pdf")" "%PDF-" "…with the PDF"
expect_rc 73 "a directory that does not exist" ud --db "$DB" case print TJ-2026-00042 --doc record -o "$TMP/no/such/x.pdf"
left=$(ls -A "$TMP" | grep -v -e '\.pdf$' -e '\.pdf\.txt$' -e '\.db' -e '\.csv$' -e '^out$' -e '^err$')
equals "$left" "" "no temporary file is left anywhere"

# standard output: a pipe gets the PDF, a terminal is refused
ud --db "$DB" case print TJ-2026-00042 --doc record | head -c 5 >"$TMP/head"
equals "$(cat "$TMP/head")" "%PDF-" "without -o the PDF goes to a pipe"
equals "$(sql "$DB" "select count(*) from audit_log where action='print' and json_extract(after_json,'\$.detail') like '%-> stdout'")" 1 "…recorded as written to stdout"
script -qec "$UD_BIN --db $DB case print TJ-2026-00042 --doc record; echo rc=\$?" /dev/null >"$TMP/tty" 2>&1
contains "$TMP/tty" "rc=64" "to a terminal it is refused (64)"
contains "$TMP/tty" "-o FILE.pdf" "…saying to use -o or --print"

# printing: lp (a stand-in that keeps what it is given) gets the PDF
mkdir -p "$TMP/bin"
cat >"$TMP/bin/lp" <<EOF
#!/bin/sh
echo "\$@" >"$TMP/lp.args"
cat >"$TMP/lp.pdf"
echo "request id is PDF-1 (1 file(s))"
EOF
chmod +x "$TMP/bin/lp"
expect_rc 0 "--print --printer sends the PDF to lp" env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" --user officer1 case print TJ-2026-00042 --doc agreement --print --printer Office_PDF
contains "$TMP/lp.args" "-d Office_PDF" "…to the printer named"
flatf "$TMP/lp.pdf"; contains "$TMP/lp.pdf.txt" "人民币壹万贰仟叁佰肆拾伍元陆角柒分" "…the agreement itself"
equals "$(sql "$DB" "select count(*) from audit_log where action='print' and json_extract(after_json,'\$.detail') = 'case TJ-2026-00042 agreement (whole ID) -> printer Office_PDF'")" 1 "…recorded in the audit log with the printer"
printf '#!/bin/sh\ncat >/dev/null\necho "lp: No default destination." >&2\nexit 1\n' >"$TMP/bin/lp"
expect_rc 74 "lp failing exits 74" env PATH="$TMP/bin:$PATH" "$UD_BIN" --db "$DB" case print TJ-2026-00042 --doc record --print
contains "$TMP/err" "No default destination" "…with lp's own reason"
expect_rc 64 "--printer without --print" ud --db "$DB" case print TJ-2026-00042 --doc record --printer X -o "$TMP/y.pdf"

# case show
expect_rc 0 "case show" ud --db "$DB" --user clerk1 case show TJ-2026-00042
contains "$TMP/out" "110105********002X" "…the ID number masked"
contains "$TMP/out" "12,345.67" "…the amount"
contains "$TMP/out" "调解协议书 (agreement)" "…the documents its status allows"
contains "$TMP/out" "clerk1" "…the timeline with who"
expect_rc 77 "a clerk's --full-id is refused" ud --db "$DB" --user clerk1 case show TJ-2026-00042 --full-id
expect_rc 0 "an officer's --full-id" ud --db "$DB" --user officer1 case show TJ-2026-00042 --full-id
contains "$TMP/out" "$ID" "…shows the whole number"
equals "$(sql "$DB" "select count(*) from audit_log where action='read' and tbl='cases' and login='officer1'")" 1 "…recorded as a read"
expect_rc 65 "case show of an unknown case" ud --db "$DB" case show TJ-2026-09999
expect_rc 0 "case --help" ud case --help
contains "$TMP/out" "termination" "…lists the documents"
# a long agreement and a long reason run over a page: the last clause goes
# with the signatures, the last words with the seal and date (after the
# counts above: these prints are not among them)
mkdir -p "$TMP/keep"
terms=$(for i in $(seq 1 40); do printf '第%d条：被申请人按月支付申请人拖欠的工资及加班费，并为申请人补缴社会保险费。\\n' "$i"; done)
reason=$(for i in $(seq 1 12); do printf '双方对加班时长、工资基数和解除合同的原因各执一词，经多次调解仍未能达成一致意见。'; done)
cat >"$TMP/keep/long.csv" <<CSV
case_no,mediation_org,received_on,dispute_type,status,filed_on,closed_on,applicant_name,claim_amount,agreed_amount,mediator,outcome,agreement_terms,payment_due_on
TJ-2026-00051,BL,2026-10-08,wages,succeeded,2026-10-09,2026-10-20,冯十,20000,15000,周调解,双方达成协议,"$(printf "$terms")",2026-10-31
TJ-2026-00052,BL,2026-10-08,wages,failed,2026-10-09,2026-10-20,陈十一,20000,,周调解,"${reason}",,
CSV
expect_rc 0 "a case with forty clauses and one with a long reason are imported" ud --db "$DB" --user clerk1 import cases "$TMP/keep/long.csv"
ud --db "$DB" --user clerk1 case print TJ-2026-00051 --doc agreement -o "$TMP/keep/51.pdf" >/dev/null 2>&1
ud --db "$DB" --user clerk1 case print TJ-2026-00052 --doc termination -o "$TMP/keep/52.pdf" >/dev/null 2>&1
python3 - "$TMP/keep/51.pdf" "$TMP/keep/52.pdf" >"$TMP/keep/out" 2>&1 <<'PY'
import subprocess, sys
def pages(f):
    return [p.replace(" ", "") for p in subprocess.run(["pdftotext", "-layout", f, "-"], capture_output=True,
                                                        text=True).stdout.split("\f") if p.strip()]
a, t = pages(sys.argv[1]), pages(sys.argv[2])
print("agreement pages %d, notice pages %d" % (len(a), len(t)))
sig = [p for p in a if "申请人（签名）" in p]
print("AGREEMENT", "ok" if len(a) >= 2 and len(sig) == 1 and "一式三份" in sig[0] else "bad")
seal = [p for p in t if "（盖章）" in p]
print("NOTICE", "ok" if len(seal) == 1 and "特此通知" in seal[0] else "bad")
PY
diag "$TMP/keep/out"
contains "$TMP/keep/out" "AGREEMENT ok" "a two-page agreement: its last clause (一式三份) on the page of the signatures"
contains "$TMP/keep/out" "NOTICE ok" "a long termination notice: 特此通知 on the page of the seal"

# a name with a character no installed font has (𠀀 U+20000: Noto CJK
# lacks CJK Extension B): the PDF has a box there, and the user is told
# which characters to write in by hand; a document without any says nothing
if [ -z "$(fc-list ':charset=20000' 2>/dev/null)" ]; then
    printf 'case_no,mediation_org,received_on,dispute_type,status,applicant_name,employer_name\nTJ-2026-00049,BL,2026-11-20,wages,received,王𠀀,宁波甬江机械有限公司\n' >"$TMP/rare.csv"
    ud --db "$DB" --user clerk1 import cases "$TMP/rare.csv" >/dev/null 2>&1
    expect_rc 0 "a document with a character the fonts lack is still written" ud --db "$DB" --user clerk1 case print TJ-2026-00049 --doc application -o "$TMP/rare.pdf"
    contains "$TMP/err" "𠀀" "…and the user is told which character prints as a box"
    contains "$TMP/err" "U+20000" "…by its code point too"
    contains "$TMP/err" "手写补正" "…and what to do"
    expect_rc 0 "a document without such characters" ud --db "$DB" --user clerk1 case print TJ-2026-00046 --doc application -o "$TMP/plain.pdf"
    if grep -q "注意" "$TMP/err"; then not_ok "…says nothing of boxes"; diag "$TMP/err"; else ok "…says nothing of boxes"; fi
else
    skip "a font here has U+20000: no character prints as a box"
fi
# the credit code is printed whole on one line, never broken with a hyphen
pdftotext -layout "$TMP/41-application.pdf" "$TMP/41-layout.txt"
contains "$TMP/41-layout.txt" "91350100M000100Y43" "the application prints the 18-character credit code on one line"
# a printer name with a terminal escape: refused, and shown visibly, never raw
expect_rc 64 "case print --printer with an escape in the name is refused" ud --db "$DB" --user clerk1 case print TJ-2026-00042 --doc agreement --print --printer "$(printf 'a\033[31mb')"
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok "…and the escape is not sent to the terminal"; else ok "…and the escape is not sent to the terminal"; fi
contains "$TMP/err" "a^[[31mb" "…it is shown made visible"
echo "1..$TESTS_N"
