"""Builds the demo databases the bench reads (build/bench/demo-S.db, once)
and times `init --demo --scale S`: the build itself when it runs; when the
database is already there, the time recorded at its build if the same
binary made it (demo-S.time: seconds and the binary's sha256), else a
rebuild into a temporary file, timed and thrown away.
UD_BENCH_DEMO_RETIME=0 skips that rebuild (the row shows n/a);
UD_BENCH_REBUILD=1 instead replaces a database another binary built (and
the roster databases made from it), so every figure read from it (audit
share, tree, search, reports) is this binary's.
Usage: demo.py DIR SCALE…"""
import hashlib, os, subprocess, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, emit

d = sys.argv[1]
GOAL = {"3": 60.0}  # issue 10: init --demo --scale 3 ≤ 60 s; other scales for information


def binary_id():
    h = hashlib.sha256()
    with open(BIN, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def build(path, scale):
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    t0 = time.monotonic()
    p = subprocess.run([BIN, "--db", path, "init", "--demo", "--scale", scale, "--seed", "1",
                        "--as-of", "2026-11-26"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    secs = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(f"init --demo --scale {scale} failed ({p.returncode}): {p.stderr.decode('utf-8', 'replace')}")
    for ext in ("-wal", "-shm"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    return secs


me = binary_id()
for scale in sys.argv[2:]:
    db = os.path.join(d, f"demo-{scale}.db")
    stamp = os.path.join(d, f"demo-{scale}.time")
    secs, how = None, ""
    rec = open(stamp).read().split() if os.path.exists(stamp) else []
    stale = os.path.exists(db) and not (len(rec) == 2 and rec[1] == me)
    if stale and os.environ.get("UD_BENCH_REBUILD") == "1":
        for old in [db, stamp] + [os.path.join(d, f) for f in os.listdir(d) if f.startswith("roster-")]:
            if os.path.exists(old):
                os.remove(old)
        stale = False
    if not os.path.exists(db):
        print(f"building the scale-{scale} demo database ({db})…", flush=True)
        secs = build(db + ".tmp", scale)
        os.replace(db + ".tmp", db)
        how = "timed while building the bench's database"
        with open(stamp, "w") as f:
            f.write(f"{secs:.3f} {me}\n")
    else:
        if not stale:
            secs, how = float(rec[0]), "timed when this binary built the bench's database"
        elif os.environ.get("UD_BENCH_DEMO_RETIME", "1") != "0":
            print(f"timing init --demo --scale {scale} into a temporary file (the database there is from"
                  f" another binary)…", flush=True)
            tmp = os.path.join(d, f"demo-{scale}.retime.db")
            secs = build(tmp, scale)
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(tmp + ext):
                    os.remove(tmp + ext)
            how = "rebuilt into a temporary file to time it"
    if secs is not None:
        print(f"init --demo --scale {scale}: {secs:.1f} s ({how})")
    warn = (f"; demo-{scale}.db was built by another binary, and the figures read from it are that"
            " database's: UD_BENCH_REBUILD=1 rebuilds it") if stale else ""
    if stale:
        print(f"note: {db} was built by another binary (UD_BENCH_REBUILD=1 replaces it)")
    emit("init --demo", scale, secs, "s", goal_abs=GOAL.get(scale),
         note=((f"one run, {how}" if secs is not None else "") + warn).lstrip("; "),
         na="" if secs is not None else "not timed (UD_BENCH_DEMO_RETIME=0 and the database predates this binary)")
