#include "faultvfs.h"

#include <sqlite3.h>
#include <stddef.h>
#include <string.h>

/* Each open file: our sqlite3_file, then the real one (szOsFile of ours
 * is ours plus the real VFS's). */
struct fv_file {
    sqlite3_file base;
    sqlite3_file *real;
};

static sqlite3_vfs fv_vfs;
static sqlite3_vfs *real_vfs;

static struct {
    int armed;
    enum fv_op op;
    int nth, rc, persistent;
    int calls[FV_NOPS];
    int injected;
} fv;

void fv_arm(enum fv_op op, int nth, int rc, int persistent)
{
    memset(fv.calls, 0, sizeof fv.calls);
    fv.injected = 0;
    fv.op = op;
    fv.nth = nth;
    fv.rc = rc;
    fv.persistent = persistent;
    fv.armed = 1;
}

void fv_disarm(void)
{
    fv.armed = 0;
}

int fv_calls(enum fv_op op)
{
    return fv.calls[op];
}

int fv_injected(void)
{
    return fv.injected;
}

/* Counts a call; non-zero (the error) when this one is to fail. */
static int fault(enum fv_op op)
{
    fv.calls[op]++;
    if (!fv.armed || op != fv.op)
        return 0;
    if (fv.calls[op] == fv.nth || (fv.persistent && fv.calls[op] > fv.nth)) {
        fv.injected++;
        return fv.rc;
    }
    return 0;
}

#define REAL(f) (((struct fv_file *)(f))->real)

static int fv_close(sqlite3_file *f)
{
    int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
    return rc;
}

static int fv_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int fv_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    int rc = fault(FV_WRITE);
    return rc ? rc : REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int fv_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    int rc = fault(FV_TRUNCATE);
    return rc ? rc : REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int fv_sync(sqlite3_file *f, int flags)
{
    int rc = fault(FV_SYNC);
    return rc ? rc : REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int fv_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int fv_lock(sqlite3_file *f, int l)
{
    return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int fv_unlock(sqlite3_file *f, int l)
{
    return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int fv_check_lock(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int fv_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int fv_sector(sqlite3_file *f)
{
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int fv_devchar(sqlite3_file *f)
{
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int fv_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}

static int fv_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void fv_shm_barrier(sqlite3_file *f)
{
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int fv_shm_unmap(sqlite3_file *f, int del)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int fv_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
    return REAL(f)->pMethods->xFetch(REAL(f), off, amt, pp);
}

static int fv_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods fv_methods = {
    3,           fv_close,     fv_read,     fv_write,       fv_truncate,    fv_sync,      fv_size,
    fv_lock,     fv_unlock,    fv_check_lock, fv_control,   fv_sector,      fv_devchar,   fv_shm_map,
    fv_shm_lock, fv_shm_barrier, fv_shm_unmap, fv_fetch,    fv_unfetch,
};

static int fv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
    (void)vfs;
    struct fv_file *p = (struct fv_file *)f;
    p->real = (sqlite3_file *)(p + 1);
    int rc = real_vfs->xOpen(real_vfs, name, p->real, flags, out_flags);
    /* SQLite calls xClose only when pMethods is set */
    p->base.pMethods = p->real->pMethods ? &fv_methods : NULL;
    return rc;
}

static int fv_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
    (void)vfs;
    return real_vfs->xDelete(real_vfs, name, sync);
}

static int fv_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    (void)vfs;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int fv_fullname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    (void)vfs;
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *fv_dlopen(sqlite3_vfs *vfs, const char *name)
{
    (void)vfs;
    return real_vfs->xDlOpen(real_vfs, name);
}

static void fv_dlerror(sqlite3_vfs *vfs, int n, char *msg)
{
    (void)vfs;
    real_vfs->xDlError(real_vfs, n, msg);
}

static void (*fv_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
    (void)vfs;
    return real_vfs->xDlSym(real_vfs, h, sym);
}

static void fv_dlclose(sqlite3_vfs *vfs, void *h)
{
    (void)vfs;
    real_vfs->xDlClose(real_vfs, h);
}

static int fv_random(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return real_vfs->xRandomness(real_vfs, n, out);
}

static int fv_sleep(sqlite3_vfs *vfs, int us)
{
    (void)vfs;
    return real_vfs->xSleep(real_vfs, us);
}

static int fv_time(sqlite3_vfs *vfs, double *t)
{
    (void)vfs;
    return real_vfs->xCurrentTime(real_vfs, t);
}

static int fv_last_error(sqlite3_vfs *vfs, int n, char *msg)
{
    (void)vfs;
    return real_vfs->xGetLastError(real_vfs, n, msg);
}

static int fv_time64(sqlite3_vfs *vfs, sqlite3_int64 *t)
{
    (void)vfs;
    return real_vfs->xCurrentTimeInt64(real_vfs, t);
}

int fv_register(void)
{
    if (real_vfs)
        return SQLITE_OK;
    int rc = sqlite3_initialize();
    if (rc != SQLITE_OK)
        return rc;
    real_vfs = sqlite3_vfs_find(NULL);
    if (!real_vfs)
        return SQLITE_ERROR;
    fv_vfs.iVersion = 2;
    fv_vfs.szOsFile = (int)sizeof(struct fv_file) + real_vfs->szOsFile;
    fv_vfs.mxPathname = real_vfs->mxPathname;
    fv_vfs.zName = "faultvfs";
    fv_vfs.xOpen = fv_open;
    fv_vfs.xDelete = fv_delete;
    fv_vfs.xAccess = fv_access;
    fv_vfs.xFullPathname = fv_fullname;
    fv_vfs.xDlOpen = fv_dlopen;
    fv_vfs.xDlError = fv_dlerror;
    fv_vfs.xDlSym = fv_dlsym;
    fv_vfs.xDlClose = fv_dlclose;
    fv_vfs.xRandomness = fv_random;
    fv_vfs.xSleep = fv_sleep;
    fv_vfs.xCurrentTime = fv_time;
    fv_vfs.xGetLastError = fv_last_error;
    fv_vfs.xCurrentTimeInt64 = fv_time64;
    return sqlite3_vfs_register(&fv_vfs, 1);
}
