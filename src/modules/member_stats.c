/* Membership statistics: one query over the organizations of a subtree with
 * their members counted per organization, rolled up here by walking each
 * organization up to the row it belongs to. */
#include "uniondesk/member_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "modutil.h"
#include "sqlbuf.h"
#include "db_int.h"

void ud_member_stats_row_add(struct ud_member_stats_row *s, const struct ud_member_stats_row *r)
{
    s->orgs += r->orgs;
    s->units_covered += r->units_covered;
    s->members += r->members;
    s->active += r->active;
    s->migrant += r->migrant;
    s->new_this_year += r->new_this_year;
}

void ud_member_stats_free(struct ud_member_stats *s)
{
    free(s->rows);
    s->rows = NULL;
    s->nrows = 0;
}

struct node {
    int64_t id, parent;
    int row; /* the row of a federation directly under the root; -1 otherwise */
    struct ud_member_stats_row r;
};

static int node_cmp(const void *a, const void *b)
{
    int64_t x = ((const struct node *)a)->id, y = ((const struct node *)b)->id;
    return x < y ? -1 : x > y;
}

static struct node *find(struct node *nodes, int n, int64_t id)
{
    struct node key;
    key.id = id;
    return bsearch(&key, nodes, (size_t)n, sizeof *nodes, node_cmp);
}

static int is_grassroots(const char *kind)
{
    return strcmp(kind, "enterprise_union") == 0 || strcmp(kind, "joint_union") == 0;
}

static int row_cmp(const void *a, const void *b)
{
    return strcmp(((const struct ud_member_stats_row *)a)->code, ((const struct ud_member_stats_row *)b)->code);
}

static const char members_select[] =
    "SELECT o.id, coalesce(o.parent_id, 0), o.code, o.name, o.kind, o.status, o.units_covered,"
    " coalesce(m.total, 0), coalesce(m.active, 0), coalesce(m.migrant, 0), coalesce(m.new, 0)"
    " FROM orgs o LEFT JOIN (SELECT org_id, count(*) AS total, sum(status = 'active') AS active,"
    " sum(status = 'active' AND is_migrant = 1) AS migrant, sum(join_date BETWEEN ?1 AND ?2) AS new"
    " FROM members GROUP BY org_id) m ON m.org_id = o.id WHERE ";

static int load(struct ud_db *db, int64_t root, const char *as_of, struct node **out, int *nout,
                struct ud_err *err)
{
    char jan1[UD_DATE_SZ];
    snprintf(jan1, sizeof jan1, "%.4s-01-01", as_of);
    struct ud_sqlbuf q;
    ud_sql_init(&q, members_select);
    ud_sql_text(&q, jan1);  /* ?1 */
    ud_sql_text(&q, as_of); /* ?2 */
    ud_org_subtree_cond(&q, "o.id", root);
    ud_sql_add(&q, " ORDER BY o.id");
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int cap = 64, n = 0, rc;
    struct node *nodes = malloc(sizeof *nodes * (size_t)cap);
    while (nodes && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            struct node *g = realloc(nodes, sizeof *nodes * (size_t)cap * 2);
            if (!g) {
                free(nodes);
                nodes = NULL;
                break;
            }
            nodes = g;
            cap *= 2;
        }
        struct node *nd = &nodes[n++];
        memset(nd, 0, sizeof *nd);
        nd->id = sqlite3_column_int64(st, 0);
        nd->parent = sqlite3_column_int64(st, 1);
        nd->row = -1;
        struct ud_member_stats_row *r = &nd->r;
        r->org_id = nd->id;
        ud_col_text(st, 2, r->code, sizeof r->code);
        ud_col_text(st, 3, r->name, sizeof r->name);
        ud_col_text(st, 4, r->kind, sizeof r->kind);
        ud_col_text(st, 5, r->status, sizeof r->status);
        if (is_grassroots(r->kind) && strcmp(r->status, "active") == 0) {
            r->orgs = 1;
            r->units_covered = sqlite3_column_int64(st, 6);
        }
        r->members = sqlite3_column_int64(st, 7);
        r->active = sqlite3_column_int64(st, 8);
        r->migrant = sqlite3_column_int64(st, 9);
        r->new_this_year = sqlite3_column_int64(st, 10);
    }
    sqlite3_finalize(st);
    if (!nodes)
        return ud_err_nomem(err);
    if (rc != SQLITE_DONE) {
        free(nodes);
        return ud_db_error(db, rc, err);
    }
    *out = nodes;
    *nout = n;
    return UD_OK;
}

int ud_member_stats(struct ud_db *db, int64_t root_id, const char *as_of, struct ud_member_stats *s,
                    struct ud_err *err)
{
    memset(s, 0, sizeof *s);
    snprintf(s->as_of, sizeof s->as_of, "%s", as_of);
    if (!root_id)
        root_id = ud_org_root(db);
    if (!root_id)
        return ud_err_set(err, UD_ERR_NOTFOUND, "%s", T("还没有任何工会组织", "there are no organizations yet"));
    struct node *nodes;
    int n;
    if (load(db, root_id, as_of, &nodes, &n, err) != UD_OK)
        return err->status;
    struct node *root = find(nodes, n, root_id);
    if (!root) {
        free(nodes);
        return ud_err_set(err, UD_ERR_NOTFOUND, "%s", T("找不到该组织", "no such organization"));
    }
    s->root_id = root_id;
    snprintf(s->root_code, sizeof s->root_code, "%s", root->r.code);
    snprintf(s->root_name, sizeof s->root_name, "%s", root->r.name);
    snprintf(s->root_kind, sizeof s->root_kind, "%s", root->r.kind);

    /* rows: the root's own, then each federation directly under it */
    int nrows = 1;
    for (int i = 0; i < n; i++)
        if (nodes[i].parent == root_id && nodes[i].id != root_id && !is_grassroots(nodes[i].r.kind))
            nrows++;
    s->rows = calloc((size_t)nrows, sizeof *s->rows);
    if (!s->rows) {
        free(nodes);
        return ud_err_nomem(err);
    }
    struct ud_member_stats_row *own = &s->rows[0];
    own->org_id = root_id;
    own->own = 1;
    snprintf(own->code, sizeof own->code, "%s", root->r.code);
    snprintf(own->name, sizeof own->name, "%s", root->r.name);
    snprintf(own->kind, sizeof own->kind, "%s", root->r.kind);
    snprintf(own->status, sizeof own->status, "%s", root->r.status);
    int k = 1;
    for (int i = 0; i < n; i++)
        if (nodes[i].parent == root_id && nodes[i].id != root_id && !is_grassroots(nodes[i].r.kind)) {
            s->rows[k] = nodes[i].r;
            s->rows[k].orgs = s->rows[k].units_covered = s->rows[k].members = s->rows[k].active = 0;
            s->rows[k].migrant = s->rows[k].new_this_year = 0;
            k++;
        }
    qsort(s->rows + 1, (size_t)(nrows - 1), sizeof *s->rows, row_cmp);
    for (int r = 1; r < nrows; r++)
        find(nodes, n, s->rows[r].org_id)->row = r;

    /* each organization counts in the row of its ancestor directly under
     * the root (or in the own row); the tree is shallow */
    for (int i = 0; i < n; i++) {
        struct node *cur = &nodes[i];
        int hops = 0;
        while (cur && cur->id != root_id && cur->parent != root_id && hops++ < 64)
            cur = find(nodes, n, cur->parent);
        if (!cur || hops >= 64)
            continue; /* not under the root: cannot happen in a tree */
        int row = cur->id == root_id || cur->row < 0 ? 0 : cur->row;
        ud_member_stats_row_add(&s->rows[row], &nodes[i].r);
    }
    free(nodes);

    /* a dissolved federation with nothing left in it is not worth a row */
    int m = 1;
    for (int r = 1; r < nrows; r++) {
        const struct ud_member_stats_row *x = &s->rows[r];
        if (strcmp(x->status, "active") != 0 && !x->orgs && !x->units_covered && !x->members)
            continue;
        s->rows[m++] = *x;
    }
    s->nrows = m;
    for (int r = 0; r < m; r++)
        ud_member_stats_row_add(&s->total, &s->rows[r]);
    return UD_OK;
}
