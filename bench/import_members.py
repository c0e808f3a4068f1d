"""CSV import of members against the same work done by the sqlite3 shell
alone (issue 10): the same 64 MiB cache, `.import` into a staging table,
one INSERT … SELECT joining orgs into the same members schema, with the
same indexes and the same audit triggers (ud_user()/ud_os_login() made
literals: the shell has none of the program's functions), and the same
fill of the search index as the import does before COMMIT
(bench/search_fill.sql, checked against src/modules/search_bulk.c). The
search-index triggers are dropped from the shell's copy (they call
ud_indexed_upto()); the two sides' member_subs and member_grams are
compared afterwards, so both provably did the same work.

1. 200,000 members into a fresh database holding the scale-1 orgs, beside
   the shell pipeline with the search fill (the goal) and without it (for
   information: the members table alone).
2. 1,000,000 members into a copy of the scale-1 database, beside the shell
   pipeline into another copy.

The CSV is made by this script and written in ascending ID-number order
(area code, then birth date), so the unique index on id_number mostly
grows at its end; a shuffled file costs more on both sides."""
import hashlib, os, random, re, shutil, sqlite3, statistics, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, emit, timed

d = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(d, "demo-1.db")
RUNS = max(1, int(os.environ.get("UD_BENCH_IMPORT_RUNS", "3")))
N_FRESH = int(os.environ.get("UD_BENCH_IMPORT_FRESH_ROWS", "200000"))
N_BIG = int(os.environ.get("UD_BENCH_IMPORT_ROWS", "1000000"))
SLICE = 20000  # ids per sorted fill statement, as FILL_SLICE in search_bulk.c
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CSV_NOTE = "CSV in ascending ID-number order (bench/import_members.py), so the unique index grows at its end"


def id_number(area, birth, seq):
    s = f"{area}{birth}{seq:03d}"
    return s + "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11]


def make_csv(n):
    """The first n rows of one fixed sequence of valid members of the
    scale-1 district's unions (so every size is a prefix of the largest)."""
    path = os.path.join(d, f"members-{n}.csv")
    if os.path.exists(path):
        return path
    unions = [r[0] for r in sqlite3.connect(f"file:{src}?mode=ro", uri=True).execute(
        "select code from orgs where kind in ('enterprise_union', 'joint_union')")]
    rnd = random.Random(1)
    surnames = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高梁郑罗宋谢唐韩曹许邓萧冯曾程蔡彭潘袁于董余苏叶吕魏蒋田杜丁沈姜"
    given = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆芳娜敏静丽艳娟霞燕玲婷雪慧琳颖洁倩红梅兰英萍"
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write("name,id_number,org,phone,join_date,is_migrant\n")
        # Beijing area codes, which the demo district never uses: no clash
        k = 0
        for area in ("110101", "110102", "110105", "110106", "110107", "110108"):
            for day in range(0, 20000):
                if k >= n:
                    break
                y, rem = 1960 + (day // 366) % 40, day % 366  # born 1960-1999
                m, dd = 1 + rem // 31 % 12, 1 + rem % 28
                for seq in range(0, 1000, 100):
                    if k >= n:
                        break
                    name = rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(rnd.randint(1, 2)))
                    f.write(f"{name},{id_number(area, f'{y:04d}{m:02d}{dd:02d}', seq + day % 100)},"
                            f"{rnd.choice(unions)},1{rnd.randint(3, 9)}{rnd.randint(0, 999999999):09d},"
                            f"20{rnd.randint(18, 25):02d}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)},{rnd.randint(0, 1)}\n")
                    k += 1
    os.replace(path + ".tmp", path)
    return path


def literals(c_src, name):
    m = re.search(r"static const char " + name + r"\[\] =\s*((?:\"(?:[^\"\\]|\\.)*\"\s*)+);", c_src)
    return "".join(re.findall(r"\"((?:[^\"\\]|\\.)*)\"", m.group(1))) if m else None


def fill_statements():
    """The search fill as SQL with ?1/?2 for the id slice, and where it came
    from: src/modules/search_bulk.c while it holds the statements (they must
    equal bench/search_fill.sql), else the reference file."""
    ref = [l.strip().rstrip(";") for l in open(os.path.join(HERE, "search_fill.sql"), encoding="utf-8")
           if l.strip() and not l.startswith("--")]
    if len(ref) != 2:
        sys.exit("bench/search_fill.sql: expected two statements")
    c_path = os.path.join(HERE, "..", "src", "modules", "search_bulk.c")
    c_src = open(c_path, encoding="utf-8").read() if os.path.exists(c_path) else ""
    got = [literals(c_src, "sql_member_subs"), literals(c_src, "sql_member_grams")]
    if None in got:
        return ref, "bench/search_fill.sql (the fill in src/ is no longer SQL)"
    squash = lambda s: " ".join(s.split())
    if [squash(g) for g in got] != [squash(r) for r in ref]:
        sys.exit("src/modules/search_bulk.c's member fill differs from bench/search_fill.sql: update the reference")
    return got, "src/modules/search_bulk.c (= bench/search_fill.sql)"


def rm_db(p):
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(p + ext):
            os.remove(p + ext)


def copy_db(a, b):
    rm_db(b)
    shutil.copyfile(a, b)


FUNC = re.compile(r"\bud_[a-z_]+\s*\(")


def shell_base(from_db, to_db):
    """A copy the shell can write: audit triggers with literals for the
    program's functions, the search-index triggers dropped (their work is
    the fill), any other trigger's ud_indexed_upto(k) made "all rows"."""
    copy_db(from_db, to_db)
    con = sqlite3.connect(to_db)
    dropped = []
    for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall():
        if not FUNC.search(sql):
            continue
        con.execute(f'DROP TRIGGER "{name}"')
        if "_search_" in name:
            dropped.append(name)
            continue
        sql = re.sub(r"\bud_(user|os_login)\s*\(\s*\)", "'bench'", sql)
        sql = re.sub(r"\bud_indexed_upto\s*\(\s*\d+\s*\)", "9223372036854775807", sql)
        if FUNC.search(sql):
            sys.exit(f"trigger {name} calls a function the shell lacks: {sql}")
        con.execute(sql)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    if not any(n.startswith("members_search") for n in dropped):
        sys.exit("no members_search_* trigger found to drop")


def shell_script(path, csv_path, before, n, fill):
    """The shell pipeline; fill: the search statements or None."""
    cols = "name TEXT, id_number TEXT, org TEXT, phone TEXT, join_date TEXT, is_migrant TEXT"
    lines = ["PRAGMA foreign_keys=ON;", "PRAGMA synchronous=FULL;", "PRAGMA cache_size=-65536;",
             "PRAGMA temp_store=MEMORY;", ".mode csv", f"CREATE TABLE stage({cols});",
             f".import --skip 1 {csv_path} stage", "BEGIN;",
             "INSERT INTO members(name, id_number, birth_date, gender, org_id, phone, join_date, is_migrant)"
             " SELECT m.name, m.id_number,"
             " substr(m.id_number,7,4)||'-'||substr(m.id_number,11,2)||'-'||substr(m.id_number,13,2),"
             " CASE WHEN substr(m.id_number,17,1) IN ('1','3','5','7','9') THEN 'M' ELSE 'F' END,"
             " o.id, m.phone, m.join_date, CAST(m.is_migrant AS INTEGER)"
             " FROM stage m JOIN orgs o ON o.code = m.org ORDER BY m.rowid;"]
    if fill:
        for stmt in fill:
            for lo in range(before, before + n, SLICE):
                lines.append(stmt.replace("?1", str(lo)).replace("?2", str(lo + SLICE)) + ";")
    lines += ["COMMIT;", "DROP TABLE stage;"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def digest(db, after, full):
    """What the import wrote past id `after`: the members' fields and the
    two search tables; row by row (sha256) when full, else counts and sums."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    if full:
        qs = ["SELECT name, gender, id_number, birth_date, org_id, phone, join_date, status, is_migrant"
              " FROM members WHERE id > ?1 ORDER BY id",
              "SELECT term, member_id, pos FROM member_subs WHERE member_id > ?1",
              "SELECT gram, member_id FROM member_grams WHERE member_id > ?1"]
    else:
        qs = ["SELECT count(*), total(org_id), total(length(name)), total(is_migrant), total(unicode(gender))"
              " FROM members WHERE id > ?1",
              "SELECT count(*), total(member_id), total(pos), total(unicode(substr(term, 2)))"
              " FROM member_subs WHERE member_id > ?1",
              "SELECT count(*), total(member_id), total(unicode(gram)), total(length(gram))"
              " FROM member_grams WHERE member_id > ?1"]
    out = []
    for q in qs:
        if full:
            h, k = hashlib.sha256(), 0
            for row in con.execute(q, (after,)):
                h.update(repr(row).encode())
                k += 1
            out.append((k, h.hexdigest()[:16]))
        else:
            out.append(con.execute(q, (after,)).fetchone())
    con.close()
    return out


def run_rounds(sides):
    """sides: name -> fn returning (s, kib). Alternates them RUNS times
    (no warm-up: each run is long and starts from a fresh copy)."""
    res = {k: [] for k in sides}
    for _ in range(RUNS):
        for k, fn in sides.items():
            res[k].append(fn()[0])
    return {k: statistics.median(v) for k, v in res.items()}, res


fill, fill_from = fill_statements()
print(f"\n== CSV import of members against the sqlite3 shell doing the same work (make bench) ==")
print(f"search fill of the shell anchor from {fill_from}; {CSV_NOTE}")
with tempfile.TemporaryDirectory(dir=d) as tmp:
    # 1. a fresh database with the scale-1 orgs
    csv_fresh = make_csv(N_FRESH)
    fresh = os.path.join(tmp, "fresh.db")
    subprocess.run([BIN, "--db", fresh, "init"], check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(fresh)
    for fn in ("ud_user", "ud_os_login"):
        con.create_function(fn, 0, lambda: "bench")
    con.create_function("ud_indexed_upto", 1, lambda k: 9223372036854775807)
    cols = ", ".join(r[1] for r in con.execute("PRAGMA table_info(orgs)"))
    con.execute("ATTACH ? AS s", (f"file:{src}?mode=ro",))
    con.execute(f"INSERT INTO orgs({cols}) SELECT {cols} FROM s.orgs ORDER BY id")
    con.commit()
    con.execute("DETACH s")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    norgs = con.execute("SELECT count(*) FROM orgs").fetchone()[0]
    con.close()
    fresh_shell = os.path.join(tmp, "fresh-shell.db")
    shell_base(fresh, fresh_shell)
    ours_db, a_db, b_db = (os.path.join(tmp, f"{k}.db") for k in ("ours", "shell", "shell-nofill"))
    sa, sb = os.path.join(tmp, "a.sql"), os.path.join(tmp, "b.sql")
    shell_script(sa, csv_fresh, 0, N_FRESH, fill)
    shell_script(sb, csv_fresh, 0, N_FRESH, None)

    def ours():
        copy_db(fresh, ours_db)
        return timed([BIN, "--db", ours_db, "import", "members", csv_fresh])

    def shell(script, db):
        def go():
            copy_db(fresh_shell, db)
            with open(script, "rb") as f:
                return timed(["sqlite3", "-bail", db], stdin=f)
        return go

    med, _ = run_rounds({"ours": ours, "a": shell(sa, a_db), "b": shell(sb, b_db)})
    dg_ours, dg_a = digest(ours_db, 0, True), digest(a_db, 0, True)
    same = dg_ours == dg_a and dg_ours[0][0] == N_FRESH
    print(f"{N_FRESH:,} members into a fresh database with the {norgs:,} scale-1 organizations:")
    print(f"  uniondesk import members            {med['ours']:7.2f} s")
    print(f"  shell pipeline + search fill         {med['a']:7.2f} s   ratio {med['ours'] / med['a']:.2f}×")
    print(f"  shell pipeline, members table only   {med['b']:7.2f} s   ratio {med['ours'] / med['b']:.2f}×")
    print(f"  same rows on both sides (members, member_subs, member_grams: count and sha256): "
          f"{'yes' if same else 'NO'} {dg_ours} {'' if same else dg_a}")
    work = f"import {N_FRESH:,} members, fresh db"
    emit(work, 1, med["ours"], "s", med["a"], "shell pipeline + search fill", goal_ratio=1.5,
         note=CSV_NOTE + f"; anchor's search fill from {fill_from}; "
         + ("both sides wrote the same members, member_subs and member_grams (row sha256)" if same
            else "THE TWO SIDES' TABLES DIFFER: the ratio compares different work"))
    emit(work, 1, med["ours"], "s", med["b"], "shell pipeline, members table only (no search fill)",
         note="informative pair: the anchor without the search-index fill uniondesk's import does")
    if not same:
        print("  (tables differ: see the note under the table)")
    for p in (ours_db, a_db, b_db, fresh, fresh_shell):
        rm_db(p)

    # 2. a million members into a copy of the scale-1 database
    csv_big = make_csv(N_BIG)
    before = sqlite3.connect(f"file:{src}?mode=ro", uri=True).execute("SELECT max(id) FROM members").fetchone()[0]
    big_shell = os.path.join(tmp, "big-shell.db")
    shell_base(src, big_shell)
    sc = os.path.join(tmp, "c.sql")
    shell_script(sc, csv_big, before, N_BIG, fill)
    ours_db, c_db = os.path.join(tmp, "ours.db"), os.path.join(tmp, "shell.db")

    def ours_big():
        copy_db(src, ours_db)
        return timed([BIN, "--db", ours_db, "import", "members", csv_big])

    def shell_big():
        copy_db(big_shell, c_db)
        with open(sc, "rb") as f:
            return timed(["sqlite3", "-bail", c_db], stdin=f)

    med, _ = run_rounds({"ours": ours_big, "c": shell_big})
    dg_ours, dg_c = digest(ours_db, before, False), digest(c_db, before, False)
    same = dg_ours == dg_c and dg_ours[0][0] == N_BIG
    print(f"{N_BIG:,} members into a copy of the scale-1 database ({before:,} members there):")
    print(f"  uniondesk import members            {med['ours']:7.2f} s ({N_BIG / med['ours']:,.0f} rows/s)")
    print(f"  shell pipeline + search fill         {med['c']:7.2f} s   ratio {med['ours'] / med['c']:.2f}×")
    print(f"  same rows on both sides (counts and column sums): {'yes' if same else 'NO'}")
    emit(f"import {N_BIG:,} members into scale-1 db", 1, med["ours"], "s", med["c"], "shell pipeline + search fill",
         goal_ratio=1.5, note=CSV_NOTE + "; " + ("both sides wrote the same rows (counts and column sums)" if same
                                                  else "THE TWO SIDES' TABLES DIFFER: the ratio compares different work"))
print(f"(medians of {RUNS} runs, the sides alternating, each from a fresh copy of its database)")
