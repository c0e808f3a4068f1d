"""Screens: start-up to the first screen, each keystroke of a live member
search, and resident memory while paging through the whole member list.
The program times itself per key (UNIONDESK_TIMING) in scripted mode, so
the figures include the queries, the counting and the drawing."""
import os, statistics, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import emit

BIN = os.environ["UD_BIN"]
DB = sys.argv[1]
RUNS = 7


def run(script, lines=24, cols=80):
    with tempfile.TemporaryDirectory() as d:
        sp = os.path.join(d, "keys.txt")
        tp = os.path.join(d, "timing.txt")
        with open(sp, "w", encoding="utf-8") as f:
            f.write(script)
        env = dict(os.environ, LINES=str(lines), COLUMNS=str(cols), UNIONDESK_SCRIPT=sp,
                   UNIONDESK_DUMP_DIR=d, UNIONDESK_TIMING=tp)
        # started by bench/peakrss.c so that only the program's memory counts
        peak = os.path.join(os.environ.get("UD_BUILD", "build"), "bench", "peakrss")
        p = subprocess.run([peak, BIN, "--db", DB], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if p.returncode != 0:
            sys.exit("uniondesk failed in scripted mode")
        kib = int(p.stderr.decode().strip().splitlines()[-1].split()[1])
        with open(tp, encoding="utf-8") as f:
            rows = [l.split() for l in f]
        return rows, kib


def table_sizes():
    import sqlite3
    con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    out = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
           for t in ("orgs", "members", "cases", "case_events", "aid_grants", "enrolments", "audit_log")}
    con.close()
    return out


sizes = table_sizes()
print("== screens (make bench) ==")
print("database: %s, %.0f MB" % (DB, os.path.getsize(DB) / 1e6))
print("rows: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))

import time
first, whole = [], []
for _ in range(RUNS):
    t0 = time.monotonic()
    rows, _ = run("")
    whole.append((time.monotonic() - t0) * 1000)
    first.append(float([r for r in rows if r[0] == "first-screen"][0][1]))
print(f"start-up to the first screen (member list, {sizes['members']:,} members): "
      f"median {statistics.median(first):.1f} ms over {RUNS} runs (min {min(first):.1f}, max {max(first):.1f}); "
      f"whole process, exec to exit: median {statistics.median(whole):.1f} ms; target ≤ 50 ms")
emit("screen start-up to the first screen", "1", statistics.median(first), "ms", goal_abs=50.0,
     note=f"the program's own timing (UNIONDESK_TIMING), median of {RUNS} runs")

queries = ["王建国", "李", "3302061985", "13812", "张伟"]
print("live member search, ms per keystroke (median over %d runs of each keystroke):" % RUNS)
worst_all = 0.0
for q in queries:
    per_key = [[] for _ in q]
    for _ in range(RUNS):
        rows, _ = run("2/" + q + "<Esc>")
        keys = [float(r[2]) for r in rows if r[0] == "key"]
        typed = keys[2:2 + len(q)]  # after "2" and "/"
        for i, t in enumerate(typed):
            per_key[i].append(t)
    med = [statistics.median(k) for k in per_key]
    worst_all = max(worst_all, max(med))
    print("  %-12s %s   worst %.1f ms" % (q, "  ".join(f"{c}:{m:.1f}" for c, m in zip(q, med)), max(med)))
print(f"  slowest keystroke (median): {worst_all:.1f} ms; target ≤ 50 ms")
emit("screen: live member search, slowest keystroke", "1", worst_all, "ms", goal_abs=50.0,
     note="search, counting and drawing, in the screen; median per keystroke of " + ", ".join(queries))

# the organization tree: members counted for every union when the tab
# first opens; coming back to it shows the same counts without counting
first_open, back = [], []
for _ in range(RUNS):
    rows, _ = run("123121")
    keys = [float(r[2]) for r in rows if r[0] == "key"]
    first_open.append(keys[0])
    back.append(keys[3])
print(f"organization tree ({sizes['orgs']:,} organizations, member counts rolled up): first opening "
      f"{statistics.median(first_open):.1f} ms, coming back {statistics.median(back):.1f} ms (medians)")
emit("screen: organization tree tab, first opening", "1", statistics.median(first_open), "ms",
     note="for information: the whole screen (bench/org_tree.c times the tree itself)")

rss = {}
for pages in (10, 200, 2000):
    _, kib = run("2" + "<PgDn>" * pages)
    rss[pages] = kib / 1024
print("resident memory paging the member list (PgDn × N): " +
      ", ".join(f"{n} pages {m:.1f} MiB" for n, m in rss.items()) +
      f" (80x24: {24 - 7} rows a page, so the last run scrolls past {2000 * 17:,} rows)")
