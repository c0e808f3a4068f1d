"""The one table `make bench` ends with: every figure the bench scripts
wrote to results.jsonl (bench/common.py: emit), beside its anchor
measured in the same run, the ratio, the goal and whether it holds.
Printed to stdout and saved as markdown. Usage: table.py RESULTS [OUT.md]

holds: with a ratio goal, ours/anchor ≤ goal; with an absolute goal,
ours ≤ goal (both must hold when a row has both); compared as shown, so
the table never says "1.20×, ≤ 1.2×, no". A row without a goal is for
information (goal "info", holds "—"); a figure or an anchor that could
not be measured shows "n/a", and so does its holds."""
import json, sys

DIGITS = {"s": 1, "ms": 1, "%": 1, "MiB": 1}


def fmt(v, unit):
    if v is None:
        return "n/a"
    d = DIGITS.get(unit, 2)
    if unit in ("s", "ms") and v < 10:
        d += 1
    return f"{v:,.{d}f} {unit}"


def shown(v, unit):
    """The value as the table prints it, for the comparison."""
    d = DIGITS.get(unit, 2) + (1 if unit in ("s", "ms") and v < 10 else 0)
    return round(v, d)


def num(g):
    """A goal as written: 1.5, 1.0, 60."""
    return f"{g:.1f}" if g != int(g) or g < 10 else f"{g:g}"


def judge(r):
    """-> (ratio text, goal text, holds text)"""
    ours, anchor, unit = r.get("ours"), r.get("anchor"), r.get("unit", "")
    ratio = round(ours / anchor, 2) if ours is not None and anchor else None
    goals, verdicts = [], []
    if "goal_ratio" in r:
        goals.append(f"≤ {num(r['goal_ratio'])}×")
        verdicts.append(None if ratio is None else ratio <= r["goal_ratio"])
    if "goal_abs" in r:
        goals.append(f"≤ {num(r['goal_abs'])} {unit}")
        verdicts.append(None if ours is None else shown(ours, unit) <= r["goal_abs"])
    if not goals:
        holds = "—"
    elif None in verdicts:
        holds = "n/a"
    else:
        holds = "yes" if all(verdicts) else "no"
    shown_ratio = f"{ratio:.2f}×" if ratio is not None else "n/a" if r.get("anchor_name") else "—"
    return shown_ratio, (", ".join(goals) or "info"), holds


def cell(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def table(rows):
    out = ["| work | scale | uniondesk | anchor | ratio | goal | holds |",
           "|---|---|---|---|---|---|---|"]
    notes, count = {}, {"yes": 0, "no": 0, "n/a": 0}
    for r in rows:
        ratio, goal, holds = judge(r)
        if holds in count:
            count[holds] += 1
        anchor = "—"
        if r.get("anchor_name"):
            anchor = f"{r['anchor_name']}: {fmt(r.get('anchor'), r.get('unit', ''))}"
        ours = fmt(r.get("ours"), r.get("unit", ""))
        out.append("| " + " | ".join(cell(c) for c in (r["work"], r.get("scale", "—"), ours, anchor, ratio,
                                                        goal, holds)) + " |")
        for key in ("na", "note"):
            if r.get(key):
                notes.setdefault(r[key], []).append(f"{r['work']} (scale {r.get('scale', '—')})")
    out.append("")
    out.append(f"goals holding: {count['yes']} of {sum(count.values())}"
               f" ({count['no']} not holding, {count['n/a']} not measured)")
    if notes:
        out.append("")
        out.extend(f"- {'; '.join(dict.fromkeys(rows))}: {text}" for text, rows in notes.items())
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: table.py RESULTS.jsonl [OUT.md]")
    rows = []
    with open(argv[1], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{argv[1]}:{n}: {e}")
    text = table(rows)
    sys.stdout.write("\n== the bench table ==\n" + text)
    if len(argv) > 2:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv)
