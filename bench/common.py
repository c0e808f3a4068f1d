"""Shared by the benchmark scripts: running a command, timing it, peak
memory of the child, medians."""
import os, statistics, subprocess, sys, time

BIN = os.environ.get("UD_BIN", os.path.abspath("uniondesk"))
BUILD = os.environ.get("UD_BUILD", "build")
RUNS = int(os.environ.get("UD_BENCH_RUNS", "5"))


PEAKRSS = os.path.join(BUILD, "bench", "peakrss")


def timed(argv, env=None, stdin=None, stdout=subprocess.DEVNULL):
    """Runs argv; returns (seconds, peak resident KiB). Fails loudly.
    The command is started by bench/peakrss.c, whose own small memory is
    all that is counted besides the command's."""
    t0 = time.monotonic()
    p = subprocess.run([PEAKRSS, *argv], env=env, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    secs = time.monotonic() - t0
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        sys.exit(f"benchmark command failed ({p.returncode}): {' '.join(argv)}\n{err}")
    kib = int(err.strip().splitlines()[-1].split()[1])
    return secs, kib


def median_of(fn, runs=RUNS):
    """fn() -> (seconds, kib); returns (median seconds, max kib, all seconds)."""
    results = [fn() for _ in range(runs)]
    secs = [r[0] for r in results]
    return statistics.median(secs), max(r[1] for r in results), secs


def mib(kib):
    return kib / 1024.0


def paired(fn_a, fn_b, runs=RUNS, warm=True):
    """Times two commands alternately (a, b, a, b, …) after one untimed run
    of each, so neither is the one that met a cold page cache.
    Returns ((median a, max kib a), (median b, max kib b))."""
    if warm:
        fn_a()
        fn_b()
    ra, rb = [], []
    for _ in range(runs):
        ra.append(fn_a())
        rb.append(fn_b())
    return ((statistics.median(r[0] for r in ra), max(r[1] for r in ra)),
            (statistics.median(r[0] for r in rb), max(r[1] for r in rb)))


RESULTS = os.path.join(BUILD, "bench", "results.jsonl")


def emit(work, scale, ours, unit, anchor=None, anchor_name="", goal_ratio=None, goal_abs=None, note="", na=""):
    """Appends one figure of the bench table (bench/table.py) to
    build/bench/results.jsonl. ours and anchor are in unit (s, ms, %, MiB);
    goal_ratio bounds ours/anchor, goal_abs bounds ours; neither: the row
    is for information. ours=None (with na, the reason) shows n/a."""
    import json
    row = {"work": work, "scale": scale, "ours": ours, "unit": unit, "anchor": anchor,
           "anchor_name": anchor_name}
    if goal_ratio is not None:
        row["goal_ratio"] = goal_ratio
    if goal_abs is not None:
        row["goal_abs"] = goal_abs
    if note:
        row["note"] = note
    if na:
        row["na"] = na
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def rounds(fns, runs=RUNS, warm=True):
    """Times several commands in turn (a, b, c, a, b, c, …) after one untimed
    run of each. fns: name -> fn() -> (seconds, kib). Returns name ->
    (median seconds, max kib)."""
    if warm:
        for fn in fns.values():
            fn()
    res = {k: [] for k in fns}
    for _ in range(runs):
        for k, fn in fns.items():
            res[k].append(fn())
    return {k: (statistics.median(r[0] for r in v), max(r[1] for r in v)) for k, v in res.items()}
