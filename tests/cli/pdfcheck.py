"""Reading a report's PDF back for the tests: the text pdftotext -layout
gives, its rows found by their labels, and the figures a row must show
computed from the JSON of the same report (integers only, half up, as
the renderers do). Checks print PASS/FAIL lines (reportcheck.check)."""
import csv
import io
import re
import subprocess

from reportcheck import check, eq

FIG = re.compile(r"^(-|[+-]?\d[\d,]*(\.\d+)?%?)$")


def pdftext(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def pages(text):
    p = text.split("\f")
    return p[:-1] if p and p[-1].strip() == "" else p


def squeeze(s):
    """Without any white space: pdftotext spaces some CJK glyphs apart."""
    return re.sub(r"\s+", "", s)


def parse_row(line):
    """(label, [figures]) of a table row as pdftotext lays it out: the
    figures are the trailing tokens that look like numbers."""
    toks = line.split()
    figs = []
    while toks and FIG.match(toks[-1]):
        figs.insert(0, toks.pop())
    if not toks or not figs:
        return None
    return " ".join(toks), figs


def csv_tables(csv_text):
    """[(caption, [labels])] in order, from the CSV of the same report."""
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    head = rows[0]
    k = head.index("栏目") if "栏目" in head else head.index("table")
    out = []
    for r in rows[1:]:
        if not out or out[-1][0] != r[k]:
            out.append((r[k], []))
        out[-1][1].append(r[k + 1])
    return out


def find_tables(text, tables):
    """{caption: {label: [(page, figures), ...]}}: the rows of each table,
    a table being the lines from its caption (or its continuation) to
    the next caption."""
    caps = [(squeeze(c), c) for c, _ in tables]
    labels = {c: {squeeze(l): l for l in ls} for c, ls in tables}
    found = {c: {} for c, _ in tables}
    for pno, page in enumerate(pages(text), 1):
        cur = None
        for line in page.split("\n"):
            s = squeeze(line)
            for sc, c in caps:
                if s.startswith(sc):
                    cur = c
            if cur is None:
                continue
            r = parse_row(line)
            if r and squeeze(r[0]) in labels[cur]:
                found[cur].setdefault(labels[cur][squeeze(r[0])], []).append((pno, r[1]))
    return found


def count(n):
    return str(n)


def pct(num, den):
    """Tenths of a percent, half up; "-" when den is 0."""
    if den <= 0:
        return "-"
    t = (num * 2000 + den) // (2 * den)
    return "%d.%d%%" % (t // 10, t % 10)


def wan(fen):
    """Fen as 万元 with two decimals, half up (non-negative amounts)."""
    h = (fen + 5000) // 10000
    return "%d.%02d" % (h // 100, h % 100)


def dispute_figs(r):
    return [count(r[k]) for k in ("carried_over", "closed", "workers_received", "filed", "succeeded", "failed",
                                  "withdrawn", "open", "overdue", "collective")] + \
        [pct(r["succeeded"], r["filed"]), wan(r["claim_fen"]), wan(r["agreed_fen"])]


def member_figs(r):
    return [count(r[k]) for k in ("orgs", "units_covered", "members", "active", "migrant")] + \
        [pct(r["migrant"], r["active"]), count(r["new_this_year"])]


def training_figs(r):
    return [count(r[k]) for k in ("courses", "hours", "enrolments", "attended", "completed")] + \
        [pct(r["completed"], r["enrolments"]), count(r["learner_hours"])]


def compare(found, caption, labels, want_rows, what):
    """Every label of the table found exactly once with the figures of
    its JSON row (rows in the same order as the labels)."""
    got = found.get(caption, {})
    ok = True
    for label, want in zip(labels, want_rows):
        hits = got.get(label, [])
        if len(hits) != 1:
            ok = check(False, "%s: row %s found once in the PDF" % (what, label), "found %d times" % len(hits)) and ok
            continue
        ok = eq(hits[0][1][:len(want)], want, "%s: row %s equals the JSON" % (what, label)) and ok
    check(len(labels) == len(want_rows) and len(labels) > 0, "%s: %d rows compared" % (what, len(labels)),
          "labels %d, JSON rows %d" % (len(labels), len(want_rows)))
    return ok
