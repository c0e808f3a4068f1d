/* Scripted mode for tests (after tig's): UNIONDESK_SCRIPT names a file of
 * steps — literal text typed as is, keys in angle brackets (<Enter>,
 * <Down>, <C-u>, <F2>…), <dump:NAME> to write the screen as text to
 * $UNIONDESK_DUMP_DIR/NAME.txt, <resize:COLSxROWS> to resize. Lines
 * starting with # are comments; line ends are not keys (use <Enter>). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui.h"
#include "uniondesk/utf8.h"

static char *script;
static size_t script_len, script_pos;

int tui_script_open(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int c;
    int at_line_start = 1, in_comment = 0;
    while (buf && (c = fgetc(f)) != EOF) {
        if (at_line_start && c == '#')
            in_comment = 1;
        at_line_start = c == '\n';
        if (c == '\n') {
            in_comment = 0;
            continue;
        }
        if (in_comment || c == '\r')
            continue;
        if (n + 1 >= cap) {
            cap *= 2;
            char *g = realloc(buf, cap);
            if (!g) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = g;
        }
        buf[n++] = (char)c;
    }
    fclose(f);
    if (!buf)
        return -1;
    buf[n] = '\0';
    script = buf;
    script_len = n;
    script_pos = 0;
    return 0;
}

struct keyname {
    const char *name;
    int key;
};

static const struct keyname names[] = {
    {"Enter", TK_ENTER},
    {"Esc", TK_ESC},
    {"Tab", TK_TAB},
    {"BTab", TK_KEY(KEY_BTAB)},
    {"Up", TK_KEY(KEY_UP)},
    {"Down", TK_KEY(KEY_DOWN)},
    {"Left", TK_KEY(KEY_LEFT)},
    {"Right", TK_KEY(KEY_RIGHT)},
    {"Home", TK_KEY(KEY_HOME)},
    {"End", TK_KEY(KEY_END)},
    {"PgUp", TK_KEY(KEY_PPAGE)},
    {"PgDn", TK_KEY(KEY_NPAGE)},
    {"Backspace", TK_KEY(KEY_BACKSPACE)},
    {"Del", TK_KEY(KEY_DC)},
    {"Space", ' '},
    {"lt", '<'},
};

void tui_dump_screen(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    for (int y = 0; y < LINES; y++) {
        char line[4096];
        size_t o = 0;
        for (int x = 0; x < COLS && o + 8 < sizeof line; x++) {
            cchar_t cc;
            if (mvwin_wch(curscr, y, x, &cc) == ERR)
                break;
            wchar_t wc[CCHARW_MAX + 1];
            attr_t a;
            short pair;
            if (getcchar(&cc, wc, &a, &pair, NULL) == ERR)
                continue;
            if (wc[0] == 0)
                continue; /* the second half of a wide character */
            for (int i = 0; wc[i] && i < CCHARW_MAX; i++) {
                if ((uint32_t)wc[i] < 0x20)
                    continue;
                char enc[4];
                int l = ud_utf8_encode((uint32_t)wc[i], enc);
                memcpy(line + o, enc, (size_t)l);
                o += (size_t)l;
            }
            /* skip the cell a wide character covers */
            if (ud_cp_width((uint32_t)wc[0]) == 2)
                x++;
        }
        while (o > 0 && line[o - 1] == ' ')
            o--;
        line[o] = '\0';
        fprintf(f, "%s\n", line);
    }
    fclose(f);
}

static void dump_named(const char *name, size_t len)
{
    const char *dir = getenv("UNIONDESK_DUMP_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/%.*s.txt", dir && *dir ? dir : ".", (int)len, name);
    tui_dump_screen(path);
}

int tui_script_key(struct tui_app *app)
{
    (void)app;
    while (script && script_pos < script_len) {
        const char *p = script + script_pos;
        if (*p == '<') {
            const char *end = strchr(p, '>');
            if (end) {
                size_t len = (size_t)(end - p - 1);
                const char *name = p + 1;
                script_pos += len + 2;
                if (len > 5 && strncmp(name, "dump:", 5) == 0) {
                    dump_named(name + 5, len - 5);
                    continue;
                }
                if (len > 7 && strncmp(name, "resize:", 7) == 0) {
                    int c = 0, r = 0;
                    if (sscanf(name + 7, "%dx%d", &c, &r) == 2) {
                        resizeterm(r, c);
                        return TK_KEY(KEY_RESIZE);
                    }
                    continue;
                }
                if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')
                    return TK_CTRL(name[2]);
                if ((len == 2 || len == 3) && name[0] == 'F')
                    return TK_KEY(KEY_F(atoi(name + 1)));
                for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                    if (strlen(names[i].name) == len && strncasecmp(names[i].name, name, len) == 0)
                        return names[i].key;
                /* unknown: type it literally */
                script_pos -= len + 1;
                return '<';
            }
        }
        uint32_t cp;
        int l = ud_utf8_decode(p, script_len - script_pos, &cp);
        script_pos += l ? (size_t)l : 1;
        return l ? (int)cp : '?';
    }
    const char *final = getenv("UNIONDESK_DUMP");
    if (final && *final)
        tui_dump_screen(final);
    return TK_NONE;
}
