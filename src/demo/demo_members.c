/* Members of the demo district: 380,000 at scale 1, spread over the
 * grassroots unions with a few large employers and many small ones. Valid
 * by construction and loaded in bulk (member_bulk.c); UNIONDESK_DEMO_VERIFY=1
 * puts every row through the module's validation first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member_bulk.h"
#include "uniondesk/parse.h"

int demo_members(struct demo_ctx *c, struct ud_err *err)
{
    long n = (long)(380000 * c->scale);
    if (n < 50)
        n = 50;
    /* born 1960..2006 relative to the data date: 20 to 66 years old */
    char born_from[UD_DATE_SZ], born_to[UD_DATE_SZ];
    ud_date_add(c->as_of, -66L * 365, born_from);
    ud_date_add(c->as_of, -20L * 365, born_to);
    static const int edu_w[] = {5, 30, 30, 18, 15, 2};
    static const char *const edu[] = {"primary", "junior", "senior", "college", "bachelor", "postgraduate"};
    static const int pol_w[] = {9, 1, 12, 1, 77};
    static const char *const pol[] = {"party_member", "probationary", "league_member", "democratic_party", "masses"};
    static const char *const jobs[] = {"操作工", "装配工", "焊工", "电工", "叉车司机", "集卡司机", "仓管员", "质检员",
                                       "技术员", "工程师", "班组长", "车间主任", "文员", "会计", "销售", "保安",
                                       "厨师", "保洁员", "机修工", "数控操作工"};
    long made = 0, tries = 0;
    c->member_lo = 0;
    static struct ud_member_bulk bulk; /* 45 KB of pending rows: not on the stack */
    memset(&bulk, 0, sizeof bulk);
    const char *v = getenv("UNIONDESK_DEMO_VERIFY");
    bulk.verify = v && *v && strcmp(v, "0") != 0;
    if (ud_member_bulk_begin(c->db, &bulk, err) != UD_OK) {
        ud_member_bulk_free(&bulk);
        return err->status;
    }
    while (made < n && tries < n * 2) {
        tries++;
        struct ud_member m;
        ud_member_init(&m);
        int migrant;
        demo_id_number(&c->rng, born_from, born_to, &migrant, m.id_number);
        int female = (m.id_number[16] - '0') % 2 == 0;
        ud_strlcpy(m.gender, sizeof m.gender, female ? "F" : "M"); /* what the ID number says */
        demo_person_name(&c->rng, female, m.name, sizeof m.name);
        /* big employers get more members: a skewed pick of the union */
        int64_t r = demo_below(&c->rng, (int64_t)c->nunions * c->nunions);
        int u = c->nunions - 1 - (int)(r / c->nunions > r % c->nunions ? r % c->nunions : r / c->nunions);
        m.org_id = c->unions[u];
        m.is_migrant = migrant;
        if (!migrant)
            ud_strlcpy(m.hukou_type, sizeof m.hukou_type, demo_chance(&c->rng, 600) ? "urban" : "rural");
        else
            ud_strlcpy(m.hukou_type, sizeof m.hukou_type, "rural");
        ud_strlcpy(m.education, sizeof m.education, edu[demo_weighted(&c->rng, edu_w, 6)]);
        ud_strlcpy(m.political_status, sizeof m.political_status, pol[demo_weighted(&c->rng, pol_w, 5)]);
        if (demo_chance(&c->rng, 900))
            demo_mobile(&c->rng, m.phone);
        ud_strlcpy(m.job_title, sizeof m.job_title, jobs[demo_below(&c->rng, 20)]);
        char adult[UD_DATE_SZ], from[UD_DATE_SZ];
        char birth[UD_DATE_SZ] = {0};
        memcpy(birth, m.id_number + 6, 4); /* YYYY-MM-DD from the ID number's YYYYMMDD */
        birth[4] = '-';
        memcpy(birth + 5, m.id_number + 10, 2);
        birth[7] = '-';
        memcpy(birth + 8, m.id_number + 12, 2);
        memcpy(m.birth_date, birth, UD_DATE_SZ);
        ud_date_add(birth, 18L * 365 + 5, adult);
        ud_strlcpy(from, sizeof from, strcmp(adult, "2000-01-01") > 0 ? adult : "2000-01-01");
        if (strcmp(from, c->as_of) > 0)
            ud_strlcpy(from, sizeof from, c->as_of);
        demo_date_between(&c->rng, from, c->as_of, m.join_date);
        int st = (int)demo_below(&c->rng, 1000);
        ud_strlcpy(m.status, sizeof m.status,
                   st < 940 ? "active" : st < 975 ? "transferred_out" : st < 997 ? "withdrawn" : "deceased");
        long card = made + 1; /* BL and 8 digits, by hand as the dates */
        m.card_no[0] = 'B';
        m.card_no[1] = 'L';
        for (int i = 9; i >= 2; i--, card /= 10)
            m.card_no[i] = (char)('0' + card % 10);
        m.card_no[10] = '\0';
        struct ud_err e;
        ud_err_clear(&e);
        if (ud_member_bulk_add(c->db, &bulk, &m, &e) != UD_OK) {
            if (e.status == UD_ERR_DUPLICATE)
                continue; /* the same ID number drawn twice: draw again */
            ud_member_bulk_free(&bulk);
            ud_err_prefix(&e, "demo member");
            *err = e;
            return err->status;
        }
        made++;
        c->stats->members++;
    }
    if (ud_member_bulk_end(c->db, &bulk, err) != UD_OK) {
        ud_member_bulk_free(&bulk);
        return err->status;
    }
    /* the table was empty: the n-th member added has id n */
    c->member_lo = made ? 1 : 0;
    c->member_hi = made;
    return UD_OK;
}
