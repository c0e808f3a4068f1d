/* The organization tree of the demo district, after the seed document:
 * 北仑区总工会, nine street/town federations, fifteen community unions
 * (five of them upgraded to community federations, 大港 among them), and
 * enterprise and joint unions beneath (3,016 grassroots unions at scale 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "uniondesk/org.h"

struct place {
    const char *code;
    const char *name;
};

static const struct place streets[] = {
    {"XQ", "新碶街道总工会"},  {"DQ", "大碶街道总工会"}, {"XG", "小港街道总工会"},
    {"XP", "霞浦街道总工会"},  {"CQ", "柴桥街道总工会"}, {"QJS", "戚家山街道总工会"},
    {"CX", "春晓街道总工会"},  {"MS", "梅山街道总工会"}, {"BF", "白峰街道总工会"},
};

/* community unions: name, the street they stand under, upgraded? */
struct community {
    const char *code;
    const char *name;
    int street;
    int federation;
};

static const struct community communities[] = {
    {"DG", "大港社区总工会", 0, 1},      {"XY", "星阳社区总工会", 0, 1},   {"GT", "高塘社区工会", 0, 0},
    {"JN", "江南社区总工会", 1, 1},      {"XDL", "新大路社区工会", 1, 0},  {"TH", "太河社区工会", 1, 0},
    {"JF", "九峰社区总工会", 1, 1},      {"HL", "红联社区总工会", 2, 1},     {"YS", "沿山社区工会", 2, 0},
    {"YL", "璎珞社区工会", 3, 0},        {"LF", "灵峰社区工会", 3, 0},     {"DT", "渡头社区工会", 4, 0},
    {"LJ", "芦江社区工会", 4, 0},        {"CS", "长山社区工会", 6, 0},     {"QX", "七星社区工会", 5, 0},
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int add(struct demo_ctx *c, const char *code, const char *name, const char *kind, int64_t parent,
               int64_t *id, struct ud_err *err)
{
    struct ud_org o;
    ud_org_init(&o);
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.name, sizeof o.name, "%s", name);
    snprintf(o.kind, sizeof o.kind, "%s", kind);
    o.parent_id = parent ? parent : UD_NULL_INT;
    char est[UD_DATE_SZ];
    demo_date_between(&c->rng, "1985-01-01", "2015-12-31", est);
    snprintf(o.established_on, sizeof o.established_on, "%s", est);
    demo_person_name(&c->rng, demo_chance(&c->rng, 300), o.chair, sizeof o.chair);
    snprintf(o.phone, sizeof o.phone, "0574-8%07u", (unsigned)demo_below(&c->rng, 10000000));
    if (strcmp(kind, "enterprise_union") == 0) {
        demo_credit_code(&c->rng, o.credit_code);
        o.staff_count = demo_between(&c->rng, 20, 900);
        o.units_covered = 1;
    } else if (strcmp(kind, "joint_union") == 0) {
        o.units_covered = demo_between(&c->rng, 3, 25);
        o.staff_count = demo_between(&c->rng, 40, 600);
    }
    if (ud_org_create(c->db, &o, err) != UD_OK) {
        char m[200];
        snprintf(m, sizeof m, "demo org %s", code);
        ud_err_prefix(err, m);
        return err->status;
    }
    *id = o.id;
    c->stats->orgs++;
    return UD_OK;
}

int demo_orgs(struct demo_ctx *c, struct ud_err *err)
{
    int64_t street_ids[COUNT(streets)], comm_ids[COUNT(communities)];
    if (add(c, "BL", "北仑区总工会", "district_federation", 0, &c->district, err) != UD_OK)
        return err->status;
    c->mediating = malloc(sizeof(int64_t) * (1 + COUNT(streets) + COUNT(communities)));
    if (!c->mediating)
        return ud_err_nomem(err);
    c->mediating[c->nmediating++] = c->district;
    char code[64];
    for (int i = 0; i < COUNT(streets); i++) {
        snprintf(code, sizeof code, "BL-%s", streets[i].code);
        if (add(c, code, streets[i].name, "street_federation", c->district, &street_ids[i], err) != UD_OK)
            return err->status;
        c->mediating[c->nmediating++] = street_ids[i];
    }
    for (int i = 0; i < COUNT(communities); i++) {
        const struct community *m = &communities[i];
        snprintf(code, sizeof code, "BL-%s-%s", streets[m->street].code, m->code);
        if (add(c, code, m->name, m->federation ? "community_federation" : "community_union",
                street_ids[m->street], &comm_ids[i], err) != UD_OK)
            return err->status;
        c->mediating[c->nmediating++] = comm_ids[i];
    }
    /* grassroots unions: three quarters under a community, the rest
     * directly under a street; one in twelve a joint union */
    int n = (int)(3016 * c->scale);
    if (n < 24)
        n = 24;
    c->unions = malloc(sizeof *c->unions * (size_t)n);
    c->union_names = malloc(sizeof *c->union_names * (size_t)n);
    if (!c->unions || !c->union_names)
        return ud_err_nomem(err);
    for (int i = 0; i < n; i++) {
        int64_t parent;
        const char *pcode;
        int s;
        if (demo_chance(&c->rng, 750)) {
            int k = (int)demo_below(&c->rng, COUNT(communities));
            parent = comm_ids[k];
            s = communities[k].street;
            pcode = communities[k].code;
        } else {
            s = (int)demo_below(&c->rng, COUNT(streets));
            parent = street_ids[s];
            pcode = "";
        }
        char name[184];
        const char *kind;
        if (demo_chance(&c->rng, 83)) {
            kind = "joint_union";
            static const char *const zones[] = {"工业园区", "商贸城", "物流园", "小微企业", "服务业", "建筑行业"};
            snprintf(name, sizeof name, "%s%s联合工会", streets[s].name, zones[demo_below(&c->rng, 6)]);
            /* "新碶街道总工会工业园区联合工会" reads badly: drop 总工会 */
            char *p = strstr(name, "街道总工会");
            if (p)
                memmove(p + strlen("街道"), p + strlen("街道总工会"), strlen(p + strlen("街道总工会")) + 1);
        } else {
            kind = "enterprise_union";
            char company[160];
            demo_company_name(&c->rng, company, sizeof company);
            snprintf(name, sizeof name, "%s工会", company);
        }
        snprintf(code, sizeof code, "BL-%s%s%s-%04d", streets[s].code, *pcode ? "-" : "", pcode, i + 1);
        int64_t id;
        if (add(c, code, name, kind, parent, &id, err) != UD_OK)
            return err->status;
        c->unions[c->nunions] = id;
        snprintf(c->union_names[c->nunions], sizeof c->union_names[0], "%s", name);
        c->nunions++;
    }
    return UD_OK;
}
