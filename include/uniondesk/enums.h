/* Enumerations: one table each, with the stored code and the Chinese and
 * English labels. Users may type either the code or a label. */
#ifndef UD_ENUMS_H
#define UD_ENUMS_H

struct ud_enum_item {
    const char *code;
    const char *zh;
    const char *en;
};

struct ud_enum {
    const char *name;
    const struct ud_enum_item *items;
    int count;
};

/* Finds the item whose code or label (either language) equals `in`
 * (surrounding spaces ignored, code case-insensitive). */
const struct ud_enum_item *ud_enum_find(const struct ud_enum *e, const char *in);
/* Label in the user's language for a code; the code itself if unknown. */
const char *ud_enum_label(const struct ud_enum *e, const char *code);
/* "a/b/c" list of labels for messages. */
void ud_enum_choices(const struct ud_enum *e, char *out, int outsz);
int ud_enum_index(const struct ud_enum *e, const char *code);

extern const struct ud_enum ud_enum_org_kind, ud_enum_org_status, ud_enum_gender,
    ud_enum_member_status, ud_enum_education, ud_enum_political_status,
    ud_enum_hukou_type, ud_enum_case_status, ud_enum_dispute_type, ud_enum_level,
    ud_enum_event_kind, ud_enum_hardship_level, ud_enum_hardship_category,
    ud_enum_recipient_status, ud_enum_aid_program, ud_enum_grant_status,
    ud_enum_course_category, ud_enum_role;

#endif
