/* Membership statistics (工会组织与会员统计): for one organization, one row
 * for itself with the grassroots unions directly under it, and one row per
 * federation directly under it (street, community), each rolled up over
 * its whole subtree, so that the rows add up to the total.
 *
 * Per row:
 *   orgs            active grassroots unions (enterprise and joint unions)
 *   units_covered   units those unions cover (涵盖单位数; federations'
 *                   own figures are not added, they would count units twice)
 *   members         member records, whatever their status
 *   active          members in good standing (在册)
 *   migrant         of the active, migrant workers (外来务工)
 *   new_this_year   members who joined from 1 January of as_of's year to as_of */
#ifndef UD_MEMBER_STATS_H
#define UD_MEMBER_STATS_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/parse.h"

struct ud_member_stats_row {
    int64_t org_id;
    char code[100];
    char name[184];
    char kind[24];
    char status[16];
    int own; /* 1: the organization itself and its direct grassroots unions */
    int64_t orgs, units_covered, members, active, migrant, new_this_year;
};

struct ud_member_stats {
    char as_of[UD_DATE_SZ];
    int64_t root_id;
    char root_code[100];
    char root_name[184];
    char root_kind[24];
    int nrows;
    struct ud_member_stats_row *rows; /* the own row first, then federations by code */
    struct ud_member_stats_row total;
};

/* root_id 0 means the district federation. Allocates s->rows: free with
 * ud_member_stats_free. */
int ud_member_stats(struct ud_db *db, int64_t root_id, const char *as_of, struct ud_member_stats *s,
                    struct ud_err *err);
void ud_member_stats_free(struct ud_member_stats *s);
void ud_member_stats_row_add(struct ud_member_stats_row *sum, const struct ud_member_stats_row *r);

#endif
