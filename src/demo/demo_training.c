/* Training in the demo district: the cadre courses of the seed's
 * "入门、补差、提高" scheme every year, skills courses at the district's
 * workers' school and the street training bases (about 10,000 places a
 * year at scale 1), academic classes with the 700 元 member discount, and
 * mental-health courses; members enrolled, attending and completing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "uniondesk/enrolment_bulk.h"

struct course_plan {
    const char *category;
    int per_year;      /* at scale 1 */
    int hours_lo, hours_hi;
    int cap_lo, cap_hi;
    int fee_lo, fee_hi; /* yuan */
    int discount;       /* yuan */
};

static const struct course_plan plans[] = {
    {"cadre_intro", 3, 16, 24, 60, 120, 0, 0, 0},
    {"cadre_remedial", 3, 16, 24, 60, 120, 0, 0, 0},
    {"cadre_advanced", 3, 24, 32, 40, 80, 0, 0, 0},
    {"skills", 150, 24, 120, 30, 80, 0, 800, 0},
    {"academic", 12, 200, 600, 40, 80, 3000, 6000, 700},
    {"psych", 12, 4, 12, 40, 120, 0, 0, 0},
    {"other", 8, 8, 16, 40, 100, 0, 0, 0},
};

static const char *const skills[] = {"焊工（中级）", "电工（初级）", "电工（中级）", "数控车工", "叉车司机", "起重机司机",
                                     "钳工", "模具工", "汽车维修工", "物流管理员", "仓储管理员", "育婴员", "家政服务员",
                                     "中式烹调师", "电子商务师", "计算机操作员", "安全生产管理员", "集卡驾驶员安全"};
static const char *const majors[] = {"机电一体化（大专）", "会计（大专）", "物流管理（大专）", "工商管理（本科）",
                                     "机械设计制造及其自动化（本科）"};
static const char *const psych[] = {"职工情绪管理讲座", "“心理晴天”团体辅导工作坊", "青年职工心理健康培训",
                                    "班组长心理疏导技能培训"};
static const char *const others[] = {"劳动法律监督员培训班", "工资集体协商指导员培训班", "劳动关系协调员培训班",
                                     "职工代表大会制度培训班"};

static void title_for(struct demo_ctx *c, const struct course_plan *p, int year, char *out, size_t outsz)
{
    if (!strcmp(p->category, "skills"))
        snprintf(out, outsz, "%s技能培训班（%d年第%d期）", skills[demo_below(&c->rng, 18)], year,
                 (int)demo_between(&c->rng, 1, 6));
    else if (!strcmp(p->category, "academic"))
        snprintf(out, outsz, "%s成人学历班（%d级）", majors[demo_below(&c->rng, 5)], year);
    else if (!strcmp(p->category, "psych"))
        snprintf(out, outsz, "%s", psych[demo_below(&c->rng, 4)]);
    else if (!strcmp(p->category, "other"))
        snprintf(out, outsz, "%s", others[demo_below(&c->rng, 4)]);
    else if (!strcmp(p->category, "cadre_intro"))
        snprintf(out, outsz, "%d年新任基层工会主席入门培训班", year);
    else if (!strcmp(p->category, "cadre_remedial"))
        snprintf(out, outsz, "%d年基层工会主席补差培训班", year);
    else
        snprintf(out, outsz, "%d年工会干部提高培训班", year);
}

static int enrol_course(struct demo_ctx *c, struct ud_enrolment_bulk *bulk, const struct ud_course *k,
                        struct ud_err *err)
{
    int n = (int)(k->capacity * demo_between(&c->rng, 60, 100) / 100);
    int64_t span = c->member_hi - c->member_lo + 1;
    if (n > span)
        n = (int)span;
    /* distinct members: a random start and a stride */
    int64_t at = demo_below(&c->rng, span), stride = 1 + demo_below(&c->rng, span / (n + 1) + 1);
    int past = strcmp(k->ends_on[0] ? k->ends_on : k->starts_on, c->as_of) < 0;
    int started = strcmp(k->starts_on, c->as_of) <= 0;
    for (int i = 0; i < n; i++) {
        struct ud_enrolment e;
        ud_enrolment_init(&e);
        e.course_id = k->id;
        e.member_id = c->member_lo + (at + (int64_t)i * stride) % span;
        ud_date_add(k->starts_on, -demo_between(&c->rng, 3, 30), e.enrolled_on);
        if (strcmp(e.enrolled_on, c->as_of) > 0)
            snprintf(e.enrolled_on, sizeof e.enrolled_on, "%s", c->as_of);
        e.attended = started && demo_chance(&c->rng, 950);
        e.completed = past && e.attended && demo_chance(&c->rng, 920);
        if (e.completed) {
            e.score = demo_between(&c->rng, 60, 100);
            if (!strcmp(k->category, "skills") || !strcmp(k->category, "academic"))
                snprintf(e.certificate_no, sizeof e.certificate_no, "%s-%03d", k->code, i + 1);
        }
        e.fee_paid_fen = k->fee_fen - k->member_discount_fen;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_enrolment_bulk_add(c->db, bulk, &e, &e2) != UD_OK) {
            if (e2.status == UD_ERR_DUPLICATE || e2.status == UD_ERR_INVALID)
                continue; /* a member who left the union meanwhile, or twice by the stride: skip */
            *err = e2;
            return err->status;
        }
        c->stats->enrolments++;
    }
    return UD_OK;
}

static int courses(struct demo_ctx *c, struct ud_enrolment_bulk *bulk, struct ud_err *err);

int demo_training(struct demo_ctx *c, struct ud_err *err)
{
    /* enrolments valid by construction (enrolment_bulk.c); verified on demand */
    struct ud_enrolment_bulk bulk;
    const char *v = getenv("UNIONDESK_DEMO_VERIFY");
    bulk.verify = v && *v && strcmp(v, "0") != 0;
    if (ud_enrolment_bulk_begin(c->db, &bulk, err) != UD_OK || courses(c, &bulk, err) != UD_OK ||
        ud_enrolment_bulk_end(c->db, &bulk, err) != UD_OK) {
        ud_enrolment_bulk_free(&bulk);
        return err->status;
    }
    return UD_OK;
}

static int courses(struct demo_ctx *c, struct ud_enrolment_bulk *bulk, struct ud_err *err)
{
    int first_year = atoi(c->start), last_year = atoi(c->as_of);
    int seq = 0;
    for (int year = first_year; year <= last_year; year++) {
        for (size_t p = 0; p < sizeof plans / sizeof plans[0]; p++) {
            const struct course_plan *pl = &plans[p];
            int n = (int)(pl->per_year * c->scale + 0.5);
            if (n < 1)
                n = 1;
            for (int i = 0; i < n; i++) {
                struct ud_course k;
                ud_course_init(&k);
                snprintf(k.code, sizeof k.code, "PX%d-%04d", year, ++seq);
                title_for(c, pl, year, k.title, sizeof k.title);
                snprintf(k.category, sizeof k.category, "%s", pl->category);
                char from[UD_DATE_SZ], to[UD_DATE_SZ];
                snprintf(from, sizeof from, "%04d-02-15", year);
                snprintf(to, sizeof to, "%04d-12-10", year);
                demo_date_between(&c->rng, from, to, k.starts_on);
                k.hours = demo_between(&c->rng, pl->hours_lo, pl->hours_hi);
                ud_date_add(k.starts_on, !strcmp(pl->category, "academic") ? 365 * 2 : k.hours / 6, k.ends_on);
                k.capacity = demo_between(&c->rng, pl->cap_lo, pl->cap_hi);
                k.fee_fen = demo_between(&c->rng, pl->fee_lo / 100, pl->fee_hi / 100) * 10000;
                k.member_discount_fen = pl->discount * 100 <= k.fee_fen ? pl->discount * 100 : 0;
                k.organizer_id = demo_chance(&c->rng, 600) ? c->district
                                                           : c->mediating[1 + demo_below(&c->rng, 9)];
                static const char *const places[] = {"北仑区职工学校", "区职工服务中心", "新碶街道培训基地",
                                                     "大碶街道培训基地", "小港街道培训基地", "霞浦街道培训基地"};
                snprintf(k.location, sizeof k.location, "%s", places[demo_below(&c->rng, 6)]);
                if (strcmp(k.starts_on, c->as_of) > 0 && year == last_year && demo_chance(&c->rng, 500))
                    continue; /* not every course of the rest of this year is planned yet */
                if (ud_course_create(c->db, &k, err) != UD_OK) {
                    ud_err_prefix(err, "demo course");
                    return err->status;
                }
                c->stats->courses++;
                if (enrol_course(c, bulk, &k, err) != UD_OK) {
                    ud_err_prefix(err, "demo enrolment");
                    return err->status;
                }
            }
        }
    }
    return UD_OK;
}
