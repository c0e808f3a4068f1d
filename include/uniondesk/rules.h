/* Business rules that SQL queries and C code must agree on, kept in one
 * place. The database handle exposes them to SQL as functions. */
#ifndef UD_RULES_H
#define UD_RULES_H

/* Mediation is due within 15 days of filing (劳动争议调解仲裁法 第十四条). */
#define UD_MEDIATION_DAYS 15
/* A case with this many workers or more is collective. */
#define UD_COLLECTIVE_WORKERS 10

/* 1 when a case in `status`, filed on `filed_on`, is overdue on `as_of`:
 * still filed or mediating more than 15 days after filing. SQL: ud_overdue(). */
int ud_case_overdue(const char *status, const char *filed_on, const char *as_of);

/* The last day of the 15 a case filed on filed_on has for mediation. */
void ud_case_due_date(const char *filed_on, char out[11]);

#endif
