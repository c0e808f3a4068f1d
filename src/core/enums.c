#include "uniondesk/enums.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

#define ENUM(var, nm, ...)                                                   \
    static const struct ud_enum_item var##_items[] = {__VA_ARGS__};          \
    const struct ud_enum var = {nm, var##_items,                             \
                                (int)(sizeof var##_items / sizeof var##_items[0])}

ENUM(ud_enum_org_kind, "org_kind",
     {"district_federation", "区总工会", "district federation"},
     {"street_federation", "街道(镇)总工会", "street/town federation"},
     {"community_federation", "社区总工会", "community federation"},
     {"community_union", "社区(区域)工会", "community union"},
     {"enterprise_union", "企业(基层)工会", "enterprise union"},
     {"joint_union", "联合工会", "joint union"});

ENUM(ud_enum_org_status, "org_status",
     {"active", "正常", "active"},
     {"dissolved", "已撤销", "dissolved"});

ENUM(ud_enum_gender, "gender",
     {"M", "男", "male"},
     {"F", "女", "female"});

ENUM(ud_enum_member_status, "member_status",
     {"active", "在册", "active"},
     {"transferred_out", "转出", "transferred out"},
     {"withdrawn", "退会", "withdrawn"},
     {"deceased", "去世", "deceased"});

ENUM(ud_enum_education, "education",
     {"primary", "小学", "primary school"},
     {"junior", "初中", "junior middle school"},
     {"senior", "高中/中专", "senior middle school"},
     {"college", "大专", "college"},
     {"bachelor", "本科", "bachelor"},
     {"postgraduate", "研究生", "postgraduate"});

ENUM(ud_enum_political_status, "political_status",
     {"party_member", "中共党员", "CPC member"},
     {"probationary", "中共预备党员", "CPC probationary member"},
     {"league_member", "共青团员", "CYL member"},
     {"democratic_party", "民主党派", "democratic party"},
     {"masses", "群众", "none"});

ENUM(ud_enum_hukou_type, "hukou_type",
     {"urban", "城镇户口", "urban"},
     {"rural", "农村户口", "rural"});

ENUM(ud_enum_case_status, "case_status",
     {"received", "登记", "received"},
     {"filed", "受理", "filed"},
     {"mediating", "调解中", "mediating"},
     {"succeeded", "调解成功", "succeeded"},
     {"failed", "调解不成", "failed"},
     {"withdrawn", "撤回", "withdrawn"},
     {"not_accepted", "不予受理", "not accepted"});

ENUM(ud_enum_dispute_type, "dispute_type",
     {"wages", "劳动报酬", "wages"},
     {"termination", "解除终止劳动合同", "termination"},
     {"social_insurance", "社会保险", "social insurance"},
     {"work_injury", "工伤", "work injury"},
     {"compensation", "经济补偿", "compensation"},
     {"overtime", "工作时间/加班", "working hours/overtime"},
     {"contract", "劳动合同", "labour contract"},
     {"other", "其他", "other"});

ENUM(ud_enum_level, "level",
     {"district", "区", "district"},
     {"street", "街道", "street"},
     {"community", "社区", "community"});

ENUM(ud_enum_event_kind, "event_kind",
     {"note", "备注", "note"},
     {"session", "调解会", "session"},
     {"phone", "电话", "phone call"},
     {"visit", "走访", "visit"},
     {"status", "状态变更", "status change"},
     {"reopened", "重新办理", "reopened"});

ENUM(ud_enum_hardship_level, "hardship_level",
     {"severe", "特困", "severe"},
     {"serious", "重困", "serious"},
     {"general", "一般困难", "general"});

ENUM(ud_enum_hardship_category, "hardship_category",
     {"illness", "因病", "illness"},
     {"disability", "因残", "disability"},
     {"disaster", "因灾", "disaster"},
     {"education", "子女就学", "children's schooling"},
     {"single_parent", "单亲", "single parent"},
     {"unemployment", "失业", "unemployment"},
     {"low_income", "低收入", "low income"},
     {"other", "其他", "other"});

ENUM(ud_enum_recipient_status, "recipient_status",
     {"active", "在档", "active"},
     {"lifted", "已脱困", "lifted"});

ENUM(ud_enum_aid_program, "aid_program",
     {"send_warmth", "送温暖", "send warmth"},
     {"education", "金秋助学", "education aid"},
     {"medical_mutual", "医疗互助", "medical mutual aid"},
     {"emergency", "临时救助", "emergency relief"},
     {"holiday", "节日慰问", "holiday visit"},
     {"other", "其他", "other"});

ENUM(ud_enum_grant_status, "grant_status",
     {"proposed", "拟发放", "proposed"},
     {"approved", "已审批", "approved"},
     {"paid", "已发放", "paid"},
     {"cancelled", "已取消", "cancelled"});

ENUM(ud_enum_course_category, "course_category",
     {"cadre_intro", "入门", "cadre: introductory"},
     {"cadre_remedial", "补差", "cadre: remedial"},
     {"cadre_advanced", "提高", "cadre: advanced"},
     {"skills", "技能", "skills"},
     {"academic", "学历", "academic"},
     {"psych", "心理健康", "mental health"},
     {"other", "其他", "other"});

ENUM(ud_enum_role, "role",
     {"clerk", "办事员", "clerk"},
     {"officer", "主管", "officer"},
     {"admin", "管理员", "admin"});

const struct ud_enum_item *ud_enum_find(const struct ud_enum *e, const char *in)
{
    char s[128];
    /* longer than any code or label: never compare a truncated head */
    if (snprintf(s, sizeof s, "%s", in ? in : "") >= (int)sizeof s)
        return NULL;
    ud_trim(s);
    for (int i = 0; i < e->count; i++) {
        const struct ud_enum_item *it = &e->items[i];
        if (strcasecmp(s, it->code) == 0 || strcmp(s, it->zh) == 0 || strcasecmp(s, it->en) == 0)
            return it;
    }
    /* common short forms: 街道 for 街道(镇)总工会 etc. are not guessed */
    return NULL;
}

const char *ud_enum_label(const struct ud_enum *e, const char *code)
{
    int i = ud_enum_index(e, code);
    if (i < 0)
        return code ? code : "";
    return T(e->items[i].zh, e->items[i].en);
}

int ud_enum_index(const struct ud_enum *e, const char *code)
{
    if (!code)
        return -1;
    for (int i = 0; i < e->count; i++)
        if (strcmp(e->items[i].code, code) == 0)
            return i;
    return -1;
}

void ud_enum_choices(const struct ud_enum *e, char *out, int outsz)
{
    int n = 0;
    out[0] = '\0';
    for (int i = 0; i < e->count && n < outsz; i++)
        n += snprintf(out + n, (size_t)(outsz - n), "%s%s", i ? "/" : "",
                      T(e->items[i].zh, e->items[i].code));
}
