/* Users of the program and their roles (the audit log: audit.h). */
#ifndef UD_USER_H
#define UD_USER_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/parse.h"

struct ud_user {
    int64_t id;
    char login[100];
    char display_name[96];
    char role[16];
    int active;
    char created_at[UD_TIME_SZ];
    int64_t version;
};

void ud_user_init(struct ud_user *u);
/* Validates and sets login (when not NULL), name and role (code or label). */
int ud_user_set_fields(struct ud_db *db, struct ud_user *u, const char *login, const char *name,
                       const char *role, struct ud_err *err);
/* Admins only — except the very first user, who becomes the admin. */
int ud_user_create(struct ud_db *db, struct ud_user *u, struct ud_err *err);
int ud_user_update(struct ud_db *db, struct ud_user *u, struct ud_err *err);
int ud_user_get(struct ud_db *db, const char *login, struct ud_user *u, struct ud_err *err);
int ud_user_list(struct ud_db *db, struct ud_user *rows, int max, int *n, struct ud_err *err);
int ud_user_count(struct ud_db *db, struct ud_err *err);
/* Makes `login` an admin when there is no user at all yet (first init). */
int ud_user_bootstrap(struct ud_db *db, const char *login, struct ud_err *err);


#endif
