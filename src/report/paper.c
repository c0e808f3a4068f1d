#define _GNU_SOURCE /* vasprintf */
/* Building a paper document block by block (paper.h); typesetting is in
 * paper_pdf.c. */
#include "uniondesk/paper.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"

void ud_paper_init(struct ud_paper *p, const char *title, const char *head)
{
    memset(p, 0, sizeof *p);
    snprintf(p->title, sizeof p->title, "%s", title ? title : "");
    snprintf(p->head, sizeof p->head, "%s", head ? head : "");
}

static void free_table(struct ud_ptable *t)
{
    if (!t)
        return;
    for (int r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->rows[r].ncells; c++)
            free(t->rows[r].cells[c].text);
        free(t->rows[r].cells);
    }
    free(t->rows);
    free(t);
}

void ud_paper_free(struct ud_paper *p)
{
    for (int i = 0; i < p->nblocks; i++) {
        free(p->blocks[i].text);
        free_table(p->blocks[i].table);
    }
    free(p->blocks);
    p->blocks = NULL;
    p->nblocks = p->cap = 0;
}

int ud_paper_check(const struct ud_paper *p, struct ud_err *err)
{
    return p->oom ? ud_err_nomem(err) : UD_OK;
}

static struct ud_pblock *add_block(struct ud_paper *p, enum ud_pblock_kind kind)
{
    if (p->oom)
        return NULL;
    if (p->nblocks == p->cap) {
        int cap = p->cap ? p->cap * 2 : 32;
        struct ud_pblock *g = realloc(p->blocks, sizeof *g * (size_t)cap);
        if (!g) {
            p->oom = 1;
            return NULL;
        }
        p->blocks = g;
        p->cap = cap;
    }
    struct ud_pblock *b = &p->blocks[p->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

static char *copy(struct ud_paper *p, const char *s)
{
    char *c = strdup(s ? s : "");
    if (!c)
        p->oom = 1;
    return c;
}

static void add_text(struct ud_paper *p, enum ud_pblock_kind kind, const char *text)
{
    struct ud_pblock *b = add_block(p, kind);
    if (b)
        b->text = copy(p, text);
}

void ud_paper_title(struct ud_paper *p, const char *text) { add_text(p, UD_PB_TITLE, text); }
void ud_paper_center(struct ud_paper *p, const char *text) { add_text(p, UD_PB_CENTER, text); }
void ud_paper_right(struct ud_paper *p, const char *text) { add_text(p, UD_PB_RIGHT, text); }
void ud_paper_line(struct ud_paper *p, const char *text) { add_text(p, UD_PB_LINE, text); }
void ud_paper_para(struct ud_paper *p, const char *text) { add_text(p, UD_PB_PARA, text); }

void ud_paper_paraf(struct ud_paper *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    if (!s) {
        p->oom = 1;
        return;
    }
    struct ud_pblock *b = add_block(p, UD_PB_PARA);
    if (b)
        b->text = s;
    else
        free(s);
}

void ud_paper_space(struct ud_paper *p, int lines)
{
    struct ud_pblock *b = add_block(p, UD_PB_SPACE);
    if (b)
        b->n = lines;
}

void ud_paper_page_break(struct ud_paper *p) { add_block(p, UD_PB_PAGEBREAK); }

void ud_paper_keep_with_next(struct ud_paper *p)
{
    if (p->nblocks > 0)
        p->blocks[p->nblocks - 1].keep = 1;
}

struct ud_ptable *ud_paper_table(struct ud_paper *p, int ncols, const int *widths, int header_rows)
{
    if (ncols < 1 || ncols > 16) {
        p->oom = 1; /* a programming error: the document is not written */
        return NULL;
    }
    struct ud_pblock *b = add_block(p, UD_PB_TABLE);
    if (!b)
        return NULL;
    struct ud_ptable *t = calloc(1, sizeof *t);
    if (!t) {
        p->oom = 1;
        return NULL;
    }
    t->ncols = ncols;
    t->header_rows = header_rows;
    int sum = 0;
    for (int i = 0; i < ncols; i++) {
        t->widths[i] = widths ? widths[i] : 1000 / ncols;
        sum += t->widths[i];
    }
    t->widths[ncols - 1] += 1000 - sum; /* the last column takes what rounding left */
    b->table = t;
    return t;
}

/* The table being filled: the last block, if a table. */
static struct ud_ptable *open_table(struct ud_paper *p)
{
    if (p->nblocks == 0 || p->blocks[p->nblocks - 1].kind != UD_PB_TABLE)
        return NULL;
    return p->blocks[p->nblocks - 1].table;
}

static int row_span(const struct ud_prow *r)
{
    int n = 0;
    for (int i = 0; i < r->ncells; i++)
        n += r->cells[i].span;
    return n;
}

void ud_paper_cell(struct ud_paper *p, const char *text, int span, unsigned flags)
{
    struct ud_ptable *t = open_table(p);
    if (!t || p->oom) {
        p->oom = 1;
        return;
    }
    if (span < 1)
        span = 1;
    if (t->nrows == 0 || row_span(&t->rows[t->nrows - 1]) >= t->ncols) {
        if (t->nrows == t->cap) {
            int cap = t->cap ? t->cap * 2 : 16;
            struct ud_prow *g = realloc(t->rows, sizeof *g * (size_t)cap);
            if (!g) {
                p->oom = 1;
                return;
            }
            t->rows = g;
            t->cap = cap;
        }
        memset(&t->rows[t->nrows++], 0, sizeof t->rows[0]);
    }
    struct ud_prow *r = &t->rows[t->nrows - 1];
    int left = t->ncols - row_span(r);
    if (span > left)
        span = left;
    struct ud_pcell *g = realloc(r->cells, sizeof *g * (size_t)(r->ncells + 1));
    if (!g) {
        p->oom = 1;
        return;
    }
    r->cells = g;
    struct ud_pcell *c = &r->cells[r->ncells++];
    c->text = copy(p, text);
    c->span = span;
    c->flags = flags;
}

int ud_paper_dump(const struct ud_paper *p, FILE *out, struct ud_err *err)
{
    static const char *const names[] = {"TITLE", "CENTER", "RIGHT", "LINE", "PARA", "TABLE", "SPACE", "PAGE"};
    if (ud_paper_check(p, err) != UD_OK)
        return err->status;
    for (int i = 0; i < p->nblocks; i++) {
        const struct ud_pblock *b = &p->blocks[i];
        if (b->kind != UD_PB_TABLE) {
            fprintf(out, "%s|%s\n", names[b->kind], b->text ? b->text : "");
            continue;
        }
        for (int r = 0; r < b->table->nrows; r++) {
            fputs("ROW", out);
            for (int c = 0; c < b->table->rows[r].ncells; c++)
                fprintf(out, "|%s", b->table->rows[r].cells[c].text);
            fputc('\n', out);
        }
    }
    if (fflush(out) != 0 || ferror(out))
        return ud_err_set(err, UD_ERR_IO, "%s", T("写入文书时出错", "error writing the document"));
    return UD_OK;
}
