"""The organization tree's first opening (issue 10: ≤ 50 ms at scale 3),
from build/bench/org_tree (bench/org_tree.c), which prints a line
`org_tree_first_ms <median>`; while that program is not there the row
says n/a. Usage: org_tree.py DIR SCALE…"""
import os, subprocess, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import BUILD, emit

d = sys.argv[1]
prog = os.path.join(BUILD, "bench", "org_tree")
print("\n== organization tree, first opening (bench/org_tree.c) ==")
for scale in sys.argv[2:]:
    db = os.path.join(d, f"demo-{scale}.db")
    goal = 50.0 if scale == "3" else None
    if not os.path.exists(prog):
        print(f"scale {scale}: n/a ({prog} is not built)")
        emit("organization tree, first opening", scale, None, "ms", goal_abs=goal,
             na="bench/org_tree.c is not there yet")
        continue
    p = subprocess.run([prog, db], capture_output=True, text=True)
    sys.stdout.write(p.stdout + p.stderr)
    ms = [float(l.split()[1]) for l in p.stdout.splitlines() if l.startswith("org_tree_first_ms ")]
    if p.returncode != 0 or not ms:
        sys.exit(f"{prog} {db} failed ({p.returncode}) or printed no org_tree_first_ms line\n{p.stderr}")
    emit("organization tree, first opening", scale, ms[-1], "ms", goal_abs=goal,
         note="" if goal else "goal is at scale 3")
