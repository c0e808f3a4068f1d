/* Typesetting for the PDF renderers: see pdfset.h. */
#include "pdfset.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include "uniondesk/i18n.h"

/* Under AddressSanitizer the fonts' caches (Pango's font map, Cairo's
 * static data, fontconfig's configuration) are released at exit, so that
 * LeakSanitizer reports only what is really lost; a normal build leaves
 * them to the exit. */
#if defined(__SANITIZE_ADDRESS__)
#define UD_PDF_RELEASE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UD_PDF_RELEASE_AT_EXIT 1
#endif
#endif
#ifdef UD_PDF_RELEASE_AT_EXIT
static void release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
}
#endif

#define HEAD_SIZE 8.5
#define FOOT_SIZE 9.0

struct sink {
    FILE *fp;
    int failed;
};

/* Cairo writes the PDF through here as it goes; a short write ends it. */
static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
    struct sink *k = closure;
    if (k->failed)
        return CAIRO_STATUS_WRITE_ERROR;
    if (len && fwrite(data, 1, len, k->fp) != len) {
        k->failed = 1;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

double pdfset_left(const struct pdfset *s)
{
    return s->sp.ml;
}

double pdfset_width(const struct pdfset *s)
{
    return s->sp.pw - s->sp.ml - s->sp.mr;
}

double pdfset_top(const struct pdfset *s)
{
    return s->sp.mt;
}

double pdfset_bottom(const struct pdfset *s)
{
    return s->sp.ph - s->sp.mb;
}

int pdfset_fits(const struct pdfset *s, double h)
{
    return s->y + h <= pdfset_bottom(s) + 0.01;
}

/* Text that is not valid UTF-8 would make Pango warn and drop it: shown
 * with replacement characters instead. */
static void set_text(PangoLayout *l, const char *text)
{
    if (g_utf8_validate(text, -1, NULL)) {
        pango_layout_set_text(l, text, -1);
        return;
    }
    gchar *v = g_utf8_make_valid(text, -1);
    pango_layout_set_text(l, v, -1);
    g_free(v);
}

static void setup(PangoLayout *l, PangoFontDescription *fd, const char *text, double size, int bold, double width,
                  PangoAlignment align)
{
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_indent(l, 0);
    pango_layout_set_justify(l, FALSE);
    pango_layout_set_line_spacing(l, 0);
    set_text(l, text);
}

/* Notes, while measuring, the characters the layout could find no font
 * for (Pango's unknown glyphs carry the character). */
static void note_missing(struct pdfset *s, PangoLayout *l)
{
    if (s->drawing || pango_layout_get_unknown_glyphs_count(l) == 0)
        return;
    PangoLayoutIter *it = pango_layout_get_iter(l);
    if (!it)
        return;
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        for (int i = 0; run && i < run->glyphs->num_glyphs; i++) {
            PangoGlyph g = run->glyphs->glyphs[i].glyph;
            if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
                continue;
            uint32_t cp = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
            int seen = 0;
            for (int k = 0; k < s->nmissing; k++)
                seen |= s->missing[k] == cp;
            if (!seen && s->nmissing < (int)(sizeof s->missing / sizeof s->missing[0]))
                s->missing[s->nmissing++] = cp;
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

PangoLayout *pdfset_text(struct pdfset *s, const char *text, double size, int bold, double width,
                         PangoAlignment align)
{
    setup(s->lay, s->fd, text ? text : "", size, bold, width, align);
    note_missing(s, s->lay);
    return s->lay;
}

/* The warning for characters typeset as boxes: them, and what to do. */
static void warn_missing(const struct pdfset *s, struct ud_err *err)
{
    if (!s->nmissing)
        return;
    char chars[64] = "";
    size_t n = 0;
    for (int i = 0; i < s->nmissing; i++) {
        gchar u[8];
        int len = g_unichar_to_utf8((gunichar)s->missing[i], u);
        if (n + (size_t)len < sizeof chars) {
            memcpy(chars + n, u, (size_t)len);
            n += (size_t)len;
            chars[n] = '\0';
        }
    }
    ud_err_warn(err,
                T("字体中没有“%s”（U+%04X 等）：这些字在 PDF 中是方框，打印后请手写补正",
                  "the fonts have no '%s' (U+%04X…): those characters are boxes in the PDF; write them in by hand"),
                chars, (unsigned)s->missing[0]);
}

void pdfset_indent(struct pdfset *s, double indent, int justify, double spacing)
{
    pango_layout_set_indent(s->lay, (int)(indent * PANGO_SCALE));
    pango_layout_set_justify(s->lay, justify ? TRUE : FALSE);
    pango_layout_set_line_spacing(s->lay, (float)spacing);
}

double pdfset_w(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)w / PANGO_SCALE;
}

double pdfset_h(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

void pdfset_draw(struct pdfset *s, PangoLayout *l, double x, double y)
{
    if (!s->drawing)
        return;
    cairo_set_source_rgb(s->cr, 0, 0, 0);
    cairo_move_to(s->cr, x, y);
    pango_cairo_show_layout(s->cr, l);
}

void pdfset_box(struct pdfset *s, double x, double y, double w, double h, double gray, double lw)
{
    if (!s->drawing)
        return;
    cairo_rectangle(s->cr, x, y, w, h);
    if (gray >= 0) {
        cairo_set_source_rgb(s->cr, gray, gray, gray);
        cairo_fill_preserve(s->cr);
    }
    if (lw > 0) {
        cairo_set_source_rgb(s->cr, 0, 0, 0);
        cairo_set_line_width(s->cr, lw);
        cairo_stroke(s->cr);
    } else {
        cairo_new_path(s->cr);
    }
}

/* The running head and the page number, on a layout of their own so
 * that a page break inside a body's layout leaves it alone. */
static void furniture(struct pdfset *s)
{
    if (!s->drawing)
        return;
    double x = pdfset_left(s), w = pdfset_width(s);
    if (s->sp.head && s->sp.head[0]) {
        setup(s->flay, s->fd, s->sp.head, HEAD_SIZE, 0, w, PANGO_ALIGN_LEFT);
        pango_layout_set_ellipsize(s->flay, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(s->flay, 0); /* one line */
        double h = pdfset_h(s->flay);
        double rule = s->sp.mt - 10;
        cairo_set_source_rgb(s->cr, 0.3, 0.3, 0.3);
        cairo_move_to(s->cr, x, rule - 3 - h);
        pango_cairo_show_layout(s->cr, s->flay);
        cairo_set_line_width(s->cr, 0.5);
        cairo_move_to(s->cr, x, rule);
        cairo_line_to(s->cr, x + w, rule);
        cairo_stroke(s->cr);
        pango_layout_set_ellipsize(s->flay, PANGO_ELLIPSIZE_NONE);
        pango_layout_set_height(s->flay, -1);
    }
    char foot[96];
    snprintf(foot, sizeof foot, T("第 %d 页 共 %d 页", "Page %d of %d"), s->page, s->pages);
    setup(s->flay, s->fd, foot, FOOT_SIZE, 0, w, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(s->cr, 0, 0, 0);
    cairo_move_to(s->cr, x, pdfset_bottom(s) + 12);
    pango_cairo_show_layout(s->cr, s->flay);
}

void pdfset_new_page(struct pdfset *s)
{
    if (s->drawing)
        cairo_show_page(s->cr);
    s->page++;
    s->y = pdfset_top(s);
    furniture(s);
}

void pdfset_flow(struct pdfset *s, PangoLayout *l, double x)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double base = s->y; /* where the layout's top would be on this page */
    do {
        PangoRectangle lr;
        pango_layout_iter_get_line_extents(it, NULL, &lr);
        double top = (double)lr.y / PANGO_SCALE, h = (double)lr.height / PANGO_SCALE;
        if (base + top + h > pdfset_bottom(s) + 0.01 && base + top > pdfset_top(s) + 0.01) {
            pdfset_new_page(s);
            base = s->y - top;
        }
        if (s->drawing) {
            cairo_set_source_rgb(s->cr, 0, 0, 0);
            cairo_move_to(s->cr, x + (double)lr.x / PANGO_SCALE,
                          base + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
            pango_cairo_show_layout_line(s->cr, pango_layout_iter_get_line_readonly(it));
        }
        s->y = base + top + h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

double pdfset_lines(struct pdfset *s, PangoLayout *l, double x, double y, double from, double room, int force)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double next = from;
    int drawn = 0;
    do {
        PangoRectangle lr;
        pango_layout_iter_get_line_extents(it, NULL, &lr);
        double top = (double)lr.y / PANGO_SCALE, bottom = top + (double)lr.height / PANGO_SCALE;
        if (top + 0.01 < from)
            continue;
        if (bottom - from > room + 0.01 && !(force && !drawn))
            break;
        if (s->drawing) {
            cairo_set_source_rgb(s->cr, 0, 0, 0);
            cairo_move_to(s->cr, x + (double)lr.x / PANGO_SCALE,
                          y - from + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
            pango_cairo_show_layout_line(s->cr, pango_layout_iter_get_line_readonly(it));
        }
        next = bottom;
        drawn = 1;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return next;
}

/* Whether fontconfig has the family itself: without it, it would give
 * another font, and Chinese would come out as empty boxes. */
static int have_family(const char *family)
{
    FcPattern *p = FcNameParse((const FcChar8 *)family);
    if (!p)
        return 0;
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, p, &res);
    int found = 0;
    FcChar8 *name;
    for (int i = 0; m && !found && FcPatternGetString(m, FC_FAMILY, i, &name) == FcResultMatch; i++)
        found = strcasecmp((const char *)name, family) == 0;
    if (m)
        FcPatternDestroy(m);
    FcPatternDestroy(p);
    return found;
}

static int io_error(struct ud_err *err, const char *why)
{
    return ud_err_set(err, UD_ERR_IO, T("写入 PDF 时出错：%s", "error writing the PDF: %s"), why);
}

int pdfset_render(const struct pdfset_spec *sp, FILE *fp, void (*body)(struct pdfset *s, const void *arg),
                  const void *arg, struct ud_err *err)
{
#ifdef UD_PDF_RELEASE_AT_EXIT
    static int release_registered;
    if (!release_registered && atexit(release_fonts) == 0)
        release_registered = 1;
#endif
    if (!have_family(sp->family))
        return ud_err_set(err, UD_ERR_IO,
                          T("找不到字体“%s”：中文会印成空框。请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）",
                            "the font '%s' is not installed: Chinese would print as empty boxes. Install "
                            "fonts-noto-cjk (apt-get install fonts-noto-cjk)"),
                          sp->family);
    struct sink k = {fp, 0};
    cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(sink_write, &k, sp->pw, sp->ph);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        const char *why = cairo_status_to_string(cairo_surface_status(surf));
        cairo_surface_destroy(surf);
        return io_error(err, why);
    }
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, sp->title ? sp->title : "");
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR, sp->author ? sp->author : "");
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "uniondesk");

    struct pdfset s;
    memset(&s, 0, sizeof s);
    s.sp = *sp;
    s.cr = cairo_create(surf);
    s.lay = pango_cairo_create_layout(s.cr);
    s.flay = pango_cairo_create_layout(s.cr);
    /* Han characters in their Simplified Chinese forms */
    pango_context_set_language(pango_layout_get_context(s.lay), pango_language_from_string("zh-cn"));
    pango_context_set_language(pango_layout_get_context(s.flay), pango_language_from_string("zh-cn"));
    pango_layout_context_changed(s.lay);
    pango_layout_context_changed(s.flay);
    s.fd = pango_font_description_new();
    pango_font_description_set_family(s.fd, sp->family);

    /* first pass: pages broken, nothing drawn; second: drawn, numbered */
    s.page = 1;
    s.y = pdfset_top(&s);
    body(&s, arg);
    s.pages = s.page;
    if (!s.failed) {
        s.drawing = 1;
        s.page = 1;
        s.y = pdfset_top(&s);
        furniture(&s);
        body(&s, arg);
        cairo_show_page(s.cr);
    }
    cairo_status_t cst = cairo_status(s.cr);
    pango_font_description_free(s.fd);
    g_object_unref(s.flay);
    g_object_unref(s.lay);
    cairo_destroy(s.cr);
    cairo_surface_finish(surf);
    cairo_status_t sst = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    if (s.failed)
        return ud_err_nomem(err);
    if (cst == CAIRO_STATUS_NO_MEMORY || (sst == CAIRO_STATUS_NO_MEMORY && !k.failed))
        return ud_err_nomem(err);
    if (k.failed || (fflush(fp) != 0) | ferror(fp))
        return io_error(err, T("文件写入失败", "the file could not be written"));
    if (cst != CAIRO_STATUS_SUCCESS)
        return io_error(err, cairo_status_to_string(cst));
    if (sst != CAIRO_STATUS_SUCCESS)
        return io_error(err, cairo_status_to_string(sst));
    warn_missing(&s, err);
    return UD_OK;
}
