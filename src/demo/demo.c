#include "uniondesk/demo.h"

#include "uniondesk/i18n.h"

int ud_demo_generate(struct ud_db *db, double scale, uint64_t seed, const char *as_of,
                     struct ud_demo_stats *stats, struct ud_err *err)
{
    (void)db; (void)scale; (void)seed; (void)as_of; (void)stats;
    return ud_err_set(err, UD_ERR_INTERNAL, "demo data: not yet written");
}
