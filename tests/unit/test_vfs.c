/* The in-memory VFS (src/vfs/) through the calls the WASI layer makes:
 * path resolution, open flags, read/write/seek, readdir cookies, rename
 * edge cases, quotas, run transactions, save/load and clone. */
#include <errno.h>

#include "unit.h"
#include "vfs/vfs.h"

#define ROOT 3u
#define FOLLOW 1u
#define R_READ (1ull << 1)
#define R_WRITE (1ull << 6)
#define ALL 0x1FFFFFFFull
#define O_CREAT_ 1u
#define O_DIR_ 2u
#define O_EXCL_ 4u
#define O_TRUNC_ 8u

static wb__vfs *mk(uint64_t qbytes, uint64_t qfiles)
{
    wb__vfs_opts o = { .quota_bytes = qbytes, .quota_files = qfiles, .fixed_clock = 1, .clock_ms = 1000 };
    wb__vfs *v = NULL;
    char msg[256];
    assert_int_equal(wb__vfs_new(&o, &v, msg, sizeof msg), 0);
    return v;
}

static int op(wb__vfs *v, const char *path, uint32_t oflags, uint64_t rights, uint32_t fdflags, uint32_t *fd)
{
    return wb__vfs_open(v, ROOT, FOLLOW, path, strlen(path), oflags, rights, ALL, fdflags, fd);
}

static void put(wb__vfs *v, const char *path, const char *text)
{
    uint32_t fd;
    size_t n;
    assert_int_equal(op(v, path, O_CREAT_ | O_TRUNC_, R_READ | R_WRITE, 0, &fd), 0);
    assert_int_equal(wb__vfs_write(v, fd, text, strlen(text), &n), 0);
    assert_int_equal(n, strlen(text));
    assert_int_equal(wb__vfs_close(v, fd), 0);
}

/* The file's contents as a string (static buffer: tests only). */
static const char *get(wb__vfs *v, const char *path)
{
    static char buf[4096];
    uint32_t fd;
    size_t n;
    if (op(v, path, 0, R_READ, 0, &fd))
        return "<missing>";
    assert_int_equal(wb__vfs_read(v, fd, buf, sizeof buf - 1, &n), 0);
    buf[n] = 0;
    wb__vfs_close(v, fd);
    return buf;
}

static int mkd(wb__vfs *v, const char *p) { return wb__vfs_mkdirat(v, ROOT, p, strlen(p)); }
static int rmd(wb__vfs *v, const char *p) { return wb__vfs_rmdirat(v, ROOT, p, strlen(p)); }
static int unl(wb__vfs *v, const char *p) { return wb__vfs_unlinkat(v, ROOT, p, strlen(p)); }
static int ren(wb__vfs *v, const char *a, const char *b)
{
    return wb__vfs_renameat(v, ROOT, a, strlen(a), ROOT, b, strlen(b));
}
static int st(wb__vfs *v, const char *p, uint32_t flags, wb__vfs_stat *s)
{
    return wb__vfs_statat(v, ROOT, flags, p, strlen(p), s);
}

static void test_layout(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    wb__vfs_stat s;
    const char *name;
    size_t len;
    assert_int_equal(wb__vfs_prestat(v, 3, &name, &len), 0);
    assert_memory_equal(name, "/", 1);
    assert_int_equal(wb__vfs_prestat(v, 4, &name, &len), WB__VFS_EBADF);
    assert_int_equal(st(v, "workspace", FOLLOW, &s), 0);
    assert_int_equal(s.filetype, WB__VFS_T_DIR);
    assert_int_equal(st(v, "tmp", FOLLOW, &s), 0);
    assert_int_equal(st(v, "tools/README.md", FOLLOW, &s), 0);
    assert_int_equal(s.filetype, WB__VFS_T_FILE);
    /* /tools is read-only; the system folders cannot go. */
    uint32_t fd;
    assert_int_equal(op(v, "tools/x", O_CREAT_, R_WRITE, 0, &fd), WB__VFS_EROFS);
    assert_int_equal(op(v, "tools/README.md", 0, R_WRITE, 0, &fd), WB__VFS_EROFS);
    assert_int_equal(unl(v, "tools/README.md"), WB__VFS_EROFS);
    assert_int_equal(rmd(v, "workspace"), WB__VFS_EBUSY);
    assert_int_equal(ren(v, "tmp", "workspace/t"), WB__VFS_EBUSY);
    uint64_t b, f;
    wb__vfs_usage(v, &b, &f);
    assert_int_equal(b, 0);
    assert_int_equal(f, 0);
    wb__vfs_free(v);
}

static void test_paths(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    wb__vfs_stat s;
    assert_int_equal(mkd(v, "workspace/a"), 0);
    assert_int_equal(mkd(v, "workspace/a/b"), 0);
    put(v, "workspace/a/b/f", "hi");
    assert_string_equal(get(v, "workspace/./a//b/../b/f"), "hi");
    assert_string_equal(get(v, "/workspace/a/b/f"), "hi");
    /* ".." stops at the root. */
    assert_string_equal(get(v, "../../workspace/a/b/f"), "hi");
    assert_int_equal(st(v, "workspace/a/b/f/", FOLLOW, &s), WB__VFS_ENOTDIR);
    assert_int_equal(st(v, "workspace/a/b/f/x", FOLLOW, &s), WB__VFS_ENOTDIR);
    assert_int_equal(st(v, "workspace/nope/x", FOLLOW, &s), WB__VFS_ENOENT);
    assert_int_equal(st(v, "", FOLLOW, &s), WB__VFS_ENOENT);
    assert_int_equal(st(v, "workspace/a\0b", FOLLOW, &s), 0); /* length stops at the NUL */
    assert_int_equal(wb__vfs_statat(v, ROOT, FOLLOW, "work\0space", 10, &s), WB__VFS_EINVAL);
    char big[300];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(st(v, big, FOLLOW, &s), WB__VFS_ENAMETOOLONG);
    /* Symlinks: relative, absolute, dangling, loops, NOFOLLOW. */
    assert_int_equal(wb__vfs_symlinkat(v, "b/f", 3, ROOT, "workspace/a/l", 13), 0);
    assert_string_equal(get(v, "workspace/a/l"), "hi");
    assert_int_equal(wb__vfs_symlinkat(v, "/workspace/a", 12, ROOT, "tmp/abs", 7), 0);
    assert_string_equal(get(v, "tmp/abs/b/f"), "hi");
    assert_int_equal(st(v, "tmp/abs", 0, &s), 0);
    assert_int_equal(s.filetype, WB__VFS_T_SYMLINK);
    assert_int_equal(s.size, 12);
    assert_int_equal(st(v, "tmp/abs", FOLLOW, &s), 0);
    assert_int_equal(s.filetype, WB__VFS_T_DIR);
    assert_int_equal(wb__vfs_symlinkat(v, "loop", 4, ROOT, "tmp/loop", 8), 0);
    assert_int_equal(st(v, "tmp/loop", FOLLOW, &s), WB__VFS_ELOOP);
    assert_int_equal(wb__vfs_symlinkat(v, "nowhere", 7, ROOT, "tmp/dang", 8), 0);
    assert_int_equal(st(v, "tmp/dang", FOLLOW, &s), WB__VFS_ENOENT);
    uint32_t fd;
    assert_int_equal(wb__vfs_open(v, ROOT, 0, "tmp/abs", 7, 0, R_READ, ALL, 0, &fd), WB__VFS_ELOOP);
    /* Creating through a dangling link creates its target. */
    assert_int_equal(op(v, "tmp/dang", O_CREAT_, R_WRITE, 0, &fd), 0);
    wb__vfs_close(v, fd);
    assert_int_equal(st(v, "tmp/nowhere", FOLLOW, &s), 0);
    char buf[64];
    size_t n;
    assert_int_equal(wb__vfs_readlinkat(v, ROOT, "tmp/abs", 7, buf, sizeof buf, &n), 0);
    assert_int_equal(n, 12);
    assert_memory_equal(buf, "/workspace/a", 12);
    assert_int_equal(wb__vfs_readlinkat(v, ROOT, "tmp", 3, buf, sizeof buf, &n), WB__VFS_EINVAL);
    /* A directory fd as the base of relative paths. */
    uint32_t dfd;
    assert_int_equal(op(v, "workspace/a", O_DIR_, R_READ, 0, &dfd), 0);
    assert_int_equal(wb__vfs_statat(v, dfd, FOLLOW, "b/f", 3, &s), 0);
    assert_int_equal(s.size, 2);
    assert_int_equal(wb__vfs_statat(v, 99, FOLLOW, "b/f", 3, &s), WB__VFS_EBADF);
    wb__vfs_free(v);
}

static void test_open_flags(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    uint32_t fd, fd2;
    size_t n;
    char buf[32];
    assert_int_equal(op(v, "workspace/f", 0, R_READ, 0, &fd), WB__VFS_ENOENT);
    assert_int_equal(op(v, "workspace/f", O_CREAT_ | O_EXCL_, R_WRITE, 0, &fd), 0);
    assert_int_equal(fd, 4);
    assert_int_equal(op(v, "workspace/f", O_CREAT_ | O_EXCL_, R_WRITE, 0, &fd2), WB__VFS_EEXIST);
    assert_int_equal(wb__vfs_write(v, fd, "hello", 5, &n), 0);
    assert_int_equal(wb__vfs_read(v, fd, buf, sizeof buf, &n), WB__VFS_EBADF); /* write-only */
    wb__vfs_close(v, fd);
    assert_int_equal(wb__vfs_close(v, fd), WB__VFS_EBADF);
    /* append */
    assert_int_equal(op(v, "workspace/f", 0, R_WRITE, 1, &fd), 0);
    assert_int_equal(wb__vfs_write(v, fd, " you", 4, &n), 0);
    wb__vfs_close(v, fd);
    assert_string_equal(get(v, "workspace/f"), "hello you");
    /* trunc */
    assert_int_equal(op(v, "workspace/f", O_TRUNC_, R_WRITE, 0, &fd), 0);
    wb__vfs_close(v, fd);
    assert_string_equal(get(v, "workspace/f"), "");
    assert_int_equal(op(v, "workspace", 0, R_WRITE, 0, &fd), WB__VFS_EISDIR);
    assert_int_equal(op(v, "workspace/f", O_DIR_, R_READ, 0, &fd), WB__VFS_ENOTDIR);
    assert_int_equal(op(v, "workspace/new/", O_CREAT_, R_WRITE, 0, &fd), WB__VFS_EISDIR);
    assert_int_equal(op(v, "workspace/no/such", O_CREAT_, R_WRITE, 0, &fd), WB__VFS_ENOENT);
    /* read on a directory */
    assert_int_equal(op(v, "workspace", O_DIR_, R_READ, 0, &fd), 0);
    assert_int_equal(wb__vfs_read(v, fd, buf, sizeof buf, &n), WB__VFS_EISDIR);
    wb__vfs_close(v, fd);
    wb__vfs_free(v);
}

static void test_rw_seek(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    uint32_t fd;
    size_t n;
    uint64_t pos;
    char buf[32];
    wb__vfs_stat s;
    assert_int_equal(op(v, "tmp/f", O_CREAT_, R_READ | R_WRITE, 0, &fd), 0);
    assert_int_equal(wb__vfs_write(v, fd, "abcdef", 6, &n), 0);
    assert_int_equal(wb__vfs_seek(v, fd, 2, 0, &pos), 0);
    assert_int_equal(wb__vfs_read(v, fd, buf, 3, &n), 0);
    assert_int_equal(n, 3);
    assert_memory_equal(buf, "cde", 3);
    assert_int_equal(wb__vfs_seek(v, fd, 0, 1, &pos), 0);
    assert_int_equal(pos, 5);
    assert_int_equal(wb__vfs_seek(v, fd, -1, 2, &pos), 0);
    assert_int_equal(pos, 5);
    assert_int_equal(wb__vfs_seek(v, fd, -10, 1, &pos), WB__VFS_EINVAL);
    assert_int_equal(wb__vfs_seek(v, fd, 0, 9, &pos), WB__VFS_EINVAL);
    /* A write past the end leaves a zero-filled hole. */
    assert_int_equal(wb__vfs_pwrite(v, fd, "Z", 1, 10, &n), 0);
    assert_int_equal(wb__vfs_fstat(v, fd, &s), 0);
    assert_int_equal(s.size, 11);
    assert_int_equal(wb__vfs_pread(v, fd, buf, 32, 4, &n), 0);
    assert_int_equal(n, 7);
    assert_memory_equal(buf, "ef\0\0\0\0Z", 7);
    assert_int_equal(wb__vfs_pread(v, fd, buf, 32, 100, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(wb__vfs_ftruncate(v, fd, 3), 0);
    assert_int_equal(wb__vfs_fstat(v, fd, &s), 0);
    assert_int_equal(s.size, 3);
    assert_int_equal(s.mtim, 1000000000ull); /* the fixed clock */
    assert_int_equal(wb__vfs_futimes(v, fd, 5, 7, 1 | 4), 0);
    assert_int_equal(wb__vfs_fstat(v, fd, &s), 0);
    assert_int_equal(s.atim, 5);
    assert_int_equal(s.mtim, 7);
    assert_int_equal(wb__vfs_futimes(v, fd, 5, 7, 1 | 2), WB__VFS_EINVAL);
    /* Unlinked while open: readable until closed. */
    assert_int_equal(unl(v, "tmp/f"), 0);
    assert_int_equal(wb__vfs_pread(v, fd, buf, 32, 0, &n), 0);
    assert_int_equal(n, 3);
    uint64_t files;
    wb__vfs_usage(v, NULL, &files);
    assert_int_equal(files, 1);
    wb__vfs_close(v, fd);
    wb__vfs_usage(v, NULL, &files);
    assert_int_equal(files, 0);
    wb__vfs_free(v);
}

/* Parses WASI dirents; appends "name," for each, returns the last cookie. */
static uint64_t names(const unsigned char *b, size_t used, char *out, size_t outsz, size_t *count)
{
    uint64_t last = 0;
    size_t i = 0;
    while (i + 24 <= used) {
        uint32_t nl;
        memcpy(&last, b + i, 8);
        memcpy(&nl, b + i + 16, 4);
        if (i + 24 + nl > used)
            break;
        size_t k = strlen(out);
        snprintf(out + k, outsz - k, "%.*s,", (int)nl, (const char *)b + i + 24);
        (*count)++;
        i += 24 + nl;
    }
    return last;
}

static void test_readdir(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    put(v, "workspace/b", "");
    put(v, "workspace/a", "");
    assert_int_equal(mkd(v, "workspace/c"), 0);
    uint32_t fd;
    unsigned char buf[4096];
    size_t used, count = 0;
    char list[1024] = "";
    assert_int_equal(op(v, "workspace", O_DIR_, R_READ, 0, &fd), 0);
    assert_int_equal(wb__vfs_readdir(v, fd, buf, sizeof buf, 0, &used), 0);
    names(buf, used, list, sizeof list, &count);
    assert_string_equal(list, ".,..,b,a,c,");
    /* Cookies survive removals and additions between calls: a small
     * buffer forces one entry per call. */
    for (int i = 0; i < 40; i++) {
        char p[32];
        snprintf(p, sizeof p, "workspace/f%02d", i);
        put(v, p, "x");
    }
    uint64_t cookie = 0;
    count = 0;
    list[0] = 0;
    for (int round = 0; round < 200; round++) {
        assert_int_equal(wb__vfs_readdir(v, fd, buf, 40, cookie, &used), 0);
        if (used == 0)
            break;
        size_t before = count;
        uint64_t c = names(buf, used, list, sizeof list, &count);
        if (count == before)
            break; /* cut short: would need a bigger buffer */
        cookie = c;
        if (round == 10) {
            /* delete entries already seen and still to come */
            assert_int_equal(unl(v, "workspace/b"), 0);
            assert_int_equal(unl(v, "workspace/f30"), 0);
        }
    }
    assert_int_equal(count, 2 + 3 + 40 - 1);
    assert_null(strstr(list, "f30,"));
    assert_non_null(strstr(list, "f39,"));
    /* A buffer too small for one entry gets a cut entry (used == size). */
    assert_int_equal(wb__vfs_readdir(v, fd, buf, 10, 0, &used), 0);
    assert_int_equal(used, 10);
    wb__vfs_close(v, fd);
    wb__vfs_free(v);
}

static void test_mkdir_rmdir_unlink(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    assert_int_equal(mkd(v, "workspace/d"), 0);
    assert_int_equal(mkd(v, "workspace/d"), WB__VFS_EEXIST);
    assert_int_equal(mkd(v, "workspace/d/."), WB__VFS_EEXIST);
    assert_int_equal(mkd(v, "workspace/x/y"), WB__VFS_ENOENT);
    assert_int_equal(mkd(v, "tools/d"), WB__VFS_EROFS);
    put(v, "workspace/d/f", "1");
    assert_int_equal(rmd(v, "workspace/d"), WB__VFS_ENOTEMPTY);
    assert_int_equal(rmd(v, "workspace/d/f"), WB__VFS_ENOTDIR);
    assert_int_equal(unl(v, "workspace/d"), WB__VFS_EISDIR);
    assert_int_equal(rmd(v, "workspace/d/."), WB__VFS_EINVAL);
    assert_int_equal(unl(v, "workspace/d/f"), 0);
    assert_int_equal(unl(v, "workspace/d/f"), WB__VFS_ENOENT);
    assert_int_equal(rmd(v, "workspace/d/"), 0);
    assert_int_equal(rmd(v, "workspace/d"), WB__VFS_ENOENT);
    /* unlink removes a symlink, not its target */
    put(v, "tmp/t", "T");
    assert_int_equal(wb__vfs_symlinkat(v, "t", 1, ROOT, "tmp/l", 5), 0);
    assert_int_equal(unl(v, "tmp/l"), 0);
    assert_string_equal(get(v, "tmp/t"), "T");
    wb__vfs_free(v);
}

static void test_rename(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    put(v, "workspace/a", "A");
    put(v, "workspace/b", "B");
    assert_int_equal(ren(v, "workspace/a", "workspace/b"), 0); /* over an existing file */
    assert_string_equal(get(v, "workspace/b"), "A");
    assert_string_equal(get(v, "workspace/a"), "<missing>");
    assert_int_equal(ren(v, "workspace/b", "workspace/b"), 0);
    assert_int_equal(ren(v, "workspace/nope", "workspace/c"), WB__VFS_ENOENT);
    assert_int_equal(mkd(v, "workspace/d"), 0);
    assert_int_equal(mkd(v, "workspace/e"), 0);
    put(v, "workspace/d/in", "I");
    assert_int_equal(ren(v, "workspace/b", "workspace/d"), WB__VFS_EISDIR);
    assert_int_equal(ren(v, "workspace/d", "workspace/b"), WB__VFS_ENOTDIR);
    assert_int_equal(ren(v, "workspace/e", "workspace/d"), WB__VFS_ENOTEMPTY);
    assert_int_equal(ren(v, "workspace/d", "workspace/d/sub"), WB__VFS_EINVAL);
    assert_int_equal(ren(v, "workspace/d", "workspace/e"), 0); /* over an empty dir */
    assert_string_equal(get(v, "workspace/e/in"), "I");
    assert_int_equal(ren(v, "workspace/e", "tmp/moved"), 0);
    assert_string_equal(get(v, "tmp/moved/../moved/in"), "I");
    assert_int_equal(ren(v, "tmp/moved", "tools/x"), WB__VFS_EROFS);
    assert_int_equal(ren(v, "workspace/b", "workspace/b/"), WB__VFS_ENOTDIR);
    wb__vfs_free(v);
}

static void test_quota(void **state)
{
    (void)state;
    wb__vfs *v = mk(100, 5);
    uint32_t fd;
    size_t n;
    char big[200];
    memset(big, 'x', sizeof big);
    assert_int_equal(op(v, "workspace/f", O_CREAT_, R_WRITE, 0, &fd), 0);
    assert_int_equal(wb__vfs_write(v, fd, big, 60, &n), 0);
    assert_int_equal(wb__vfs_write(v, fd, big, 60, &n), WB__VFS_ENOSPC);
    assert_non_null(strstr(wb__vfs_errmsg(v), "quota of 100 bytes"));
    assert_int_equal(wb__vfs_ftruncate(v, fd, 1000), WB__VFS_ENOSPC);
    assert_int_equal(wb__vfs_ftruncate(v, fd, 10), 0);
    assert_int_equal(wb__vfs_pwrite(v, fd, big, 60, 10, &n), 0); /* room again */
    wb__vfs_close(v, fd);
    for (int i = 0; i < 4; i++) {
        char p[32];
        snprintf(p, sizeof p, "tmp/%d", i);
        assert_int_equal(op(v, p, O_CREAT_, R_WRITE, 0, &fd), 0);
        wb__vfs_close(v, fd);
    }
    assert_int_equal(op(v, "tmp/5", O_CREAT_, R_WRITE, 0, &fd), WB__VFS_EDQUOT);
    assert_int_equal(mkd(v, "tmp/d"), WB__VFS_EDQUOT);
    assert_non_null(strstr(wb__vfs_errmsg(v), "file quota"));
    assert_int_equal(unl(v, "tmp/0"), 0);
    assert_int_equal(mkd(v, "tmp/d"), 0);
    uint64_t b, f;
    wb__vfs_usage(v, &b, &f);
    assert_int_equal(b, 70);
    assert_int_equal(f, 5);
    wb__vfs_free(v);
}

static void test_many_files(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 20000);
    char p[64];
    for (int i = 0; i < 10000; i++) {
        snprintf(p, sizeof p, "workspace/file-%05d", i);
        uint32_t fd;
        assert_int_equal(op(v, p, O_CREAT_ | O_EXCL_, R_WRITE, 0, &fd), 0);
        wb__vfs_close(v, fd);
    }
    wb__vfs_stat s;
    assert_int_equal(st(v, "workspace/file-07777", FOLLOW, &s), 0);
    for (int i = 0; i < 10000; i += 2) {
        snprintf(p, sizeof p, "workspace/file-%05d", i);
        assert_int_equal(unl(v, p), 0);
    }
    assert_int_equal(st(v, "workspace/file-07777", FOLLOW, &s), 0);
    assert_int_equal(st(v, "workspace/file-07778", FOLLOW, &s), WB__VFS_ENOENT);
    uint64_t f;
    wb__vfs_usage(v, NULL, &f);
    assert_int_equal(f, 5000);
    wb__vfs_free(v);
}

static void test_transaction(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    put(v, "workspace/keep", "old");
    uint32_t fd, fd2;
    size_t n;
    assert_int_equal(op(v, "workspace/keep", 0, R_READ, 0, &fd), 0);
    /* A run that changes things and is rolled back. */
    wb__vfs_begin(v);
    put(v, "workspace/keep", "new");
    put(v, "workspace/added", "x");
    assert_int_equal(op(v, "tmp/o", O_CREAT_, R_WRITE, 0, &fd2), 0);
    assert_int_equal(wb__vfs_close(v, fd), 0);
    wb__vfs_rollback(v);
    assert_string_equal(get(v, "workspace/keep"), "old");
    assert_string_equal(get(v, "workspace/added"), "<missing>");
    char buf[8];
    assert_int_equal(wb__vfs_read(v, fd, buf, sizeof buf, &n), 0); /* fd open again */
    assert_int_equal(n, 3);
    assert_int_equal(wb__vfs_close(v, fd2), WB__VFS_EBADF);
    /* Back to the template's memory: only the preopen stays open. */
    assert_int_equal(op(v, "workspace/keep", 0, R_READ, 0, &fd2), 0);
    wb__vfs_close_fds(v);
    assert_int_equal(wb__vfs_close(v, fd), WB__VFS_EBADF);
    assert_int_equal(wb__vfs_close(v, fd2), WB__VFS_EBADF);
    const char *pre;
    size_t plen;
    assert_int_equal(wb__vfs_prestat(v, 3, &pre, &plen), 0);
    /* A committed run keeps its changes. */
    wb__vfs_begin(v);
    put(v, "workspace/keep", "newer");
    wb__vfs_commit(v);
    assert_string_equal(get(v, "workspace/keep"), "newer");
    wb__vfs_free(v);
}


/* A tree with every kind of node, an open fd and an unlinked open file. */
static void populate(wb__vfs *v, uint32_t *held)
{
    assert_int_equal(mkd(v, "workspace/d"), 0);
    assert_int_equal(mkd(v, "workspace/d/e"), 0);
    put(v, "workspace/d/e/f", "deep");
    put(v, "workspace/a", "alpha");
    put(v, "tmp/gone", "still open");
    assert_int_equal(wb__vfs_symlinkat(v, "d/e/f", 5, ROOT, "workspace/l", 11), 0);
    assert_int_equal(op(v, "tmp/gone", 0, R_READ, 0, held), 0);
    assert_int_equal(unl(v, "tmp/gone"), 0);
}

static void test_save_load(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0), *w = mk(0, 0);
    uint32_t held;
    populate(v, &held);
    wb__buf b = {0};
    assert_int_equal(wb__vfs_save(v, &b), 0);
    assert_int_equal(wb__vfs_load(w, b.data, b.len), 0);
    assert_string_equal(get(w, "workspace/l"), "deep");
    assert_string_equal(get(w, "workspace/a"), "alpha");
    char buf[32];
    size_t n;
    assert_int_equal(wb__vfs_pread(w, held, buf, sizeof buf, 0, &n), 0);
    assert_int_equal(n, 10);
    uint64_t bv, fv, bw, fw;
    wb__vfs_usage(v, &bv, &fv);
    wb__vfs_usage(w, &bw, &fw);
    assert_int_equal(bv, bw);
    assert_int_equal(fv, fw);
    /* Saving the loaded copy gives the same bytes. */
    wb__buf b2 = {0};
    assert_int_equal(wb__vfs_save(w, &b2), 0);
    assert_int_equal(b.len, b2.len);
    assert_memory_equal(b.data, b2.data, b.len);
    /* The loaded tree works: new files, closing the held one frees it. */
    put(w, "workspace/new", "n");
    assert_int_equal(wb__vfs_close(w, held), 0);
    wb__vfs_usage(w, NULL, &fw);
    assert_int_equal(fw, fv);
    /* A smaller quota refuses it. */
    wb__vfs *tiny = mk(8192, 3);
    assert_int_equal(wb__vfs_load(tiny, b.data, b.len), EINVAL);
    assert_non_null(strstr(wb__vfs_errmsg(tiny), "quota"));
    wb__vfs_free(tiny);
    wb__buf_free(&b);
    wb__buf_free(&b2);
    wb__vfs_free(v);
    wb__vfs_free(w);
}

/* Permission bits (WASI has none; chmod is set_times with our flag):
 * defaults per type, set, kept through rollback, save/load and clone;
 * read-only /tools has no write bits; a bad mode or flag mix is EINVAL. */
static int chm(wb__vfs *v, const char *p, uint64_t mode)
{
    return wb__vfs_utimes(v, ROOT, FOLLOW, p, strlen(p), mode, 0, WB__VFS_FST_MODE);
}

static void test_modes(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    wb__vfs_stat s;
    put(v, "workspace/run.sh", "echo");
    assert_int_equal(mkd(v, "workspace/d"), 0);
    assert_int_equal(st(v, "workspace/run.sh", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0644);
    assert_int_equal(st(v, "workspace/d", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0755);
    assert_int_equal(st(v, "tools", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0555);
    assert_int_equal(chm(v, "workspace/run.sh", 0750), 0);
    assert_int_equal(st(v, "workspace/run.sh", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0750);
    assert_int_equal(chm(v, "workspace/run.sh", 010000), WB__VFS_EINVAL);
    assert_int_equal(wb__vfs_utimes(v, ROOT, FOLLOW, "workspace/d", 11, 0700, 0, WB__VFS_FST_MODE | 1),
                     WB__VFS_EINVAL);
    assert_int_equal(chm(v, "tools", 0777), WB__VFS_EROFS);
    /* by fd, and mode 0 stays 0 */
    uint32_t fd;
    assert_int_equal(op(v, "workspace/d", O_DIR_, R_READ, 0, &fd), 0);
    assert_int_equal(wb__vfs_futimes(v, fd, 0, 0, WB__VFS_FST_MODE), 0);
    assert_int_equal(wb__vfs_fstat(v, fd, &s), 0);
    assert_int_equal(s.mode & 0777, 0);
    assert_int_equal(wb__vfs_close(v, fd), 0);
    /* a rolled-back run takes its chmod back */
    assert_int_equal(wb__vfs_begin(v), 0);
    assert_int_equal(chm(v, "workspace/run.sh", 0600), 0);
    wb__vfs_rollback(v);
    assert_int_equal(st(v, "workspace/run.sh", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0750);
    /* save/load and clone keep modes */
    wb__buf b = {0};
    assert_int_equal(wb__vfs_save(v, &b), 0);
    wb__vfs *w = mk(0, 0), *c = NULL;
    assert_int_equal(wb__vfs_load(w, b.data, b.len), 0);
    assert_int_equal(st(w, "workspace/run.sh", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0750);
    assert_int_equal(wb__vfs_clone(w, &c), 0);
    assert_int_equal(chm(w, "workspace/run.sh", 0700), 0);
    assert_int_equal(st(c, "workspace/run.sh", FOLLOW, &s), 0);
    assert_int_equal(s.mode, 0750);
    wb__buf_free(&b);
    wb__vfs_free(c);
    wb__vfs_free(w);
    wb__vfs_free(v);
}

/* Every truncation and many single-byte changes of a saved state: EINVAL
 * (or a state that passed every check), never a crash, and a failed load
 * leaves the target as it was. */
static void test_load_corrupt(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0);
    uint32_t held;
    populate(v, &held);
    wb__buf b = {0};
    assert_int_equal(wb__vfs_save(v, &b), 0);
    wb__vfs *w = mk(0, 0);
    put(w, "workspace/mine", "kept");
    for (size_t cut = 0; cut < b.len; cut++) {
        assert_int_equal(wb__vfs_load(w, b.data, cut), EINVAL);
        assert_non_null(strstr(wb__vfs_errmsg(w), "corrupt"));
    }
    assert_string_equal(get(w, "workspace/mine"), "kept");
    unsigned char *copy = malloc(b.len);
    assert_non_null(copy);
    unsigned ok = 0, refused = 0;
    for (size_t i = 0; i < b.len; i++) {
        for (unsigned delta = 1; delta < 256; delta += 37) {
            memcpy(copy, b.data, b.len);
            copy[i] = (unsigned char)(copy[i] + delta);
            wb__vfs *x = mk(0, 0);
            int e = wb__vfs_load(x, copy, b.len);
            assert_true(e == 0 || e == EINVAL);
            if (e == 0) {
                ok++;
                /* whatever passed must be usable */
                wb__vfs_stat sb;
                (void)st(x, "workspace/a", FOLLOW, &sb);
                put(x, "tmp/after", "x");
                wb__buf again = {0};
                assert_int_equal(wb__vfs_save(x, &again), 0);
                wb__buf_free(&again);
            } else {
                refused++;
            }
            wb__vfs_free(x);
        }
    }
    /* Timestamps, contents and names take arbitrary bytes; the rest is checked. */
    assert_true(refused > 200);
    assert_true(ok > 0);
    free(copy);
    wb__buf_free(&b);
    wb__vfs_free(v);
    wb__vfs_free(w);
}

static void test_clone(void **state)
{
    (void)state;
    wb__vfs *v = mk(0, 0), *c;
    uint32_t held;
    populate(v, &held);
    assert_int_equal(wb__vfs_clone(v, &c), 0);
    put(c, "workspace/a", "changed in the clone");
    put(v, "workspace/only-original", "o");
    assert_string_equal(get(v, "workspace/a"), "alpha");
    assert_string_equal(get(c, "workspace/a"), "changed in the clone");
    assert_string_equal(get(c, "workspace/only-original"), "<missing>");
    /* appending in one does not show in the other (shared data is copied) */
    uint32_t fd;
    size_t n;
    assert_int_equal(op(c, "workspace/d/e/f", 0, R_WRITE, 1, &fd), 0);
    assert_int_equal(wb__vfs_write(c, fd, "er", 2, &n), 0);
    wb__vfs_close(c, fd);
    assert_string_equal(get(c, "workspace/d/e/f"), "deeper");
    assert_string_equal(get(v, "workspace/d/e/f"), "deep");
    wb__vfs_free(v);
    assert_string_equal(get(c, "workspace/l"), "deeper"); /* outlives the original */
    wb__vfs_close(c, held);
    wb__vfs_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_open_flags),
        cmocka_unit_test(test_rw_seek),
        cmocka_unit_test(test_readdir),
        cmocka_unit_test(test_mkdir_rmdir_unlink),
        cmocka_unit_test(test_rename),
        cmocka_unit_test(test_quota),
        cmocka_unit_test(test_many_files),
        cmocka_unit_test(test_transaction),
        cmocka_unit_test(test_save_load),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_load_corrupt),
        cmocka_unit_test(test_clone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
