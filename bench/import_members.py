"""CSV import of 1,000,000 members against the sqlite3 shell's .import of
the same file into a bare table: the ratio is what validation, the
constraints, the indexes and the audit log cost."""
import os, random, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, RUNS, mib, paired, timed

d = sys.argv[1]
N = int(os.environ.get("UD_BENCH_IMPORT_ROWS", "1000000"))
src = os.path.join(d, "demo-1.db")
csv_path = os.path.join(d, f"members-{N}.csv")
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(area, birth, seq):
    s = f"{area}{birth}{seq:03d}"
    return s + "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11]


if not os.path.exists(csv_path):
    import sqlite3
    unions = [r[0] for r in sqlite3.connect(f"file:{src}?mode=ro", uri=True).execute(
        "select code from orgs where kind in ('enterprise_union', 'joint_union')")]
    rnd = random.Random(1)
    surnames = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高梁郑罗宋谢唐韩曹许邓萧冯曾程蔡彭潘袁于董余苏叶吕魏蒋田杜丁沈姜"
    given = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆芳娜敏静丽艳娟霞燕玲婷雪慧琳颖洁倩红梅兰英萍"
    with open(csv_path + ".tmp", "w", encoding="utf-8") as f:
        f.write("name,id_number,org,phone,join_date,is_migrant\n")
        # Beijing area codes, which the demo district never uses: no clash
        n = 0
        for area in ("110101", "110102", "110105", "110106", "110107", "110108"):
            for day in range(0, 20000):
                if n >= N:
                    break
                y, rem = 1960 + (day // 366) % 40, day % 366  # born 1960-1999
                m, dd = 1 + rem // 31 % 12, 1 + rem % 28
                for seq in range(0, 1000, 100):
                    if n >= N:
                        break
                    name = rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(rnd.randint(1, 2)))
                    f.write(f"{name},{id_number(area, f'{y:04d}{m:02d}{dd:02d}', seq + day % 100)},"
                            f"{rnd.choice(unions)},1{rnd.randint(3, 9)}{rnd.randint(0, 999999999):09d},"
                            f"20{rnd.randint(18, 25):02d}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)},{rnd.randint(0, 1)}\n")
                    n += 1
    os.replace(csv_path + ".tmp", csv_path)

runs = max(1, int(os.environ.get("UD_BENCH_IMPORT_RUNS", "3")))
print(f"\n== CSV import of {N:,} members (make bench) ==")
with tempfile.TemporaryDirectory(dir=d) as tmp:
    db = os.path.join(tmp, "import.db")
    bare = os.path.join(tmp, "bare.db")

    def ours():
        for p in (db, db + "-wal", db + "-shm"):
            if os.path.exists(p):
                os.remove(p)
        shutil.copyfile(src, db)
        return timed([BIN, "--db", db, "import", "members", csv_path])

    def shell():
        if os.path.exists(bare):
            os.remove(bare)
        script = (".mode csv\nCREATE TABLE m(name TEXT, id_number TEXT, org TEXT, phone TEXT, join_date TEXT,"
                  f" is_migrant TEXT);\n.import --skip 1 {csv_path} m\n")
        return timed(["sqlite3", bare], stdin=_pipe(script))

    def _pipe(text):
        r, w = os.pipe()
        os.write(w, text.encode())
        os.close(w)
        return r

    (t_ours, m_ours), (t_shell, m_shell) = paired(ours, shell, runs, warm=False)
print(f"uniondesk import members: {t_ours:7.2f} s ({N / t_ours:,.0f} rows/s), peak {mib(m_ours):.1f} MiB"
      f" — into the scale-1 demo database (380,000 members already there)")
print(f"sqlite3 .import, bare table: {t_shell:7.2f} s ({N / t_shell:,.0f} rows/s), peak {mib(m_shell):.1f} MiB")
print(f"ratio {t_ours / t_shell:.1f}×: per row the import parses and checks every field (ID check digit, dates,"
      " phone, union), looks the union up, inserts through the member module, updates four indexes and"
      " writes an audit row with the whole record as JSON")
print(f"(medians of {runs} runs)")
