/* The organization tree's first opening (issue 10: ≤ 50 ms at scale 3):
 * each run is a fresh process (forked before SQLite is touched) that opens
 * the database and times its first ud_org_tree call, statement
 * preparation included, as the screen's first opening pays it. Prints
 * `org_tree_first_ms <median>` (and the node count and runs on stderr).
 * Usage: org_tree DB [RUNS] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "uniondesk/db.h"
#include "uniondesk/org.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* In the child: open, time the first tree, write "ms nodes" to fd. */
static int one_run(const char *path, int fd)
{
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_db_open(&db, path, 0, &err) != UD_OK) {
        fprintf(stderr, "org_tree: %s\n", err.msg);
        return 66;
    }
    struct ud_org_node *nodes;
    int n;
    double t0 = now_ms();
    int st = ud_org_tree(db, &nodes, &n, &err);
    double ms = now_ms() - t0;
    if (st != UD_OK) {
        fprintf(stderr, "org_tree: %s\n", err.msg);
        ud_db_close(db);
        return 70;
    }
    free(nodes);
    ud_db_close(db);
    char line[64];
    int len = snprintf(line, sizeof line, "%.3f %d\n", ms, n);
    return write(fd, line, (size_t)len) == len ? 0 : 74;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: org_tree DB [RUNS]\n");
        return 64;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 7;
    if (runs < 1 || runs > 101)
        runs = 7;
    double ms[101];
    int nodes = 0;
    for (int r = 0; r < runs; r++) {
        int p[2];
        if (pipe(p) != 0)
            return 71;
        pid_t pid = fork();
        if (pid < 0)
            return 71;
        if (pid == 0) {
            close(p[0]);
            _exit(one_run(argv[1], p[1]));
        }
        close(p[1]);
        char buf[64] = {0};
        ssize_t got = read(p[0], buf, sizeof buf - 1);
        close(p[0]);
        int status;
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || got <= 0 ||
            sscanf(buf, "%lf %d", &ms[r], &nodes) != 2)
            return 70;
    }
    qsort(ms, (size_t)runs, sizeof ms[0], cmp_double);
    fprintf(stderr, "org_tree: %d nodes, %d fresh processes, fastest %.1f ms, slowest %.1f ms\n", nodes, runs, ms[0],
            ms[runs - 1]);
    printf("org_tree_first_ms %.1f\n", runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2);
    return 0;
}
