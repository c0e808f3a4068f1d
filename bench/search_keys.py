"""Fragment search per keystroke (bench/search_keys.c) at each scale, into
the bench table: the worst kind's p95 against issue 8's goal (every
keystroke ≤ 10 ms at 1,140,000 members), beside that kind's plain scan
measured in the same run; the slowest single keystroke for information
(one outlier on a shared machine is not the typical keystroke).
Usage: search_keys.py DIR SCALE…"""
import os, subprocess, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import BUILD, emit

d = sys.argv[1]
prog = os.path.join(BUILD, "bench", "search_keys")
for scale in sys.argv[2:]:
    print(f"\n== fragment search per keystroke, scale {scale} (bench/search_keys.c) ==", flush=True)
    p = subprocess.run([prog, os.path.join(d, f"demo-{scale}.db"), "20"], capture_output=True, text=True)
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    if p.returncode != 0:
        sys.exit(f"search_keys failed ({p.returncode})")
    kinds = []
    for line in p.stdout.splitlines()[1:]:
        parts = line.rsplit(None, 5)
        try:
            label, nums = parts[0], [float(x) for x in parts[1:]]
        except (ValueError, IndexError):
            continue
        if len(nums) == 5:
            kinds.append((label, *nums))  # label, keys, p50, p95, max, scan p50
    if not kinds:
        sys.exit("search_keys printed no rows")
    worst = max(kinds, key=lambda k: k[3])
    slowest = max(kinds, key=lambda k: k[4])
    emit("search keystroke, worst kind's p95", scale, worst[3], "ms", worst[5], "plain scan (instr) p50",
         goal_abs=10.0, note=f"worst kind: {worst[0]}; {len(kinds)} kinds, 20 fragments each, typed key by key")
    emit("search keystroke, slowest single", scale, slowest[4], "ms", slowest[5], "plain scan (instr) p50",
         note=f"{slowest[0]}; for information: the max of all keystrokes, sensitive to the other core's load")
