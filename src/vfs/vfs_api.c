/* Whole-file access by absolute path for the host (wb_fs_*, the CLI's
 * --workspace): the same calls the guest makes, from the root. */
#include <stdlib.h>
#include <string.h>

#include "vfs_impl.h"

#define RIGHTS_RW ((1ull << 1) | (1ull << 6))
#define ALL_RIGHTS 0x1FFFFFFFull
#define ROOT WB__VFS_ROOT_FD

static const char *ename(int e)
{
    switch (e) {
    case WB__VFS_ENOENT: return "no such file or directory";
    case WB__VFS_EEXIST: return "already exists";
    case WB__VFS_ENOTDIR: return "a part of the path is not a directory";
    case WB__VFS_EISDIR: return "is a directory";
    case WB__VFS_ENOTEMPTY: return "directory not empty (remove it recursively)";
    case WB__VFS_EROFS: return "read-only (/tools, or a read-only mount)";
    case WB__VFS_EBUSY: return "a system folder or mount point, which cannot be removed";
    case WB__VFS_ENAMETOOLONG: return "name too long (255 bytes a name, 4096 a path)";
    case WB__VFS_ELOOP: return "too many symbolic links";
    case WB__VFS_ENOMEM: return "out of host memory";
    case WB__VFS_EINVAL: return "invalid path";
    case WB__VFS_EMFILE: return "too many open files in the sandbox";
    case WB__VFS_EACCES: return "outside the mounted folder";
    default: return "failed";
    }
}

/* Sets the message for e (quota messages are already set) and returns e. */
static int say(wb__vfs *v, int e, const char *what, const char *path)
{
    if (e && e != WB__VFS_ENOSPC && e != WB__VFS_EDQUOT)
        wb__vfs_seterr(v, "%s '%s': %s", what, path, ename(e));
    return e;
}

static int absolute(wb__vfs *v, const char *path, const char *what)
{
    if (!path || path[0] != '/') {
        wb__vfs_seterr(v, "%s '%s': give an absolute path in the sandbox, e.g. /workspace/data.csv", what,
                       path ? path : "(null)");
        return WB__VFS_EINVAL;
    }
    return 0;
}

int wb__vfs_mkdir(wb__vfs *v, const char *path, int parents)
{
    int e = absolute(v, path, "mkdir");
    if (e)
        return e;
    if (!parents) {
        e = wb__vfs_mkdirat(v, ROOT, path, strlen(path));
        return say(v, e, "mkdir", path);
    }
    size_t n = strlen(path);
    for (size_t i = 1; i <= n; i++) {
        if (i < n && path[i] != '/')
            continue;
        wb__vfs_stat st;
        if (wb__vfs_statat(v, ROOT, 1, path, i, &st) == 0) {
            if (st.filetype != WB__VFS_T_DIR)
                return say(v, WB__VFS_ENOTDIR, "mkdir", path);
            continue;
        }
        e = wb__vfs_mkdirat(v, ROOT, path, i);
        if (e && e != WB__VFS_EEXIST)
            return say(v, e, "mkdir", path);
    }
    return 0;
}

int wb__vfs_write_file(wb__vfs *v, const char *path, const void *data, size_t len, int mkdir_p)
{
    int e = absolute(v, path, "write");
    if (e)
        return e;
    if (mkdir_p) {
        const char *slash = strrchr(path, '/');
        if (slash > path) {
            char *dir = strndup(path, (size_t)(slash - path));
            if (!dir)
                return WB__VFS_ENOMEM;
            e = wb__vfs_mkdir(v, dir, 1);
            free(dir);
            if (e)
                return e;
        }
    }
    uint32_t fd;
    e = wb__vfs_open(v, ROOT, 1, path, strlen(path), 1 | 8, RIGHTS_RW, ALL_RIGHTS, 0, &fd);
    if (e)
        return say(v, e, "write", path);
    size_t put;
    e = len ? wb__vfs_write(v, fd, data, len, &put) : 0;
    wb__vfs_close(v, fd);
    return say(v, e, "write", path);
}

int wb__vfs_read_file(wb__vfs *v, const char *path, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    int e = absolute(v, path, "read");
    if (e)
        return e;
    uint32_t fd;
    e = wb__vfs_open(v, ROOT, 1, path, strlen(path), 0, 1ull << 1, ALL_RIGHTS, 0, &fd);
    if (e)
        return say(v, e, "read", path);
    wb__vfs_stat st;
    e = wb__vfs_fstat(v, fd, &st);
    if (!e && st.filetype == WB__VFS_T_DIR)
        e = WB__VFS_EISDIR;
    size_t cap = !e && st.size < SIZE_MAX / 2 ? (size_t)st.size + 1 : 1, n = 0;
    char *buf = e ? NULL : malloc(cap);
    if (!e && !buf)
        e = WB__VFS_ENOMEM;
    while (!e) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                e = WB__VFS_ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got;
        e = wb__vfs_read(v, fd, buf + n, cap - n - 1, &got);
        if (e || got == 0)
            break;
        n += got;
    }
    wb__vfs_close(v, fd);
    if (e) {
        free(buf);
        return say(v, e, "read", path);
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return 0;
}

/* The entries of an open directory fd: calls cb(name, len, type) for each
 * but "." and "..".  Stops at the first non-zero return. */
typedef int (*entry_fn)(void *ud, const char *name, size_t len, uint8_t type);
static int each_entry(wb__vfs *v, uint32_t fd, entry_fn cb, void *ud)
{
    unsigned char buf[8192];
    uint64_t cookie = 0;
    for (;;) {
        size_t used, i = 0;
        int e = wb__vfs_readdir(v, fd, buf, sizeof buf, cookie, &used);
        if (e || used == 0)
            return e;
        int whole = 0;
        while (i + 24 <= used) {
            uint32_t nl;
            memcpy(&nl, buf + i + 16, 4);
            if (i + 24 + nl > used)
                break;
            memcpy(&cookie, buf + i, 8);
            const char *name = (const char *)buf + i + 24;
            if (!((nl == 1 && name[0] == '.') || (nl == 2 && name[0] == '.' && name[1] == '.')) &&
                (e = cb(ud, name, nl, buf[i + 20])))
                return e;
            i += 24 + nl;
            whole++;
        }
        if (!whole)
            return WB__VFS_ENAMETOOLONG; /* one entry bigger than the buffer: cannot happen (255-byte names) */
        if (used < sizeof buf)
            return 0;
    }
}

typedef struct {
    char **names;
    size_t n, cap;
} name_list;

static int collect(void *ud, const char *name, size_t len, uint8_t type)
{
    name_list *l = ud;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **nn = realloc(l->names, cap * sizeof *nn);
        if (!nn)
            return WB__VFS_ENOMEM;
        l->names = nn;
        l->cap = cap;
    }
    char *s = malloc(len + 2);
    if (!s)
        return WB__VFS_ENOMEM;
    memcpy(s, name, len);
    s[len] = type == WB__VFS_T_DIR ? '/' : 0;
    s[len + 1] = 0;
    l->names[l->n++] = s;
    return 0;
}

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(wb__vfs *v, const char *path, size_t plen, name_list *l)
{
    memset(l, 0, sizeof *l);
    uint32_t fd;
    int e = wb__vfs_open(v, ROOT, 1, path, plen, 2, 1ull << 14, ALL_RIGHTS, 0, &fd);
    if (e)
        return e;
    e = each_entry(v, fd, collect, l);
    wb__vfs_close(v, fd);
    if (!e)
        qsort(l->names, l->n, sizeof *l->names, by_name);
    return e;
}

int wb__vfs_list(wb__vfs *v, const char *path, char **text, size_t *len)
{
    *text = NULL;
    *len = 0;
    int e = absolute(v, path, "list");
    if (e)
        return e;
    name_list l;
    e = list_dir(v, path, strlen(path), &l);
    size_t total = 1;
    for (size_t i = 0; !e && i < l.n; i++)
        total += strlen(l.names[i]) + 1;
    char *out = e ? NULL : malloc(total);
    if (!e && !out)
        e = WB__VFS_ENOMEM;
    if (!e) {
        size_t k = 0;
        for (size_t i = 0; i < l.n; i++) {
            size_t n = strlen(l.names[i]);
            memcpy(out + k, l.names[i], n);
            out[k + n] = '\n';
            k += n + 1;
        }
        out[k] = 0;
        *text = out;
        *len = k;
    }
    names_free(&l);
    return say(v, e, "list", path);
}

/* Removes path (length plen); recursive for directories.  depth bounds the
 * recursion (paths are at most 4096 bytes, so 2048 levels). */
static int remove_at(wb__vfs *v, char *path, size_t plen, int recursive, unsigned depth)
{
    wb__vfs_stat st;
    int e = wb__vfs_statat(v, ROOT, 0, path, plen, &st);
    if (e)
        return e;
    if (st.filetype != WB__VFS_T_DIR)
        return wb__vfs_unlinkat(v, ROOT, path, plen);
    if (recursive && depth < 2048) {
        name_list l;
        e = list_dir(v, path, plen, &l);
        for (size_t i = 0; !e && i < l.n; i++) {
            size_t n = strlen(l.names[i]);
            if (n && l.names[i][n - 1] == '/')
                n--;
            if (plen + 1 + n > WB__VFS_MAX_PATH) {
                e = WB__VFS_ENAMETOOLONG;
                break;
            }
            path[plen] = '/';
            memcpy(path + plen + 1, l.names[i], n);
            e = remove_at(v, path, plen + 1 + n, 1, depth + 1);
        }
        path[plen] = 0;
        names_free(&l);
        if (e)
            return e;
    }
    return wb__vfs_rmdirat(v, ROOT, path, plen);
}

int wb__vfs_remove(wb__vfs *v, const char *path, int recursive)
{
    int e = absolute(v, path, "remove");
    if (e)
        return e;
    size_t n = strlen(path);
    if (n > WB__VFS_MAX_PATH)
        return say(v, WB__VFS_ENAMETOOLONG, "remove", path);
    char *buf = malloc(WB__VFS_MAX_PATH + 2);
    if (!buf)
        return WB__VFS_ENOMEM;
    memcpy(buf, path, n + 1);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = 0;
    e = remove_at(v, buf, n, recursive, 0);
    free(buf);
    return say(v, e, "remove", path);
}

/* ---------------------------------------------------------------- walk */

typedef struct {
    wb__vfs *v;
    wb__vfs_walk_fn cb;
    void *ud;
    char *path; /* absolute, with room for WB__VFS_MAX_PATH */
    size_t root_len;
} walk_state;

static int walk_dir(walk_state *w, size_t plen, unsigned depth)
{
    name_list l;
    int e = list_dir(w->v, plen ? w->path : "/", plen ? plen : 1, &l);
    for (size_t i = 0; !e && i < l.n; i++) {
        size_t n = strlen(l.names[i]);
        int is_dir = n && l.names[i][n - 1] == '/';
        if (is_dir)
            n--;
        if (plen + 1 + n > WB__VFS_MAX_PATH)
            continue;
        w->path[plen] = '/';
        memcpy(w->path + plen + 1, l.names[i], n);
        w->path[plen + 1 + n] = 0;
        const char *rel = w->path + w->root_len + 1;
        wb__vfs_stat st;
        if (wb__vfs_statat(w->v, ROOT, 0, w->path, plen + 1 + n, &st))
            continue;
        if (st.filetype == WB__VFS_T_DIR) {
            e = w->cb(w->ud, rel, WB__VFS_T_DIR, NULL, 0);
            if (!e && depth < 2048)
                e = walk_dir(w, plen + 1 + n, depth + 1);
        } else if (st.filetype == WB__VFS_T_FILE) {
            char *data;
            size_t len;
            e = wb__vfs_read_file(w->v, w->path, &data, &len);
            if (!e)
                e = w->cb(w->ud, rel, WB__VFS_T_FILE, data, len);
            free(data);
        } else if (st.filetype == WB__VFS_T_SYMLINK) {
            char target[WB__VFS_MAX_PATH];
            size_t used;
            if (!wb__vfs_readlinkat(w->v, ROOT, w->path, plen + 1 + n, target, sizeof target, &used))
                e = w->cb(w->ud, rel, WB__VFS_T_SYMLINK, target, used);
        }
    }
    w->path[plen] = 0;
    names_free(&l);
    return e;
}

int wb__vfs_walk(wb__vfs *v, const char *root, wb__vfs_walk_fn cb, void *ud)
{
    int e = absolute(v, root, "walk");
    if (e)
        return e;
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        n--;
    if (n > WB__VFS_MAX_PATH)
        return WB__VFS_ENAMETOOLONG;
    walk_state w = { v, cb, ud, malloc(WB__VFS_MAX_PATH + 2), n == 1 ? 0 : n };
    if (!w.path)
        return WB__VFS_ENOMEM;
    memcpy(w.path, root, n);
    w.path[n] = 0;
    e = walk_dir(&w, n == 1 ? 0 : n, 0);
    free(w.path);
    return e;
}
