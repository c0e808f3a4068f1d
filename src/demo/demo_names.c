/* Plausible people, companies and numbers for the demo district. */
#include <stdio.h>
#include <string.h>

#include "demo_internal.h"

uint64_t demo_next(struct demo_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int64_t demo_below(struct demo_rng *r, int64_t n)
{
    return n <= 0 ? 0 : (int64_t)(demo_next(r) % (uint64_t)n);
}

int64_t demo_between(struct demo_rng *r, int64_t lo, int64_t hi)
{
    return lo + demo_below(r, hi - lo + 1);
}

int demo_chance(struct demo_rng *r, int permille)
{
    return demo_below(r, 1000) < permille;
}

int demo_weighted(struct demo_rng *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int64_t x = demo_below(r, total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* Common surnames, roughly by frequency (Zhejiang weighs 王 李 张 陈 周…). */
static const char *const surnames[] = {
    "王", "李", "张", "陈", "刘", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "林",
    "何", "高", "梁", "郑", "罗", "宋", "谢", "唐", "韩", "曹", "许", "邓", "萧", "冯", "曾", "程", "蔡",
    "彭", "潘", "袁", "于", "董", "余", "苏", "叶", "吕", "魏", "蒋", "田", "杜", "丁", "沈", "姜", "范",
    "江", "傅", "钟", "卢", "汪", "戴", "崔", "任", "陆", "廖", "姚", "方", "金", "邱", "夏", "谭", "韦",
    "贾", "邹", "石", "熊", "孟", "秦", "阎", "薛", "侯", "雷", "白", "龙", "段", "郝", "孔", "邵", "史",
    "毛", "常", "万", "顾", "赖", "武", "康", "贺", "严", "尹", "钱", "施", "牛", "洪", "龚", "欧阳", "诸葛"};
static const int surname_weights[] = {
    72, 70, 68, 55, 53, 40, 33, 28, 26, 26, 25, 22, 21, 20, 19, 18, 17, 16, 15, 14, 14, 13, 12, 12, 11, 11,
    10, 10, 10, 9, 9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 9, 8, 8, 8, 7, 7, 7, 9, 7, 7, 7, 7, 7, 7, 7, 7,
    6, 6, 7, 6, 6, 7, 8, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6,
    5, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 1, 1};
static const char *const male_chars[] = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
    "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文",
    "海", "峰", "东", "亮", "成", "祥", "荣", "新", "春", "晓", "立", "永", "庆", "兵", "德", "金"};
static const char *const female_chars[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "琳", "颖", "洁", "倩",
    "红", "梅", "兰", "英", "萍", "琴", "云", "莉", "佳", "欣", "怡", "瑶", "璐", "晶", "月", "秀", "凤",
    "丹", "蓉", "悦", "思", "雨", "晓", "文", "春", "海", "佩", "美", "淑", "雯", "露", "菲", "青"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
_Static_assert(COUNT(surnames) == COUNT(surname_weights), "one weight per surname");

void demo_person_name(struct demo_rng *r, int female, char *out, size_t outsz)
{
    const char *sur = surnames[demo_weighted(r, surname_weights, COUNT(surname_weights))];
    const char *const *pool = female ? female_chars : male_chars;
    int n = female ? COUNT(female_chars) : COUNT(male_chars);
    if (demo_chance(r, 300))
        snprintf(out, outsz, "%s%s", sur, pool[demo_below(r, n)]);
    else
        snprintf(out, outsz, "%s%s%s", sur, pool[demo_below(r, n)], pool[demo_below(r, n)]);
}

struct area {
    const char *code;
    int weight;
    int migrant;
};

/* Beilun and its neighbours; then the provinces most migrant workers in
 * Ningbo come from. */
static const struct area areas[] = {
    {"330206", 380, 0}, {"330203", 40, 0}, {"330211", 35, 0}, {"330212", 45, 0}, {"330205", 20, 0},
    {"330282", 20, 0},  {"341621", 50, 1}, {"341221", 40, 1}, {"411522", 40, 1}, {"412722", 35, 1},
    {"511623", 35, 1},  {"513030", 25, 1}, {"522121", 40, 1}, {"522427", 30, 1}, {"362330", 30, 1},
    {"360781", 25, 1},  {"430523", 20, 1}, {"421125", 20, 1}, {"450881", 15, 1}, {"532128", 15, 1},
    {"612426", 10, 1},  {"371525", 10, 1}, {"230882", 5, 1},  {"152326", 5, 1},
};

void demo_id_number(struct demo_rng *r, const char *born_from, const char *born_to, int *migrant,
                    char out[UD_IDNUM_SZ])
{
    int w[COUNT(areas)];
    for (int i = 0; i < COUNT(areas); i++)
        w[i] = areas[i].weight;
    const struct area *a = &areas[demo_weighted(r, w, COUNT(areas))];
    char birth[UD_DATE_SZ];
    demo_date_between(r, born_from, born_to, birth);
    char first17[18]; /* area, YYYYMMDD, 3 digits; by hand: a million of them at scale 3 */
    unsigned seq = (unsigned)demo_below(r, 1000);
    memcpy(first17, a->code, 6);
    memcpy(first17 + 6, birth, 4);
    memcpy(first17 + 10, birth + 5, 2);
    memcpy(first17 + 12, birth + 8, 2);
    first17[14] = (char)('0' + seq / 100);
    first17[15] = (char)('0' + seq / 10 % 10);
    first17[16] = (char)('0' + seq % 10);
    first17[17] = '\0';
    memcpy(out, first17, 17);
    out[17] = ud_id_check_char(first17);
    out[18] = '\0';
    if (migrant)
        *migrant = a->migrant;
}

void demo_mobile(struct demo_rng *r, char out[UD_PHONE_SZ])
{
    static const char *const prefixes[] = {"130", "131", "133", "135", "136", "137", "138", "139", "150",
                                           "151", "152", "153", "155", "157", "158", "159", "173", "177",
                                           "180", "181", "182", "183", "185", "186", "187", "188", "189",
                                           "198", "199"};
    /* the draws in the order the data was first made with (snprintf's
     * arguments, evaluated last to first) */
    unsigned n = (unsigned)demo_below(r, 100000000);
    const char *p = prefixes[demo_below(r, COUNT(prefixes))];
    memcpy(out, p, 3);
    for (int i = 10; i >= 3; i--, n /= 10)
        out[i] = (char)('0' + n % 10);
    out[11] = '\0';
}

void demo_credit_code(struct demo_rng *r, char out[UD_CREDIT_SZ])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    char s[18];
    memcpy(s, "91330206", 8);
    for (int i = 8; i < 17; i++)
        s[i] = alphabet[demo_below(r, 31)];
    s[17] = '\0';
    memcpy(out, s, 17);
    out[17] = ud_credit_check_char(s);
    out[18] = '\0';
}

void demo_company_name(struct demo_rng *r, char *out, size_t outsz)
{
    static const char *const head[] = {"甬", "港", "海", "天", "宝", "新", "华", "东", "金", "瑞", "恒", "博",
                                       "兴", "达", "远", "盛", "鑫", "泰", "隆", "昌", "安", "顺", "丰", "宏",
                                       "永", "利", "诚", "信", "汇", "通", "凯", "捷", "嘉", "旭", "明", "峰"};
    static const char *const tail[] = {"润", "力", "源", "禾", "邦", "宇", "辰", "业", "科", "创", "晟", "越",
                                       "佳", "晨", "诺", "达", "海", "川", "威", "德"};
    static const char *const trade[] = {"机械", "模具", "化工", "物流", "港务", "电子", "纺织", "汽车零部件",
                                        "不锈钢", "塑料", "集卡运输", "船舶修造", "食品", "建材", "注塑",
                                        "五金", "电器", "新材料", "液压", "轴承", "家电", "光电", "石化"};
    static const char *const form[] = {"有限公司", "有限公司", "有限公司", "股份有限公司", "实业有限公司"};
    snprintf(out, outsz, "宁波%s%s%s%s", head[demo_below(r, COUNT(head))], tail[demo_below(r, COUNT(tail))],
             trade[demo_below(r, COUNT(trade))], form[demo_below(r, COUNT(form))]);
}

void demo_date_between(struct demo_rng *r, const char *from, const char *to, char out[UD_DATE_SZ])
{
    long a = ud_date_days(from), b = ud_date_days(to);
    ud_date_from_days(a + (long)demo_below(r, b - a + 1), out);
}
