"""The aid roster: uniondesk export aid against a minimal C program writing
the same rows with libxlsxwriter (bench/minimal_roster.c), at 100,000 and
1,000,000 grants. Time (median) and peak resident memory."""
import os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, BUILD, RUNS, mib, paired, timed

d = sys.argv[1]
GEN = os.path.join(BUILD, "bench", "gen_grants")
MINIMAL = os.path.join(BUILD, "bench", "minimal_roster")
print("\n== aid roster export (make bench) ==")
print("grants      uniondesk export aid      minimal libxlsxwriter      time ratio (target ≤ 1.3)   peak memory (target < 64 MiB)")
for rows, scale in ((100_000, "1"), (1_000_000, "3")):
    src = os.path.join(d, f"demo-{scale}.db")
    db = os.path.join(d, f"roster-{rows}.db")
    if not os.path.exists(src):
        print(f"  (no {src}: UD_BENCH_SCALES='1 3' make bench builds it)")
        continue
    if not os.path.exists(db):
        shutil.copyfile(src, db + ".tmp")
        timed([GEN, db + ".tmp", str(rows)])
        os.replace(db + ".tmp", db)
        for ext in ("-wal", "-shm"):
            if os.path.exists(db + ".tmp" + ext):
                os.remove(db + ".tmp" + ext)
    runs = RUNS if rows <= 100_000 else max(1, RUNS // 2)
    with tempfile.TemporaryDirectory(dir=d) as tmp:
        out = os.path.join(tmp, "roster.xlsx")
        ours_argv = [BIN, "--db", db, "export", "aid", "--program", "send_warmth", "--from", "2025-01-01",
                     "--to", "2025-12-31", "-o", out]

        def ours():
            if os.path.exists(out):
                os.remove(out)
            return timed(ours_argv)

        def minimal():
            return timed([MINIMAL, db, "2025-01-01", "2025-12-31", out])

        (t_ours, m_ours), (t_min, m_min) = paired(ours, minimal, runs)
        ours()
        size = os.path.getsize(out)
    print(f"{rows:>9,}   {t_ours:6.2f} s {mib(m_ours):6.1f} MiB      {t_min:6.2f} s {mib(m_min):6.1f} MiB"
          f"          {t_ours / t_min:5.2f}                    {mib(m_ours):.1f} MiB  ({size / 1e6:.1f} MB file)")
print(f"(medians of {RUNS} runs at 100,000 rows, {max(1, RUNS // 2)} at 1,000,000, the two programs alternating after"
      " a warm-up run of each; the minimal program writes the same cells without the title, the totals, the print"
      " setup or the labels)")
