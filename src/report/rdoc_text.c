/* A report as text for paper: the document is first laid out as lines in
 * blocks (the title, each table, the notes), then the blocks are put on
 * pages when they run past one. Widths are display widths (utf8.h). */
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/rdoc.h"
#include "uniondesk/utf8.h"

#define SEP 2          /* spaces between columns */
#define MIN_LABEL 8    /* the label column gives up width down to this */

/* ---- lines ---- */

struct lines {
    char **v;
    int n, cap;
    int oom;
};

static void add_line(struct lines *L, const char *s)
{
    if (L->oom)
        return;
    if (L->n == L->cap) {
        int cap = L->cap ? L->cap * 2 : 64;
        char **g = realloc(L->v, sizeof *g * (size_t)cap);
        if (!g) {
            L->oom = 1;
            return;
        }
        L->v = g;
        L->cap = cap;
    }
    char *c = strdup(s);
    if (!c) {
        L->oom = 1;
        return;
    }
    L->v[L->n++] = c;
}

static void free_lines(struct lines *L)
{
    for (int i = 0; i < L->n; i++)
        free(L->v[i]);
    free(L->v);
}

/* A line being put together, cell by cell. */
struct buf {
    char s[4096];
    size_t n;
};

static void put(struct buf *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l >= sizeof b->s)
        l = sizeof b->s - b->n - 1;
    memcpy(b->s + b->n, s, l);
    b->n += l;
    b->s[b->n] = '\0';
}

static void put_cell(struct buf *b, const char *s, int cols, enum ud_align al)
{
    char cell[1024];
    ud_str_cell(cell, sizeof cell, s, cols, al);
    put(b, cell);
}

static void put_rule(struct buf *b, char ch, int width)
{
    for (int i = 0; i < width && b->n + 1 < sizeof b->s; i++)
        b->s[b->n++] = ch;
    b->s[b->n] = '\0';
}

static void put_spaces(struct buf *b, int n)
{
    put_rule(b, ' ', n);
}

/* ---- blocks ---- */

struct block {
    int first, count; /* lines of the block */
    int nhead;        /* leading lines repeated when the block is cut */
};

struct layout {
    struct lines L;
    struct block b[UD_RDOC_MAXTABLES + 3]; /* the head, the tables, the notes, the signers */
    int nb;
    int width;      /* page width: the widest table */
    int note_width; /* notes may take a little more */
};

static void begin_block(struct layout *ly)
{
    ly->b[ly->nb].first = ly->L.n;
    ly->b[ly->nb].nhead = 0;
}

static void end_block(struct layout *ly)
{
    ly->b[ly->nb].count = ly->L.n - ly->b[ly->nb].first;
    if (ly->b[ly->nb].count > 0)
        ly->nb++;
}

/* Column widths, shared by all tables with as many columns so that the
 * tables of one report line up with each other. */
static void table_widths(const struct ud_rdoc *d, const struct ud_rtable *t, int w[UD_RDOC_MAXCOLS + 1])
{
    memset(w, 0, sizeof *w * (UD_RDOC_MAXCOLS + 1));
    for (int k = 0; k < d->ntables; k++) {
        const struct ud_rtable *u = &d->tables[k];
        if (u->ncols != t->ncols)
            continue;
        int lw = ud_str_width(u->label_head ? u->label_head : "");
        if (lw > w[0])
            w[0] = lw;
        for (int c = 0; c < u->ncols; c++) {
            for (int h = 0; h < 2; h++) {
                int hw = ud_str_width(u->cols[c].head[h] ? u->cols[c].head[h] : "");
                if (hw > w[c + 1])
                    w[c + 1] = hw;
            }
        }
        for (int r = 0; r < u->nrows; r++) {
            int rw = ud_str_width(u->rows[r].label);
            if (rw > w[0])
                w[0] = rw;
            for (int c = 0; c < u->ncols; c++) {
                char cell[64];
                ud_rdoc_cell_text(u, &u->rows[r], c, cell, sizeof cell);
                int cw = ud_str_width(cell);
                if (cw > w[c + 1])
                    w[c + 1] = cw;
            }
        }
    }
    int total = w[0];
    for (int c = 0; c < t->ncols; c++)
        total += SEP + w[c + 1];
    if (total > UD_RDOC_TEXT_WIDTH) {
        int give = total - UD_RDOC_TEXT_WIDTH;
        w[0] = w[0] - give < MIN_LABEL ? MIN_LABEL : w[0] - give;
    }
}

static int table_width(const struct ud_rtable *t, const int w[UD_RDOC_MAXCOLS + 1])
{
    int total = w[0];
    for (int c = 0; c < t->ncols; c++)
        total += SEP + w[c + 1];
    return total;
}

static void lay_table(struct layout *ly, const struct ud_rdoc *d, const struct ud_rtable *t)
{
    int w[UD_RDOC_MAXCOLS + 1];
    table_widths(d, t, w);
    int tw = table_width(t, w);
    struct buf b;
    begin_block(ly);
    b.n = 0;
    b.s[0] = '\0';
    put(&b, t->caption);
    add_line(&ly->L, b.s);
    b.n = 0;
    put_rule(&b, '=', tw);
    add_line(&ly->L, b.s);
    int two = 0;
    for (int c = 0; c < t->ncols; c++)
        if (t->cols[c].head[1] && *t->cols[c].head[1])
            two = 1;
    for (int h = 0; h < 1 + two; h++) {
        b.n = 0;
        put_cell(&b, h == 0 && t->label_head ? t->label_head : "", w[0], UD_LEFT);
        for (int c = 0; c < t->ncols; c++) {
            put_spaces(&b, SEP);
            put_cell(&b, t->cols[c].head[h] ? t->cols[c].head[h] : "", w[c + 1], UD_RIGHT);
        }
        add_line(&ly->L, b.s);
    }
    b.n = 0;
    put_rule(&b, '-', tw);
    add_line(&ly->L, b.s);
    ly->b[ly->nb].nhead = ly->L.n - ly->b[ly->nb].first;
    for (int r = 0; r < t->nrows; r++) {
        const struct ud_rrow *row = &t->rows[r];
        if (row->total && r > 0) {
            b.n = 0;
            put_rule(&b, '-', tw);
            add_line(&ly->L, b.s);
        }
        b.n = 0;
        put_cell(&b, row->label, w[0], UD_LEFT);
        for (int c = 0; c < t->ncols; c++) {
            char cell[64];
            ud_rdoc_cell_text(t, row, c, cell, sizeof cell);
            put_spaces(&b, SEP);
            put_cell(&b, cell, w[c + 1], UD_RIGHT);
        }
        add_line(&ly->L, b.s);
    }
    b.n = 0;
    put_rule(&b, '=', tw);
    add_line(&ly->L, b.s);
    end_block(ly);
}

/* Left text and right text on one line of `width` columns (the left one
 * cut when both do not fit). */
static void two_sided(struct buf *b, const char *left, const char *right, int width)
{
    int rw = ud_str_width(right);
    int lw = ud_str_width(left);
    int room = width - rw - (rw ? 2 : 0);
    if (room < 0)
        room = 0;
    b->n = 0;
    b->s[0] = '\0';
    if (lw > room)
        put_cell(b, left, room, UD_LEFT);
    else {
        char vis[1024];
        ud_text_visible(vis, sizeof vis, left);
        put(b, vis);
        put_spaces(b, room - lw);
    }
    if (rw) {
        put_spaces(b, 2);
        put_cell(b, right, rw, UD_LEFT);
    }
}

static void centered(struct layout *ly, const char *s)
{
    struct buf b;
    int sw = ud_str_width(s);
    b.n = 0;
    b.s[0] = '\0';
    if (sw >= ly->width) {
        put_cell(&b, s, ly->width, UD_LEFT);
    } else {
        char vis[1024];
        ud_text_visible(vis, sizeof vis, s);
        put_spaces(&b, (ly->width - sw) / 2);
        put(&b, vis);
    }
    add_line(&ly->L, b.s);
}

static int no_line_start(const char *s)
{
    static const char *const marks[] = {"，", "。", "；", "：", "、", "）", "！", "？", "”", "》", ",", ".", ";", ":", ")"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp(s, marks[i], strlen(marks[i])) == 0)
            return 1;
    return 0;
}

static int is_word(char c)
{
    unsigned char u = (unsigned char)c;
    return u < 0x80 && u > ' ';
}

/* A note wrapped to the page: not inside an ASCII word (English), at any
 * character otherwise (Chinese). Lines after
 * the first are indented to the text after a leading "1. " / "（1）". */
static void lay_note(struct layout *ly, const char *note)
{
    int indent = 0;
    const char *p = note;
    while (*p >= '0' && *p <= '9')
        p++;
    if (p > note && (*p == '.' || strncmp(p, "、", strlen("、")) == 0)) {
        p += *p == '.' ? 1 : strlen("、");
        while (*p == ' ')
            p++;
        indent = ud_str_width(note) - ud_str_width(p);
    }
    int first = 1;
    const char *s = note;
    char vis[1024];
    while (*s) {
        int room = ly->note_width - (first ? 0 : indent);
        int used;
        size_t n = ud_str_fit(s, room, &used);
        if (n == 0)
            n = 1; /* a character wider than the page: cannot happen at these widths */
        if (s[n] && s[n] != ' ' && is_word(s[n]) && is_word(s[n - 1])) {
            /* inside an ASCII word: back up to the space before it */
            size_t cut = n;
            while (cut > n / 2 && s[cut] != ' ')
                cut--;
            if (s[cut] == ' ' && cut > n / 2)
                n = cut;
        }
        /* a closing mark does not begin a line: take the character
         * before it down with it */
        if (s[n] && n > 1 && no_line_start(s + n)) {
            size_t prev = ud_utf8_prev(s, n);
            if (prev > 0)
                n = prev;
        }
        char part[1024];
        size_t k = n < sizeof part ? n : sizeof part - 1;
        memcpy(part, s, k);
        part[k] = '\0';
        struct buf b;
        b.n = 0;
        b.s[0] = '\0';
        if (!first)
            put_spaces(&b, indent);
        ud_text_visible(vis, sizeof vis, part);
        put(&b, vis);
        /* no trailing spaces */
        while (b.n > 0 && b.s[b.n - 1] == ' ')
            b.s[--b.n] = '\0';
        add_line(&ly->L, b.s);
        s += n;
        while (*s == ' ')
            s++;
        first = 0;
    }
}

/* left … right on one line of the page, or on two when they do not fit */
static void pair_line(struct layout *ly, const char *left, const char *right)
{
    if (!left[0] && !right[0])
        return;
    struct buf b;
    if (ud_str_width(left) + 2 + ud_str_width(right) <= ly->width) {
        two_sided(&b, left, right, ly->width);
        add_line(&ly->L, b.s);
    } else {
        two_sided(&b, left, "", ly->width);
        add_line(&ly->L, b.s);
        two_sided(&b, right, "", ly->width);
        add_line(&ly->L, b.s);
    }
}

static void lay_out(struct layout *ly, const struct ud_rdoc *d)
{
    memset(ly, 0, sizeof *ly);
    ly->width = 0;
    for (int i = 0; i < d->ntables; i++) {
        int w[UD_RDOC_MAXCOLS + 1];
        table_widths(d, &d->tables[i], w);
        int tw = table_width(&d->tables[i], w);
        if (tw > ly->width)
            ly->width = tw;
    }
    if (ly->width < 40)
        ly->width = 40;
    ly->note_width = ly->width < 80 ? 80 : ly->width;
    begin_block(ly);
    if (d->title[0])
        centered(ly, d->title);
    if (d->period[0])
        centered(ly, d->period);
    /* as the official forms: 填报单位 … 单位, then the scope … the data date */
    pair_line(ly, d->filer, d->units);
    pair_line(ly, d->left, d->right);
    end_block(ly);
    for (int i = 0; i < d->ntables; i++)
        lay_table(ly, d, &d->tables[i]);
    begin_block(ly);
    for (int i = 0; i < d->nnotes; i++)
        lay_note(ly, d->notes[i]);
    end_block(ly);
    begin_block(ly); /* last, where the form is signed */
    if (d->signers[0])
        lay_note(ly, d->signers);
    end_block(ly);
}

/* ---- pages ---- */

struct pages {
    int *e;   /* line index, -1 for a blank line, -2 for a page break */
    int n, cap;
    int count;
    int oom;
};

static void emit(struct pages *P, int v)
{
    if (P->oom)
        return;
    if (P->n == P->cap) {
        int cap = P->cap ? P->cap * 2 : 256;
        int *g = realloc(P->e, sizeof *g * (size_t)cap);
        if (!g) {
            P->oom = 1;
            return;
        }
        P->e = g;
        P->cap = cap;
    }
    P->e[P->n++] = v;
}

static void paginate(const struct layout *ly, int avail, struct pages *P)
{
    int used = 0;
    P->count = 1;
#define NEW_PAGE()         \
    do {                   \
        emit(P, -2);       \
        P->count++;        \
        used = 0;          \
    } while (0)
    for (int k = 0; k < ly->nb; k++) {
        const struct block *b = &ly->b[k];
        int gap = used > 0;
        if (gap + b->count <= avail - used) {
            if (gap)
                emit(P, -1);
            for (int i = 0; i < b->count; i++)
                emit(P, b->first + i);
            used += gap + b->count;
            continue;
        }
        if (b->count <= avail || used + gap + b->nhead + 2 > avail) {
            if (used > 0)
                NEW_PAGE();
        } else if (gap) {
            emit(P, -1);
            used++;
        }
        /* cut: each part but the last closes with the table's rule, each
         * part but the first opens with the table's head again */
        int pos = 0;
        while (pos < b->count) {
            if (pos > 0) {
                NEW_PAGE();
                for (int i = 0; i < b->nhead; i++)
                    emit(P, b->first + i);
                used = b->nhead;
            }
            int room = avail - used, left = b->count - pos;
            if (left <= room) {
                for (int i = 0; i < left; i++)
                    emit(P, b->first + pos + i);
                used += left;
                break;
            }
            int take = room - 1 > 1 ? room - 1 : 1;
            for (int i = 0; i < take; i++)
                emit(P, b->first + pos + i);
            if (b->nhead > 1)
                emit(P, b->first + 1); /* the '=' rule under the caption */
            used += take + 1;
            pos += take;
        }
    }
#undef NEW_PAGE
}

int ud_rdoc_text(const struct ud_rdoc *d, int page_lines, FILE *out, struct ud_err *err)
{
    if (ud_rdoc_check(d, err) != UD_OK)
        return err->status;
    struct layout *ly = malloc(sizeof *ly);
    if (!ly)
        return ud_err_nomem(err);
    lay_out(ly, d);
    int total = 0;
    for (int k = 0; k < ly->nb; k++)
        total += ly->b[k].count + (k > 0);
    struct pages P = {0};
    int paged = page_lines > 0 && total > page_lines;
    if (paged) {
        /* a running head and a blank line on every page */
        paginate(ly, page_lines - 2 > 8 ? page_lines - 2 : 8, &P);
    } else {
        for (int k = 0; k < ly->nb; k++) {
            if (k > 0)
                emit(&P, -1);
            for (int i = 0; i < ly->b[k].count; i++)
                emit(&P, ly->b[k].first + i);
        }
        P.count = 1;
    }
    if (ly->L.oom || P.oom) {
        free_lines(&ly->L);
        free(ly);
        free(P.e);
        return ud_err_nomem(err);
    }
    int page = 1;
    for (int i = -1; i < P.n; i++) {
        if (i >= 0 && P.e[i] == -2) {
            fputc('\f', out);
            page++;
        }
        if (paged && (i < 0 || P.e[i] == -2)) {
            char num[96];
            snprintf(num, sizeof num, T("第 %d 页 共 %d 页", "page %d of %d"), page, P.count);
            struct buf b;
            /* the first page has the title itself below */
            two_sided(&b, page == 1 ? "" : d->page_title, num, ly->width);
            fprintf(out, "%s\n\n", b.s);
            continue;
        }
        if (i < 0)
            continue;
        fprintf(out, "%s\n", P.e[i] == -1 ? "" : ly->L.v[P.e[i]]);
    }
    free_lines(&ly->L);
    free(ly);
    free(P.e);
    if (fflush(out) != 0 || ferror(out))
        return ud_err_set(err, UD_ERR_IO, "%s", T("写入报表时出错", "error writing the report"));
    return UD_OK;
}
