/* Bulk loads (imports, the demo) and the search index (migration 0004). */
#ifndef UD_SEARCH_BULK_H
#define UD_SEARCH_BULK_H

#include "uniondesk/db.h"
#include "uniondesk/err.h"

/* Inside the caller's transaction: members and cases added from now on
 * are left out of the search index by its triggers (22 scattered inserts
 * a member) until ud_search_bulk_end. Updates and deletes of the rows
 * already there stay immediate. */
int ud_search_bulk_begin(struct ud_db *db, struct ud_err *err);
/* Before the COMMIT: indexes the rows added since the begin, from the
 * tables as they are now (rows rolled back to a savepoint are gone), in
 * key order, and adds their active members to org_member_counts
 * (migration 0008). Until it succeeds the transaction cannot commit; its
 * outermost rollback ends the bulk load too. Does not roll back. */
int ud_search_bulk_end(struct ud_db *db, struct ud_err *err);

#endif
