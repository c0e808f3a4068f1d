/* The help screen: every key that works, where it works. */
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

struct help {
    struct tui_detail d;
};

static const struct tui_keyhelp global[] = {
    {"1-6, F1-F6", "切换模块：组织 会员 调解 帮扶 培训 报表", "switch module: orgs members cases aid training reports"},
    {"Tab / Shift-Tab", "下一个 / 上一个模块（表单中为下一项 / 上一项）", "next / previous module (next / previous field in a form)"},
    {"?", "本帮助", "this help"},
    {"q", "退出（有未保存的修改时先询问）", "quit (asks first when a form has unsaved changes)"},
    {"Esc", "返回上一层 / 取消", "back / cancel"},
    {"Ctrl-C", "立即退出，终端恢复原状", "quit at once, terminal restored"},
    TUI_KEYS_END};

static const struct tui_keyhelp lists[] = {
    {"Up Down / j k", "上下移动", "move"},
    {"PgUp PgDn / 空格", "翻页", "page"},
    {"Home End / g G", "首行 / 末行", "first / last row"},
    {"/", "即时搜索（边输入边缩小）；Enter 结束输入，Esc 清除", "live search; Enter ends typing, Esc clears"},
    {"o / O", "按下一列排序 / 倒序", "sort by next column / reverse"},
    {"f", "筛选条件", "filters"},
    {"Enter", "查看详情", "open the detail"},
    {"n e d", "新建 / 修改 / 删除（按角色）", "new / edit / delete (as your role allows)"},
    TUI_KEYS_END};

static const struct tui_keyhelp forms[] = {
    {"Tab Down / Shift-Tab Up", "下一项 / 上一项", "next / previous field"},
    {"Enter", "选择项打开选择列表；文字项到下一项；最后一项保存", "choice: open the pick list; text: next field; last field: save"},
    {"F4 / Ctrl-P", "打开选择列表", "open the pick list"},
    {"F2 / Ctrl-S", "保存", "save"},
    {"Left Right Home End", "按字移动光标", "move the cursor by character"},
    {"Backspace Del", "删除前一字 / 后一字", "delete before / after the cursor"},
    {"Ctrl-U Ctrl-K Ctrl-W", "删除光标前全部 / 光标后全部 / 前一词", "delete to start / to end / previous word"},
    {"Esc", "取消（有修改时先询问）", "cancel (asks when changed)"},
    TUI_KEYS_END};

static void add_keys(struct tui_detail *d, const char *title, const struct tui_keyhelp *k)
{
    tui_detail_section(d, title);
    for (; k && k->key; k++)
        tui_detail_add(d, k->key, T(k->zh, k->en), 0);
}

static void help_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct help *hp = v->data;
    tui_put(w, 0, 0, T("帮助（Esc 或 q 返回）", "Help (Esc or q to go back)"), wdt, UD_LEFT, tui_attr(TE_TITLE));
    tui_detail_draw(app, &hp->d, w, 1, h - 1, wdt);
}

static int help_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct help *hp = v->data;
    if (key == TK_ESC || key == 'q' || key == '?') {
        tui_pop(app);
        return 1;
    }
    return tui_detail_key(&hp->d, key, 10) || tui_is_char(key);
}

static void help_free(struct tui_view *v)
{
    struct help *hp = v->data;
    tui_detail_free(&hp->d);
    free(hp);
}

static const struct tui_view_ops help_ops = {help_draw, help_key, help_free, NULL, NULL};

void tui_help_open(struct tui_app *app)
{
    struct help *hp = calloc(1, sizeof *hp);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!hp || !v) {
        free(hp);
        free(v);
        return;
    }
    struct tui_view *cur = tui_top(app);
    if (cur && cur->help) {
        tui_detail_section(&hp->d, T("当前界面", "this screen"));
        cur->help(app, cur, &hp->d);
    } else if (cur && cur->keys) {
        add_keys(&hp->d, T("当前界面", "this screen"), cur->keys);
    }
    add_keys(&hp->d, T("全局", "everywhere"), global);
    add_keys(&hp->d, T("列表", "lists"), lists);
    add_keys(&hp->d, T("表单", "forms"), forms);
    tui_detail_section(&hp->d, T("说明", "notes"));
    tui_detail_add(&hp->d, "!", T("超期案件（受理后超过15天仍未结案）在列表和详情中以 ! 标出", "overdue cases (open more than 15 days after filing) are marked ! in lists and details"), 0);
    tui_detail_add(&hp->d, "!", T("已满的培训班、主管确认的重复帮扶也以 ! 标出", "so are full courses and second grants an officer confirmed"), 0);
    tui_detail_add(&hp->d, ">", T("当前选中的行", "the selected row"), 0);
    tui_detail_add(&hp->d, "~", T("文字太长被截断", "text cut to fit"), 0);
    v->ops = &help_ops;
    v->data = hp;
    tui_push(app, v);
}
