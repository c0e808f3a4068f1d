"""Monthly and yearly dispute statistics against the same aggregate queries
run by the sqlite3 shell. The program's own queries are captured with
UNIONDESK_TRACE_SQL; the shell has no ud_overdue(), so that one call is
replaced by the rule it stands for (rules.c: more than 15 days after
filing). Both sides are whole processes, start-up included."""
import os, re, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, RUNS, emit, paired, timed

d = sys.argv[1]
AS_OF = "2026-11-26"
print("\n== dispute statistics report (make bench) ==")
print("scale  period     cases     uniondesk (text)   sqlite3 shell, same queries   ratio   target ≤ 1.2")
for scale in os.environ.get("UD_BENCH_SCALES", "1 3").split():
    db = os.path.join(d, f"demo-{scale}.db")
    if not os.path.exists(db):
        print(f"  (no {db}: UD_BENCH_SCALES='1 3' make bench builds it)")
        continue
    import sqlite3
    ncases = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("select count(*) from cases").fetchone()[0]
    for period in (["--month", "2026-10"], ["--year", "2025"]):
        argv = [BIN, "--db", db, "report", "disputes", *period, "--as-of", AS_OF]
        with tempfile.TemporaryDirectory() as tmp:
            trace = os.path.join(tmp, "trace.sql")
            timed(argv, env=dict(os.environ, UNIONDESK_TRACE_SQL=trace))
            queries = []
            for line in open(trace, encoding="utf-8"):
                sql = line.split("\t", 1)[1].strip()
                if "WITH k AS" in sql:
                    sql = re.sub(r"ud_overdue\('filed', fil, ('\d{4}-\d\d-\d\d')\)",
                                 r"(julianday(\1) - julianday(fil) > 15)", sql)
                    queries.append(sql + ";")
            if len(queries) != 3 or any("ud_" in q for q in queries):
                sys.exit("could not capture the report's three queries")
            qfile = os.path.join(tmp, "q.sql")
            with open(qfile, "w", encoding="utf-8") as f:
                f.write("\n".join(queries) + "\n")
            (ours, _), (shell, _) = paired(lambda: timed(argv),
                                           lambda: timed(["sqlite3", "-readonly", db], stdin=open(qfile, "rb")))
        print(f"{scale:>5}  {period[1]:<9} {ncases:>7,}   {ours * 1000:8.1f} ms          {shell * 1000:8.1f} ms"
              f"                   {ours / shell:5.2f}")
        emit(f"dispute report {period[0][2:]} {period[1]}", scale, ours * 1000, "ms", shell * 1000,
             "sqlite3 shell, same 3 queries", goal_ratio=1.2,
             note="whole processes, start-up included; ud_overdue() replaced by its rule in the shell")
print(f"(medians of {RUNS} runs, alternating after a warm-up run of each; the report runs three queries: the period, the year to date, the year before)")
