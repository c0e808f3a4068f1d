/* Shared by the demo data generator's files. */
#ifndef UD_DEMO_INTERNAL_H
#define UD_DEMO_INTERNAL_H

#include <stdint.h>

#include "uniondesk/demo.h"
#include "uniondesk/parse.h"

/* Deterministic random numbers (splitmix64): the same seed gives the
 * same district. */
struct demo_rng {
    uint64_t s;
};
uint64_t demo_next(struct demo_rng *r);
/* uniform in [0, n) */
int64_t demo_below(struct demo_rng *r, int64_t n);
/* uniform in [lo, hi] */
int64_t demo_between(struct demo_rng *r, int64_t lo, int64_t hi);
/* 1 with probability p/1000 */
int demo_chance(struct demo_rng *r, int permille);
/* index by integer weights */
int demo_weighted(struct demo_rng *r, const int *weights, int n);

struct demo_ctx {
    struct ud_db *db;
    struct demo_rng rng;
    double scale;
    char as_of[UD_DATE_SZ];
    char start[UD_DATE_SZ]; /* five years before as_of */
    struct ud_demo_stats *stats;
    /* organizations made by demo_orgs */
    int64_t district;
    int64_t *mediating; /* district, streets, communities: mediation bodies */
    int nmediating;
    int64_t *unions;    /* enterprise and joint unions */
    char (*union_names)[184];
    int nunions;
    /* members: first and last id */
    int64_t member_lo, member_hi;
};

void demo_person_name(struct demo_rng *r, int female, char *out, size_t outsz);
/* A valid ID number: mostly Beilun (330206) and neighbours, migrants from
 * other provinces (*migrant = 1). */
void demo_id_number(struct demo_rng *r, const char *born_from, const char *born_to, int *migrant,
                    char out[UD_IDNUM_SZ]);
void demo_mobile(struct demo_rng *r, char out[UD_PHONE_SZ]);
void demo_credit_code(struct demo_rng *r, char out[UD_CREDIT_SZ]);
void demo_company_name(struct demo_rng *r, char *out, size_t outsz);
/* A date uniformly between two ISO dates. */
void demo_date_between(struct demo_rng *r, const char *from, const char *to, char out[UD_DATE_SZ]);

int demo_orgs(struct demo_ctx *c, struct ud_err *err);
int demo_members(struct demo_ctx *c, struct ud_err *err);
int demo_cases(struct demo_ctx *c, struct ud_err *err);
int demo_aid(struct demo_ctx *c, struct ud_err *err);
int demo_training(struct demo_ctx *c, struct ud_err *err);

#endif
