/* report disputes|members|training: options checked here, figures from the
 * modules, rendering by the report layer, output to stdout, a file or lp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/report.h"

int ud_cmd_report(struct ud_cli *cli, int argc, char **argv);

struct ropts {
    const char *kind, *month, *year, *level, *org, *as_of, *format, *out;
    int print, force;
    enum ud_report_format fmt;
};

/* Output goes to stdout, to lp, or to -o FILE (written whole or not at
 * all by ud_report_run). */
struct sink {
    FILE *fp;
    char *buf; /* --print: the text, gathered in memory */
    size_t len;
};

static int open_sink(const struct ropts *o, struct sink *s, struct ud_err *err)
{
    memset(s, 0, sizeof *s);
    if (o->print) {
        s->fp = open_memstream(&s->buf, &s->len);
        if (!s->fp)
            return ud_err_set(err, UD_ERR_INTERNAL, "out of memory");
    } else if (o->out) {
        s->fp = NULL;
    } else {
        s->fp = stdout;
    }
    return UD_OK;
}

/* Closes the sink after the report was written with status st. */
static int close_sink(struct ud_db *db, const struct ud_report_request *rq, const struct ropts *o, struct sink *s,
                      int st, const char *title, struct ud_err *err)
{
    if (o->print) {
        fclose(s->fp);
        if (st == UD_OK)
            st = ud_report_print_noted(db, rq, s->buf, s->len, title, 0, err);
        free(s->buf);
        if (st == UD_OK)
            fprintf(stderr, "%s", T("报表已送往打印机\n", "the report was sent to the printer\n"));
        return st;
    }
    if (o->out)
        return st;
    if (fflush(stdout) != 0 && st == UD_OK)
        st = ud_err_set(err, UD_ERR_IO, "%s", T("写入标准输出时出错", "error writing to standard output"));
    return st;
}

static int check_options(const struct ud_cmd *c, struct ropts *o)
{
    int fmt = ud_report_format_parse(o->format);
    if (fmt < 0)
        return ud_cli_usage_error(c, T("--format 应为 text、csv、json 或 xlsx，而不是“%s”",
                                       "--format must be text, csv, json or xlsx, not '%s'"),
                                  o->format);
    o->fmt = (enum ud_report_format)fmt;
    if (o->fmt == UD_REPORT_XLSX && !o->out && !o->print)
        return ud_cli_usage_error(c, "%s", T("xlsx 格式需要用 -o 指定输出文件", "xlsx needs an output file: -o FILE"));
    if (o->print && o->format && o->fmt != UD_REPORT_TEXT)
        return ud_cli_usage_error(c, "%s", T("--print 只能打印文本格式", "--print prints the text format only"));
    if (o->print && o->out)
        return ud_cli_usage_error(c, "%s", T("--print 与 -o 不能同时使用", "--print and -o do not go together"));
    if (o->out && !*o->out)
        return ud_cli_usage_error(c, "%s", T("-o 需要文件名", "-o needs a file name"));
    int disputes = strcmp(o->kind, "disputes") == 0, training = strcmp(o->kind, "training") == 0;
    if (!disputes && (o->month || o->level || o->as_of))
        return ud_cli_usage_error(c, T("report %s 不接受 --month、--level 或 --as-of",
                                       "report %s takes no --month, --level or --as-of"),
                                  o->kind);
    if (training && o->org)
        return ud_cli_usage_error(c, "%s", T("report training 不接受 --org", "report training takes no --org"));
    if (!disputes && !training && o->year)
        return ud_cli_usage_error(c, "%s", T("report members 不接受 --year", "report members takes no --year"));
    if (disputes && !!o->month == !!o->year)
        return ud_cli_usage_error(c, "%s", T("report disputes 需要 --month YYYY-MM 或 --year YYYY（二选一）",
                                             "report disputes needs --month YYYY-MM or --year YYYY (one of them)"));
    if (training && !o->year)
        return ud_cli_usage_error(c, "%s", T("report training 需要 --year YYYY", "report training needs --year YYYY"));
    return 0;
}

/* What the options say, checked before anything is opened or written. */
struct params {
    char from[UD_DATE_SZ], to[UD_DATE_SZ], as_of[UD_DATE_SZ];
    int year;
    const char *level; /* code */
};

static int check_values(const struct ud_cmd *c, const struct ropts *o, struct params *p)
{
    memset(p, 0, sizeof *p);
    const char *bad;
    if (o->month && (bad = ud_parse_month(o->month, p->from, p->to)) != NULL)
        return ud_cli_usage_error(c, "--month %s: %s", o->month, bad);
    if (o->year) {
        if ((bad = ud_parse_year(o->year, &p->year)) != NULL)
            return ud_cli_usage_error(c, "--year %s: %s", o->year, bad);
        snprintf(p->from, sizeof p->from, "%04u-01-01", (unsigned)p->year % 10000u);
        snprintf(p->to, sizeof p->to, "%04u-12-31", (unsigned)p->year % 10000u);
    }
    if (o->as_of) {
        if ((bad = ud_parse_date(o->as_of, p->as_of)) != NULL)
            return ud_cli_usage_error(c, "--as-of %s: %s", o->as_of, bad);
    } else {
        ud_today(p->as_of);
    }
    if (o->level) {
        const struct ud_enum_item *it = ud_enum_find(&ud_enum_level, o->level);
        if (!it)
            return ud_cli_usage_error(c, T("--level 应为 district/street/community（区/街道/社区），而不是“%s”",
                                           "--level must be district, street or community, not '%s'"),
                                      o->level);
        p->level = it->code;
    }
    if (strcmp(o->kind, "disputes") == 0 && strcmp(p->as_of, p->from) < 0)
        return ud_cli_usage_error(c, T("数据日期 %s 早于统计期开始日期 %s：该期尚无数据",
                                       "the data date %s is before the period starts (%s): nothing to count yet"),
                                  p->as_of, p->from);
    return 0;
}

int ud_cmd_report(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd *c = ud_cmd_find("report");
    struct ropts o;
    memset(&o, 0, sizeof o);
    const struct ud_opt opts[] = {{"--month", &o.month, NULL},   {"--year", &o.year, NULL},
                                  {"--level", &o.level, NULL},   {"--org", &o.org, NULL},
                                  {"--as-of", &o.as_of, NULL},   {"--format", &o.format, NULL},
                                  {"-o", &o.out, NULL},          {"--output", &o.out, NULL},
                                  {"--print", NULL, &o.print},   {"--force", NULL, &o.force},
                                  {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 1)
        return ud_cli_usage_error(c, "%s", T("需要报表类型：disputes、members 或 training",
                                             "expected a report: disputes, members or training"));
    o.kind = pos[0];
    if (strcmp(o.kind, "disputes") != 0 && strcmp(o.kind, "members") != 0 && strcmp(o.kind, "training") != 0)
        return ud_cli_usage_error(c, T("未知的报表“%s”：应为 disputes、members 或 training",
                                       "unknown report '%s': disputes, members or training"),
                                  o.kind);
    if (o.out && strcmp(o.out, "-") == 0)
        o.out = NULL; /* -o - : standard output, as usual */
    if ((r = check_options(c, &o)) != 0)
        return r;

    struct params p;
    if ((r = check_values(c, &o, &p)) != 0)
        return r;

    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    struct ud_report_request rq;
    memset(&rq, 0, sizeof rq);
    rq.kind = o.kind;
    snprintf(rq.from, sizeof rq.from, "%s", p.from);
    snprintf(rq.to, sizeof rq.to, "%s", p.to);
    snprintf(rq.as_of, sizeof rq.as_of, "%s", p.as_of);
    rq.year = p.year;
    rq.level = p.level;
    rq.org_code = o.org;
    rq.out_flags = o.force ? UD_OUT_FORCE : 0;
    struct sink s;
    int st = open_sink(&o, &s, &err);
    if (st == UD_OK) {
        st = ud_report_run(cli->db, &rq, o.fmt, s.fp, o.out, &err);
        char title[300];
        snprintf(title, sizeof title, "uniondesk report %s", o.kind);
        st = close_sink(cli->db, &rq, &o, &s, st, title, &err);
    }
    if (st != UD_OK)
        return ud_cli_fail(&err);
    if (o.out)
        fprintf(stderr, T("已写入 %s\n", "written to %s\n"), o.out);
    return 0;
}
