#define _GNU_SOURCE /* open_memstream */
/* The six mediation documents (casedoc.h): the table, the context read
 * through the modules, and each document built block by block. */
#include "uniondesk/casedoc.h"

#include <stdlib.h>
#include <string.h>

#include "uniondesk/audit.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/outfile.h"
#include "uniondesk/parse.h"
#include "uniondesk/print.h"
#include "uniondesk/privacy.h"
#include "uniondesk/rules.h"
#include "uniondesk/user.h"

#define MAX_EVENTS 500 /* a case has a few dozen; each takes 8 KB */
#define KEEP_YEARS 10 /* 保管期限: ten years after the year the case closed */

struct ud_casedoc_ctx {
    struct ud_db *db;
    const struct ud_case *c;
    struct ud_org body;            /* the mediation body */
    struct ud_case_event *ev;      /* the timeline, oldest first */
    int nev;
    char received_by[128];         /* who registered the case */
    char printed_by[100];          /* the user printing */
    char today[UD_DATE_SZ];
    int whole_id;
    char id_shown[UD_IDNUM_SZ + 8];
    char phone_shown[UD_PHONE_SZ + 8];
    const char *gender;            /* from the ID number; "" when none */
};

/* ---- the case's texts (migration 0006) ---- */
static const char *claims_of(const struct ud_case *c) { return c->claims; }
static const char *facts_of(const struct ud_case *c) { return c->facts; }
static const char *respondent_rep_of(const struct ud_case *c) { return c->respondent_rep; }
static const char *agreement_terms_of(const struct ud_case *c) { return c->agreement_terms; }
static const char *payment_due_of(const struct ud_case *c) { return c->payment_due_on; }
/* the reason a case was refused or ended: the outcome text every closing
 * move asks for (0006 adds no column of its own for it) */
static const char *reason_of(const struct ud_case *c) { return c->outcome; }

/* ---- small helpers ---- */

static int status_in(const struct ud_case *c, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(c->status, *set) == 0)
            return 1;
    return 0;
}

static int any_case(const struct ud_case *c)
{
    (void)c;
    return 1;
}

static int filed_or_later(const struct ud_case *c)
{
    static const char *const set[] = {"filed", "mediating", "succeeded", "failed", "withdrawn", NULL};
    return status_in(c, set) && c->filed_on[0]; /* withdrawn before filing was never accepted */
}

static int not_accepted(const struct ud_case *c) { return strcmp(c->status, "not_accepted") == 0; }
static int succeeded(const struct ud_case *c) { return strcmp(c->status, "succeeded") == 0; }

static int failed_or_withdrawn(const struct ud_case *c)
{
    static const char *const set[] = {"failed", "withdrawn", NULL};
    return status_in(c, set);
}

#define BLANK_ZH "＿＿＿＿＿＿"
#define BLANK_EN "________"

static const char *or_blank(const char *s)
{
    return s && *s ? s : T(BLANK_ZH, BLANK_EN);
}

/* "2026年10月9日" (English: 2026-10-09); a blank to fill in when none. */
static void fmt_date(const char *iso, char *out, size_t outsz)
{
    int y, m, d;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        snprintf(out, outsz, "%s", T("    年  月  日", "____-__-__"));
        return;
    }
    if (ud_lang == UD_LANG_EN)
        snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(out, outsz, "%d年%d月%d日", y, m, d);
}

static const char *type_label(const struct ud_case *c)
{
    return ud_enum_label(&ud_enum_dispute_type, c->dispute_type);
}

static void money_figures(int64_t fen, char *out, size_t outsz)
{
    char m[48];
    ud_format_money(fen, m, sizeof m);
    snprintf(out, outsz, "¥%s", m);
}

/* "人民币壹万贰仟叁佰肆拾伍元陆角柒分" */
static void money_capitals(int64_t fen, char *out, size_t outsz)
{
    char cap[256];
    if (ud_money_capital(fen, cap, sizeof cap) != 0)
        snprintf(cap, sizeof cap, "%s", BLANK_ZH);
    snprintf(out, outsz, "人民币%s", cap);
}

/* The running head and title every document opens with: the title, an
 * English translation said to be one, and the case number. */
static void opening(struct ud_paper *p, const struct ud_casedoc_ctx *x, const char *title)
{
    ud_paper_title(p, title);
    if (ud_lang == UD_LANG_EN)
        ud_paper_center(p, "(English translation for reference; the Chinese document is the official one)");
    char no[200];
    snprintf(no, sizeof no, T("案号：%s", "Case no. %s"), x->c->case_no);
    ud_paper_center(p, no);
    ud_paper_space(p, 1);
}

/* The body's name and the date, right-aligned, with room for the seal. */
static void sealed_by_body(struct ud_paper *p, const struct ud_casedoc_ctx *x, const char *date_iso)
{
    char s[400], d[64];
    ud_paper_keep_with_next(p); /* the last words go with the seal and the date */
    ud_paper_space(p, 2);
    ud_paper_keep_with_next(p);
    snprintf(s, sizeof s, T("%s（盖章）", "%s (seal)"), x->body.name);
    ud_paper_right(p, s);
    ud_paper_keep_with_next(p);
    fmt_date(date_iso, d, sizeof d);
    ud_paper_right(p, d);
}

/* The body's address and phone, when known, for the parties to reach it. */
static void body_contact(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    if (!x->body.address[0] && !x->body.phone[0])
        return;
    char s[600];
    snprintf(s, sizeof s, T("调解组织地址：%s    联系电话：%s", "Address of the mediation body: %s    Phone: %s"),
             or_blank(x->body.address), or_blank(x->body.phone));
    ud_paper_keep_with_next(p); /* 特此通知 stays with the seal that follows */
    ud_paper_space(p, 1);
    ud_paper_keep_with_next(p);
    ud_paper_line(p, s);
}

/* Free text as paragraphs, one per line of it. */
static void paras(struct ud_paper *p, const char *text)
{
    const char *s = text;
    while (*s) {
        size_t n = strcspn(s, "\n");
        char line[UD_EVENT_BODY_MAX * 4 + 4];
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, s, n);
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n)
            ud_paper_para(p, line);
        s += strcspn(s, "\n");
        if (*s == '\n')
            s++;
    }
}

static void label(struct ud_paper *p, const char *text) { ud_paper_cell(p, text, 1, UD_PC_LABEL); }
static void value(struct ud_paper *p, const char *text, int span) { ud_paper_cell(p, text, span, 0); }

/* The parties as a ruled grid: the application and the agreement open
 * with it (the application's form goes on in the same grid). */
static void parties_table(struct ud_paper *p, const struct ud_casedoc_ctx *x, const char *respondent)
{
    const struct ud_case *c = x->c;
    static const int w[] = {225, 275, 225, 275}; /* 统一社会信用代码 on one line */
    ud_paper_table(p, 4, w, 0);
    ud_paper_cell(p, T("申请人", "Applicant"), 4, UD_PC_LABEL | UD_PC_CENTER);
    label(p, T("姓名", "Name"));
    value(p, c->applicant_name, 1);
    label(p, T("性别", "Gender"));
    value(p, x->gender, 1);
    label(p, T("身份证号", "ID number"));
    value(p, x->id_shown, 1);
    label(p, T("联系电话", "Phone"));
    value(p, x->phone_shown, 1);
    ud_paper_cell(p, respondent, 4, UD_PC_LABEL | UD_PC_CENTER);
    label(p, T("单位名称", "Employer"));
    value(p, c->employer_name, 3);
    /* rows of their own: an 18-character code is never broken */
    label(p, T("统一社会信用代码", "Credit code"));
    value(p, c->employer_credit_code, 3);
    label(p, T("代表人", "Representative"));
    value(p, respondent_rep_of(c), 3);
}

/* ---- 劳动争议调解申请登记表 ---- */

static void build_application(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    const struct ud_case *c = x->c;
    char s[600];
    opening(p, x, T("劳动争议调解申请登记表", "Application for Labour Dispute Mediation"));
    parties_table(p, x, T("被申请人（用人单位）", "Respondent (employer)")); /* the form goes on in the same grid */
    ud_paper_cell(p, T("争议情况", "The dispute"), 4, UD_PC_LABEL | UD_PC_CENTER);
    label(p, T("争议类型", "Dispute type"));
    value(p, type_label(c), 1);
    label(p, T("涉及职工人数", "Workers involved"));
    snprintf(s, sizeof s, T("%lld 人%s", "%lld%s"), (long long)c->workers_count,
             c->workers_count >= UD_COLLECTIVE_WORKERS ? T("（集体争议）", " (collective)") : "");
    value(p, s, 1);
    label(p, T("涉案金额", "Amount claimed"));
    if (c->claim_fen != UD_NULL_INT && c->claim_fen > 0)
        money_figures(c->claim_fen, s, sizeof s);
    else
        s[0] = '\0';
    value(p, s, 1);
    label(p, T("调解组织", "Mediation body"));
    value(p, x->body.name, 1);
    label(p, T("请求事项", "Claims"));
    ud_paper_cell(p, claims_of(c), 3, UD_PC_TALL);
    label(p, T("事实与理由", "Facts and reasons"));
    ud_paper_cell(p, facts_of(c), 3, UD_PC_TALL);
    label(p, T("接待日期", "Received on"));
    fmt_date(c->received_on, s, sizeof s);
    value(p, s, 1);
    label(p, T("接待人", "Received by"));
    value(p, x->received_by, 1);
    label(p, T("申请人签名", "Applicant's signature"));
    ud_paper_cell(p, "", 1, UD_PC_TALL);
    label(p, T("日期", "Date"));
    ud_paper_cell(p, T("    年  月  日", ""), 1, UD_PC_TALL);
    ud_paper_space(p, 1);
    ud_paper_para(p, T("申请人对所填内容的真实性负责。本表由调解组织留存，列入案件卷宗。",
                       "The applicant answers for the truth of what is entered. The mediation body keeps this form in "
                       "the case file."));
}

/* ---- 受理通知书 ---- */

static void build_acceptance(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    const struct ud_case *c = x->c;
    char recv[64], filed[64], due[64], due_iso[UD_DATE_SZ], s[400];
    opening(p, x, T("受理通知书", "Notice of Acceptance"));
    snprintf(s, sizeof s, T("%s：", "To %s:"), c->applicant_name);
    ud_paper_line(p, s);
    fmt_date(c->received_on, recv, sizeof recv);
    fmt_date(c->filed_on, filed, sizeof filed);
    ud_case_due_date(c->filed_on, due_iso);
    fmt_date(due_iso, due, sizeof due);
    ud_paper_paraf(p,
                   T("你于%s提出的与%s之间的%s争议调解申请，经审查，符合受理条件。%s已于%s决定受理。",
                     "Your application of %s for mediation of a dispute over %s with %s meets the conditions for "
                     "acceptance. %s accepted it on %s."),
                   recv, ud_lang == UD_LANG_EN ? type_label(c) : or_blank(c->employer_name),
                   ud_lang == UD_LANG_EN ? or_blank(c->employer_name) : type_label(c), x->body.name, filed);
    ud_paper_paraf(p,
                   T("根据《中华人民共和国劳动争议调解仲裁法》第十四条，调解应当自受理之日起十五日内结束，即于%s前结束。"
                     "期满未达成调解协议的，你可以依法申请劳动争议仲裁。",
                     "Under Article 14 of the Law on Mediation and Arbitration of Labour Disputes, mediation ends "
                     "within fifteen days of acceptance, that is by %s. If no agreement is reached by then, you may "
                     "apply for labour arbitration."),
                   due);
    if (c->mediator[0])
        ud_paper_paraf(p, T("本案调解员：%s。请按调解组织通知的时间参加调解，并备齐有关证据材料。",
                            "Mediator: %s. Please attend mediation when the body asks you to, with your evidence."),
                       c->mediator);
    else
        ud_paper_para(p, T("请按调解组织通知的时间参加调解，并备齐有关证据材料。",
                           "Please attend mediation when the body asks you to, with your evidence."));
    ud_paper_para(p, T("特此通知。", "Notice is hereby given."));
    body_contact(p, x);
    sealed_by_body(p, x, c->filed_on);
}

/* ---- 不予受理通知书 ---- */

static void arbitration_right(struct ud_paper *p)
{
    ud_paper_para(p, T("你可以依法向劳动争议仲裁委员会申请仲裁。劳动争议申请仲裁的时效期间为一年，从当事人知道或者"
                       "应当知道其权利被侵害之日起计算（《中华人民共和国劳动争议调解仲裁法》第二十七条）。",
                       "You may apply to a labour dispute arbitration committee. The time limit for arbitration is one "
                       "year from the day you knew or should have known that your rights were infringed (Article 27 "
                       "of the Law on Mediation and Arbitration of Labour Disputes)."));
}

static void build_rejection(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    const struct ud_case *c = x->c;
    char recv[64], s[400];
    opening(p, x, T("不予受理通知书", "Notice of Non-acceptance"));
    snprintf(s, sizeof s, T("%s：", "To %s:"), c->applicant_name);
    ud_paper_line(p, s);
    fmt_date(c->received_on, recv, sizeof recv);
    ud_paper_paraf(p,
                   T("你于%s提出的与%s之间的%s争议调解申请，经审查，%s决定不予受理。",
                     "Your application of %s for mediation of a dispute with %s over %s has been examined; %s has "
                     "decided not to accept it."),
                   recv, or_blank(c->employer_name), type_label(c), x->body.name);
    ud_paper_paraf(p, T("不予受理的理由：%s", "Reason: %s"), or_blank(reason_of(c)));
    arbitration_right(p);
    ud_paper_para(p, T("特此通知。", "Notice is hereby given."));
    body_contact(p, x);
    sealed_by_body(p, x, c->closed_on);
}

/* ---- 调解协议书 ---- */

static void build_agreement(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    const struct ud_case *c = x->c;
    char fig[64], cap[300], due[64], s[400];
    opening(p, x, T("劳动争议调解协议书", "Labour Dispute Mediation Agreement"));
    parties_table(p, x, T("被申请人", "Respondent"));
    ud_paper_space(p, 1);
    ud_paper_paraf(p, T("争议事项：%s争议，涉及职工 %lld 人。", "The dispute: %s, %lld worker(s) involved."), type_label(c),
                   (long long)c->workers_count);
    const char *claims = claims_of(c);
    if (*claims)
        ud_paper_paraf(p, T("申请人请求：%s", "The applicant claimed: %s"), claims);
    ud_paper_paraf(p, T("经%s主持调解，双方当事人在查明事实、分清是非的基础上，自愿达成如下协议：",
                        "Under mediation by %s, the facts established, the parties have freely agreed as follows:"),
                   x->body.name);
    const char *terms = agreement_terms_of(c);
    if (*terms)
        paras(p, terms);
    else
        ud_paper_para(p, T(BLANK_ZH BLANK_ZH BLANK_ZH BLANK_ZH, BLANK_EN BLANK_EN BLANK_EN BLANK_EN));
    if (c->agreed_fen != UD_NULL_INT) {
        money_figures(c->agreed_fen, fig, sizeof fig);
        money_capitals(c->agreed_fen, cap, sizeof cap);
    } else {
        snprintf(fig, sizeof fig, "¥%s", BLANK_EN);
        snprintf(cap, sizeof cap, "人民币%s", BLANK_ZH);
    }
    fmt_date(payment_due_of(c), due, sizeof due);
    ud_paper_paraf(p,
                   T("被申请人于%s前向申请人支付%s（大写：%s）。",
                     "The respondent pays the applicant %s (in words: %s) by %s."),
                   ud_lang == UD_LANG_EN ? fig : due, ud_lang == UD_LANG_EN ? cap : fig, ud_lang == UD_LANG_EN ? due : cap);
    ud_paper_para(p, T("经调解达成协议，本协议书经双方当事人签名或者盖章、调解员签名并加盖调解组织印章后生效，对双方当事人"
                       "具有约束力，双方应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。一方在协议约定期限内不履行的，"
                       "另一方可以依法申请仲裁；就支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金达成协议，用人单位在约定期限内"
                       "不履行的，劳动者可以持本协议书依法向人民法院申请支付令（同法第十五条、第十六条）。",
                       "Agreement having been reached by mediation, this agreement takes effect when signed or sealed by "
                       "both parties, signed by the mediator and sealed by the mediation body; it binds both parties, "
                       "who shall perform it (Article 14 of the Law on Mediation and Arbitration of Labour Disputes). "
                       "If one party does not perform it in time, the other may apply for arbitration; for unpaid "
                       "wages, medical costs of a work injury, economic compensation or damages, the worker may apply "
                       "to a people's court for a payment order with this agreement (Articles 15 and 16)."));
    ud_paper_para(p, T("本协议书一式三份，双方当事人各执一份，调解组织留存一份。",
                       "This agreement is made in three copies: one for each party, and one kept by the mediation body."));
    ud_paper_keep_with_next(p); /* the signatures never stand on a page of their own */
    /* one row: the signatures and the body's seal with the date, never
     * split between pages, nor the seal left alone on a page of its own */
    static const int w[] = {240, 270, 240, 250};
    ud_paper_table(p, 4, w, 0);
    ud_paper_cell(p, T("申请人（签名）\n\n\n    年  月  日", "Applicant (signature)\n\n\ndate:"), 1, UD_PC_TALL | UD_PC_CENTER);
    ud_paper_cell(p, T("被申请人（盖章）\n代表人（签名）\n\n    年  月  日", "Respondent (seal)\nrepresentative (signature)\n\ndate:"), 1,
                  UD_PC_TALL | UD_PC_CENTER);
    snprintf(s, sizeof s, T("调解员（签名）\n%s\n\n    年  月  日", "Mediator (signature)\n%s\n\ndate:"), c->mediator);
    ud_paper_cell(p, s, 1, UD_PC_TALL | UD_PC_CENTER);
    char d[64];
    fmt_date(c->closed_on, d, sizeof d);
    snprintf(s, sizeof s, T("%s\n（印章）\n\n%s", "%s\n(seal)\n\n%s"), x->body.name, d);
    ud_paper_cell(p, s, 1, UD_PC_TALL | UD_PC_CENTER);
}

/* ---- 终止调解通知书 ---- */

static void build_termination(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    const struct ud_case *c = x->c;
    char recv[64], filed[64], closed[64], s[400];
    opening(p, x, T("终止调解通知书", "Notice of Termination of Mediation"));
    snprintf(s, sizeof s, T("%s：", "To %s:"), c->applicant_name);
    ud_paper_line(p, s);
    fmt_date(c->received_on, recv, sizeof recv);
    fmt_date(c->filed_on, filed, sizeof filed);
    fmt_date(c->closed_on, closed, sizeof closed);
    if (c->filed_on[0])
        ud_paper_paraf(p, T("你与%s之间的%s争议，%s于%s受理调解。", "Your dispute with %s over %s was accepted for mediation by %s on %s."),
                       or_blank(c->employer_name), type_label(c), x->body.name, filed);
    else
        ud_paper_paraf(p, T("你于%s向%s提出与%s之间的%s争议调解申请。", "On %s you applied to %s for mediation of a dispute with %s over %s."),
                       recv, x->body.name, or_blank(c->employer_name), type_label(c));
    if (strcmp(c->status, "withdrawn") == 0)
        ud_paper_paraf(p, T("因申请人撤回调解申请，本会决定自%s起终止调解。",
                            "As the applicant withdrew the application, mediation ended on %s."),
                       closed);
    else
        ud_paper_paraf(p, T("经调解，双方当事人未能达成调解协议，本会决定自%s起终止调解。",
                            "No agreement was reached by mediation; mediation ended on %s."),
                       closed);
    ud_paper_paraf(p, T("终止调解的原因：%s", "Reason: %s"), or_blank(reason_of(c)));
    arbitration_right(p);
    if (c->referred_to_arbitration)
        ud_paper_para(p, T("本案已告知申请人向劳动争议仲裁委员会申请仲裁。",
                           "The applicant has been referred to the labour dispute arbitration committee."));
    ud_paper_para(p, T("特此通知。", "Notice is hereby given."));
    body_contact(p, x);
    sealed_by_body(p, x, c->closed_on);
}

/* ---- 调解案件卷宗: cover, then 卷内目录 ---- */

/* A login as the users table names it (its display name), else as it is. */
static void user_label(struct ud_db *db, const char *login, char *out, size_t outsz)
{
    struct ud_user u;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_user_get(db, login, &u, &e) == UD_OK && u.display_name[0])
        snprintf(out, outsz, "%s", u.display_name);
    else
        snprintf(out, outsz, "%s", login);
}

/* What one timeline event says, on one line. */
static void event_text(const struct ud_case_event *e, char *out, size_t outsz)
{
    if (strcmp(e->kind, "status") == 0 && !e->from_status[0])
        snprintf(out, outsz, T("登记案件（状态：%s）%s%s", "case registered (status: %s)%s%s"),
                 ud_enum_label(&ud_enum_case_status, e->to_status), e->body[0] ? T("：", ": ") : "", e->body);
    else if (strcmp(e->kind, "status") == 0 || strcmp(e->kind, "reopened") == 0)
        snprintf(out, outsz, "%s%s%s -> %s%s%s",
                 strcmp(e->kind, "reopened") == 0 ? ud_enum_label(&ud_enum_event_kind, e->kind) : "",
                 strcmp(e->kind, "reopened") == 0 ? T("：", ": ") : "",
                 ud_enum_label(&ud_enum_case_status, e->from_status), ud_enum_label(&ud_enum_case_status, e->to_status),
                 e->body[0] ? T("：", ": ") : "", e->body);
    else
        snprintf(out, outsz, "%s%s%s", ud_enum_label(&ud_enum_event_kind, e->kind), T("：", ": "), e->body);
    for (char *q = out; *q; q++)
        if (*q == '\r' || *q == '\t')
            *q = ' ';
}

static void outcome_text(const struct ud_case *c, char *out, size_t outsz)
{
    int n = snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_case_status, c->status));
    if (succeeded(c) && c->agreed_fen != UD_NULL_INT && n >= 0 && (size_t)n < outsz) {
        char fig[64], cap[300];
        money_figures(c->agreed_fen, fig, sizeof fig);
        money_capitals(c->agreed_fen, cap, sizeof cap);
        n += snprintf(out + n, outsz - (size_t)n, T("，协议金额 %s（%s）", ", amount agreed %s (%s)"), fig, cap);
    }
    if (c->outcome[0] && n >= 0 && (size_t)n < outsz)
        snprintf(out + n, outsz - (size_t)n, T("；%s", "; %s"), c->outcome);
}

static void build_record(struct ud_paper *p, const struct ud_casedoc_ctx *x)
{
    const struct ud_case *c = x->c;
    char s[3000];
    opening(p, x, T("劳动争议调解案件卷宗", "Labour Dispute Mediation Case File"));
    ud_paper_space(p, 1);
    static const int w[] = {260, 740};
    ud_paper_table(p, 2, w, 0);
    label(p, T("案号", "Case no."));
    value(p, c->case_no, 1);
    label(p, T("案由", "Dispute"));
    snprintf(s, sizeof s, T("%s争议（涉及职工 %lld 人）", "%s (%lld worker(s))"), type_label(c), (long long)c->workers_count);
    value(p, s, 1);
    label(p, T("申请人", "Applicant"));
    value(p, c->applicant_name, 1);
    label(p, T("被申请人", "Respondent"));
    value(p, c->employer_name, 1);
    label(p, T("调解组织", "Mediation body"));
    value(p, x->body.name, 1);
    label(p, T("调解员", "Mediator"));
    value(p, c->mediator, 1);
    label(p, T("接待日期", "Received on"));
    fmt_date(c->received_on, s, sizeof s);
    value(p, s, 1);
    label(p, T("受理日期", "Filed on"));
    if (c->filed_on[0])
        fmt_date(c->filed_on, s, sizeof s);
    else
        snprintf(s, sizeof s, "%s", T("未受理", "not filed"));
    value(p, s, 1);
    label(p, T("结案日期", "Closed on"));
    if (c->closed_on[0])
        fmt_date(c->closed_on, s, sizeof s);
    else
        snprintf(s, sizeof s, "%s", T("未结案", "open"));
    value(p, s, 1);
    label(p, T("调解结果", "Outcome"));
    outcome_text(c, s, sizeof s);
    value(p, s, 1);
    label(p, T("保管期限", "Keep until"));
    if (c->closed_on[0]) {
        int y = atoi(c->closed_on);
        snprintf(s, sizeof s, T("十年（结案次年起算，保管至 %d年12月31日）", "ten years after the year closed: until %d-12-31"),
                 y + KEEP_YEARS);
    } else {
        snprintf(s, sizeof s, "%s", T("十年（自结案次年起算）", "ten years after the year the case closes"));
    }
    value(p, s, 1);
    label(p, T("立卷人", "Compiled by"));
    char d[64];
    fmt_date(x->today, d, sizeof d);
    snprintf(s, sizeof s, T("%s    立卷日期：%s", "%s    on %s"), x->printed_by, d);
    value(p, s, 1);
    ud_paper_page_break(p);
    ud_paper_title(p, T("卷内目录", "Contents of the File"));
    snprintf(s, sizeof s, T("案号：%s", "Case no. %s"), c->case_no);
    ud_paper_center(p, s);
    ud_paper_space(p, 1);
    static const int wt[] = {90, 190, 540, 180};
    ud_paper_table(p, 4, wt, 1);
    ud_paper_cell(p, T("序号", "No."), 1, UD_PC_LABEL | UD_PC_CENTER);
    ud_paper_cell(p, T("日期", "Date"), 1, UD_PC_LABEL | UD_PC_CENTER);
    ud_paper_cell(p, T("事项", "Entry"), 1, UD_PC_LABEL | UD_PC_CENTER);
    ud_paper_cell(p, T("经办人", "By"), 1, UD_PC_LABEL | UD_PC_CENTER);
    /* who: the users' names, looked up once per login */
    char who_login[8][100], who_name[8][100];
    int nwho = 0;
    for (int i = 0; i < x->nev; i++) {
        const struct ud_case_event *e = &x->ev[i];
        const char *by = e->login;
        int k = 0;
        while (k < nwho && strcmp(who_login[k], e->login) != 0)
            k++;
        if (k < nwho) {
            by = who_name[k];
        } else if (nwho < 8) {
            snprintf(who_login[nwho], sizeof who_login[nwho], "%s", e->login);
            user_label(x->db, e->login, who_name[nwho], sizeof who_name[nwho]);
            by = who_name[nwho++];
        }
        char no[16], day[UD_DATE_SZ], what[sizeof e->body + 200];
        snprintf(no, sizeof no, "%d", i + 1);
        snprintf(day, sizeof day, "%.10s", e->at);
        event_text(e, what, sizeof what);
        ud_paper_cell(p, no, 1, UD_PC_CENTER);
        ud_paper_cell(p, day, 1, UD_PC_CENTER);
        ud_paper_cell(p, what, 1, 0);
        ud_paper_cell(p, by, 1, UD_PC_CENTER);
    }
    if (x->nev == MAX_EVENTS)
        ud_paper_paraf(p, T("（只列出前 %d 项）", "(the first %d entries only)"), MAX_EVENTS);
}

/* ---- the table ---- */

const struct ud_casedoc ud_casedocs[] = {
    {"application", "劳动争议调解申请登记表", "Application for labour dispute mediation", "申请登记表",
     "任何状态", "any status", any_case, build_application},
    {"acceptance", "受理通知书", "Notice of acceptance", "受理",
     "已受理及以后（受理、调解中、调解成功、调解不成、受理后撤回）",
     "filed or later (filed, mediating, succeeded, failed, withdrawn after filing)", filed_or_later, build_acceptance},
    {"rejection", "不予受理通知书", "Notice of non-acceptance", "不予受理", "不予受理", "not accepted", not_accepted,
     build_rejection},
    {"agreement", "调解协议书", "Mediation agreement", "协议书", "调解成功", "succeeded", succeeded, build_agreement},
    {"termination", "终止调解通知书", "Notice of termination of mediation", "终止调解", "调解不成或撤回",
     "failed or withdrawn", failed_or_withdrawn, build_termination},
    {"record", "调解案件卷宗", "Mediation case file", "卷宗", "任何状态", "any status", any_case, build_record},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const struct ud_casedoc *ud_casedoc_find(const char *name)
{
    if (!name)
        return NULL;
    for (const struct ud_casedoc *d = ud_casedocs; d->code; d++)
        if (!strcmp(name, d->code) || !strcmp(name, d->zh) || !strcmp(name, d->short_zh) ||
            (!strcmp(d->code, "agreement") && !strcmp(name, "劳动争议调解协议书")))
            return d;
    return NULL;
}

const char *ud_casedoc_codes(void)
{
    return "application, acceptance, rejection, agreement, termination, record";
}

int ud_casedoc_offered(const struct ud_case *c, const struct ud_casedoc **out, int max)
{
    int n = 0;
    for (const struct ud_casedoc *d = ud_casedocs; d->code && n < max; d++)
        if (d->applies(c))
            out[n++] = d;
    return n;
}

int ud_casedoc_check(const struct ud_casedoc *d, const struct ud_case *c, struct ud_err *err)
{
    if (d->applies(c))
        return UD_OK;
    return ud_err_set(err, UD_ERR_STATE,
                      T("案件 %s 现为“%s”%s，不能出具%s：%s只用于%s的案件",
                        "case %s is %s%s: no %s for it; a %s is for cases %s"),
                      c->case_no, ud_enum_label(&ud_enum_case_status, c->status),
                      d->applies == filed_or_later && !c->filed_on[0] ? T("（未受理）", " (never filed)") : "", T(d->zh, d->en), T(d->zh, d->en),
                      T(d->when_zh, d->when_en));
}

void ud_casedoc_file_name(const struct ud_casedoc *d, const struct ud_case *c, char *out, size_t outsz)
{
    /* the case number is the user's text: a '/' in it (BL/2024/001, or
     * ../../x) would put the file in another directory, a leading '.'
     * hide it; those become '-' */
    char no[sizeof c->case_no];
    snprintf(no, sizeof no, "%s", c->case_no);
    for (char *p = no; *p; p++)
        if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7f || (p == no && *p == '.'))
            *p = '-';
    if (ud_lang == UD_LANG_EN)
        snprintf(out, outsz, "%s-%s.pdf", no, d->code);
    else
        snprintf(out, outsz, "%s-%s.pdf", no, d->zh);
}

/* ---- building: the context from the modules ---- */

static int gather(struct ud_db *db, const struct ud_case *c, struct ud_casedoc_ctx *x, struct ud_err *err)
{
    memset(x, 0, sizeof *x);
    x->db = db;
    x->c = c;
    ud_today(x->today);
    snprintf(x->printed_by, sizeof x->printed_by, "%s", ud_db_user_label(db));
    if (ud_org_get(db, c->mediation_org_id, &x->body, err) != UD_OK)
        return err->status;
    x->ev = calloc(MAX_EVENTS, sizeof *x->ev);
    if (!x->ev)
        return ud_err_nomem(err);
    if (ud_case_events(db, c->id, x->ev, MAX_EVENTS, &x->nev, err) != UD_OK)
        return err->status;
    /* received by: who registered the case (the timeline's first event),
     * named as the users table names them; else the mediator */
    if (x->nev > 0 && x->ev[0].login[0]) {
        user_label(db, x->ev[0].login, x->received_by, sizeof x->received_by);
    } else {
        snprintf(x->received_by, sizeof x->received_by, "%s", c->mediator);
    }
    x->whole_id = c->applicant_id_number[0] && ud_may_reveal_id(db);
    if (x->whole_id)
        snprintf(x->id_shown, sizeof x->id_shown, "%s", c->applicant_id_number);
    else
        ud_show_id_number(c->applicant_id_number, x->id_shown, sizeof x->id_shown);
    ud_show_phone(db, c->applicant_phone, x->phone_shown, sizeof x->phone_shown);
    x->gender = "";
    char idn[UD_IDNUM_SZ], g = 0, birth[UD_DATE_SZ];
    if (c->applicant_id_number[0] && !ud_check_id_number(c->applicant_id_number, idn, &g, birth))
        x->gender = g == 'M' ? T("男", "male") : T("女", "female");
    return UD_OK;
}

/* Documents that show the applicant's ID number. */
static int shows_id(const struct ud_casedoc *d)
{
    return d->build == build_application || d->build == build_agreement;
}

int ud_casedoc_build(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, struct ud_paper *p,
                     int *whole_id, struct ud_err *err)
{
    if (whole_id)
        *whole_id = 0;
    if (ud_casedoc_check(d, c, err) != UD_OK)
        return err->status;
    /* a list's row has no long texts: the whole case, read again */
    struct ud_case *whole = NULL;
    if (!c->texts_read) {
        if (!(whole = malloc(sizeof *whole)))
            return ud_err_nomem(err);
        if (ud_case_get(db, c->id, whole, err) != UD_OK) {
            free(whole);
            return err->status;
        }
        c = whole;
    }
    struct ud_casedoc_ctx x;
    int st = gather(db, c, &x, err);
    if (st == UD_OK) {
        char title[300], head[300];
        snprintf(title, sizeof title, "%s %s", c->case_no, T(d->zh, d->en));
        snprintf(head, sizeof head, "%s  %s", c->case_no, T(d->zh, d->en));
        ud_paper_init(p, title, head);
        d->build(p, &x);
        st = ud_paper_check(p, err);
        if (whole_id)
            *whole_id = x.whole_id && shows_id(d);
    }
    free(x.ev);
    free(whole);
    return st;
}

int ud_casedoc_note(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, int whole_id,
                    const char *where, struct ud_err *err)
{
    char what[2600];
    snprintf(what, sizeof what, "case %s %s%s -> %s", c->case_no, d->code, whole_id ? " (whole ID)" : "", where);
    return ud_audit_note(db, "cases", c->id, "print", what, err);
}

/* Typesets into fp. */
static int render(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, FILE *fp, int *whole_id,
                  struct ud_err *err)
{
    struct ud_paper p;
    memset(&p, 0, sizeof p);
    int st = ud_casedoc_build(db, d, c, &p, whole_id, err);
    if (st == UD_OK)
        st = ud_paper_pdf(&p, fp, err);
    ud_paper_free(&p);
    return st;
}

int ud_casedoc_pdf(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, char **pdf, size_t *len,
                   int *whole_id, struct ud_err *err)
{
    *pdf = NULL;
    *len = 0;
    FILE *fp = open_memstream(pdf, len);
    if (!fp)
        return ud_err_nomem(err);
    int st = render(db, d, c, fp, whole_id, err);
    if (fclose(fp) != 0 && st == UD_OK)
        st = ud_err_nomem(err);
    if (st != UD_OK) {
        free(*pdf);
        *pdf = NULL;
        *len = 0;
    }
    return st;
}

int ud_casedoc_save(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, const char *path,
                    unsigned out_flags, FILE *fp, struct ud_err *err)
{
    int whole = 0, st;
    if (!path) {
        /* a pipe: recorded first, since what is written cannot be taken back */
        char *pdf;
        size_t len;
        if ((st = ud_casedoc_pdf(db, d, c, &pdf, &len, &whole, err)) != UD_OK)
            return st;
        st = ud_casedoc_note(db, d, c, whole, "stdout", err);
        if (st == UD_OK && (fwrite(pdf, 1, len, fp) != len || fflush(fp) != 0))
            st = ud_err_set(err, UD_ERR_IO, "%s", T("写入标准输出时出错", "error writing to standard output"));
        free(pdf);
        return st;
    }
    struct ud_outfile out;
    if ((st = ud_out_open(&out, path, out_flags, err)) != UD_OK)
        return st;
    st = render(db, d, c, out.fp, &whole, err);
    if (st == UD_OK) {
        /* the log names the file wherever the user stood (as the exports
         * do): its directory resolved, then its name */
        char where[1400], *dir = realpath(out.dir, NULL);
        const char *base = strrchr(path, '/');
        if (dir)
            snprintf(where, sizeof where, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", base ? base + 1 : path);
        else
            snprintf(where, sizeof where, "%s", path);
        free(dir);
        st = ud_casedoc_note(db, d, c, whole, where, err);
    }
    if (st == UD_OK)
        return ud_out_commit(&out, err);
    ud_out_abort(&out);
    if (!strstr(err->msg, path)) {
        char what[1200];
        snprintf(what, sizeof what, T("%s（没有留下文件）", "%s (no file was left)"), path);
        ud_err_prefix(err, what);
    }
    return st;
}

int ud_casedoc_print(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, const char *printer,
                     int quiet, struct ud_err *err)
{
    char title[300], where[300];
    snprintf(title, sizeof title, "%s %s", c->case_no, T(d->zh, d->en));
    if (printer && *printer && !ud_printer_name_ok(printer))
        return ud_print_pdf(NULL, 0, printer, title, quiet, err); /* says why */
    char *pdf;
    size_t len;
    int whole = 0;
    int st = ud_casedoc_pdf(db, d, c, &pdf, &len, &whole, err);
    if (st != UD_OK)
        return st;
    if (printer && *printer)
        snprintf(where, sizeof where, "printer %s", printer);
    else
        snprintf(where, sizeof where, "default printer");
    /* the print is on record before it leaves: paper leaves no trace otherwise */
    st = ud_casedoc_note(db, d, c, whole, where, err);
    if (st == UD_OK)
        st = ud_print_pdf(pdf, len, printer, title, quiet, err);
    free(pdf);
    return st;
}
