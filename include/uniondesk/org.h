/* Organizations (工会组织): the tree from the district federation down to
 * enterprise unions. Admins edit the tree; everyone reads it. */
#ifndef UD_ORG_H
#define UD_ORG_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/fields.h"
#include "uniondesk/list.h"
#include "uniondesk/parse.h"

struct ud_org {
    int64_t id;
    char code[100];
    char name[184];
    char kind[24];
    int64_t parent_id;
    char credit_code[UD_CREDIT_SZ];
    char chair[96];
    char phone[UD_PHONE_SZ];
    char address[304];
    char established_on[UD_DATE_SZ];
    int64_t units_covered;
    int64_t staff_count;
    char status[16];
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
};

extern const struct ud_field ud_org_fields[];
extern const struct ud_ref_kind ud_ref_org;
extern const struct ud_sort_key ud_org_sort_keys[];

void ud_org_init(struct ud_org *o);
int ud_org_create(struct ud_db *db, struct ud_org *o, struct ud_err *err);
int ud_org_get(struct ud_db *db, int64_t id, struct ud_org *o, struct ud_err *err);
int ud_org_get_by_code(struct ud_db *db, const char *code, struct ud_org *o, struct ud_err *err);
/* Saves o over the stored row if its version still matches (else
 * UD_ERR_CONFLICT); o->version is advanced. */
int ud_org_update(struct ud_db *db, struct ud_org *o, struct ud_err *err);
/* Marks dissolved (refused while it has active sub-organizations). */
int ud_org_dissolve(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);
/* Deletes an organization nothing refers to. */
int ud_org_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);

struct ud_org_filter {
    const char *query;   /* code or name prefix */
    const char *kind;    /* one kind code */
    int mediating_only;  /* district, street and community bodies */
    int member_orgs_only;/* enterprise and joint unions */
    int64_t subtree_of;  /* 0 = anywhere */
    int include_dissolved;
};
int ud_org_list(struct ud_db *db, const struct ud_org_filter *f, const struct ud_page *pg,
                struct ud_org *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
/* As ud_member_locate. */
int ud_org_locate(struct ud_db *db, const struct ud_org_filter *f, const char *sort, int64_t id,
                  struct ud_cursor *at, struct ud_err *err);

/* The whole tree with member counts, for the tree screen and the
 * membership report. Nodes are in depth-first order. */
struct ud_org_node {
    int64_t id;
    int64_t parent_id;
    int depth;
    char code[100];
    char name[184];
    char kind[24];
    char status[16];
    int64_t units_covered;
    int children;         /* direct sub-organizations */
    int64_t members;      /* active members of this organization itself */
    int64_t members_total;/* rolled up over the subtree */
};
/* Allocates *nodes (free() it). */
int ud_org_tree(struct ud_db *db, struct ud_org_node **nodes, int *n, struct ud_err *err);

/* Compares org_member_counts (migration 0008) with a count of the active
 * members: reports each organization that differs, returns how many (-1
 * with err on failure). */
int ud_org_counts_check(struct ud_db *db, void (*report)(const char *text, void *arg), void *arg,
                        struct ud_err *err);

/* Mediation level of an org kind: "district", "street", "community" or NULL. */
const char *ud_org_kind_level(const char *kind);
/* Resolves an org code to its id (UD_ERR_NOTFOUND with a message). */
int ud_org_resolve(struct ud_db *db, const char *code, int64_t *id, struct ud_err *err);
int64_t ud_org_root(struct ud_db *db);

#endif
