"""The monthly dispute report typeset as PDF (Pango + Cairo, fonts
embedded and subset) beside the same report as text and as xlsx, all
three whole processes on the same database, start-up included: what
paper costs over the text the terminal gets."""
import os, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, RUNS, emit, mib, timed

d = sys.argv[1]
AS_OF = "2026-11-26"
print("\n== dispute report as PDF (bench/report_pdf.py) ==")
print("scale  cases      text        xlsx        pdf    pdf/text  pages  size    peak RSS pdf")
for scale in os.environ.get("UD_BENCH_SCALES", "1 3").split():
    db = os.path.join(d, f"demo-{scale}.db")
    if not os.path.exists(db):
        print(f"  (no {db})")
        continue
    import sqlite3
    ncases = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("select count(*) from cases").fetchone()[0]
    base = [BIN, "--db", db, "report", "disputes", "--month", "2026-10", "--as-of", AS_OF]
    with tempfile.TemporaryDirectory() as tmp:
        out = {f: os.path.join(tmp, "r." + f) for f in ("xlsx", "pdf")}
        run = {
            "text": lambda: timed(base + ["--format", "text"]),
            "xlsx": lambda: timed(base + ["-o", out["xlsx"], "--force"], stdout=subprocess.DEVNULL),
            "pdf": lambda: timed(base + ["-o", out["pdf"], "--force"], stdout=subprocess.DEVNULL),
        }
        for f in run.values():  # warm-up: page cache, font cache
            f()
        res = {}
        for _ in range(RUNS):  # alternating, so that none meets a colder machine
            for k, f in run.items():
                res.setdefault(k, []).append(f())
        med = {k: sorted(r[0] for r in v)[len(v) // 2] for k, v in res.items()}
        rss = max(r[1] for r in res["pdf"])
        info = subprocess.run(["pdfinfo", out["pdf"]], capture_output=True, text=True).stdout \
            if subprocess.run(["sh", "-c", "command -v pdfinfo"], capture_output=True).returncode == 0 else ""
        pages = next((l.split()[1] for l in info.splitlines() if l.startswith("Pages:")), "?")
        size = os.path.getsize(out["pdf"]) / 1024
    print(f"{scale:>5}  {ncases:>7,}  {med['text'] * 1000:7.1f} ms  {med['xlsx'] * 1000:7.1f} ms  "
          f"{med['pdf'] * 1000:7.1f} ms  {med['pdf'] / med['text']:6.2f}   {pages:>4}  {size:4.0f} KiB  {mib(rss):6.1f} MiB")
    emit("dispute report month as PDF", scale, med["pdf"] * 1000, "ms", med["text"] * 1000, "same report as text",
         note=f"for information: {pages} pages, {size:.0f} KiB, peak {mib(rss):.1f} MiB; xlsx {med['xlsx'] * 1000:.0f} ms")
print(f"(medians of {RUNS} runs each, alternating after a warm-up run of each)")
