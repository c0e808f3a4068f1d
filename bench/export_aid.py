"""The aid roster: uniondesk export aid against a minimal C program writing
the same rows with libxlsxwriter (bench/minimal_roster.c), and against the
script an officer would otherwise write, openpyxl in write_only mode
(bench/openpyxl_roster.py), at 100,000 grants (scale 1) and 1,000,000
(scale 3). Time (median, the three alternating) and peak resident memory.
Goals (issue 10): ≤ 1.2× the minimal writer, ≤ 16 MiB; against openpyxl
≤ 1.0× (our call: a compiled exporter that loses to a Python script has
something to fix)."""
import os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, BUILD, RUNS, emit, mib, rounds, timed

d = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(BUILD, "bench", "gen_grants")
MINIMAL = os.path.join(BUILD, "bench", "minimal_roster")
PY = "/usr/bin/python3"
have_openpyxl = subprocess.run([PY, "-c", "import openpyxl"], capture_output=True).returncode == 0
print("\n== aid roster export (make bench) ==")
if not have_openpyxl:
    print("(openpyxl is not installed for /usr/bin/python3: that anchor is n/a; apt-get install python3-openpyxl)")
print("grants      uniondesk export aid      minimal libxlsxwriter   ratio (≤ 1.2)   openpyxl write_only   ratio (≤ 1.0)")
scales = os.environ.get("UD_BENCH_SCALES", "1 3").split()
for rows, scale in ((100_000, "1"), (1_000_000, "3")):
    src = os.path.join(d, f"demo-{scale}.db")
    if scale not in scales or not os.path.exists(src):
        continue
    db = os.path.join(d, f"roster-{rows}.db")
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

        med = rounds({"ours": ours, "minimal": lambda: timed([MINIMAL, db, "2025-01-01", "2025-12-31",
                                                               os.path.join(tmp, "m.xlsx")])}, runs)
        # openpyxl takes ~5× as long: its own pairing, 3 runs, only at
        # 100,000 grants unless UD_BENCH_OPENPYXL_BIG=1 (≈ 6 min a run at 1M)
        t_py = m_py = None
        py_na = "openpyxl is not installed for /usr/bin/python3"
        if have_openpyxl and (rows <= 100_000 or os.environ.get("UD_BENCH_OPENPYXL_BIG") == "1"):
            py = rounds({"ours": ours, "openpyxl": lambda: timed([PY, os.path.join(HERE, "openpyxl_roster.py"), db,
                         "2025-01-01", "2025-12-31", os.path.join(tmp, "p.xlsx")])}, 3 if rows <= 100_000 else 1,
                        warm=False)
            t_ours_py, (t_py, m_py) = py["ours"][0], py["openpyxl"]
        elif have_openpyxl:
            py_na = "skipped at 1,000,000 grants (minutes a run); UD_BENCH_OPENPYXL_BIG=1 measures it"
        ours()
        size = os.path.getsize(out)
    (t_ours, m_ours), (t_min, m_min) = med["ours"], med["minimal"]
    py_text = f"{t_py:6.2f} s {mib(m_py):6.1f} MiB   {t_ours_py / t_py:5.2f}" if t_py else "n/a"
    print(f"{rows:>9,}   {t_ours:6.2f} s {mib(m_ours):6.1f} MiB      {t_min:6.2f} s {mib(m_min):6.1f} MiB"
          f"    {t_ours / t_min:5.2f}          {py_text}   ({size / 1e6:.1f} MB file)")
    work = f"aid roster, {rows:,} grants"
    emit(work + ", time", scale, t_ours, "s", t_min, "minimal libxlsxwriter", goal_ratio=1.2,
         note="the minimal program writes the same cells without the title, the totals, the print setup or the labels")
    emit(work + ", peak RSS", scale, mib(m_ours), "MiB", mib(m_min), "minimal libxlsxwriter", goal_abs=16.0)
    emit(work + ", time vs a script", scale, t_ours_py if t_py else t_ours, "s", t_py, "openpyxl write_only",
         goal_ratio=1.0, na="" if t_py else py_na,
         note="goal ≤ 1.0× is our call: the exporter should beat what an officer would script")
print(f"(medians of {RUNS} runs at 100,000 rows, {max(1, RUNS // 2)} at 1,000,000, the programs alternating after"
      " a warm-up run of each; against openpyxl: its own alternating pairing, 3 runs)")
