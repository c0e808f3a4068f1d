# The layer check (tools/layercheck.py, docs/architecture.md "Layers"):
# the tree passes, and each kind of violation planted in a copy of it is
# caught, naming the file and the rule; text that only looks like one (a
# comment, an English word) is not.
. tests/lib.sh
CHECK="$UD_ROOT/tools/layercheck.py"

expect_rc 0 "the source tree passes the layer check" "$PY" "$CHECK" "$UD_ROOT"
contains "$TMP/out" "0 problem" "…and says it looked ($(tail -1 "$TMP/out"))"

COPY=$TMP/tree
fresh() { rm -rf "$COPY" && mkdir -p "$COPY" && cp -r "$UD_ROOT/src" "$UD_ROOT/include" "$COPY/"; }
# plant DESC FILE RULE LINE: appends LINE to FILE in a fresh copy; the
# check must fail naming FILE and RULE
plant() {
    desc=$1 file=$2 rule=$3 line=$4
    fresh
    printf '%s\n' "$line" >>"$COPY/$file"
    expect_rc 1 "caught: $desc" "$PY" "$CHECK" "$COPY"
    contains "$TMP/out" "$file:" "…naming $file"
    contains "$TMP/out" ": $rule:" "…under the rule '$rule'"
}
# harmless DESC FILE LINE: the check must still pass
harmless() {
    fresh
    printf '%s\n' "$3" >>"$COPY/$2"
    expect_rc 0 "not a violation: $1" "$PY" "$CHECK" "$COPY"
}

fresh
expect_rc 0 "an untouched copy passes (the plants below are what fails)" "$PY" "$CHECK" "$COPY"

plant "SQL text in src/cli" src/cli/cmd_check.c sql \
    'static const char *q = "SELECT count(*) FROM members WHERE org_id = ?";'
plant "SQL split over adjacent literals in src/tui" src/tui/app.c sql \
    'static const char *q = "UPDATE cases " "SET status = 1";'
plant "sqlite3_ in src/tui" src/tui/draw.c sql 'void f(void *h) { sqlite3_exec(h, 0, 0, 0, 0); }'
plant "a statement helper in src/cli" src/cli/cmd_user.c sql 'void f(void) { ud_db_stmt(0, 0, 0); }'
plant "<sqlite3.h> in src/report" src/report/print.c sqlite '#include <sqlite3.h>'
plant "<curses.h> in src/report" src/report/print.c curses '#include <curses.h>'
plant "a WINDOW in a module" src/modules/org.c curses 'static WINDOW *w;'
plant "wrefresh in src/cli" src/cli/cmd_audit.c curses 'void f(void) { wrefresh(0); }'
plant "core including a module" src/core/utf8.c layer '#include "uniondesk/member.h"'
plant "a module including a report" src/modules/org.c layer '#include "uniondesk/report.h"'
plant "the import including the screens" src/import/import.c layer '#include "uniondesk/tui.h"'
plant "a public core header including a module's" include/uniondesk/utf8.h layer '#include "uniondesk/org.h"'
plant "src/cli reaching core's private header" src/cli/cmd_report.c private '#include "../core/db_int.h"'
plant "src/export including modutil.h" src/export/aid_roster.c private '#include "modutil.h"'
plant "src/cli including a screen's own header" src/cli/main.c private '#include "../tui/tui.h"'
plant "core printing to stderr" src/core/db.c print 'void f(void) { fprintf(stderr, "upgraded\n"); }'
plant "core calling printf" src/core/rules.c print 'void f(void) { printf("x"); }'
# what a hostile reviewer tried: each compiles, each slipped past the first check
plant "lower-case SQL in src/tui" src/tui/draw.c sql \
    'static const char *q = "select id from members where org_id = ?";'
plant "SQL assembled from a string macro" src/cli/cmd_check.c sql \
    "$(printf '#define FROM_M "FROM members"\nstatic const char *q = "SELECT id " FROM_M;')"
plant "SQL stringified by a macro" src/tui/draw.c sql \
    "$(printf '#define Q(x) #x\nstatic const char *q = Q(SELECT id FROM members);')"
plant "<..> reaching core's private header through -Iinclude" src/tui/draw.c private '#include <../src/core/db_int.h>'
plant "<uniondesk/tui.h> in a module" src/modules/org.c layer '#include <uniondesk/tui.h>'
plant "an #include split by a backslash" src/cli/main.c private "$(printf '#include \\\n"../core/db_int.h"')"
plant "a computed #include" src/tui/draw.c layer "$(printf '#define H "../core/db_int.h"\n#include H')"
plant "<term.h> (terminfo) in src/report" src/report/print.c curses '#include <term.h>'
plant "core writing to descriptor 2" src/core/db.c print 'void f(void) { write(2, "x", 1); }'
fresh
printf '"SELECT id FROM members WHERE org_id = ?"\n' >"$COPY/src/tui/queries.inc"
expect_rc 1 "caught: SQL in a file #included under another name (src/tui/queries.inc)" "$PY" "$CHECK" "$COPY"
contains "$TMP/out" "queries.inc:1: sql:" "…naming it"
fresh
mkdir -p "$COPY/src/web" && printf 'int x;\n' >"$COPY/src/web/a.c"
expect_rc 1 "caught: a directory of src in no layer" "$PY" "$CHECK" "$COPY"
contains "$TMP/out" "src/web/a.c:1: table:" "…naming it"

fresh
printf '#include "err.h"\n' >"$COPY/include/uniondesk/newthing.h"
expect_rc 1 "caught: a public header placed in no layer" "$PY" "$CHECK" "$COPY"
contains "$TMP/out" "newthing.h:1: table:" "…naming it"

harmless "SQL words in a comment in src/cli" src/cli/cmd_check.c '/* SELECT count(*) FROM members; wrefresh(WINDOW) */'
harmless "'sqlite3' in help text" src/cli/commands.c 'static const char *h = "cannot open it with sqlite3: SELECT a row, or UPDATE it";'
harmless "a module's own SQL" src/modules/org.c 'static const char *q = "SELECT id FROM orgs WHERE code = ?";'
harmless "a private header in a module" src/modules/org.c '#include "sqlbuf.h"'
harmless "English that reads like lower-case SQL" src/tui/draw.c \
    'static const char *h = "Select a member from the list, or delete from the list; update the list, set it";'
harmless "a system header in angle brackets" src/tui/draw.c '#include <stdio.h>'

echo "1..$TESTS_N"
