"""Helpers for the report tests: each check prints one line, PASS or FAIL
and a description, which tests/cli/lib_report.sh turns into TAP."""
import unicodedata


def width(s):
    """Display width as a terminal shows it: East Asian Wide and Fullwidth
    characters take two columns, combining marks none."""
    w = 0
    for c in s:
        if unicodedata.combining(c):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def check(cond, desc, detail=""):
    line = ("PASS " if cond else "FAIL ") + desc
    if not cond and detail != "":
        line += " -- " + str(detail)
    print(line.replace("\n", " | "))
    return cond


def eq(got, want, desc):
    return check(got == want, desc, "got %r, expected %r" % (got, want))


def pages(text):
    return text.split("\f")


def tables(text):
    """Every table of a text report: the lines from a '=' rule to the next
    '=' rule, both included."""
    out = []
    for page in pages(text):
        cur = None
        for line in page.split("\n"):
            is_rule = len(line) > 10 and set(line) == {"="}
            if cur is None:
                if is_rule:
                    cur = [line]
            else:
                cur.append(line)
                if is_rule:
                    out.append(cur)
                    cur = None
        if cur:
            out.append(cur)  # a table cut at the end of a page
    return out


def aligned(text, desc):
    """Every line of every table the same display width."""
    ts = tables(text)
    bad = []
    for t in ts:
        ws = {width(l) for l in t}
        if len(ws) != 1:
            bad.append(sorted(ws))
    check(len(ts) > 0 and not bad, desc, bad if bad else "no table found")
    return ts
