/* What the reports share: formats, meta data, JSON, the dispatch to the
 * document renderers. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_int.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"

int ud_report_format_parse(const char *s)
{
    if (!s || strcmp(s, "text") == 0)
        return UD_REPORT_TEXT;
    if (strcmp(s, "csv") == 0)
        return UD_REPORT_CSV;
    if (strcmp(s, "json") == 0)
        return UD_REPORT_JSON;
    if (strcmp(s, "xlsx") == 0)
        return UD_REPORT_XLSX;
    if (strcmp(s, "pdf") == 0)
        return UD_REPORT_PDF;
    return -1;
}

int ud_report_format_of_name(const char *path)
{
    static const struct {
        const char *ext;
        int fmt;
    } exts[] = {{".txt", UD_REPORT_TEXT}, {".csv", UD_REPORT_CSV}, {".json", UD_REPORT_JSON}, {".xlsx", UD_REPORT_XLSX},
                 {".pdf", UD_REPORT_PDF}};
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return -1;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i].ext) == 0)
            return exts[i].fmt;
    return -1;
}

int ud_report_meta_init(struct ud_db *db, struct ud_report_meta *m, struct ud_err *err)
{
    memset(m, 0, sizeof *m);
    ud_today(m->today);
    snprintf(m->producer, sizeof m->producer, "%s", ud_db_user_label(db));
    int64_t root = ud_org_root(db);
    if (root) {
        struct ud_org o;
        if (ud_org_get(db, root, &o, err) != UD_OK)
            return err->status;
        snprintf(m->org_name, sizeof m->org_name, "%s", o.name);
    }
    return UD_OK;
}

int ud_report_write_doc(const struct ud_rdoc *d, enum ud_report_format fmt, FILE *fp, struct ud_outfile *out,
                        struct ud_err *err)
{
    switch (fmt) {
    case UD_REPORT_TEXT:
        return ud_rdoc_text(d, UD_RDOC_PAGE_LINES, fp, err);
    case UD_REPORT_CSV:
        return ud_rdoc_csv(d, fp, err);
    case UD_REPORT_XLSX:
        if (!out)
            return ud_err_set(err, UD_ERR_USAGE, "%s", T("xlsx 格式需要用 -o 指定文件", "xlsx needs a file: -o FILE"));
        return ud_rdoc_xlsx(d, out, err);
    case UD_REPORT_PDF:
        return ud_rdoc_pdf(d, fp, err);
    case UD_REPORT_JSON:
        break;
    }
    return ud_err_set(err, UD_ERR_INTERNAL, "format");
}

void ud_report_json_ratio(int64_t num, int64_t den, char *out, size_t outsz)
{
    if (den <= 0 || num < 0) {
        snprintf(out, outsz, "null");
        return;
    }
    /* ten-thousandths, half up: (2 * num * 10000 + den) / (2 * den); the
     * counts are far below the range where this could overflow */
    int64_t q = (num * 20000 + den) / (2 * den);
    snprintf(out, outsz, "%" PRId64 ".%04" PRId64, q / 10000, q % 10000);
}

void ud_report_long_date(const char *iso, char *out, size_t outsz)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November", "December"};
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    if (m < 1 || m > 12) {
        snprintf(out, outsz, "%s", iso);
        return;
    }
    if (ud_lang == UD_LANG_EN)
        snprintf(out, outsz, "%s %d, %d", months[m - 1], d, y);
    else
        snprintf(out, outsz, "%d年%d月%d日", y, m, d);
}

void ud_report_sign_line(const struct ud_report_meta *m, char *out, size_t outsz)
{
    snprintf(out, outsz,
             T("制表人：%s    制表日期：%s    审核人：__________    负责人：__________",
               "Prepared by: %s  on %s    Checked: __________    Approved: __________"),
             m->producer, m->today);
}

int ud_report_finish(FILE *fp, struct ud_err *err)
{
    if (fflush(fp) != 0 || ferror(fp))
        return ud_err_set(err, UD_ERR_IO, "%s", T("写入报表时出错", "error writing the report"));
    return UD_OK;
}
