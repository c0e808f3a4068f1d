/* Mediation cases of the demo district: five years of them, received day
 * by day, about a third at the district centre, the rest at street and
 * community level; about 88% of filed cases mediated successfully (the
 * seed's centre: 88.8%; all levels 87%); amounts and collective cases like
 * the seed's (18,523 万元 over 12,633 cases). Each case walks the workflow,
 * so its timeline is complete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "uniondesk/case_bulk.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"

static const char *const types[] = {"wages", "termination", "social_insurance", "work_injury",
                                    "compensation", "overtime", "contract", "other"};
static const int type_w[] = {38, 16, 10, 10, 10, 7, 6, 3};

static int64_t claim_amount(struct demo_rng *r, int collective)
{
    int64_t yuan;
    if (collective)
        yuan = demo_between(r, 80000, 1500000);
    else if (demo_chance(r, 420))
        yuan = demo_between(r, 1500, 8000);
    else if (demo_chance(r, 700))
        yuan = demo_between(r, 8000, 30000);
    else
        yuan = demo_between(r, 30000, 160000);
    return yuan * 100 + (demo_chance(r, 300) ? demo_below(r, 100) : 0);
}

/* What the application says, by dispute type: {the claim before its
 * amount, the facts}. */
static const char *const texts[][2] = {
    {"请求用人单位支付拖欠的劳动报酬", "用人单位自三个月前起未按月足额支付工资，申请人多次催要未果。"},
    {"请求用人单位支付违法解除劳动合同赔偿金", "用人单位未说明理由即通知申请人解除劳动合同，亦未支付任何补偿。"},
    {"请求用人单位补缴社会保险费，并赔偿因未缴纳造成的损失", "用人单位自申请人入职起未为其缴纳社会保险费。"},
    {"请求用人单位支付停工留薪期工资及一次性伤残就业补助金", "申请人在工作中受伤，经认定为工伤，用人单位拒绝支付相关待遇。"},
    {"请求用人单位支付解除劳动合同经济补偿金", "劳动合同期满后用人单位不再续订，未依法支付经济补偿。"},
    {"请求用人单位支付延长工作时间的加班工资", "申请人长期每日工作十小时以上，休息日亦安排加班，用人单位未支付加班工资。"},
    {"请求用人单位支付未订立书面劳动合同的二倍工资差额", "申请人入职已逾一年，用人单位始终未与其订立书面劳动合同。"},
    {"请求用人单位支付各项费用合计", "双方就劳动关系存续期间的费用结算发生争议。"},
};
static const char *const rep_titles[] = {"人事经理", "行政主管", "法定代表人", "委托代理人"};

/* The application's content, drawn from the case itself and a generator
 * of its own: the demo's other data stay what they were. */
static void application_texts(struct ud_case *k, int type)
{
    char amount[40];
    ud_format_money(k->claim_fen, amount, sizeof amount);
    snprintf(k->claims, sizeof k->claims, "%s%s元。", texts[type][0], amount);
    if (k->workers_count >= 10)
        snprintf(k->facts, sizeof k->facts, "申请人等%lld名职工均在%s工作。%s", (long long)k->workers_count,
                 k->employer_name, texts[type][1]);
    else
        snprintf(k->facts, sizeof k->facts, "申请人在%s工作。%s", k->employer_name, texts[type][1]);
    struct demo_rng rep = {(uint64_t)k->claim_fen * 2654435761u + (uint64_t)k->workers_count};
    if (demo_chance(&rep, 750)) {
        char name[124];
        demo_person_name(&rep, demo_chance(&rep, 400), name, sizeof name);
        snprintf(k->respondent_rep, sizeof k->respondent_rep, "%s（%s）", name, rep_titles[demo_below(&rep, 4)]);
    }
}

static void min_date(char *d, const char *limit)
{
    if (strcmp(d, limit) > 0)
        memcpy(d, limit, UD_DATE_SZ);
}

/* One case through its life up to the data date. */
static int one_case(struct demo_ctx *c, struct ud_case_bulk *bulk, const char *received, struct ud_err *err)
{
    struct demo_rng *r = &c->rng;
    struct ud_case k;
    ud_case_init(&k);
    /* a third at the district centre, then streets, then communities */
    int where = (int)demo_below(r, 100);
    int nstreet = 9;
    int org;
    if (where < 32)
        org = 0;
    else if (where < 72)
        org = 1 + (int)demo_below(r, nstreet);
    else
        org = 1 + nstreet + (int)demo_below(r, c->nmediating - 1 - nstreet);
    k.mediation_org_id = c->mediating[org];
    snprintf(k.received_on, sizeof k.received_on, "%s", received);
    int type = demo_weighted(r, type_w, 8);
    snprintf(k.dispute_type, sizeof k.dispute_type, "%s", types[type]);
    int collective = demo_chance(r, 35);
    k.workers_count = collective ? demo_between(r, 10, 120) : demo_chance(r, 80) ? demo_between(r, 2, 9) : 1;
    k.claim_fen = claim_amount(r, collective);
    if (demo_chance(r, 550)) {
        struct ud_member m;
        struct ud_err e;
        ud_err_clear(&e);
        if (ud_member_get(c->db, demo_between(r, c->member_lo, c->member_hi), &m, &e) == UD_OK) {
            snprintf(k.applicant_name, sizeof k.applicant_name, "%s", m.name);
            snprintf(k.applicant_id_number, sizeof k.applicant_id_number, "%s", m.id_number);
            snprintf(k.applicant_phone, sizeof k.applicant_phone, "%s", m.phone);
            char *suffix = strstr(m.org_name, "工会");
            if (suffix && suffix != m.org_name && suffix[strlen("工会")] == '\0' && !strstr(m.org_name, "联合工会")) {
                *suffix = '\0';
                snprintf(k.employer_name, sizeof k.employer_name, "%s", m.org_name);
                k.employer_org_id = m.org_id;
            }
        }
    }
    if (!k.applicant_name[0]) {
        demo_person_name(r, demo_chance(r, 350), k.applicant_name, sizeof k.applicant_name);
        char from[UD_DATE_SZ], to[UD_DATE_SZ];
        ud_date_add(received, -60L * 365, from);
        ud_date_add(received, -18L * 365, to);
        if (demo_chance(r, 850))
            demo_id_number(r, from, to, NULL, k.applicant_id_number);
        demo_mobile(r, k.applicant_phone);
    }
    if (!k.employer_name[0]) {
        demo_company_name(r, k.employer_name, sizeof k.employer_name);
        demo_credit_code(r, k.employer_credit_code);
    }
    /* mediators: a small pool per body, named from the body's id */
    struct demo_rng pool = {(uint64_t)k.mediation_org_id * 7919 + demo_below(r, 3)};
    demo_person_name(&pool, demo_chance(&pool, 400), k.mediator, sizeof k.mediator);
    application_texts(&k, type);
    c->stats->cases++;

    struct ud_case_bulk_move moves[3];
    int n = 0;
    char date[UD_DATE_SZ];
    if (!demo_chance(r, 920)) {
        /* never filed: turned away or withdrawn at the door */
        ud_date_add(received, demo_below(r, 4), date);
        if (strcmp(date, c->as_of) > 0)
            return ud_case_bulk_add(c->db, bulk, &k, moves, 0, err);
        int refuse = demo_chance(r, 600);
        moves[0].to = refuse ? "not_accepted" : "withdrawn";
        ud_case_move_init(&moves[0].args);
        moves[0].args.date = date;
        moves[0].args.note = refuse ? "不属于劳动争议调解受理范围，已告知当事人向有关部门反映" : "申请人撤回申请";
        moves[0].args.outcome = moves[0].args.note; /* the reason the notice prints */
        return ud_case_bulk_add(c->db, bulk, &k, moves, 1, err);
    }
    ud_date_add(received, demo_below(r, 3), date);
    min_date(date, c->as_of);
    char filed[UD_DATE_SZ];
    memcpy(filed, date, UD_DATE_SZ);
    moves[n].to = "filed";
    ud_case_move_init(&moves[n].args);
    moves[n++].args.date = filed;
    /* days to close: most within the 15 days the law gives */
    int64_t days = demo_chance(r, 820) ? demo_between(r, 1, 14) : demo_chance(r, 800) ? demo_between(r, 15, 40)
                                                                                       : demo_between(r, 41, 90);
    char closed[UD_DATE_SZ];
    ud_date_add(filed, (long)days, closed);
    int open = strcmp(closed, c->as_of) > 0;
    if (!open || demo_chance(r, 700)) {
        moves[n].to = "mediating";
        ud_case_move_init(&moves[n].args);
        moves[n++].args.note = "召开调解会，双方到场";
    }
    if (open)
        return ud_case_bulk_add(c->db, bulk, &k, moves, n, err);
    int district = org == 0;
    int outcome = (int)demo_below(r, 1000);
    int succeed_below = district ? 888 : 866;
    struct ud_case_move *mv = &moves[n].args;
    ud_case_move_init(mv);
    mv->date = closed;
    char text[300];
    if (outcome < succeed_below) {
        int64_t pct = demo_between(r, 55, 95);
        mv->agreed_fen = k.claim_fen * pct / 100;
        char amount[40];
        ud_format_money(mv->agreed_fen, amount, sizeof amount);
        snprintf(text, sizeof text, "双方达成调解协议，用人单位于结案之日起十日内支付%s元", amount);
        mv->outcome = text;
        char due[UD_DATE_SZ], terms[1200];
        ud_date_add(closed, 10, due);
        snprintf(terms, sizeof terms,
                 "一、%s于%.4s年%d月%d日前一次性支付申请人%s人民币%s元；\n"
                 "二、申请人收到上述款项后，双方劳动争议就此了结，申请人不再就本争议向用人单位主张其他权利。",
                 k.employer_name, due, atoi(due + 5), atoi(due + 8), k.applicant_name, amount);
        mv->agreement_terms = terms;
        mv->payment_due_on = due;
        moves[n].to = "succeeded";
        return ud_case_bulk_add(c->db, bulk, &k, moves, n + 1, err);
    }
    if (outcome < succeed_below + 80) {
        mv->referred_to_arbitration = demo_chance(r, 700);
        mv->outcome = mv->referred_to_arbitration ? "调解不成，已告知申请人向劳动人事争议仲裁委员会申请仲裁"
                                                  : "双方分歧较大，调解不成";
        moves[n].to = "failed";
        return ud_case_bulk_add(c->db, bulk, &k, moves, n + 1, err);
    }
    mv->outcome = "申请人与用人单位自行和解，撤回调解申请";
    moves[n].to = "withdrawn";
    return ud_case_bulk_add(c->db, bulk, &k, moves, n + 1, err);
}

int demo_cases(struct demo_ctx *c, struct ud_err *err)
{
    /* 4,000 filed a year at scale 1; received ≈ filed / 0.92 */
    long days = ud_date_days(c->as_of) - ud_date_days(c->start) + 1;
    double per_day = 4000.0 / 0.92 / 365.0 * c->scale;
    double acc = 0;
    struct ud_case_bulk bulk;
    memset(&bulk, 0, sizeof bulk);
    const char *v = getenv("UNIONDESK_DEMO_VERIFY");
    bulk.verify = v && *v && strcmp(v, "0") != 0;
    if (ud_case_bulk_begin(c->db, &bulk, err) != UD_OK) {
        ud_case_bulk_free(&bulk);
        return err->status;
    }
    for (long d = 0; d < days; d++) {
        char day[UD_DATE_SZ];
        ud_date_add(c->start, d, day);
        acc += per_day * (0.6 + (double)demo_below(&c->rng, 800) / 1000.0);
        while (acc >= 1.0) {
            acc -= 1.0;
            if (one_case(c, &bulk, day, err) != UD_OK) {
                ud_case_bulk_free(&bulk);
                ud_err_prefix(err, "demo case");
                return err->status;
            }
        }
    }
    if (ud_case_bulk_end(c->db, &bulk, err) != UD_OK) {
        ud_case_bulk_free(&bulk);
        return err->status;
    }
    return UD_OK;
}
