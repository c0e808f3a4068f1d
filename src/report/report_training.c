/* 职工教育培训统计表: per course category for a year. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"

enum { C_COURSES, C_HOURS, C_ENROL, C_ATTENDED, C_COMPLETED, C_RATE, C_LHOURS, NCOLS };

static void columns(struct ud_rcol c[NCOLS])
{
    memset(c, 0, sizeof *c * NCOLS);
    ud_rcol_set(&c[C_COURSES], "培训", "班数", "courses", "", "培训班数", "courses", UD_RC_COUNT);
    ud_rcol_set(&c[C_HOURS], "学时", "", "hours", "", "学时", "class hours", UD_RC_COUNT);
    ud_rcol_set(&c[C_ENROL], "报名", "人次", "enrol-", "ments", "报名人次", "enrolments", UD_RC_COUNT);
    ud_rcol_set(&c[C_ATTENDED], "参训", "人次", "attended", "", "参训人次", "attended", UD_RC_COUNT);
    ud_rcol_set(&c[C_COMPLETED], "结业", "人次", "completed", "", "结业人次", "completed", UD_RC_COUNT);
    ud_rcol_set(&c[C_RATE], "结业率", "", "completion", "rate", "结业率", "completion rate", UD_RC_RATE);
    ud_rcol_set(&c[C_LHOURS], "结业", "人学时", "learner", "hours", "结业人学时", "learner hours", UD_RC_COUNT);
    c[C_RATE].num = C_COMPLETED;
    c[C_RATE].den = C_ENROL;
}

static void put_row(struct ud_rtable *t, const char *label, int total, const struct ud_training_row *x)
{
    struct ud_rrow *r = ud_rdoc_row(t, label, total);
    if (!r)
        return;
    r->v[C_COURSES] = x->courses;
    r->v[C_HOURS] = x->hours;
    r->v[C_ENROL] = x->enrolments;
    r->v[C_ATTENDED] = x->attended;
    r->v[C_COMPLETED] = x->completed;
    r->v[C_LHOURS] = x->learner_hours;
}

void ud_report_training_doc(const struct ud_training_stats *s, const struct ud_report_meta *m, struct ud_rdoc *d)
{
    ud_rdoc_init(d);
    struct ud_rcol cols[NCOLS];
    columns(cols);
    const char *unit = ud_report_unit_name(m); /* training has no --org: the root */
    if (ud_lang == UD_LANG_EN)
        snprintf(d->title, sizeof d->title, "%s%sWorkers' Education and Training", unit, unit[0] ? ": " : "");
    else
        snprintf(d->title, sizeof d->title, "%s职工教育培训统计表", unit);
    snprintf(d->period, sizeof d->period, T("（%d年度）", "(year %d)"), s->year);
    ud_report_form_lines(m, T("单位：个、学时、人次", "Units: courses, hours, person-times"), d);
    snprintf(d->page_title, sizeof d->page_title, "%s%s%s", d->title, ud_lang == UD_LANG_EN ? " " : "", d->period);
    snprintf(d->sheet, sizeof d->sheet, "%s", T("培训统计", "Training"));
    snprintf(d->author, sizeof d->author, "%s", m->producer);
    snprintf(d->left, sizeof d->left, T("统计范围：%d年开班的全部培训班", "Scope: every course starting in %d"), s->year);
    snprintf(d->right, sizeof d->right, T("制表日期：%s", "Produced on %s"), m->today);
    d->table_head = T("栏目", "table");
    d->nkeys = 1;
    d->key_heads[0] = T("年度", "year");

    struct ud_rtable *t = ud_rdoc_table(d, T("按培训类别统计", "By course category"), T("培训类别", "category"), cols, NCOLS);
    if (t) {
        snprintf(t->key_values[0], sizeof t->key_values[0], "%d", s->year);
        for (int i = 0; i < UD_NCATEGORIES; i++)
            put_row(t, ud_enum_label(&ud_enum_course_category, ud_enum_course_category.items[i].code), 0,
                    &s->category[i]);
        put_row(t, T("合计", "total"), 1, &s->total);
    }
    ud_rdoc_note(d, T("说明：", "Notes:"));
    ud_rdoc_note(d, T("1. 培训班按开班日期计入年度，报名、参训、结业随培训班计入；学时为各培训班学时之和；"
                      "结业率 = 结业人次 / 报名人次；结业人学时 = 各培训班学时乘以其结业人次之和。",
                      "1. A course counts in the year it starts, its enrolments with it; class hours add up the "
                      "courses' hours; completion rate = completed / enrolments; learner hours = each course's "
                      "hours times its completions, added up."));
}

static void json_row(FILE *fp, const char *category, const struct ud_training_row *x, int last)
{
    char rate[32];
    ud_report_json_ratio(x->completed, x->enrolments, rate, sizeof rate);
    fprintf(fp,
            "    {\"category\": \"%s\", \"courses\": %" PRId64 ", \"hours\": %" PRId64 ", \"enrolments\": %" PRId64
            ", \"attended\": %" PRId64 ", \"completed\": %" PRId64 ", \"learner_hours\": %" PRId64
            ", \"completion_rate\": %s}%s\n",
            category, x->courses, x->hours, x->enrolments, x->attended, x->completed, x->learner_hours, rate,
            last ? "" : ",");
}

int ud_report_training_json(const struct ud_training_stats *s, FILE *fp, struct ud_err *err)
{
    fprintf(fp, "{\n  \"year\": %d,\n  \"by_category\": [\n", s->year);
    for (int i = 0; i < UD_NCATEGORIES; i++)
        json_row(fp, ud_enum_course_category.items[i].code, &s->category[i], 0);
    json_row(fp, "total", &s->total, 1);
    fprintf(fp, "  ]\n}\n");
    return ud_report_finish(fp, err);
}
