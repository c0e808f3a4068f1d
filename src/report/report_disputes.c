/* 劳动争议调解统计月报: the period by level and by dispute type, the year
 * to date and the same period a year earlier, with the definitions. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"

enum { C_CARRIED, C_CLOSED, C_WORKERS, C_FILED, C_SUCC, C_FAILED, C_WITHDRAWN, C_OPEN, C_OVERDUE,
       C_COLLECTIVE, C_RATE, C_CLAIM, C_AGREED, NCOLS };

static void columns(struct ud_rcol c[NCOLS])
{
    memset(c, 0, sizeof *c * NCOLS);
    ud_rcol_set(&c[C_CARRIED], "上期", "结转", "carried", "over", "上期结转", "carried over", UD_RC_COUNT);
    ud_rcol_set(&c[C_CLOSED], "本期", "结案", "closed", "", "本期结案", "closed", UD_RC_COUNT);
    ud_rcol_set(&c[C_WORKERS], "接待", "职工", "workers", "", "接待职工(人)", "workers received", UD_RC_COUNT);
    ud_rcol_set(&c[C_FILED], "受理", "立案", "filed", "", "受理立案", "filed", UD_RC_COUNT);
    ud_rcol_set(&c[C_SUCC], "调解", "成功", "suc-", "ceeded", "调解成功", "succeeded", UD_RC_COUNT);
    ud_rcol_set(&c[C_FAILED], "调解", "不成", "failed", "", "调解不成", "failed", UD_RC_COUNT);
    ud_rcol_set(&c[C_WITHDRAWN], "撤回", "", "with-", "drawn", "撤回", "withdrawn", UD_RC_COUNT);
    ud_rcol_set(&c[C_OPEN], "未结", "", "open", "", "未结", "open", UD_RC_COUNT);
    ud_rcol_set(&c[C_OVERDUE], "其中", "超期", "over-", "due", "其中超期", "overdue", UD_RC_COUNT);
    ud_rcol_set(&c[C_COLLECTIVE], "集体", "争议", "collec-", "tive", "集体争议", "collective", UD_RC_COUNT);
    ud_rcol_set(&c[C_RATE], "成功率", "", "success", "rate", "成功率", "success rate", UD_RC_RATE);
    ud_rcol_set(&c[C_CLAIM], "涉案金额", "(万元)", "claimed", "(10k CNY)", "涉案金额(元)", "amount claimed (yuan)", UD_RC_MONEY);
    ud_rcol_set(&c[C_AGREED], "协议金额", "(万元)", "agreed", "(10k CNY)", "协议金额(元)", "amount agreed (yuan)", UD_RC_MONEY);
    c[C_RATE].num = C_SUCC;
    c[C_RATE].den = C_FILED;
}

static void put_row(struct ud_rtable *t, const char *label, int total, const struct ud_dispute_row *x)
{
    struct ud_rrow *r = ud_rdoc_row(t, label, total);
    if (!r)
        return;
    r->v[C_CARRIED] = x->carried_over;
    r->v[C_CLOSED] = x->closed;
    r->v[C_WORKERS] = x->workers_received;
    r->v[C_FILED] = x->filed;
    r->v[C_SUCC] = x->succeeded;
    r->v[C_FAILED] = x->failed;
    r->v[C_WITHDRAWN] = x->withdrawn;
    r->v[C_OPEN] = x->open;
    r->v[C_OVERDUE] = x->overdue;
    r->v[C_COLLECTIVE] = x->collective;
    r->v[C_CLAIM] = x->claim_fen;
    r->v[C_AGREED] = x->agreed_fen;
}

static void level_table(struct ud_rdoc *d, const char *caption, const struct ud_rcol *cols,
                        const struct ud_dispute_table *x, const char *from, const char *to, const char *as_of)
{
    struct ud_rtable *t = ud_rdoc_table(d, caption, T("级别", "level"), cols, NCOLS);
    if (!t)
        return;
    snprintf(t->key_values[0], sizeof t->key_values[0], "%s", from);
    snprintf(t->key_values[1], sizeof t->key_values[1], "%s", to);
    snprintf(t->key_values[2], sizeof t->key_values[2], "%s", as_of);
    for (int i = 0; i < UD_NLEVELS; i++)
        put_row(t, ud_enum_label(&ud_enum_level, ud_enum_level.items[i].code), 0, &x->level[i]);
    put_row(t, T("合计", "total"), 1, &x->total);
}

/* 五、同比增减: for each headline figure, this period, the same period a
 * year earlier and the change, side by side (the change columns divide
 * within the row, so the row carries both figures). Short text heads
 * (受理 / 本期, 上年, 增减%) leave room on the 132 columns for changes
 * such as +19900.0% in every column. */
enum { Y_FILED, Y_FILED_P, Y_FILED_CH, Y_SUCC, Y_SUCC_P, Y_SUCC_CH, Y_WORK, Y_WORK_P, Y_WORK_CH, Y_CLAIM, Y_CLAIM_P,
       Y_CLAIM_CH, NYCOLS };

static void change_columns(struct ud_rcol c[NYCOLS])
{
    memset(c, 0, sizeof *c * NYCOLS);
    ud_rcol_set(&c[Y_FILED], "受理", "本期", "filed", "now", "受理立案", "filed", UD_RC_COUNT);
    ud_rcol_set(&c[Y_FILED_P], "受理", "上年", "filed", "year ago", "上年同期受理立案", "filed a year earlier",
                UD_RC_COUNT);
    ud_rcol_set(&c[Y_FILED_CH], "受理", "增减%", "filed", "change", "受理立案同比增减", "change in filed",
                UD_RC_CHANGE);
    ud_rcol_set(&c[Y_SUCC], "成功", "本期", "succeeded", "now", "调解成功", "succeeded", UD_RC_COUNT);
    ud_rcol_set(&c[Y_SUCC_P], "成功", "上年", "succeeded", "year ago", "上年同期调解成功",
                "succeeded a year earlier", UD_RC_COUNT);
    ud_rcol_set(&c[Y_SUCC_CH], "成功", "增减%", "succeeded", "change", "调解成功同比增减", "change in succeeded",
                UD_RC_CHANGE);
    ud_rcol_set(&c[Y_WORK], "接待", "本期", "workers", "now", "接待职工(人)", "workers received",
                UD_RC_COUNT);
    ud_rcol_set(&c[Y_WORK_P], "接待", "上年", "workers", "year ago", "上年同期接待职工(人)",
                "workers received a year earlier", UD_RC_COUNT);
    ud_rcol_set(&c[Y_WORK_CH], "接待", "增减%", "workers", "change", "接待职工同比增减", "change in workers received",
                UD_RC_CHANGE);
    ud_rcol_set(&c[Y_CLAIM], "涉案万元", "本期", "claimed", "now", "涉案金额(元)", "amount claimed (yuan)",
                UD_RC_MONEY);
    ud_rcol_set(&c[Y_CLAIM_P], "涉案万元", "上年", "claimed", "year ago", "上年同期涉案金额(元)",
                "amount claimed a year earlier (yuan)", UD_RC_MONEY);
    ud_rcol_set(&c[Y_CLAIM_CH], "涉案万元", "增减%", "claimed", "change", "涉案金额同比增减", "change in amount claimed",
                UD_RC_CHANGE);
    for (int i = Y_FILED; i < NYCOLS; i += 3) {
        c[i + 2].num = i;
        c[i + 2].den = i + 1;
    }
}

static void change_row(struct ud_rtable *t, const char *label, int total, const struct ud_dispute_row *now,
                       const struct ud_dispute_row *before)
{
    struct ud_rrow *r = ud_rdoc_row(t, label, total);
    if (!r)
        return;
    r->v[Y_FILED] = now->filed;
    r->v[Y_FILED_P] = before->filed;
    r->v[Y_SUCC] = now->succeeded;
    r->v[Y_SUCC_P] = before->succeeded;
    r->v[Y_WORK] = now->workers_received;
    r->v[Y_WORK_P] = before->workers_received;
    r->v[Y_CLAIM] = now->claim_fen;
    r->v[Y_CLAIM_P] = before->claim_fen;
}

static void change_table(struct ud_rdoc *d, const struct ud_dispute_report *r)
{
    struct ud_rcol cols[NYCOLS];
    change_columns(cols);
    struct ud_rtable *t = ud_rdoc_table(d, T("五、同比增减（本期与上年同期比较）", "5. Change on the same period a year earlier"),
                                        T("级别", "level"), cols, NYCOLS);
    if (!t)
        return;
    snprintf(t->key_values[0], sizeof t->key_values[0], "%s", r->from);
    snprintf(t->key_values[1], sizeof t->key_values[1], "%s", r->to);
    snprintf(t->key_values[2], sizeof t->key_values[2], "%s", r->as_of);
    for (int i = 0; i < UD_NLEVELS; i++)
        change_row(t, ud_enum_label(&ud_enum_level, ud_enum_level.items[i].code), 0, &r->period.level[i],
                   &r->previous.level[i]);
    change_row(t, T("合计", "total"), 1, &r->period.total, &r->previous.total);
}

/* 一个日历月 / 一个日历年 / any other span */
static void period_name(const struct ud_dispute_report *r, char *title_kind, size_t tsz, char *period, size_t psz)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November", "December"};
    int y = atoi(r->from), m = atoi(r->from + 5);
    char last[UD_DATE_SZ];
    snprintf(last, sizeof last, "%.8s%02d", r->from, m >= 1 && m <= 12 ? ud_days_in_month(y, m) : 0);
    if (strcmp(r->from + 4, "-01-01") == 0 && strncmp(r->to, r->from, 4) == 0 && strcmp(r->to + 4, "-12-31") == 0) {
        snprintf(title_kind, tsz, "%s", T("劳动争议调解统计年报", "Labour Dispute Mediation Statistics, Annual"));
        snprintf(period, psz, T("（%d年度）", "(year %d)"), y);
    } else if (strcmp(r->from + 7, "-01") == 0 && m >= 1 && m <= 12 && strcmp(r->to, last) == 0) {
        snprintf(title_kind, tsz, "%s", T("劳动争议调解统计月报", "Labour Dispute Mediation Statistics, Monthly"));
        if (ud_lang == UD_LANG_EN)
            snprintf(period, psz, "(%s %d)", months[m - 1], y);
        else
            snprintf(period, psz, "（%d年%d月）", y, m);
    } else {
        snprintf(title_kind, tsz, "%s", T("劳动争议调解统计表", "Labour Dispute Mediation Statistics"));
        snprintf(period, psz, T("（%s 至 %s）", "(%s to %s)"), r->from, r->to);
    }
}

void ud_report_disputes_doc(const struct ud_dispute_report *r, const struct ud_report_meta *m, struct ud_rdoc *d)
{
    ud_rdoc_init(d);
    struct ud_rcol cols[NCOLS];
    columns(cols);
    char kind[96], buf[768];
    period_name(r, kind, sizeof kind, d->period, sizeof d->period);
    const char *unit = ud_report_unit_name(m);
    if (ud_lang == UD_LANG_EN)
        snprintf(d->title, sizeof d->title, "%s%s%s", unit, unit[0] ? ": " : "", kind);
    else
        snprintf(d->title, sizeof d->title, "%s%s", unit, kind);
    ud_report_form_lines(m, T("单位：件、人、万元", "Units: cases, persons, 10k CNY"), d);
    snprintf(d->page_title, sizeof d->page_title, "%s%s%s", d->title, ud_lang == UD_LANG_EN ? " " : "", d->period);
    snprintf(d->sheet, sizeof d->sheet, "%s", T("调解统计", "Mediation"));
    snprintf(d->author, sizeof d->author, "%s", m->producer);

    int n = 0;
    if (m->scope[0])
        n = snprintf(d->left, sizeof d->left, T("统计范围：%s及其下属调解组织", "Scope: %s and the bodies under it"), m->scope);
    else
        n = snprintf(d->left, sizeof d->left, "%s", T("统计范围：全区各级调解组织", "Scope: every mediation body of the district"));
    if (m->level[0] && n > 0 && (size_t)n < sizeof d->left)
        snprintf(d->left + n, sizeof d->left - (size_t)n, T("；仅%s一级", "; %s level only"),
                 ud_enum_label(&ud_enum_level, m->level));
    snprintf(d->right, sizeof d->right, T("数据截至：%s", "Data as of %s"), r->as_of);

    d->table_head = T("栏目", "table");
    d->nkeys = 3;
    d->key_heads[0] = T("起始日期", "from");
    d->key_heads[1] = T("截止日期", "to");
    d->key_heads[2] = T("数据截至", "as of");

    snprintf(buf, sizeof buf, T("一、本期分级统计（%s 至 %s）", "1. This period by level (%s to %s)"), r->from, r->to);
    level_table(d, buf, cols, &r->period, r->from, r->to, r->as_of);

    struct ud_rtable *t = ud_rdoc_table(d, T("二、本期按争议类型统计", "2. This period by dispute type"),
                                        T("争议类型", "dispute type"), cols, NCOLS);
    if (t) {
        snprintf(t->key_values[0], sizeof t->key_values[0], "%s", r->from);
        snprintf(t->key_values[1], sizeof t->key_values[1], "%s", r->to);
        snprintf(t->key_values[2], sizeof t->key_values[2], "%s", r->as_of);
        for (int i = 0; i < UD_NTYPES; i++)
            put_row(t, ud_enum_label(&ud_enum_dispute_type, ud_enum_dispute_type.items[i].code), 0, &r->period.type[i]);
        put_row(t, T("合计", "total"), 1, &r->period.total);
    }

    snprintf(buf, sizeof buf, T("三、本年累计（%s 至 %s）", "3. Year to date (%s to %s)"), r->ytd_from, r->to);
    level_table(d, buf, cols, &r->ytd, r->ytd_from, r->to, r->as_of);
    snprintf(buf, sizeof buf,
             T("四、上年同期（%s 至 %s，数据截至 %s）", "4. The same period a year earlier (%s to %s, data as of %s)"),
             r->prev_from, r->prev_to, r->prev_as_of);
    level_table(d, buf, cols, &r->previous, r->prev_from, r->prev_to, r->prev_as_of);
    change_table(d, r);

    ud_rdoc_note(d, T("说明：", "Notes:"));
    ud_rdoc_note(d, T("1. 上期结转：统计期开始前受理、期初尚未结案的案件；本期结案：统计期内结案的已受理案件，不论何时受理；"
                      "上期结转 + 受理立案 - 本期结案 = 下期的上期结转。",
                      "1. Carried over: cases filed before the period and still open when it began. Closed: filed "
                      "cases closed within the period, whenever they were filed. Carried over + filed - closed = "
                      "the next period's carried over."));
    ud_rdoc_note(d, T("2. 接待职工：统计期内接待登记的案件所涉职工人数（含未受理的案件）。受理立案：统计期内受理立案的案件；"
                      "调解成功、调解不成、撤回、未结是这些案件截至数据日期的结果；未结案件自受理之日起超过15日的为超期"
                      "（劳动争议调解仲裁法第十四条）；涉及职工10人及以上的为集体争议。",
                      "2. Workers received: workers involved in the cases received within the period (filed or "
                      "not). Filed: cases filed within the period; succeeded, failed, withdrawn and open are "
                      "their outcome as of the data date; an open case more than 15 days after filing is overdue "
                      "(Labour Dispute Mediation and Arbitration Law, art. 14); 10 workers or more make a "
                      "collective dispute."));
    ud_rdoc_note(d, T("3. 成功率 = 调解成功 / 受理立案（同一批受理案件）。涉案金额：受理案件请求的金额；协议金额：其中调解成功案件的协议金额。"
                      "文本报表金额单位为万元，电子表格为元。",
                      "3. Success rate = succeeded / filed (the same filed cases). Amount claimed: what the filed "
                      "cases claim; amount agreed: the agreements of those that succeeded. Paper shows 10,000 "
                      "yuan (CNY), spreadsheets yuan."));
    snprintf(buf, sizeof buf,
             T("4. 数据截至 %s：此后发生的接待、受理、结案不计入；上年同期按上年同日（%s）的数据统计。",
               "4. Data as of %s: what was received, filed or closed after it is not counted; the same period "
               "a year earlier is counted as of the same day a year earlier (%s)."),
             r->as_of, r->prev_as_of);
    ud_rdoc_note(d, buf);
    ud_rdoc_note(d, T("5. 同比增减 = (本期 - 上年同期) / 上年同期，四舍五入到0.1%；上年同期为零时无从比较，不填。",
                      "5. Change = (this period - a year earlier) / a year earlier, rounded half up to 0.1%; "
                      "left blank when the year-earlier figure is zero."));
}

static void json_row(FILE *fp, const char *key, const char *value, const struct ud_dispute_row *x, int last)
{
    char rate[32];
    ud_report_json_ratio(x->succeeded, x->filed, rate, sizeof rate);
    fprintf(fp, "    {\"%s\": ", key);
    ud_json_str(fp, value);
    fprintf(fp,
            ", \"carried_over\": %" PRId64 ", \"closed\": %" PRId64 ", \"workers_received\": %" PRId64
            ", \"filed\": %" PRId64 ", \"succeeded\": %" PRId64 ", \"failed\": %" PRId64 ", \"withdrawn\": %" PRId64
            ", \"open\": %" PRId64 ", \"overdue\": %" PRId64 ", \"collective\": %" PRId64 ", \"claim_fen\": %" PRId64
            ", \"agreed_fen\": %" PRId64 ", \"success_rate\": %s}%s\n",
            x->carried_over, x->closed, x->workers_received, x->filed, x->succeeded, x->failed, x->withdrawn,
            x->open, x->overdue, x->collective, x->claim_fen, x->agreed_fen, rate, last ? "" : ",");
}

static void json_levels(FILE *fp, const char *name, const struct ud_dispute_table *t, int last)
{
    fprintf(fp, "  \"%s\": [\n", name);
    for (int i = 0; i < UD_NLEVELS; i++)
        json_row(fp, "level", ud_enum_level.items[i].code, &t->level[i], 0);
    json_row(fp, "level", "total", &t->total, 1);
    fprintf(fp, "  ]%s\n", last ? "" : ",");
}

int ud_report_disputes_json(const struct ud_dispute_report *r, FILE *fp, struct ud_err *err)
{
    fprintf(fp, "{\n  \"period\": {\"from\": \"%s\", \"to\": \"%s\"},\n  \"as_of\": \"%s\",\n", r->from, r->to,
            r->as_of);
    json_levels(fp, "by_level", &r->period, 0);
    fprintf(fp, "  \"by_type\": [\n");
    for (int i = 0; i < UD_NTYPES; i++)
        json_row(fp, "dispute_type", ud_enum_dispute_type.items[i].code, &r->period.type[i], 0);
    json_row(fp, "dispute_type", "total", &r->period.total, 1);
    fprintf(fp, "  ],\n");
    json_levels(fp, "ytd", &r->ytd, 0);
    json_levels(fp, "previous", &r->previous, 1);
    fprintf(fp, "}\n");
    return ud_report_finish(fp, err);
}
