/* wb_fs_*: the embedder's way to put files into a sandbox and take them
 * out (include/wasmbox.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_impl.h"
#include "vfs_sandbox.h"

static wb_status done(int e, const wb__vfs *v, char *err, size_t errsz)
{
    if (!e)
        return WB_OK;
    snprintf(err, errsz, "%s", wb__vfs_errmsg(v));
    return e == WB__VFS_ENOMEM ? WB_ENOMEM : WB_EINVAL;
}

wb_status wb_fs_write(wb_sandbox *sb, const char *path, const void *data, size_t len)
{
    wb__vfs *v;
    char *err;
    size_t errsz;
    wb_status st = wb__sandbox_fs(sb, &v, &err, &errsz);
    if (st != WB_OK)
        return st;
    if (!path || (!data && len))
        return WB_EMISUSE;
    return done(wb__vfs_write_file(v, path, data ? data : "", len, 1), v, err, errsz);
}

wb_status wb_fs_read(wb_sandbox *sb, const char *path, char **data, size_t *len)
{
    if (data)
        *data = NULL;
    if (len)
        *len = 0;
    wb__vfs *v;
    char *err;
    size_t errsz;
    wb_status st = wb__sandbox_fs(sb, &v, &err, &errsz);
    if (st != WB_OK)
        return st;
    if (!path || !data)
        return WB_EMISUSE;
    size_t n;
    st = done(wb__vfs_read_file(v, path, data, &n), v, err, errsz);
    if (len)
        *len = n;
    return st;
}

wb_status wb_fs_mkdir(wb_sandbox *sb, const char *path)
{
    wb__vfs *v;
    char *err;
    size_t errsz;
    wb_status st = wb__sandbox_fs(sb, &v, &err, &errsz);
    if (st != WB_OK)
        return st;
    if (!path)
        return WB_EMISUSE;
    return done(wb__vfs_mkdir(v, path, 1), v, err, errsz);
}

wb_status wb_fs_remove(wb_sandbox *sb, const char *path, int recursive)
{
    wb__vfs *v;
    char *err;
    size_t errsz;
    wb_status st = wb__sandbox_fs(sb, &v, &err, &errsz);
    if (st != WB_OK)
        return st;
    if (!path)
        return WB_EMISUSE;
    return done(wb__vfs_remove(v, path, recursive), v, err, errsz);
}

wb_status wb_fs_list(wb_sandbox *sb, const char *path, char **text, size_t *len)
{
    if (text)
        *text = NULL;
    if (len)
        *len = 0;
    wb__vfs *v;
    char *err;
    size_t errsz;
    wb_status st = wb__sandbox_fs(sb, &v, &err, &errsz);
    if (st != WB_OK)
        return st;
    if (!path || !text)
        return WB_EMISUSE;
    size_t n;
    st = done(wb__vfs_list(v, path, text, &n), v, err, errsz);
    if (len)
        *len = n;
    return st;
}

void wb_fs_free(void *p)
{
    free(p);
}
