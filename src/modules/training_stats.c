/* Training statistics: one grouped query over the year's courses, with
 * their enrolments counted per course first. */
#include "uniondesk/training_stats.h"

#include <stdio.h>
#include <string.h>

#include "uniondesk/enums.h"
#include "db_int.h"

void ud_training_row_add(struct ud_training_row *s, const struct ud_training_row *r)
{
    s->courses += r->courses;
    s->hours += r->hours;
    s->enrolments += r->enrolments;
    s->attended += r->attended;
    s->completed += r->completed;
    s->learner_hours += r->learner_hours;
}

int ud_training_stats(struct ud_db *db, int year, struct ud_training_stats *out, struct ud_err *err)
{
    memset(out, 0, sizeof *out);
    out->year = year;
    char from[16], to[16];
    snprintf(from, sizeof from, "%04u-01-01", (unsigned)year % 10000u);
    snprintf(to, sizeof to, "%04u-12-31", (unsigned)year % 10000u);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT c.category, count(*), coalesce(sum(c.hours), 0),"
                                  " coalesce(sum(e.n), 0), coalesce(sum(e.att), 0), coalesce(sum(e.comp), 0),"
                                  " coalesce(sum(c.hours * coalesce(e.comp, 0)), 0)"
                                  " FROM courses c LEFT JOIN (SELECT course_id, count(*) AS n,"
                                  " sum(attended) AS att, sum(completed) AS comp FROM enrolments"
                                  " GROUP BY course_id) e ON e.course_id = c.id"
                                  " WHERE c.starts_on BETWEEN ?1 AND ?2 GROUP BY c.category",
                                  err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, from);
    ud_bind_text(st, 2, to);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = ud_enum_index(&ud_enum_course_category, (const char *)sqlite3_column_text(st, 0));
        if (i < 0 || i >= UD_NCATEGORIES)
            continue; /* the schema allows no other category */
        struct ud_training_row r = {
            sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
            sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6),
        };
        ud_training_row_add(&out->category[i], &r);
        ud_training_row_add(&out->total, &r);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    return UD_OK;
}
