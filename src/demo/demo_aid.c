/* Hardship aid of the demo district: recipients (困难职工档案) and five
 * years of grants — 送温暖 at the Spring Festival, 金秋助学 in late
 * summer, 医疗互助 and 临时救助 through the year, 节日慰问 at 五一 and
 * 中秋 — never twice the same program to one member in a year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "uniondesk/aid.h"
#include "uniondesk/member.h"

struct program_plan {
    const char *code;
    int permille;        /* share of recipients served each year */
    int month_from, month_to;
    int64_t yuan_lo, yuan_hi;
    const char *fund;
};

static const struct program_plan plans[] = {
    {"send_warmth", 420, 1, 2, 1000, 5000, "区总工会送温暖专项资金"},
    {"education", 70, 8, 9, 1000, 5000, "金秋助学专项资金"},
    {"medical_mutual", 150, 1, 12, 500, 20000, "职工医疗互助保障金"},
    {"emergency", 50, 1, 12, 1000, 10000, "困难职工帮扶资金"},
    {"holiday", 250, 4, 9, 300, 800, "节日慰问经费"},
};

static const char *const categories[] = {"illness", "disability", "disaster", "education",
                                         "single_parent", "unemployment", "low_income", "other"};
static const int category_w[] = {35, 12, 3, 15, 10, 8, 15, 2};

static int make_recipient(struct demo_ctx *c, int64_t member_id, int64_t *rid, struct ud_err *err)
{
    struct ud_aid_recipient r;
    ud_aid_recipient_init(&r);
    r.member_id = member_id;
    static const char *const levels[] = {"severe", "serious", "general"};
    static const int level_w[] = {15, 35, 50};
    snprintf(r.hardship_level, sizeof r.hardship_level, "%s", levels[demo_weighted(&c->rng, level_w, 3)]);
    snprintf(r.hardship_category, sizeof r.hardship_category, "%s",
             categories[demo_weighted(&c->rng, category_w, 8)]);
    r.household_size = demo_between(&c->rng, 1, 6);
    r.income_fen = demo_between(&c->rng, 400, 2200) * 100;
    static const char *const roads[] = {"新碶街道明州路", "大碶街道灵峰路", "小港街道红联路", "霞浦街道霞浦路",
                                        "柴桥街道柴桥路", "春晓街道春晓大道", "白峰街道白峰路"};
    snprintf(r.address, sizeof r.address, "北仑区%s%d号", roads[demo_below(&c->rng, 7)],
             (int)demo_between(&c->rng, 1, 999));
    demo_date_between(&c->rng, c->start, c->as_of, r.registered_on);
    /* registered at the start of the five years for most, so that their
     * grants can come after */
    if (demo_chance(&c->rng, 700))
        snprintf(r.registered_on, sizeof r.registered_on, "%s", c->start);
    if (ud_aid_recipient_create(c->db, &r, err) != UD_OK)
        return err->status;
    c->stats->recipients++;
    *rid = r.id;
    return UD_OK;
}

int demo_aid(struct demo_ctx *c, struct ud_err *err)
{
    int n = (int)(1500 * c->scale);
    if (n < 10)
        n = 10;
    int64_t *rids = malloc(sizeof *rids * (size_t)n);
    char (*since)[UD_DATE_SZ] = malloc(sizeof *since * (size_t)n);
    if (!rids || !since) {
        free(rids);
        free(since);
        return ud_err_nomem(err);
    }
    int made = 0;
    for (int tries = 0; made < n && tries < n * 4; tries++) {
        int64_t mid = demo_between(&c->rng, c->member_lo, c->member_hi);
        struct ud_member m;
        struct ud_err e;
        ud_err_clear(&e);
        if (ud_member_get(c->db, mid, &m, &e) != UD_OK || strcmp(m.status, "active") != 0) {
            if (ud_status_is_io(e.status)) { /* the database cannot be written: stop */
                *err = e;
                free(rids);
                free(since);
                return err->status;
            }
            continue;
        }
        if (make_recipient(c, mid, &rids[made], &e) != UD_OK) {
            if (e.status == UD_ERR_DUPLICATE)
                continue;
            *err = e;
            free(rids);
            free(since);
            return err->status;
        }
        struct ud_aid_recipient r;
        ud_aid_recipient_get(c->db, rids[made], &r, &e);
        snprintf(since[made], UD_DATE_SZ, "%s", r.registered_on);
        made++;
    }
    int first_year = atoi(c->start), last_year = atoi(c->as_of);
    int st = UD_OK;
    for (int year = first_year; year <= last_year && st == UD_OK; year++) {
        for (size_t p = 0; p < sizeof plans / sizeof plans[0] && st == UD_OK; p++) {
            const struct program_plan *pl = &plans[p];
            for (int i = 0; i < made && st == UD_OK; i++) {
                if (!demo_chance(&c->rng, pl->permille))
                    continue;
                char from[UD_DATE_SZ], to[UD_DATE_SZ], day[UD_DATE_SZ];
                snprintf(from, sizeof from, "%04d-%02d-01", year, pl->month_from);
                snprintf(to, sizeof to, "%04d-%02d-%02d", year, pl->month_to, ud_days_in_month(year, pl->month_to));
                demo_date_between(&c->rng, from, to, day);
                if (strcmp(day, since[i]) < 0 || strcmp(day, c->as_of) > 0)
                    continue;
                struct ud_aid_grant g;
                ud_aid_grant_init(&g);
                g.recipient_id = rids[i];
                snprintf(g.program, sizeof g.program, "%s", pl->code);
                g.amount_fen = demo_between(&c->rng, pl->yuan_lo / 100, pl->yuan_hi / 100) * 10000;
                snprintf(g.granted_on, sizeof g.granted_on, "%s", day);
                snprintf(g.fund_source, sizeof g.fund_source, "%s", pl->fund);
                if (!strcmp(pl->code, "education")) {
                    demo_person_name(&c->rng, demo_chance(&c->rng, 500), g.child_name, sizeof g.child_name);
                    static const char *const schools[] = {"北仑中学", "明港中学", "柴桥中学", "宁波大学",
                                                          "浙江万里学院", "宁波职业技术学院", "浙江工业大学"};
                    snprintf(g.school, sizeof g.school, "%s", schools[demo_below(&c->rng, 7)]);
                }
                /* older grants are paid; the last weeks are in progress */
                long age = ud_date_days(c->as_of) - ud_date_days(day);
                if (demo_chance(&c->rng, 15)) {
                    snprintf(g.status, sizeof g.status, "cancelled");
                } else if (age > 30 || demo_chance(&c->rng, 400)) {
                    char paid[UD_DATE_SZ];
                    ud_date_add(day, demo_below(&c->rng, age < 20 ? age + 1 : 20), paid);
                    snprintf(g.status, sizeof g.status, "paid");
                    snprintf(g.paid_on, sizeof g.paid_on, "%s", paid);
                } else if (demo_chance(&c->rng, 500)) {
                    snprintf(g.status, sizeof g.status, "approved");
                }
                if (!strcmp(g.status, "cancelled")) {
                    /* entered, then called off */
                    snprintf(g.status, sizeof g.status, "proposed");
                    if ((st = ud_aid_grant_create(c->db, &g, 0, err)) == UD_OK)
                        st = ud_aid_grant_cancel(c->db, &g, err);
                } else {
                    st = ud_aid_grant_create(c->db, &g, 0, err);
                }
                if (st == UD_OK)
                    c->stats->grants++;
            }
        }
    }
    free(rids);
    free(since);
    if (st != UD_OK)
        ud_err_prefix(err, "demo aid");
    return st;
}
