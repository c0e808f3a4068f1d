#!/usr/bin/python3
"""The layer check (docs/architecture.md, "Layers"), run by make test
through tests/cli/test_layers.sh.

    tools/layercheck.py [ROOT]     exit 0 when clean, 1 with one line per
                                   violation: FILE:LINE: rule: what

Rules, on the C text (every file under src and include, whatever its
name: a file #included as x.inc is code too) with its comments removed
and its backslash-continued lines joined:
  sql      no SQL text (string literals, adjacent ones joined, string
           macros written out; in any case; SQL outside quotes, as a
           macro's #x makes it) and no sqlite3_ / <sqlite3.h> / statement
           helpers in src/cli, src/tui
  sqlite   <sqlite3.h> only in core and the modules
  curses   curses (<curses.h>, WINDOW, wrefresh, ...) only in src/tui
  layer    an #include reaches only down: core -> core; modules -> core,
           modules; report/export/import/demo -> those, modules, core;
           cli/tui -> anything public (each other's own headers excepted);
           <...> includes that reach the tree through -Iinclude count too,
           and a computed #include MACRO is refused (it cannot be followed)
  private  src/core/*.h only from core and the modules, src/modules/*.h
           only from the modules, a directory's own headers (report_int.h,
           demo_internal.h, src/tui/*.h, cli.h) only from that directory
  table    every public header is in HEADERS below and every directory
           of src in DIRS (a new one is placed in a layer on purpose)
  print    core prints nothing: no printf/puts/perror/dprintf, nothing
           written to stdout or stderr (nor to descriptors 1 and 2) in src/core (it hands text to ud_notice or
           returns it in a struct ud_err; termout.c and csvout.c write
           only to the stream they are given)
"""
import os
import re
import sys

CORE, MODULES, TOOLS, FRONT = 0, 1, 2, 3
NAMES = {CORE: "core", MODULES: "modules", TOOLS: "report/export/import/demo", FRONT: "cli/tui"}
DIRS = {"core": CORE, "modules": MODULES, "report": TOOLS, "export": TOOLS,
        "import": TOOLS, "demo": TOOLS, "cli": FRONT, "tui": FRONT}

# include/uniondesk/X.h -> the layer its code lives in
HEADERS = {}
for h in "err i18n utf8 parse enums db dbfile diskfull migrate rules privilege outfile csvout termout".split():
    HEADERS[h] = CORE
for h in ("org member dispute dispute_stats member_stats training training_stats aid user "
          "audit privacy fields list period may").split():
    HEADERS[h] = MODULES
for h in "report rdoc paper xlsxutil export import csv demo".split():
    HEADERS[h] = TOOLS
HEADERS["search_bulk"] = MODULES
for h in "bulk_index bulk_audit member_bulk case_bulk enrolment_bulk".split():  # the demo's bulk loads
    HEADERS[h] = MODULES
HEADERS["casedoc"] = TOOLS
HEADERS["paper"] = TOOLS
HEADERS["print"] = TOOLS
HEADERS["tui"] = FRONT

SQL = re.compile(r"\bSELECT\b.*?\bFROM\b|\bSELECT\s+(\*|\d|\w+\s*\()|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|"
                 r"\bDELETE\s+FROM\b|\b(CREATE|DROP|ALTER)\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b|"
                 r"\bPRAGMA\s+\w|\bBEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION)\b|"
                 r"\bWHERE\s+[\w.]+\s*(=|<|>|\bIN\b|\bIS\b|\bLIKE\b|\bBETWEEN\b)|\bSAVEPOINT\s+\w")
# SQL in any case (SQLite reads "select" as SELECT), held to shapes that
# English text does not take ("select a member from the list" is help text)
SQL_ANYCASE = re.compile(r"\bselect\b.+?\bfrom\s+\w+(\s+(as\s+)?\w*\s*(where|join|order\s+by|group\s+by|limit)\b|\s*(;|$))|"
                         r"\bselect\s+(\*|count\s*\()|\binsert\s+(or\s+\w+\s+)?into\s+\w+\s*\(|"
                         r"\bupdate\s+\w+\s+set\s+\w+\s*=|\bdelete\s+from\s+\w+\s*(where\b|;|$)|"
                         r"\b(create|drop|alter)\s+(temp\s+)?(table|index|view|trigger)\s+(if\s+\w+\s+)?\w+\s*(\(|on\b|as\b|;|$)|"
                         r"\bpragma\s+\w+\s*(=|\(|;|$)", re.I)
SQL_API = re.compile(r"\bsqlite3_\w+|\bud_db_(stmt|exec|error)\b|\bud_(bind|col)_\w+|\bud_sql_\w+")
# curses names that mean nothing else (not refresh, box, raw, clear...)
CURSES = re.compile(r"\b(WINDOW|stdscr|curscr|initscr|newterm|endwin|newwin|subwin|derwin|delwin|"
                    r"wrefresh|wnoutrefresh|doupdate|mvw?printw|wprintw|mvw?addn?w?str|waddn?w?str|"
                    r"wattr_?(on|off|set)|wbkgd|wborder|w?get_wch|wgetch|keypad|nodelay|nocbreak|cbreak|"
                    r"noecho|curs_set|start_color|init_pair|COLOR_PAIR|use_default_colors|wmove|werase|"
                    r"wclear|wclrtoeol|setcchar|mvw?add_wch|wadd_wch|ACS_[A-Z]+|A_BOLD|A_REVERSE|"
                    r"KEY_(UP|DOWN|LEFT|RIGHT|RESIZE|ENTER|BACKSPACE|NPAGE|PPAGE|HOME|END|DC|BTAB|F)|"
                    r"cchar_t)\b")
PRINT = re.compile(r"\b(printf|puts|perror|putchar|vprintf|dprintf|vdprintf)\s*\(|\b(stdout|stderr)\b|"
                   r"\bwrite\s*\(\s*[12]\s*,|\bSTD(OUT|ERR)_FILENO\b")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
ANY_INCLUDE = re.compile(r'^\s*#\s*include\b')
CURSES_H = re.compile(r"(n?cursesw?|ncursesw?/\w+|panel|menu|form|term|termcap|unctrl)\.h$")
STRING_MACRO = re.compile(r'^\s*#\s*define\s+(\w+)\s+((?:"(?:[^"\\\n]|\\.)*"\s*)+)$', re.M)


def strip_comments(text):
    """C text with comments blanked (newlines kept, so lines still count)
    and string/char literals left as they are."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "/" and i + 1 < n and text[i + 1] == "*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "/" and i + 1 < n and text[i + 1] == "/":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def join_continued(text):
    """Lines ended by a backslash joined to the next, as the preprocessor
    does first (an #include split over two lines is still one); an empty
    line is added after each joined group so line numbers still count."""
    out, held, extra = [], "", 0
    for line in text.split("\n"):
        if line.endswith("\\"):
            held += line[:-1]
            extra += 1
            continue
        out.append(held + line)
        out += [""] * extra
        held, extra = "", 0
    if held:
        out.append(held)
    return "\n".join(out)


def expand_string_macros(code):
    """Object-like macros defined as string literals written out where they
    are used, so SQL assembled from them ("SELECT id " FROM_MEMBERS) is
    joined as the compiler joins it."""
    defs = {m.group(1): m.group(2).strip() for m in STRING_MACRO.finditer(code)}
    if not defs:
        return code
    pat = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, defs)))
    lit = re.compile(r'("(?:[^"\\\n]|\\.)*")')
    lines = code.split("\n")
    for i, line in enumerate(lines):
        if not re.match(r"\s*#\s*define\b", line):  # outside the literals only
            parts = lit.split(line)
            lines[i] = "".join(p if k % 2 else pat.sub(lambda m: defs[m.group(1)], p) for k, p in enumerate(parts))
    return "\n".join(lines)


def literals(code):
    """(line, text) of each string literal, adjacent ones joined."""
    res = []
    for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*', code):
        parts = re.findall(r'"((?:[^"\\\n]|\\.)*)"', m.group(0))
        res.append((code.count("\n", 0, m.start()) + 1, "".join(parts)))
    return res


def code_only(code):
    """The code with string literals blanked: identifiers only."""
    return re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', code)


def layer_of(root, path):
    """(layer, owner) of a file: owner is the directory whose own headers it may use."""
    rel = os.path.relpath(path, root)
    parts = rel.split(os.sep)
    if parts[0] == "src" and len(parts) > 2 and parts[1] in DIRS:
        return DIRS[parts[1]], "src/" + parts[1]
    if parts[0] == "include" and len(parts) == 3 and parts[1] == "uniondesk":
        return HEADERS.get(parts[2][:-2]), "include"
    return None, None


def check_file(root, path, problems):
    rel = os.path.relpath(path, root)
    layer, owner = layer_of(root, path)
    if layer is None:
        if rel.startswith("include"):
            problems.append("%s:1: table: header not placed in a layer (add it to HEADERS in "
                            "tools/layercheck.py)" % rel)
        elif rel.startswith("src" + os.sep) and rel.count(os.sep) >= 2:
            problems.append("%s:1: table: src/%s is in no layer (DIRS in tools/layercheck.py)"
                            % (rel, rel.split(os.sep)[1]))
        return
    with open(path, encoding="utf-8", errors="replace") as f:
        code = strip_comments(join_continued(f.read()))
    lines = code.split("\n")

    def bad(line, rule, what):
        problems.append("%s:%d: %s: %s" % (rel, line, rule, what))

    # includes
    for no, line in enumerate(lines, 1):
        m = INCLUDE.match(line)
        if not m:
            if ANY_INCLUDE.match(line):  # #include MACRO: cannot be followed
                bad(no, "layer", "computed #include (name the header): %s" % line.strip())
            continue
        kind, name = m.groups()
        if kind == "<":
            if name == "sqlite3.h" and layer > MODULES:
                bad(no, "sqlite", "<sqlite3.h> above the modules (%s)" % NAMES[layer])
            if CURSES_H.match(name) and not rel.startswith("src/tui/"):
                bad(no, "curses", "<%s> outside src/tui" % name)
            # <...> through -Iinclude reaches the tree too (<uniondesk/x.h>, <../src/core/db_int.h>)
            if not name.startswith("uniondesk/") and not os.path.exists(os.path.join(root, "include", name)):
                continue
        if name.startswith("uniondesk/"):
            hl = HEADERS.get(name[len("uniondesk/"):-2])
            if hl is None:
                bad(no, "table", "\"%s\" is in no layer (HEADERS in tools/layercheck.py)" % name)
            elif hl > layer:
                bad(no, "layer", "%s (%s) includes \"%s\" (%s): up a layer" % (rel, NAMES[layer], name, NAMES[hl]))
            continue
        here = os.path.dirname(path) if kind == '"' else os.path.join(root, "include")
        target = os.path.normpath(os.path.join(here, name))
        if not os.path.exists(target):  # through -I: the private directories
            for d in ("src/core", "src/modules", "include"):
                cand = os.path.join(root, d, name)
                if os.path.exists(cand):
                    target = cand
                    break
        tlayer, towner = layer_of(root, target)
        if towner is None:
            continue  # generated or missing: the compiler says so
        if towner == "include":
            if tlayer is not None and tlayer > layer:
                bad(no, "layer", "includes \"%s\" (%s) from %s" % (name, NAMES[tlayer], NAMES[layer]))
            continue
        if towner == owner:
            continue
        allowed = (towner == "src/core" and layer <= MODULES) or (towner == "src/modules" and layer == MODULES)
        if not allowed:
            bad(no, "private", "\"%s\" is private to %s" % (name, towner))

    # SQL and the SQLite API in the front ends
    if layer == FRONT:
        for no, text in literals(expand_string_macros(code)):
            if SQL.search(text) or SQL_ANYCASE.search(text):
                bad(no, "sql", "SQL text in a front end: \"%s\"" % text[:60])
        for no, line in enumerate(code_only(code).split("\n"), 1):
            m = SQL_API.search(line) or SQL.search(line)  # SQL outside quotes: a macro's #x
            if m:
                bad(no, "sql", "%s in a front end" % m.group(0))
    # core prints nothing
    if rel.startswith("src/core/"):
        for no, line in enumerate(code_only(code).split("\n"), 1):
            m = PRINT.search(line)
            if m:
                bad(no, "print", "%s in core: hand the text to the caller (ud_notice, struct ud_err)" % m.group(0))
    # curses outside the screens
    if not rel.startswith("src/tui/"):
        for no, line in enumerate(code_only(code).split("\n"), 1):
            m = CURSES.search(line)
            if m and not re.match(r"\s*#\s*include", line):
                bad(no, "curses", "%s outside src/tui" % m.group(0))


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    files = []
    for top in ("src", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            # every file: one #included under another name (x.inc, x.def) is code too
            files += [os.path.join(d, n) for n in names if not n.startswith(".")]
    if not files:
        print("layercheck: no sources under %s" % root)
        return 2
    for path in sorted(files):
        check_file(root, path, problems)
    for p in problems:
        print(p)
    print("layercheck: %d files, %d problem(s)" % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
