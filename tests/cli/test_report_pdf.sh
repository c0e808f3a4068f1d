# report --format pdf: every report read back with poppler (pdfinfo: A4
# landscape, pages; pdffonts: Noto Sans CJK embedded and subset;
# pdftotext: the title, period and scope lines, and every figure of the
# tables equal to the JSON of the same report); a long report's pages
# numbered 第 N 页 共 M 页 with the table header repeated; files 0600,
# whole or absent; never to a terminal.
. tests/lib.sh
. tests/cli/lib_report.sh
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null || ! command -v pdffonts >/dev/null; then
    skip "poppler-utils (pdftotext, pdfinfo, pdffonts) not installed"
    echo "1..$TESTS_N"
    exit 0
fi
DB=$(report_db)
umask 022
mkdir -p "$TMP/pdf"

# pdf_report NAME ARGS…: the report as PDF, JSON, CSV and text, checked
pdf_report() {
    name=$1
    shift
    expect_rc 0 "$name: as PDF" ud --db "$DB" "$@" -o "$TMP/pdf/$name.pdf"
    f=$TMP/pdf/$name.pdf
    pdfinfo "$f" >"$TMP/info" 2>&1
    contains "$TMP/info" "Page size:       841.89 x 595.28 pts (A4)" "$name: A4 landscape"
    pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
    check "$name: at least one page ($pages)" test "${pages:-0}" -ge 1
    pdffonts "$f" >"$TMP/fonts" 2>&1
    if grep -Eq 'NotoSansCJK[^ ]* +CID Type 0C +Identity-H +yes +yes ' "$TMP/fonts"; then
        ok "$name: Noto Sans CJK embedded and subset (CID Type 0C)"
    else
        not_ok "$name: Noto Sans CJK embedded and subset"
        diag "$TMP/fonts"
    fi
    equals "$(stat -c %a "$f")" 600 "$name: the file is 0600"
    ud --db "$DB" "$@" --format json >"$TMP/pdf/$name.json" 2>"$TMP/err" || not_ok "$name: JSON"
    ud --db "$DB" "$@" --format csv >"$TMP/pdf/$name.csv" 2>"$TMP/err" || not_ok "$name: CSV"
    ud --db "$DB" "$@" --format text >"$TMP/pdf/$name.txt" 2>"$TMP/err" || not_ok "$name: text"
}

# heading_check NAME: every piece of the text report's heading (title,
# period, scope, dates: the lines before its first blank line, split
# where the text puts two spaces) is in the PDF
heading_check() {
    pycheck - "$TMP/pdf/$1.pdf" "$TMP/pdf/$1.txt" "$1" <<'EOF'
import re, sys
from pdfcheck import pdftext, squeeze
from reportcheck import check
pdf = squeeze(pdftext(sys.argv[1]))
blocks = open(sys.argv[2], encoding="utf-8").read().split("\f")[0].split("\n\n")
# a text cut into pages starts with its page number: not a heading
head = blocks[1] if re.fullmatch(r"\s*(第 \d+ 页 共 \d+ 页|page \d+ of \d+)\s*", blocks[0], re.I) else blocks[0]
parts = [p for l in head.split("\n") for p in re.split(r"\s{2,}", l.strip()) if p]
check(len(parts) >= 3, sys.argv[3] + ": the text heading has a title, a period and a scope", parts)
for p in parts:
    check(squeeze(p) in pdf, sys.argv[3] + ": the PDF says " + p)
EOF
}

# --- disputes: a month, a year, a subtree, a level, in English ---
R="report disputes --as-of 2026-11-05"
pdf_report oct $R --month 2026-10
pdf_report year $R --year 2026
pdf_report xq $R --month 2026-10 --org BL-XQ
pdf_report street $R --month 2026-10 --level street
pdf_report en --lang en $R --month 2026-10
for n in oct year xq street en; do
    heading_check $n
    pycheck - "$TMP/pdf/$n.pdf" "$TMP/pdf/$n.json" "$TMP/pdf/$n.csv" "$n" <<'EOF'
import json, sys
from pdfcheck import pdftext, csv_tables, find_tables, compare, dispute_figs
text = pdftext(sys.argv[1])
d = json.load(open(sys.argv[2]))
tables = csv_tables(open(sys.argv[3], encoding="utf-8").read())
found = find_tables(text, tables)
n = sys.argv[4]
for (cap, labels), key in zip(tables, ("by_level", "by_type", "ytd")):
    compare(found, cap, labels, [dispute_figs(r) for r in d[key]], "%s, %s" % (n, key))
EOF
done
pycheck - "$TMP/pdf/oct.pdf" <<'EOF'
import sys
from pdfcheck import pdftext, pages, squeeze
from reportcheck import check
ps = pages(pdftext(sys.argv[1]))
for i, p in enumerate(ps, 1):
    check(("第%d页共%d页" % (i, len(ps))) in squeeze(p), "oct: page %d says 第 %d 页 共 %d 页" % (i, i, len(ps)))
    check("北仑区总工会劳动争议调解统计月报（2026年10月）" in squeeze(p.split("\n")[0]),
          "oct: page %d has the running head" % i)
EOF
pycheck - "$TMP/pdf/en.pdf" <<'EOF'
import sys
from pdfcheck import pdftext, pages
from reportcheck import check
ps = pages(pdftext(sys.argv[1]))
check(all(("Page %d of %d" % (i, len(ps))) in p for i, p in enumerate(ps, 1)), "en: Page N of M on every page")
check("第" not in "".join(ps), "en: no Chinese page numbers")
EOF

# --- members and training ---
pdf_report members report members
pdf_report training report training --year 2026
heading_check members
heading_check training
pycheck - "$TMP/pdf/members.pdf" "$TMP/pdf/members.json" "$TMP/pdf/members.csv" \
          "$TMP/pdf/training.pdf" "$TMP/pdf/training.json" "$TMP/pdf/training.csv" <<'EOF'
import json, sys
from pdfcheck import pdftext, csv_tables, find_tables, compare, member_figs, training_figs
a = sys.argv[1:]
m = json.load(open(a[1]))
tables = csv_tables(open(a[2], encoding="utf-8").read())
compare(find_tables(pdftext(a[0]), tables), tables[0][0], tables[0][1],
        [member_figs(r) for r in m["rows"]] + [member_figs(m["total"])], "members")
t = json.load(open(a[4]))
tables = csv_tables(open(a[5], encoding="utf-8").read())
compare(find_tables(pdftext(a[3]), tables), tables[0][0], tables[0][1],
        [training_figs(r) for r in t["by_category"]], "training")
EOF

# --- a long report: 70 street federations make the members table run
# over three pages; each page numbered, the header on top of each ---
{
    echo "code,name,kind,parent,units_covered"
    for i in $(seq -w 1 70); do echo "BL-S$i,第${i}街道总工会,street_federation,BL,0"; done
} >"$TMP/orgs70.csv"
cp "$DB" "$TMP/big.db"
expect_rc 0 "70 more street federations imported" ud --db "$TMP/big.db" import orgs "$TMP/orgs70.csv"
DB=$TMP/big.db
pdf_report big report members
pages=$(pdfinfo "$TMP/pdf/big.pdf" | sed -n 's/^Pages: *//p')
check "the long report takes 3 pages or more ($pages)" test "${pages:-0}" -ge 3
pycheck - "$TMP/pdf/big.pdf" "$TMP/pdf/big.json" "$TMP/pdf/big.csv" "$pages" <<'EOF'
import json, sys
from pdfcheck import pdftext, pages, squeeze, csv_tables, find_tables, compare, member_figs, parse_row
from reportcheck import check, eq
text = pdftext(sys.argv[1])
ps = pages(text)
eq(len(ps), int(sys.argv[4]), "pdftotext reads as many pages as pdfinfo counts")
tables = csv_tables(open(sys.argv[3], encoding="utf-8").read())
cap, labels = tables[0]
for i, p in enumerate(ps, 1):
    check(("第%d页共%d页" % (i, len(ps))) in squeeze(p), "page %d says 第 %d 页 共 %d 页" % (i, i, len(ps)))
    lines = p.split("\n")
    rows = [n for n, l in enumerate(lines) if parse_row(l) and squeeze(parse_row(l)[0]) in map(squeeze, labels)]
    head = [n for n, l in enumerate(lines) if "基层" in l and "涵盖" in l]
    check(rows and head and head[0] < rows[0], "page %d: the table's header above its first row" % i,
          (head[:1], rows[:1]))
    if i > 1:
        check(any(squeeze(cap) + "（续）" in squeeze(l) for l in lines), "page %d: the caption says （续）" % i)
m = json.load(open(sys.argv[2]))
found = find_tables(text, tables)
compare(found, cap, labels, [member_figs(r) for r in m["rows"]] + [member_figs(m["total"])], "long members")
pg = {l: h[0][0] for l, h in found[cap].items() if h}
check(pg.get(labels[0]) == 1 and pg.get(labels[-1]) == len(ps), "the rows run from page 1 to the last page",
      (pg.get(labels[0]), pg.get(labels[-1])))
EOF
DB=$(report_db)

# --- the format from the name, the name from the format ---
expect_rc 0 "-o r.pdf without --format writes a PDF" ud --db "$DB" report members -o "$TMP/pdf/named.pdf"
equals "$(head -c 5 "$TMP/pdf/named.pdf")" "%PDF-" "…that starts %PDF-"
expect_rc 64 "--format text -o r.pdf refused" ud --db "$DB" report members --format text -o "$TMP/pdf/t.pdf"
expect_rc 64 "--format pdf -o r.xlsx refused" ud --db "$DB" report members --format pdf -o "$TMP/pdf/t.xlsx"
check "…and neither is written" test ! -e "$TMP/pdf/t.pdf" -a ! -e "$TMP/pdf/t.xlsx"
ud --db "$DB" report members --format pdf 2>"$TMP/err" | head -c 5 >"$TMP/pipe"
equals "$(cat "$TMP/pipe")" "%PDF-" "--format pdf to a pipe writes the PDF"
if command -v script >/dev/null; then
    script -qec "'$UD_BIN' --db '$DB' report members --format pdf; echo rc=\$?" /dev/null >"$TMP/tty" 2>&1
    contains "$TMP/tty" "rc=64" "--format pdf to a terminal refused (64)"
    contains "$TMP/tty" "-o" "…the message says to use -o"
    lacks "$TMP/tty" "%PDF" "…and no PDF reaches the terminal"
else
    skip "no script(1) to give the command a terminal"
fi

# --- without the CJK fonts: refused, not a PDF of empty boxes ---
mkdir -p "$TMP/nofonts"
cat >"$TMP/nofonts/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>$TMP/nofonts</dir><cachedir>$TMP/nofonts/cache</cachedir></fontconfig>
EOF
FONTCONFIG_FILE=$TMP/nofonts/fonts.conf expect_rc 74 "no Noto CJK font: exit 74" ud --db "$DB" report members -o "$TMP/pdf/nofont.pdf"
contains "$TMP/err" "fonts-noto-cjk" "…the message names the package to install"
check "…and leaves no file" test ! -e "$TMP/pdf/nofont.pdf"

# --- an existing file; a full disk ---
before=$(sha256sum <"$TMP/pdf/oct.pdf")
expect_rc 73 "an existing PDF is not replaced without --force" ud --db "$DB" report members -o "$TMP/pdf/oct.pdf"
equals "$(sha256sum <"$TMP/pdf/oct.pdf")" "$before" "…and is left as it was"
expect_rc 0 "…with --force it is" ud --db "$DB" report members -o "$TMP/pdf/oct.pdf" --force
FULL=$TMP/full
if small_tmpfs "$FULL" 64k 1777; then
    expect_rc 74 "a PDF larger than the disk's room exits 74" ud --db "$DB" report disputes --year 2026 -o "$FULL/r.pdf"
    equals "$(ls -A "$FULL" | tr '\n' ' ')" "" "…and leaves no file"
    contains "$TMP/err" "r.pdf" "…the message names the file"
    lacks "$TMP/err" "已写入" "…and claims nothing written"
fi
echo "1..$TESTS_N"
