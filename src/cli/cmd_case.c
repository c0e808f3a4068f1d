/* case show | case print: one case as text with its timeline, and its
 * mediation documents (casedoc.h) as PDF to a file, a pipe or a printer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "uniondesk/casedoc.h"
#include "uniondesk/dispute.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/outfile.h"
#include "uniondesk/print.h"
#include "uniondesk/privacy.h"
#include "uniondesk/rules.h"
#include "uniondesk/utf8.h"

static int ud_cmd_case(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_case_entry = {
    .name = "case",
    .usage = "case show CASE_NO [--full-id] | case print CASE_NO --doc DOC [-o FILE.pdf [--force]] [--print [--printer NAME]]",
    .summary_zh = "调解案件：查看案件及办理记录，打印或保存调解文书（PDF）",
    .summary_en = "a mediation case: show it with its timeline, print or save its documents (PDF)",
    .help_zh = "  case show CASE_NO [--full-id]\n"
        "  case print CASE_NO --doc DOC [-o FILE.pdf [--force]] [--print [--printer NAME]]\n\n"
        "  show       案件的各项内容和办理记录（文本）。身份证号显示为 330206********1234；\n"
        "             --full-id 显示完整号码（仅主管和管理员，记入审计日志）。\n"
        "  print      生成调解文书（PDF，A4 纵向，思源宋体），文书编号为案号：\n"
        "             application   劳动争议调解申请登记表（任何状态）\n"
        "             acceptance    受理通知书（已受理及以后）\n"
        "             rejection     不予受理通知书（不予受理）\n"
        "             agreement     调解协议书（调解成功）\n"
        "             termination   终止调解通知书（调解不成或撤回）\n"
        "             record        调解案件卷宗（任何状态：封面和卷内目录）\n"
        "             --doc 也接受中文名（如 --doc 受理通知书）。案件状态不适用的文书不予出具（退出码 65）。\n"
        "  -o FILE.pdf  保存为文件：完整写完才改名为 FILE，失败时不留下文件；权限 0600；扩展名须为 .pdf\n"
        "  --force      FILE 已存在时替换它（默认拒绝）\n"
        "  --print      用 lp 打印（PDF）；--printer NAME 指定打印机（uniondesk printers 列出），默认为系统默认打印机\n"
        "  不写 -o 也不写 --print 时，PDF 写到标准输出（标准输出是终端时拒绝）。\n"
        "  主管和管理员出具的文书带完整身份证号，其他用户的为 330206********1234。每次打印和保存都记入审计日志。\n"
        "  --lang en 时文书为英文译本（注明以中文文书为准）。\n"
        "退出码：0 成功；64 用法错误；65 案件不存在或文书不适用于案件状态；73 无法创建输出文件；74 写入或打印失败；77 无权限。\n"
        "例：uniondesk case print TJ-2026-00042 --doc agreement -o TJ-2026-00042-调解协议书.pdf\n"
        "    uniondesk case print TJ-2026-00042 --doc 受理通知书 --print --printer PDF\n",
    .help_en = "  case show CASE_NO [--full-id]\n"
        "  case print CASE_NO --doc DOC [-o FILE.pdf [--force]] [--print [--printer NAME]]\n\n"
        "  show       the case's fields and its timeline, as text. ID numbers are shown as 330206********1234;\n"
        "             --full-id shows the whole number (officers and admins only; recorded in the audit log).\n"
        "  print      a mediation document as PDF (A4 portrait, Noto Serif CJK), numbered with the case number:\n"
        "             application   application for mediation, registration form (any status)\n"
        "             acceptance    notice of acceptance (filed or later)\n"
        "             rejection     notice of non-acceptance (not accepted)\n"
        "             agreement     mediation agreement (succeeded)\n"
        "             termination   notice of termination of mediation (failed or withdrawn)\n"
        "             record        the case file (any status: cover and contents)\n"
        "             --doc takes the Chinese names too. A document the case's status does not allow is refused (exit 65).\n"
        "  -o FILE.pdf  save to a file: renamed into place only when complete, so a failure leaves no file;\n"
        "             mode 0600; the name must end in .pdf\n"
        "  --force      replace FILE when it exists (refused otherwise)\n"
        "  --print      print it with lp (PDF); --printer NAME chooses the printer (uniondesk printers lists them)\n"
        "  Without -o or --print the PDF goes to standard output (refused when that is a terminal).\n"
        "  Officers' and admins' documents carry whole ID numbers, other users' 330206********1234. Every print\n"
        "  and every save is recorded in the audit log.\n"
        "  With --lang en the document is an English translation (it says the Chinese one is official).\n"
        "Exit codes: 0 ok; 64 usage; 65 no such case, or a document its status does not allow; 73 cannot create\n"
        "the output; 74 write or print error; 77 not permitted.\n"
        "example: uniondesk case print TJ-2026-00042 --doc agreement -o TJ-2026-00042-agreement.pdf\n"
        "         uniondesk case print TJ-2026-00042 --doc acceptance --print --printer PDF\n",
    .run = ud_cmd_case,
};

/* ---- show ---- */

#define MAX_EVENTS 500 /* a case has a few dozen; each takes 8 KB */

static void line(const char *label, const char *value)
{
    printf("%-*s%s\n", ud_lang == UD_LANG_EN ? 16 : 0, label, value);
}

static int show(struct ud_cli *cli, const struct ud_case *k, int full_id)
{
    struct ud_err err;
    ud_err_clear(&err);
    char id[UD_IDNUM_SZ + 8], phone[UD_PHONE_SZ + 8], v[2400];
    if (full_id && k->applicant_id_number[0]) {
        if (ud_reveal_id_number(cli->db, "cases", k->id, &err) != UD_OK)
            return ud_cli_fail(&err);
        snprintf(id, sizeof id, "%s", k->applicant_id_number);
    } else {
        ud_show_id_number(k->applicant_id_number, id, sizeof id);
    }
    ud_show_phone(cli->db, k->applicant_phone, phone, sizeof phone);
    printf(T("案件 %s\n", "Case %s\n"), k->case_no);
    snprintf(v, sizeof v, "%s%s", ud_enum_label(&ud_enum_case_status, k->status), k->overdue ? T("（超期）", " (overdue)") : "");
    line(T("状态：", "status: "), v);
    snprintf(v, sizeof v, T("%s（%s级）", "%s (%s level)"), k->mediation_org_name, ud_enum_label(&ud_enum_level, k->level));
    line(T("调解组织：", "mediation body: "), v);
    line(T("接待日期：", "received on: "), k->received_on);
    line(T("受理日期：", "filed on: "), k->filed_on[0] ? k->filed_on : "-");
    if (k->overdue || (k->filed_on[0] && !ud_case_is_terminal(k->status))) {
        char due[UD_DATE_SZ];
        ud_case_due_date(k->filed_on, due);
        line(T("调解期限：", "due by: "), due);
    }
    line(T("结案日期：", "closed on: "), k->closed_on[0] ? k->closed_on : "-");
    snprintf(v, sizeof v, "%s  %s  %s%s", k->applicant_name, id, phone,
             k->member_id != UD_NULL_INT ? T("（本区工会会员）", " (member)") : "");
    line(T("申请人：", "applicant: "), v);
    snprintf(v, sizeof v, "%s%s%s", k->employer_name, k->employer_credit_code[0] ? "  " : "", k->employer_credit_code);
    line(T("用人单位：", "employer: "), v);
    snprintf(v, sizeof v, T("%s，涉及 %lld 人%s", "%s, %lld worker(s)%s"), ud_enum_label(&ud_enum_dispute_type, k->dispute_type),
             (long long)k->workers_count, k->workers_count >= UD_COLLECTIVE_WORKERS ? T("（集体争议）", " (collective)") : "");
    line(T("争议：", "dispute: "), v);
    char claim[40] = "-", agreed[40] = "-";
    if (k->claim_fen != UD_NULL_INT)
        ud_format_money(k->claim_fen, claim, sizeof claim);
    if (k->agreed_fen != UD_NULL_INT)
        ud_format_money(k->agreed_fen, agreed, sizeof agreed);
    snprintf(v, sizeof v, T("涉案 %s 元  协议 %s 元", "claimed %s  agreed %s"), claim, agreed);
    line(T("金额：", "amounts: "), v);
    line(T("调解员：", "mediator: "), k->mediator[0] ? k->mediator : "-");
    line(T("调解结果：", "outcome: "), k->outcome[0] ? k->outcome : "-");
    line(T("转仲裁：", "referred: "), k->referred_to_arbitration ? T("是", "yes") : T("否", "no"));
    /* the documents its status allows */
    const struct ud_casedoc *docs[8];
    int nd = ud_casedoc_offered(k, docs, 8);
    v[0] = '\0';
    for (int i = 0; i < nd; i++)
        snprintf(v + strlen(v), sizeof v - strlen(v), "%s%s (%s)", i ? T("、", ", ") : "", T(docs[i]->zh, docs[i]->en),
                 docs[i]->code);
    line(T("可出具文书：", "documents: "), v);
    printf("%s\n", T("办理记录：", "timeline:"));
    struct ud_case_event *ev = calloc(MAX_EVENTS, sizeof *ev);
    int n = 0;
    if (!ev)
        return ud_cli_fail((ud_err_nomem(&err), &err));
    if (ud_case_events(cli->db, k->id, ev, MAX_EVENTS, &n, &err) != UD_OK) {
        free(ev);
        return ud_cli_fail(&err);
    }
    for (int i = 0; i < n; i++) {
        const struct ud_case_event *e = &ev[i];
        if (!strcmp(e->kind, "status") || !strcmp(e->kind, "reopened"))
            printf("  %s  %s  [%s] %s -> %s%s%s\n", e->at, e->login, ud_enum_label(&ud_enum_event_kind, e->kind),
                   e->from_status[0] ? ud_enum_label(&ud_enum_case_status, e->from_status) : "-",
                   ud_enum_label(&ud_enum_case_status, e->to_status), e->body[0] ? T("：", ": ") : "", e->body);
        else
            printf("  %s  %s  [%s] %s\n", e->at, e->login, ud_enum_label(&ud_enum_event_kind, e->kind), e->body);
    }
    if (n == MAX_EVENTS)
        printf(T("  （只列出前 %d 项）\n", "  (the first %d entries only)\n"), MAX_EVENTS);
    free(ev);
    if (fflush(stdout) != 0)
        return ud_cli_fail((ud_err_set(&err, UD_ERR_IO, "%s", T("写入标准输出时出错", "error writing to standard output")), &err));
    return 0;
}

/* ---- print ---- */

static int ends_pdf(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcasecmp(path + n - 4, ".pdf") == 0;
}

static int ud_cmd_case(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_case_entry;
    const char *doc = NULL, *out = NULL, *printer = NULL;
    int print = 0, force = 0, full_id = 0;
    const struct ud_opt opts[] = {{"--doc", &doc, NULL},       {"-o", &out, NULL},          {"--output", &out, NULL},
                                  {"--print", NULL, &print},   {"--printer", &printer, NULL},
                                  {"--force", NULL, &force},   {"--full-id", NULL, &full_id}, {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos < 1 || (strcmp(pos[0], "show") != 0 && strcmp(pos[0], "print") != 0))
        return ud_cli_usage_error(c, "%s", T("需要 show 或 print", "expected show or print"));
    int is_show = strcmp(pos[0], "show") == 0;
    if (npos != 2)
        return ud_cli_usage_error(c, T("case %s 需要一个案号（如 TJ-2026-00042）", "case %s needs one case number (e.g. TJ-2026-00042)"),
                                  pos[0]);
    const struct ud_casedoc *d = NULL;
    if (is_show) {
        if (doc || out || print || printer || force)
            return ud_cli_usage_error(c, "%s", T("case show 只接受 --full-id", "case show takes --full-id only"));
    } else {
        if (full_id)
            return ud_cli_usage_error(c, "%s", T("--full-id 只用于 case show：主管和管理员的文书本就带完整身份证号",
                                                 "--full-id is for case show: officers' documents carry whole ID numbers anyway"));
        if (!doc)
            return ud_cli_usage_error(c, T("case print 需要 --doc：%s", "case print needs --doc: %s"), ud_casedoc_codes());
        if (!(d = ud_casedoc_find(doc)))
            return ud_cli_usage_error(c, T("未知的文书“%s”：应为 %s", "unknown document '%s': one of %s"), doc,
                                      ud_casedoc_codes());
        if (out && strcmp(out, "-") == 0)
            out = NULL; /* -o - : standard output */
        if (out && !*out)
            return ud_cli_usage_error(c, "%s", T("-o 需要文件名", "-o needs a file name"));
        if (out && !ends_pdf(out))
            return ud_cli_usage_error(c, T("文书是 PDF：输出文件 %s 的扩展名应为 .pdf", "documents are PDF: the output file %s must end in .pdf"),
                                      out);
        if (out && print)
            return ud_cli_usage_error(c, "%s", T("--print 与 -o 不能同时使用", "--print and -o do not go together"));
        if (force && !out)
            return ud_cli_usage_error(c, "%s", T("--force 只与 -o 同用", "--force goes with -o only"));
        if (printer && !print)
            return ud_cli_usage_error(c, "%s", T("--printer 只与 --print 同用", "--printer goes with --print only"));
        if (printer && !ud_printer_name_ok(printer)) {
            char shown[600];
            ud_text_visible(shown, sizeof shown, printer); /* never a control character to the terminal */
            return ud_cli_usage_error(c, T("打印机名“%s”不合规：uniondesk printers 列出打印机",
                                           "'%s' cannot be a printer's name: uniondesk printers lists them"),
                                      shown);
        }
        if (!out && !print && isatty(STDOUT_FILENO))
            return ud_cli_usage_error(c, "%s", T("PDF 不能输出到终端：用 -o FILE.pdf 保存，或用 --print 打印",
                                                 "a PDF is not for the terminal: save it with -o FILE.pdf, or --print it"));
    }

    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    struct ud_case *k = malloc(sizeof *k);
    if (!k)
        return ud_cli_fail((ud_err_nomem(&err), &err));
    if (ud_case_get_by_no(cli->db, pos[1], k, &err) != UD_OK) {
        free(k);
        return ud_cli_fail(&err);
    }
    int st;
    if (is_show) {
        r = show(cli, k, full_id);
        free(k);
        return r;
    }
    if (print)
        st = ud_casedoc_print(cli->db, d, k, printer, 0, &err);
    else
        st = ud_casedoc_save(cli->db, d, k, out, force ? UD_OUT_FORCE : 0, stdout, &err);
    if (st == UD_OK)
        ud_cli_warnings(&err); /* characters printed as boxes */
    if (st == UD_OK && print)
        fprintf(stderr, T("%s 已送往打印机\n", "%s was sent to the printer\n"), T(d->zh, d->en));
    else if (st == UD_OK && out)
        fprintf(stderr, T("已写入 %s\n", "written to %s\n"), out);
    free(k);
    return st == UD_OK ? 0 : ud_cli_fail(&err);
}
