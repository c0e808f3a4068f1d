#!/usr/bin/python3
"""The IN lists in the tables' CHECK constraints (migration 0009).

    tools/inlists.py list DB   one line per `col [NOT] IN (constants)` in a
                               CREATE TABLE of DB's schema, comments
                               ignored: table TAB column TAB in|not in
                               TAB the constants, comma-separated, as
                               written ('a' or 0)
    tools/inlists.py sql DB    the UPDATEs of sqlite_schema that rewrite
                               each of them as an OR chain of = (AND chain
                               of <> for NOT IN), keeping its line breaks;
                               pasted into migrations/0009 from a fresh
                               version-8 database

An IN list of non-NULL constants is exactly an OR of equalities (SQLite's
lang_expr.html: "a IN (x, y)" is "a = +x OR a = +y"), NULL included; but
in a CHECK, SQLite 3.40 builds an ephemeral table for the list for every
row written. The targets are the exact text sqlite_schema holds, each
found exactly once in its table (else this exits 1).
"""
import re
import sqlite3
import sys

IN_LIST = re.compile(r"\b(\w+)\s+(NOT\s+)?IN\s*\(([^()]*)\)", re.I)
WIDTH = 100
CONSTANT = re.compile(r"'[^',]*'|-?[0-9]+")


def masked(sql):
    """sql with its comments blanked (same length, newlines kept), so a
    comment that mentions IN (...) is not read as one"""
    out, i = list(sql), 0
    while i < len(sql):
        if sql[i] == "'":
            j = sql.index("'", i + 1)
            while j + 1 < len(sql) and sql[j + 1] == "'":
                j = sql.index("'", j + 2)
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = len(sql) if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif sql.startswith("/*", i):
            j = sql.index("*/", i) + 2
            out[i:j] = ["\n" if c == "\n" else " " for c in sql[i:j]]
            i = j
        else:
            i += 1
    return "".join(out)


def in_lists(sql):
    """(start, end, column, negated, [(separator, constant)]) per IN list"""
    text = masked(sql)
    found = []
    for m in IN_LIST.finditer(text):
        items = []
        for part in m.group(3).split(","):
            value = part.strip()
            if not CONSTANT.fullmatch(value):
                sys.exit(f"inlists: not a list of constants: {sql[m.start():m.end()]!r}")
            items.append((part[: len(part) - len(part.lstrip())], value))
        found.append((m.start(), m.end(), m.group(1), bool(m.group(2)), items))
    return found


def chain(sql, start, end, col, negated, items):
    """the OR (AND) chain for one IN list, parenthesized unless the list
    already was; a line that would pass WIDTH breaks before an OR, indented
    as the list's own continuation lines (or under its first term)"""
    op, join = ("<>", "AND") if negated else ("=", "OR")
    text = masked(sql)
    bare = start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")"
    col0 = start - (sql.rfind("\n", 0, start) + 1)
    seps = [sep for sep, _ in items if "\n" in sep]
    indent = seps[0][seps[0].rfind("\n") + 1:] if seps else " " * (col0 + (0 if bare else 1))
    out, width = "" if bare else "(", col0 + (0 if bare else 1)
    for k, (_, value) in enumerate(items):
        term = f"{col} {op} {value}"
        if k and width + len(f" {join} {term}") > WIDTH:
            out += "\n" + indent
            width = len(indent)
            term = f"{join} {term}"
        elif k:
            term = f" {join} {term}"
        out += term
        width += len(term)
    return out + ("" if bare else ")")


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def tables(db):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL "
                       "ORDER BY rowid").fetchall()
    con.close()
    return rows


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("list", "sql"):
        sys.exit(__doc__)
    for name, sql in tables(sys.argv[2]):
        found = in_lists(sql)
        new = sql
        for start, end, col, negated, items in found:
            target = sql[start:end]
            if sys.argv[1] == "list":
                print(f"{name}\t{col}\t{'not in' if negated else 'in'}\t" + ",".join(v for _, v in items))
                continue
            if sql.count(target) != 1:
                sys.exit(f"inlists: {name}: {target!r} occurs {sql.count(target)} times")
            repl = chain(sql, start, end, col, negated, items)
            new = new.replace(target, repl)
            print(f"UPDATE sqlite_schema SET sql = replace(sql,\n    {quote(target)},\n    {quote(repl)})\n"
                  f"WHERE type = 'table' AND name = {quote(name)};")
        if sys.argv[1] == "sql" and in_lists(new):
            sys.exit(f"inlists: {name}: IN lists left after the rewrite")


if __name__ == "__main__":
    main()
