/* The filesystem options of a wb_config: quotas and host mounts, checked
 * when they are set so a bad one fails at the setter, not in wb_new(). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vfs_impl.h"

/* A guest mount point, normalised: "/a/b" (no "//", no trailing "/", no
 * "." or ".." components).  NULL when it is not an absolute path. */
static char *normal_guest(const char *g, char *msg, size_t msgsz)
{
    size_t n = strlen(g);
    if (g[0] != '/' || n > 1024) {
        snprintf(msg, msgsz, "mount point '%s' must be an absolute path in the sandbox, e.g. /data", g);
        return NULL;
    }
    char *out = malloc(n + 1);
    if (!out) {
        snprintf(msg, msgsz, "out of host memory");
        return NULL;
    }
    size_t k = 0;
    for (const char *p = g; *p;) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - p);
        if (!len)
            break;
        if ((len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.') || len > WB__VFS_MAX_NAME) {
            snprintf(msg, msgsz, "mount point '%s' has a '%.*s' component: give a plain absolute path", g,
                     (int)(len > 32 ? 32 : len), p);
            free(out);
            return NULL;
        }
        out[k++] = '/';
        memcpy(out + k, p, len);
        k += len;
        p = e;
    }
    out[k] = 0;
    static const char *const reserved[] = { "", "/workspace", "/tmp", "/tools" };
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
        if (!strcmp(out, reserved[i]) || (i == 3 && !strncmp(out, "/tools/", 7))) {
            snprintf(msg, msgsz, "mount point '%s' is not allowed: mount below /, /workspace or /tmp (e.g. /data "
                     "or /workspace/data), not on /, /workspace, /tmp or /tools", g);
            free(out);
            return NULL;
        }
    }
    return out;
}

int wb__fs_config_add_mount(wb__fs_config *c, const char *host, const char *guest, int writable, char *msg,
                            size_t msgsz)
{
    if (!host || !guest || !*host) {
        snprintf(msg, msgsz, "a mount needs a host folder and a mount point");
        return WB__VFS_EINVAL;
    }
    if (c->nmounts >= 64) {
        snprintf(msg, msgsz, "too many mounts: at most 64");
        return WB__VFS_EINVAL;
    }
    char *g = normal_guest(guest, msg, msgsz);
    if (!g)
        return WB__VFS_EINVAL;
    for (size_t i = 0; i < c->nmounts; i++) {
        size_t a = strlen(c->mounts[i].guest), b = strlen(g);
        size_t m = a < b ? a : b;
        if (!strncmp(c->mounts[i].guest, g, m) && (a == b || (a < b ? g[a] : c->mounts[i].guest[b]) == '/')) {
            snprintf(msg, msgsz, "mount point '%s' overlaps the mount at '%s': mounts may not nest", g,
                     c->mounts[i].guest);
            free(g);
            return WB__VFS_EINVAL;
        }
    }
    char *h = realpath(host, NULL);
    struct stat st;
    if (!h || stat(h, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(msg, msgsz, "mount: host folder '%s' %s", host,
                 !h ? strerror(errno) : "is not a directory (mount a folder, not a file)");
        free(h);
        free(g);
        return WB__VFS_EINVAL;
    }
    wb__vfs_mount *m = realloc(c->mounts, (c->nmounts + 1) * sizeof *m);
    if (!m) {
        free(h);
        free(g);
        snprintf(msg, msgsz, "out of host memory");
        return WB__VFS_ENOMEM;
    }
    c->mounts = m;
    m[c->nmounts].host = h;
    m[c->nmounts].guest = g;
    m[c->nmounts].writable = writable != 0;
    c->nmounts++;
    return 0;
}

int wb__fs_config_copy(wb__fs_config *dst, const wb__fs_config *src)
{
    *dst = *src;
    dst->mounts = NULL;
    dst->nmounts = 0;
    if (!src->nmounts)
        return 0;
    if (!(dst->mounts = calloc(src->nmounts, sizeof *dst->mounts)))
        return ENOMEM;
    for (size_t i = 0; i < src->nmounts; i++) {
        dst->mounts[i].host = strdup(src->mounts[i].host);
        dst->mounts[i].guest = strdup(src->mounts[i].guest);
        dst->mounts[i].writable = src->mounts[i].writable;
        dst->nmounts = i + 1;
        if (!dst->mounts[i].host || !dst->mounts[i].guest) {
            wb__fs_config_free(dst);
            return ENOMEM;
        }
    }
    return 0;
}

void wb__fs_config_free(wb__fs_config *c)
{
    for (size_t i = 0; i < c->nmounts; i++) {
        free(c->mounts[i].host);
        free(c->mounts[i].guest);
    }
    free(c->mounts);
    c->mounts = NULL;
    c->nmounts = 0;
}
