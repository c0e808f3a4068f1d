#!/usr/bin/python3
"""Probes every CHECK that migration 0009 rewrote, on two databases with
the same rows: OLD (the version-8 text, IN lists) and NEW (OR chains),
both scratch copies whose triggers this drops (they call the program's
own functions). The rewritten columns come from OLD's schema
(tools/inlists.py list), so none is forgotten.

    check_probe.py ROOT OLD.db NEW.db

For each (table, column): sample rows (the first row holding each value
of each rewritten column of the table), and values (every listed
constant, NULL, a value outside the list, a variant in case, with a
space, of the other type, a blob), each written by an UPDATE rolled back
at once. Prints one line per column, "PASS what" or "FAIL what: why":
  * every outcome (accepted / the kind of constraint failed) is the same
    on OLD and NEW;
  * on NEW a value outside the list is refused, "CHECK constraint failed";
  * on NEW each value of the column's list is accepted on some row, and
    NULL too where the column may be NULL, unless no sampled row can
    take it under the table's other CHECKs (then said; a last line
    checks that at least 80% of them were written somewhere).
"""
import sqlite3
import sys

sys.path.insert(0, sys.argv[1] + "/tools")
import inlists  # noqa: E402


def connect(path):
    con = sqlite3.connect(path, isolation_level=None)
    for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    return con


def outcome(con, table, col, value, rowid):
    con.execute("SAVEPOINT probe")
    try:
        con.execute(f'UPDATE "{table}" SET "{col}" = ? WHERE rowid = ?', (value, rowid))
        return "accepted"
    except sqlite3.DatabaseError as e:
        return str(e).split(":")[0]
    finally:
        con.execute("ROLLBACK TO probe")
        con.execute("RELEASE probe")


def constant(text):
    return text[1:-1] if text.startswith("'") else int(text)


def main():
    old, new = connect(sys.argv[2]), connect(sys.argv[3])
    lists = []
    for name, sql in inlists.tables(sys.argv[2]):
        for _, _, col, negated, items in inlists.in_lists(sql):
            lists.append((name, col, negated, [constant(v) for _, v in items]))
    if not lists:
        print("FAIL the old schema has IN lists to probe")
    cols, totals = {}, [0, 0]
    for table, col, negated, values in lists:
        c = cols.setdefault((table, col), {"allowed": None, "listed": []})
        if c["allowed"] is None and not negated:
            c["allowed"] = values  # the column's own list comes first
        c["listed"] += [v for v in values if v not in c["listed"]]
    for (table, col), c in cols.items():
        own = {cc for (t, cc) in cols if t == table}
        rows = sorted({r for cc in own for (r,) in old.execute(
            f'SELECT min(rowid) FROM "{table}" GROUP BY "{cc}"').fetchall()})
        first = c["listed"][0]
        if isinstance(first, str):
            extras = ["zz_not_listed", first.upper() if first != first.upper() else first.lower(),
                      first + " ", 1, first.encode()]
        else:
            extras = [2, -1, "1", 1.0, "yes", b"\x01"]
        bad = extras[0]
        probes = c["listed"] + [None] + extras
        what = f"{table}.{col} ({len(rows)} rows, {len(probes)} values)"
        why = []
        if not rows:
            why.append("no row to probe")
        nullable = not [r for r in new.execute(f'PRAGMA table_info("{table}")') if r[1] == col][0][3]
        accepted, old_accepted = set(), set()
        for rowid in rows:
            for v in probes:
                a, b = outcome(old, table, col, v, rowid), outcome(new, table, col, v, rowid)
                if a != b:
                    why.append(f"{v!r} on row {rowid}: old {a}, new {b}")
                if a == "accepted":
                    old_accepted.add(repr(v))
                if b == "accepted":
                    accepted.add(repr(v))
                if v is bad and b != "CHECK constraint failed":
                    why.append(f"{v!r} on row {rowid}: {b}")
        # a value no sampled row can take under the other CHECKs (a
        # 'note' on a timeline of status events only) is said, and counted
        unplaced = []
        for v in (c["allowed"] or []) + ([None] if nullable else []):
            if repr(v) not in accepted and repr(v) in old_accepted:
                why.append(f"{v!r} accepted on no row")
            elif repr(v) not in accepted:
                unplaced.append(v)
        if unplaced:
            what += f", no row could take {', '.join(map(repr, unplaced))}"
        totals[0] += len(c["allowed"] or []) + nullable
        totals[1] += len(unplaced)
        print(f"FAIL {what}: " + "; ".join(why[:5]) if why else f"PASS {what}")
    # the probe says something: most listed values were written somewhere
    print(f"{'PASS' if totals[1] * 5 <= totals[0] else 'FAIL'} {totals[0] - totals[1]} of {totals[0]} listed values "
          "(and NULLs) accepted on some row")


if __name__ == "__main__":
    main()
