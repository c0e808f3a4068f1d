"""The audit log's share of the database file (issue 10: ≤ 25 % at scale
1), from SQLite's dbstat: the pages of audit_log and of its indexes
against all pages. Usage: audit_share.py DIR SCALE…"""
import os, sqlite3, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import emit

d = sys.argv[1]
print("\n== audit log share of the database (dbstat) ==")
for scale in sys.argv[2:]:
    db = os.path.join(d, f"demo-{scale}.db")
    if not os.path.exists(db):
        continue
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'audit_log'"
                                       " AND type IN ('table', 'index')")]
    total = con.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
    audit = con.execute(f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({','.join('?' * len(names))})",
                        names).fetchone()[0] or 0
    entries = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    con.close()
    share = 100.0 * audit / total
    print(f"scale {scale}: audit_log and its indexes {audit / 1e6:,.1f} MB of {total / 1e6:,.1f} MB"
          f" ({share:.1f} %), {entries:,} entries")
    emit("audit log share of the database", scale, share, "%", goal_abs=25.0 if scale == "1" else None,
         note=f"{audit / 1e6:,.0f} MB of {total / 1e6:,.0f} MB ({', '.join(names)}), {entries:,} entries")
