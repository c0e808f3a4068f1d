#include "uniondesk/org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "listq.h"
#include "modutil.h"
#include "db_int.h"

#define S struct ud_org
const struct ud_field ud_org_fields[] = {
    UD_FIELD_TEXT(S, "code", "代码", "code", code, 32, UD_FF_REQUIRED),
    UD_FIELD_TEXT(S, "name", "名称", "name", name, 60, UD_FF_REQUIRED),
    UD_FIELD_ENUM(S, "kind", "类型", "kind", kind, &ud_enum_org_kind, UD_FF_REQUIRED),
    UD_FIELD_REF(S, "parent", "上级组织", "parent", parent_id, &ud_ref_org, 0),
    UD_FIELD_OF(S, UD_F_CREDIT, "credit_code", "统一社会信用代码", "credit code", credit_code, 0),
    UD_FIELD_TEXT(S, "chair", "工会主席", "chair", chair, 30, 0),
    UD_FIELD_OF(S, UD_F_PHONE, "phone", "电话", "phone", phone, 0),
    UD_FIELD_TEXT(S, "address", "地址", "address", address, 100, 0),
    UD_FIELD_OF(S, UD_F_DATE, "established_on", "成立日期", "established on", established_on, UD_FF_NOFUTURE),
    UD_FIELD_INT(S, "units_covered", "涵盖单位数", "units covered", units_covered, 0, 1000000, 0),
    UD_FIELD_INT(S, "staff_count", "职工人数", "staff count", staff_count, 0, 10000000, 0),
    UD_FIELD_ENUM(S, "status", "状态", "status", status, &ud_enum_org_status, 0),
    UD_FIELD_END,
};
#undef S

const struct ud_sort_key ud_org_sort_keys[] = {
    {"code", "o.code", 0, 0},
    {"name", "o.name", 0, 0},
    {"id", "o.id", 1, 0},
    {NULL, NULL, 0, 0},
};

#define ORG_COLS                                                                              \
    "o.id, o.code, o.name, o.kind, o.parent_id, o.credit_code, o.chair, o.phone, o.address, " \
    "o.established_on, o.units_covered, o.staff_count, o.status, o.created_at, o.updated_at, o.version"
#define ORG_NCOLS 16

static void read_row(sqlite3_stmt *st, void *row)
{
    struct ud_org *o = row;
    o->id = sqlite3_column_int64(st, 0);
    ud_col_text(st, 1, o->code, sizeof o->code);
    ud_col_text(st, 2, o->name, sizeof o->name);
    ud_col_text(st, 3, o->kind, sizeof o->kind);
    o->parent_id = ud_col_opt_int(st, 4);
    ud_col_text(st, 5, o->credit_code, sizeof o->credit_code);
    ud_col_text(st, 6, o->chair, sizeof o->chair);
    ud_col_text(st, 7, o->phone, sizeof o->phone);
    ud_col_text(st, 8, o->address, sizeof o->address);
    ud_col_text(st, 9, o->established_on, sizeof o->established_on);
    o->units_covered = sqlite3_column_int64(st, 10);
    o->staff_count = sqlite3_column_int64(st, 11);
    ud_col_text(st, 12, o->status, sizeof o->status);
    ud_col_text(st, 13, o->created_at, sizeof o->created_at);
    ud_col_text(st, 14, o->updated_at, sizeof o->updated_at);
    o->version = sqlite3_column_int64(st, 15);
}

void ud_org_init(struct ud_org *o)
{
    memset(o, 0, sizeof *o);
    ud_fields_clear(ud_org_fields, o);
    o->units_covered = 0;
    o->staff_count = 0;
    snprintf(o->status, sizeof o->status, "active");
}

const char *ud_org_kind_level(const char *kind)
{
    if (!kind)
        return NULL;
    if (strcmp(kind, "district_federation") == 0)
        return "district";
    if (strcmp(kind, "street_federation") == 0)
        return "street";
    if (strcmp(kind, "community_federation") == 0 || strcmp(kind, "community_union") == 0)
        return "community";
    return NULL;
}

int ud_org_get(struct ud_db *db, int64_t id, struct ud_org *o, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT " ORG_COLS " FROM orgs o WHERE o.id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    return ud_mod_step_row(db, st, read_row, o, err, T("组织 %lld 不存在", "organization %lld does not exist"),
                           (long long)id);
}

int ud_org_get_by_code(struct ud_db *db, const char *code, struct ud_org *o, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT " ORG_COLS " FROM orgs o WHERE o.code = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, code);
    return ud_mod_step_row(db, st, read_row, o, err, T("组织代码“%s”不存在", "no organization has code '%s'"),
                           code);
}

int ud_org_resolve(struct ud_db *db, const char *code, int64_t *id, struct ud_err *err)
{
    struct ud_org o;
    if (ud_org_get_by_code(db, code, &o, err) != UD_OK)
        return err->status;
    *id = o.id;
    return UD_OK;
}

static void ref_key(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_org o;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_org_get(db, id, &o, &e) == UD_OK)
        snprintf(out, outsz, "%s", o.code);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

static void ref_display(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_org o;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_org_get(db, id, &o, &e) == UD_OK)
        snprintf(out, outsz, "%s", o.name);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

const struct ud_ref_kind ud_ref_org = {"org", ud_org_resolve, ref_key, ref_display};

int64_t ud_org_root(struct ud_db *db)
{
    struct ud_err e;
    ud_err_clear(&e);
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1", &e);
    if (!st)
        return 0;
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return id;
}

/* Which kinds may stand under which: the district federation is the root;
 * streets under it; communities under either; unions under any federation
 * or community; enterprise and joint unions have no sub-organizations. */
static int parent_allowed(const char *kind, const char *parent_kind)
{
    if (strcmp(kind, "district_federation") == 0)
        return parent_kind == NULL;
    if (!parent_kind)
        return 0;
    if (strcmp(kind, "street_federation") == 0)
        return strcmp(parent_kind, "district_federation") == 0;
    if (strcmp(kind, "community_federation") == 0 || strcmp(kind, "community_union") == 0)
        return strcmp(parent_kind, "district_federation") == 0 ||
               strcmp(parent_kind, "street_federation") == 0;
    return strcmp(parent_kind, "enterprise_union") != 0 && strcmp(parent_kind, "joint_union") != 0;
}

static int in_subtree(struct ud_db *db, int64_t root, int64_t candidate, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL "
                                  "SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) "
                                  "SELECT 1 FROM sub WHERE id = ?2",
                                  err);
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, root);
    sqlite3_bind_int64(st, 2, candidate);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    return found;
}

static int validate(struct ud_db *db, struct ud_org *o, struct ud_err *err)
{
    ud_fields_validate(db, ud_org_fields, o, err);
    if (err->nfields)
        return err->status;
    /* dissolved however it is asked for (the form's status field or
     * ud_org_dissolve): not while active sub-organizations depend on it */
    if (o->id && strcmp(o->status, "dissolved") == 0 &&
        ud_mod_exists(db, "SELECT count(*) FROM orgs WHERE parent_id = ?1 AND status = 'active'", o->id))
        return ud_err_field(err, "status", T("状态", "status"), "%s",
                            T("该组织下还有正常状态的下级组织，请先撤销或转移它们",
                              "this organization still has active sub-organizations; dissolve or move them first"));
    struct ud_org parent;
    const char *pkind = NULL;
    if (o->parent_id != UD_NULL_INT) {
        if (ud_org_get(db, o->parent_id, &parent, err) != UD_OK) {
            err->status = UD_OK;
            return ud_err_field(err, "parent", T("上级组织", "parent"), "%s",
                                T("上级组织不存在", "parent organization does not exist"));
        }
        pkind = parent.kind;
        if (o->id && (parent.id == o->id || in_subtree(db, o->id, parent.id, err)))
            return ud_err_field(err, "parent", T("上级组织", "parent"), "%s",
                                T("不能把组织挂到它自己或它的下级之下",
                                  "an organization cannot be placed under itself or its own sub-organization"));
        if (strcmp(parent.status, "active") != 0 && strcmp(o->status, "active") == 0)
            return ud_err_field(err, "parent", T("上级组织", "parent"), "%s",
                                T("上级组织已撤销", "the parent organization is dissolved"));
    }
    if (!parent_allowed(o->kind, pkind)) {
        if (!pkind)
            return ud_err_field(err, "parent", T("上级组织", "parent"), "%s",
                                T("除区总工会外，组织必须有上级", "every organization except the district federation needs a parent"));
        return ud_err_field(err, "parent", T("上级组织", "parent"),
                            T("%s不能设在%s之下", "a %s cannot stand under a %s"),
                            ud_enum_label(&ud_enum_org_kind, o->kind), ud_enum_label(&ud_enum_org_kind, pkind));
    }
    if (!pkind) {
        int64_t root = ud_org_root(db);
        if (root && root != o->id)
            return ud_err_field(err, "kind", T("类型", "kind"), "%s",
                                T("已有区总工会：只能有一个", "there is already a district federation"));
    }
    return UD_OK;
}

static void bind_fields(sqlite3_stmt *st, const struct ud_org *o)
{
    ud_bind_text(st, 1, o->code);
    ud_bind_text(st, 2, o->name);
    ud_bind_text(st, 3, o->kind);
    ud_bind_opt_int(st, 4, o->parent_id);
    ud_bind_text(st, 5, o->credit_code);
    ud_bind_text(st, 6, o->chair);
    ud_bind_text(st, 7, o->phone);
    ud_bind_text(st, 8, o->address);
    ud_bind_text(st, 9, o->established_on);
    ud_bind_int(st, 10, o->units_covered == UD_NULL_INT ? 0 : o->units_covered);
    ud_bind_int(st, 11, o->staff_count == UD_NULL_INT ? 0 : o->staff_count);
    ud_bind_text(st, 12, o->status[0] ? o->status : "active");
}

int ud_org_create(struct ud_db *db, struct ud_org *o, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_ORG_WRITE, err) != UD_OK)
        return err->status;
    o->id = 0;
    if (validate(db, o, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO orgs(code, name, kind, parent_id, credit_code, chair, phone, "
                                  "address, established_on, units_covered, staff_count, status) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, o);
    if (ud_mod_step(db, st, ud_org_fields, err) != UD_OK)
        return err->status;
    int64_t id = sqlite3_last_insert_rowid(db->h);
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_org_get(db, id, o, err);
}

int ud_org_update(struct ud_db *db, struct ud_org *o, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_ORG_WRITE, err) != UD_OK)
        return err->status;
    if (validate(db, o, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE orgs SET code = ?1, name = ?2, kind = ?3, parent_id = ?4, "
                                  "credit_code = ?5, chair = ?6, phone = ?7, address = ?8, "
                                  "established_on = ?9, units_covered = ?10, staff_count = ?11, status = ?12, "
                                  "version = version + 1, updated_at = " UD_NOW_SQL
                                  " WHERE id = ?13 AND version = ?14",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, o);
    sqlite3_bind_int64(st, 13, o->id);
    sqlite3_bind_int64(st, 14, o->version);
    if (ud_mod_step_versioned(db, st, "orgs", o->id, ud_org_fields, err) != UD_OK)
        return err->status;
    return ud_org_get(db, o->id, o, err);
}

int ud_org_dissolve(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    struct ud_org o;
    if (ud_may(db, UD_ACT_ORG_WRITE, err) != UD_OK || ud_org_get(db, id, &o, err) != UD_OK)
        return err->status;
    o.version = version;
    snprintf(o.status, sizeof o.status, "dissolved");
    int st = ud_org_update(db, &o, err);
    if (st == UD_ERR_INVALID && ud_err_find(err, "status")) {
        /* no form to show the field error: the whole message */
        char m[UD_FIELD_MSG];
        snprintf(m, sizeof m, "%s", ud_err_find(err, "status")->msg);
        ud_err_clear(err);
        st = ud_err_set(err, UD_ERR_STATE, "%s", m);
    }
    return st;
}

int ud_org_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    return ud_mod_delete(db, ud_act_role(UD_ACT_ORG_WRITE), "DELETE FROM orgs WHERE id = ?1 AND version = ?2", "orgs", id, version,
                         T("该组织仍有下级组织、会员、案件或培训班引用，不能删除（可改为撤销）",
                           "sub-organizations, members, cases or courses still refer to it: it cannot be "
                           "deleted (dissolve it instead)"),
                         err);
}

void ud_org_subtree_cond(struct ud_sqlbuf *q, const char *column, int64_t root_id)
{
    ud_sql_add(q, column);
    ud_sql_add(q, " IN (WITH RECURSIVE sub(id) AS (SELECT ");
    ud_sql_param_int(q, root_id);
    ud_sql_add(q, " UNION ALL SELECT so.id FROM orgs so JOIN sub ON so.parent_id = sub.id) SELECT id FROM sub)");
}

static void list_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct ud_org_filter *f = arg;
    if (f && f->kind && *f->kind) {
        ud_sql_where(q, w, "o.kind = ");
        ud_sql_param_text(q, f->kind);
    }
    if (f && f->mediating_only)
        ud_sql_where(q, w, "o.kind IN ('district_federation', 'street_federation', "
                           "'community_federation', 'community_union')");
    if (f && f->member_orgs_only)
        ud_sql_where(q, w, "o.kind IN ('enterprise_union', 'joint_union')");
    if (!f || !f->include_dissolved)
        ud_sql_where(q, w, "o.status = 'active'");
    if (f && f->subtree_of) {
        ud_sql_where(q, w, "");
        ud_org_subtree_cond(q, "o.id", f->subtree_of);
    }
}

static const struct ud_sort_key org_search_keys[] = {
    {"code", "o.code", 0, 1},
    {"name", "o.name", 0, 0},
};

/* Then any part of the name or code: organizations are few (9,000 at
 * scale 3), so a walk along the ids with instr() answers in a few ms. */
static void org_frag_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    int t = ud_sql_text(q, text);
    char buf[160];
    snprintf(buf, sizeof buf, "(instr(o.name, ?%d) > 0 OR instr(o.code, upper(?%d)) > 0 OR instr(o.code, ?%d) > 0)",
             t, t, t);
    ud_sql_where(q, w, buf);
}

static const struct ud_list_frag org_frag = {
    " FROM orgs o", org_frag_cond, 1, {{"o.id", UD_FRAG_ID}, {NULL, UD_FRAG_ID}, {NULL, UD_FRAG_ID}}, NULL};

int ud_org_list(struct ud_db *db, const struct ud_org_filter *f, const struct ud_page *pg,
                struct ud_org *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_list_spec spec = {"SELECT " ORG_COLS, " FROM orgs o", ORG_NCOLS, "o.id", sizeof *rows,
                                read_row, list_filter, f};
    const char *q = f ? f->query : NULL;
    if (q && *q)
        return ud_list_search(db, &spec, org_search_keys, 2, &org_frag, q, pg, rows, cursors, n, err);
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_org_sort_keys, pg->sort), 1, NULL, pg, rows,
                         cursors, n, err);
}

int ud_org_locate(struct ud_db *db, const struct ud_org_filter *f, const char *sort, int64_t id,
                  struct ud_cursor *at, struct ud_err *err)
{
    struct ud_org_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    struct ud_list_spec spec = {"SELECT " ORG_COLS, " FROM orgs o", ORG_NCOLS, "o.id", sizeof(struct ud_org),
                                read_row, list_filter, &g};
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_org_sort_keys, sort), id, at, err);
}

/* Depth-first order from the parent links, iteratively, in O(n): the
 * children of each node are bucketed once (ids mapped to indexes through
 * a sorted copy), each group in the order of flat (by code). A node whose
 * parent is missing is left out, as before. up[k] is the index in *out
 * of the parent of node k (-1 for a root), for the roll-up. */
struct id_ix {
    int64_t id;
    int ix;
};

static int id_ix_cmp(const void *a, const void *b)
{
    int64_t x = ((const struct id_ix *)a)->id, y = ((const struct id_ix *)b)->id;
    return (x > y) - (x < y);
}

static int find_ix(const struct id_ix *map, int n, int64_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (map[mid].id == id)
            return map[mid].ix;
        if (map[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int tree_order(struct ud_org_node *flat, int n, struct ud_org_node **out, int **up_out)
{
    size_t z = (size_t)(n ? n : 1);
    struct ud_org_node *res = malloc(sizeof *res * z);
    struct id_ix *map = malloc(sizeof *map * z);
    int *first = malloc(sizeof(int) * z), *next = malloc(sizeof(int) * z), *stack = malloc(sizeof(int) * z);
    int *from = malloc(sizeof(int) * z), *up = malloc(sizeof(int) * z);
    int m = -1;
    if (!res || !map || !first || !next || !stack || !from || !up)
        goto done;
    for (int i = 0; i < n; i++) {
        map[i].id = flat[i].id;
        map[i].ix = i;
        first[i] = -1;
        next[i] = -1;
    }
    qsort(map, (size_t)n, sizeof *map, id_ix_cmp);
    /* backwards, so that each list of children is in flat's order */
    for (int j = n - 1; j >= 0; j--) {
        if (flat[j].parent_id == 0)
            continue;
        int p = find_ix(map, n, flat[j].parent_id);
        if (p >= 0) {
            next[j] = first[p];
            first[p] = j;
        }
    }
    m = 0;
    int sp = 0;
    for (int i = n - 1; i >= 0; i--)
        if (flat[i].parent_id == 0) {
            stack[sp] = i;
            from[sp++] = -1;
        }
    while (sp > 0 && m < n) {
        sp--;
        int i = stack[sp];
        res[m] = flat[i];
        up[m] = from[sp];
        if (up[m] >= 0)
            res[m].depth = res[up[m]].depth + 1;
        int cnt = 0, top = sp;
        for (int j = first[i]; j >= 0; j = next[j])
            cnt++;
        /* pushed so that the first child is popped first */
        sp += cnt;
        int k = sp;
        for (int j = first[i]; j >= 0 && k > top; j = next[j]) {
            k--;
            stack[k] = j;
            from[k] = m;
        }
        res[m].children = cnt;
        m++;
    }
done:
    free(map);
    free(first);
    free(next);
    free(stack);
    free(from);
    if (m < 0) {
        free(res);
        free(up);
        return -1;
    }
    *out = res;
    *up_out = up;
    return m;
}

int ud_org_tree(struct ud_db *db, struct ud_org_node **nodes, int *n, struct ud_err *err)
{
    *nodes = NULL;
    *n = 0;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT o.id, coalesce(o.parent_id, 0), o.code, o.name, o.kind, o.status, "
                                  "o.units_covered, coalesce(c.active, 0) FROM orgs o "
                                  "LEFT JOIN org_member_counts c ON c.org_id = o.id ORDER BY o.code",
                                  err);
    if (!st)
        return err->status;
    int cap = 256, cnt = 0;
    struct ud_org_node *flat = malloc(sizeof *flat * (size_t)cap);
    int rc;
    while (flat && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (cnt == cap) {
            cap *= 2;
            struct ud_org_node *g = realloc(flat, sizeof *flat * (size_t)cap);
            if (!g) {
                free(flat);
                flat = NULL;
                break;
            }
            flat = g;
        }
        struct ud_org_node *nd = &flat[cnt++];
        memset(nd, 0, sizeof *nd);
        nd->id = sqlite3_column_int64(st, 0);
        nd->parent_id = sqlite3_column_int64(st, 1);
        ud_col_text(st, 2, nd->code, sizeof nd->code);
        ud_col_text(st, 3, nd->name, sizeof nd->name);
        ud_col_text(st, 4, nd->kind, sizeof nd->kind);
        ud_col_text(st, 5, nd->status, sizeof nd->status);
        nd->units_covered = sqlite3_column_int64(st, 6);
        nd->members = sqlite3_column_int64(st, 7);
    }
    sqlite3_reset(st);
    if (!flat)
        return ud_err_nomem(err);
    struct ud_org_node *ordered;
    int *up;
    int m = tree_order(flat, cnt, &ordered, &up);
    free(flat);
    if (m < 0)
        return ud_err_nomem(err);
    /* roll member counts up: walk backwards, adding each node to its parent
     * (a parent comes before its subtree) */
    for (int i = 0; i < m; i++)
        ordered[i].members_total = ordered[i].members;
    for (int i = m - 1; i > 0; i--)
        if (up[i] >= 0)
            ordered[up[i]].members_total += ordered[i].members_total;
    free(up);
    *nodes = ordered;
    *n = m;
    return UD_OK;
}

int ud_org_counts_check(struct ud_db *db, void (*report)(const char *text, void *arg), void *arg, struct ud_err *err)
{
    /* an org with no row and a row of 0 both mean no active members */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT org_id, sum(kept), sum(counted) FROM ("
                                  " SELECT org_id, active AS kept, 0 AS counted FROM org_member_counts"
                                  " UNION ALL SELECT org_id, 0, count(*) FROM members WHERE status = 'active'"
                                  " GROUP BY org_id) GROUP BY org_id HAVING sum(kept) <> sum(counted) ORDER BY org_id",
                                  err);
    if (!st)
        return -1;
    int rc, problems = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char line[160];
        snprintf(line, sizeof line, T("组织 %lld：记录在职会员 %lld 人，实有 %lld 人", "org %lld: %lld active members kept, %lld counted"),
                 (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1),
                 (long long)sqlite3_column_int64(st, 2));
        problems++;
        if (report)
            report(line, arg);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return ud_db_error(db, rc, err), -1;
    return problems;
}
