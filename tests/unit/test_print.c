/* Printing (print.h): which names may go to lp -d, and what lp is given —
 * its arguments and the PDF on its stdin, byte for byte — through a
 * stand-in lp on PATH; lp's reason and a missing lp said plainly. The real
 * CUPS path is tests/cli/test_cups.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "uniondesk/print.h"

static void names(void **state)
{
    (void)state;
    assert_true(ud_printer_name_ok("PDF"));
    assert_true(ud_printer_name_ok("Office_2F-HP"));
    assert_true(ud_printer_name_ok("办公室"));
    assert_false(ud_printer_name_ok(NULL));
    assert_false(ud_printer_name_ok(""));
    assert_false(ud_printer_name_ok("two words"));
    assert_false(ud_printer_name_ok("tab\there"));
    /* a printer's instance (lpoptions -p PDF/a4), as lpstat -e lists it */
    assert_true(ud_printer_name_ok("PDF/a4"));
    assert_false(ud_printer_name_ok("/a4"));
    assert_false(ud_printer_name_ok("PDF/"));
    assert_false(ud_printer_name_ok("a/b/c"));
    assert_false(ud_printer_name_ok("a#b"));
    assert_false(ud_printer_name_ok("esc\033[2J"));
    char longname[200];
    memset(longname, 'p', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_false(ud_printer_name_ok(longname));
    longname[127] = '\0';
    assert_true(ud_printer_name_ok(longname));
}

static char dir[64];
static char oldpath[4096];

/* A stand-in tool in a directory of its own, first on PATH. */
static void stand_in_tool(const char *tool, const char *body)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, tool);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "#!/bin/sh\n%s\n", body);
    fclose(f);
    chmod(path, 0755);
}

/* A stand-in lp in a directory of its own, first on PATH. */
static void stand_in(const char *body)
{
    char path[128];
    snprintf(path, sizeof path, "%s/lp", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "#!/bin/sh\n%s\n", body);
    fclose(f);
    chmod(path, 0755);
}

static char *slurp(const char *name, size_t *len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 16);
    *len = fread(buf, 1, (1 << 16) - 1, f);
    fclose(f);
    return buf;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/udprint.XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(oldpath, sizeof oldpath, "%s", getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
    char path[4200];
    snprintf(path, sizeof path, "%s:/usr/bin:/bin", dir);
    setenv("PATH", path, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    setenv("PATH", oldpath, 1);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void pdf_to_lp(void **state)
{
    (void)state;
    char body[512];
    snprintf(body, sizeof body, "for a in \"$@\"; do echo \"$a\"; done >%s/args\ncat >%s/in", dir, dir);
    stand_in(body);
    static const char pdf[] = "%PDF-1.5\n\0binary\377\n%%EOF\n";
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_print_pdf(pdf, sizeof pdf - 1, "Office_2F", "月报", 1, &err), UD_OK);
    size_t n;
    char *in = slurp("in", &n);
    assert_non_null(in);
    assert_int_equal(n, sizeof pdf - 1);
    assert_memory_equal(in, pdf, n);
    free(in);
    char *args = slurp("args", &n);
    assert_non_null(args);
    assert_string_equal(args, "-d\nOffice_2F\n-t\n月报\n-o\nmedia=A4\n");
    free(args);
    /* no printer: the default destination, no -d */
    ud_err_clear(&err);
    assert_int_equal(ud_print_pdf(pdf, sizeof pdf - 1, NULL, NULL, 1, &err), UD_OK);
    args = slurp("args", &n);
    assert_string_equal(args, "-t\nuniondesk\n-o\nmedia=A4\n");
    free(args);
}

static void refusals(void **state)
{
    (void)state;
    char body[256];
    snprintf(body, sizeof body, "touch %s/ran; cat >/dev/null", dir);
    stand_in(body);
    struct ud_err err;
    ud_err_clear(&err);
    /* a name lp would take for something else never reaches it */
    assert_int_equal(ud_print_pdf("%PDF", 4, "a b", "t", 1, &err), UD_ERR_USAGE);
    assert_non_null(strstr(err.msg, "uniondesk printers"));
    char ran[128];
    snprintf(ran, sizeof ran, "%s/ran", dir);
    assert_int_not_equal(access(ran, F_OK), 0);
    /* lp's own reason, whole and on one line, its escapes made visible
     * (a running scheduler, whatever this machine's CUPS is doing) */
    stand_in_tool("lpstat", "echo 'scheduler is running'");
    stand_in("cat >/dev/null; echo 'lp: The printer or class does not exist.' >&2; printf '\\033[2J\\n' >&2; exit 1");
    ud_err_clear(&err);
    assert_int_equal(ud_print_pdf("%PDF", 4, "Nope", "t", 1, &err), UD_ERR_IO);
    assert_non_null(strstr(err.msg, "lp: The printer or class does not exist."));
    assert_non_null(strstr(err.msg, "uniondesk printers"));
    assert_null(strchr(err.msg, '\033'));
    assert_null(strchr(err.msg, '\n'));
    /* the scheduler stopped: lp says "No default destination"; the user
     * is told the real reason (lpstat -r) and what to do */
    stand_in_tool("lpstat", "echo 'scheduler is not running'");
    stand_in("cat >/dev/null; echo 'lp: Error - No default destination.' >&2; exit 1");
    ud_err_clear(&err);
    assert_int_equal(ud_print_pdf("%PDF", 4, NULL, "t", 1, &err), UD_ERR_IO);
    assert_non_null(strstr(err.msg, "No default destination"));
    assert_non_null(strstr(err.msg, "scheduler is not running"));
    assert_non_null(strstr(err.msg, "systemctl start cups"));
    /* no lp at all */
    char nolp[128];
    snprintf(nolp, sizeof nolp, "%s/lp", dir);
    unlink(nolp);
    setenv("PATH", dir, 1);
    ud_err_clear(&err);
    assert_int_equal(ud_print_pdf("%PDF", 4, NULL, "t", 1, &err), UD_ERR_IO);
    assert_non_null(strstr(err.msg, "cups-client"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),
        cmocka_unit_test_setup_teardown(pdf_to_lp, setup, teardown),
        cmocka_unit_test_setup_teardown(refusals, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
