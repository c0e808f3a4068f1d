/* report disputes|members|training: options checked here, figures from the
 * modules, rendering by the report layer, output to stdout, a file or lp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/period.h"
#include "uniondesk/report.h"
#include "uniondesk/utf8.h"

static int ud_cmd_report(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_report_entry = {
    .name = "report",
    .usage = "report disputes|members|training [OPTIONS]",
    .summary_zh = "统计报表：劳动争议调解统计月报、会员统计、培训统计",
    .summary_en = "statistics: monthly mediation report, membership, training",
    .help_zh = "  report disputes (--month YYYY-MM | --year YYYY) [--level L] [--org CODE] [--as-of DATE] [--format F] [-o FILE [--force]] [--print [--printer NAME]]\n"
        "  report members [--org CODE] [--format F] [-o FILE [--force]] [--print [--printer NAME]]\n"
        "  report training --year YYYY [--format F] [-o FILE [--force]] [--print [--printer NAME]]\n\n"
        "  disputes   劳动争议调解统计月报（--year 为年报）：按级别（区、街道、社区）和争议类型统计上期结转、\n"
        "             本期结案、接待职工、受理立案及其调解成功、不成、撤回、未结、超期、集体争议、成功率、\n"
        "             涉案金额和协议金额；另有本年累计和上年同期。\n"
        "  members    工会组织和会员统计：本级及直属基层工会、下属各街道/社区总工会一行，合计。\n"
        "  training   职工教育培训统计：按培训类别统计一年的培训班、学时、报名、参训、结业。\n"
        "  --month YYYY-MM   统计月份          --year YYYY   统计年度\n"
        "  --level L         只统计一级：district（区）、street（街道）、community（社区）\n"
        "  --org CODE        只统计该组织及其下属组织\n"
        "  --as-of DATE      数据日期（默认今天）：此后的接待、受理、结案不计入，超期按此日计算\n"
        "  --format F        text（默认，供屏幕和文本文件，金额为万元）、csv（UTF-8 带 BOM）、json、xlsx（需 -o）、\n"
        "                    pdf（供纸面：A4 横向，嵌入思源黑体，带页眉和“第 N 页 共 M 页”；需 -o 或管道）；\n"
        "                    不写时按 -o 文件的扩展名（.txt .csv .json .xlsx .pdf），写了须与之相符\n"
        "  -o FILE           写入文件（默认输出到屏幕）：先写临时文件，完整写完才改名为 FILE，\n"
        "                    失败时不留下任何文件；文件权限 0600；不会写到数据库文件上\n"
        "  --force           FILE 已存在时替换它（默认拒绝）\n"
        "  --print           打印：报表排版为 PDF（A4 横向，嵌入中文字体），经管道交给 lp，不在磁盘上留副本；\n"
        "                    打印记入审计日志。从不打印纯文本（CUPS 把中文文本印成空方框）\n"
        "  --printer NAME    送往打印机 NAME（默认送往 CUPS 的默认打印机；uniondesk printers 列出打印机）；\n"
        "                    lp 失败时显示它的原因（如 No default destination）和处理办法，退出码 74\n"
        "退出码：0 成功；64 用法错误；65 数据错误（如组织代码不存在）；73 无法创建输出文件；74 写入或打印失败。\n"
        "例：uniondesk report disputes --month 2026-10 --print --printer 办公室\n"
        "    uniondesk report disputes --year 2026 --org BL-XQ --format xlsx -o 新碶2026.xlsx\n"
        "    uniondesk report disputes --month 2026-10 -o 2026年10月.pdf\n",
    .help_en = "  report disputes (--month YYYY-MM | --year YYYY) [--level L] [--org CODE] [--as-of DATE] [--format F] [-o FILE [--force]] [--print [--printer NAME]]\n"
        "  report members [--org CODE] [--format F] [-o FILE [--force]] [--print [--printer NAME]]\n"
        "  report training --year YYYY [--format F] [-o FILE [--force]] [--print [--printer NAME]]\n\n"
        "  disputes   monthly labour dispute mediation report (--year: annual): by level (district, street,\n"
        "             community) and by dispute type: carried over, closed, workers received, filed and of those\n"
        "             succeeded, failed, withdrawn, open, overdue, collective, success rate, amounts claimed and\n"
        "             agreed; with the year to date and the same period a year earlier.\n"
        "  members    unions and members: one row for the organization with its own grassroots unions, one per\n"
        "             street or community federation under it, and the total.\n"
        "  training   workers' training for a year by course category: courses, hours, enrolments, completions.\n"
        "  --month YYYY-MM   the month             --year YYYY   the year\n"
        "  --level L         one level only: district, street or community\n"
        "  --org CODE        that organization and those under it only\n"
        "  --as-of DATE      data date (default today): what happened later is not counted; overdue on that day\n"
        "  --format F        text (default, for screens and text files, amounts in 10,000 yuan), csv (UTF-8 with BOM),\n"
        "                    json, xlsx (needs -o), pdf (for paper: A4 landscape, Noto Sans CJK embedded, running head\n"
        "                    and page N of M; needs -o or a pipe);\n"
        "                    without it, -o FILE's extension (.txt .csv .json .xlsx .pdf) decides; with it, they must agree\n"
        "  -o FILE           write to a file (default: the screen): written under a temporary name and renamed to\n"
        "                    FILE only when complete, so a failure leaves no file; mode 0600; never the database\n"
        "  --force           replace FILE when it exists (refused otherwise)\n"
        "  --print           print: the report typeset as PDF (A4 landscape, Chinese fonts embedded), piped to lp,\n"
        "                    no copy left on disk; recorded in the audit log. Plain text is never printed (CUPS\n"
        "                    prints Chinese text as empty boxes)\n"
        "  --printer NAME    print on NAME (default: CUPS's default destination; uniondesk printers lists them);\n"
        "                    when lp fails its reason (e.g. No default destination) is shown with what to do, exit 74\n"
        "Exit codes: 0 ok; 64 usage; 65 bad data (e.g. no such organization); 73 cannot create the output; 74 write or print error.\n"
        "example: uniondesk report disputes --month 2026-10 --print --printer Office\n"
        "         uniondesk report disputes --year 2026 --org BL-XQ --format xlsx -o xinqi-2026.xlsx\n"
        "         uniondesk report disputes --month 2026-10 -o 2026-10.pdf\n",
    .run = ud_cmd_report,
};

struct ropts {
    const char *kind, *month, *year, *level, *org, *as_of, *format, *out, *printer;
    int print, force;
    enum ud_report_format fmt;
};

/* Closes the output after the report was written with status st. */
static int close_output(const struct ropts *o, int st, struct ud_err *err)
{
    if (o->out)
        return st;
    if (fflush(stdout) != 0 && st == UD_OK)
        st = ud_err_set(err, UD_ERR_IO, "%s", T("写入标准输出时出错", "error writing to standard output"));
    return st;
}

static int check_options(const struct ud_cmd_entry *c, struct ropts *o)
{
    int fmt = ud_report_format_parse(o->format);
    if (fmt < 0)
        return ud_cli_usage_error(c, T("--format 应为 text、csv、json、xlsx 或 pdf，而不是“%s”",
                                       "--format must be text, csv, json, xlsx or pdf, not '%s'"),
                                  o->format);
    /* the file's extension names a format: it is the format when none is
     * asked for, and a format asked for must agree with it (a CSV in a
     * file called .xlsx opens as garbage, or not at all) */
    int named = ud_report_format_of_name(o->out);
    if (named >= 0 && !o->format)
        fmt = named;
    else if (named >= 0 && named != fmt)
        return ud_cli_usage_error(c, T("输出文件 %s 的扩展名与 --format %s 不符", "the output file %s does not match --format %s"),
                                  o->out, o->format);
    o->fmt = (enum ud_report_format)fmt;
    if (o->fmt == UD_REPORT_XLSX && !o->out && !o->print)
        return ud_cli_usage_error(c, "%s", T("xlsx 格式需要用 -o 指定输出文件", "xlsx needs an output file: -o FILE"));
    /* a PDF on a terminal is a screenful of binary: to a file or a pipe only */
    if (o->fmt == UD_REPORT_PDF && !o->out && !o->print && isatty(STDOUT_FILENO))
        return ud_cli_usage_error(c, "%s", T("PDF 不能输出到终端：请用 -o FILE.pdf 写入文件，或用管道",
                                             "a PDF is not for a terminal: write it with -o FILE.pdf, or to a pipe"));
    /* paper is PDF: the report is typeset for the printer, whatever --format says is not for paper */
    if (o->print && o->format && strcmp(o->format, "pdf") != 0)
        return ud_cli_usage_error(c, "%s", T("--print 总是打印 PDF：--format 只能是 pdf 或不写",
                                             "--print always prints the PDF: --format pdf or none"));
    if (o->printer && !o->print)
        return ud_cli_usage_error(c, "%s", T("--printer 只与 --print 同用", "--printer goes with --print only"));
    if (o->printer && !ud_printer_name_ok(o->printer)) {
        char shown[600];
        ud_text_visible(shown, sizeof shown, o->printer);
        return ud_cli_usage_error(c, T("打印机名“%s”不合规（不能有空格、控制字符或 #，/ 只能用在“打印机/预设”中间）：uniondesk printers 列出打印机",
                                       "'%s' cannot be a printer's name (no spaces, control characters or #; / only as in PRINTER/PRESET): "
                                       "uniondesk printers lists them"),
                                  shown);
    }
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

static int check_values(const struct ud_cmd_entry *c, const struct ropts *o, struct params *p)
{
    memset(p, 0, sizeof *p);
    const char *bad;
    struct ud_period per;
    if (o->month && (bad = ud_period_parse(o->month, UD_PERIOD_MONTH, &per)) != NULL)
        return ud_cli_usage_error(c, "--month %s: %s", o->month, bad);
    if (o->year && (bad = ud_period_parse(o->year, UD_PERIOD_YEAR, &per)) != NULL)
        return ud_cli_usage_error(c, "--year %s: %s", o->year, bad);
    if (o->month || o->year) {
        snprintf(p->from, sizeof p->from, "%s", per.from);
        snprintf(p->to, sizeof p->to, "%s", per.to);
        p->year = o->year ? per.year : 0;
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
    struct ud_err err;
    ud_err_clear(&err);
    if (strcmp(o->kind, "disputes") == 0 && ud_period_check(p->from, p->to, p->as_of, &err) != UD_OK)
        return ud_cli_usage_error(c, "%s", err.msg);
    return 0;
}

static int ud_cmd_report(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_report_entry;
    struct ropts o;
    memset(&o, 0, sizeof o);
    const struct ud_opt opts[] = {{"--month", &o.month, NULL},   {"--year", &o.year, NULL},
                                  {"--level", &o.level, NULL},   {"--org", &o.org, NULL},
                                  {"--as-of", &o.as_of, NULL},   {"--format", &o.format, NULL},
                                  {"-o", &o.out, NULL},          {"--output", &o.out, NULL},
                                  {"--print", NULL, &o.print},   {"--force", NULL, &o.force},
                                  {"--printer", &o.printer, NULL}, {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 1)
        return ud_cli_usage_error(c, "%s", T("需要报表类型：disputes、members 或 training",
                                             "expected a report: disputes, members or training"));
    o.kind = pos[0];
    if (!ud_report_kind_find(o.kind))
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
    int st;
    if (o.print) {
        char title[300];
        snprintf(title, sizeof title, "uniondesk report %s", o.kind);
        st = ud_report_print(cli->db, &rq, o.printer, title, 0, &err);
        if (st == UD_OK)
            fprintf(stderr, "%s\n", T("报表已送往打印机", "the report was sent to the printer"));
    } else {
        st = ud_report_run(cli->db, &rq, o.fmt, o.out ? NULL : stdout, o.out, &err);
        st = close_output(&o, st, &err);
    }
    if (st != UD_OK)
        return ud_cli_fail(&err);
    ud_cli_warnings(&err); /* a PDF's characters printed as boxes */
    if (o.out)
        fprintf(stderr, T("已写入 %s\n", "written to %s\n"), o.out);
    return 0;
}
