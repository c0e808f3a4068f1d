/* Training statistics (职工教育培训统计) for a calendar year, per course
 * category. A course counts in the year it starts; its enrolments with it.
 *   courses        courses starting in the year
 *   hours          their class hours added up (学时)
 *   enrolments     places taken in them (报名人次)
 *   attended       of those, attended (参训人次)
 *   completed      of those, completed (结业人次)
 *   learner_hours  class hours times completions (结业人学时) */
#ifndef UD_TRAINING_STATS_H
#define UD_TRAINING_STATS_H

#include <stdint.h>

#include "uniondesk/db.h"

#define UD_NCATEGORIES 7 /* the course categories of ud_enum_course_category, in order */

struct ud_training_row {
    int64_t courses, hours, enrolments, attended, completed, learner_hours;
};

struct ud_training_stats {
    int year;
    struct ud_training_row category[UD_NCATEGORIES];
    struct ud_training_row total;
};

int ud_training_stats(struct ud_db *db, int year, struct ud_training_stats *out, struct ud_err *err);
void ud_training_row_add(struct ud_training_row *sum, const struct ud_training_row *r);

#endif
