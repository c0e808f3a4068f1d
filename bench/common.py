"""Shared by the benchmark scripts: running a command, timing it, peak
memory of the child, medians."""
import os, statistics, subprocess, sys, time

BIN = os.environ.get("UD_BIN", os.path.abspath("uniondesk"))
BUILD = os.environ.get("UD_BUILD", "build")
RUNS = int(os.environ.get("UD_BENCH_RUNS", "5"))


def timed(argv, env=None, stdin=None, stdout=subprocess.DEVNULL):
    """Runs argv; returns (seconds, peak resident KiB). Fails loudly."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, env=env, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.monotonic() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    if status != 0:
        sys.exit(f"benchmark command failed ({status}): {' '.join(argv)}\n{err}")
    return secs, usage.ru_maxrss


def median_of(fn, runs=RUNS):
    """fn() -> (seconds, kib); returns (median seconds, max kib, all seconds)."""
    results = [fn() for _ in range(runs)]
    secs = [r[0] for r in results]
    return statistics.median(secs), max(r[1] for r in results), secs


def mib(kib):
    return kib / 1024.0
