/* The CLI's filesystem options: --fs-quota, --mount and --workspace.
 *
 * --workspace DIR copies DIR into /workspace before the run and the
 * sandbox's /workspace back to DIR after it (rather than mounting it): the
 * run works on its own copy under the quota, a run that is rolled back
 * leaves DIR as it was, and nothing the script does reaches DIR before
 * the run ends.  Copying back writes files whose contents changed, creates
 * new files and folders, and removes the files and folders that were
 * copied in and are gone.  Only regular files and folders cross, both
 * ways: host symlinks are not followed in, sandbox symlinks are copied out
 * as the file they point to (or skipped); every host path is opened
 * component by component with O_NOFOLLOW below DIR. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_fs.h"

#define MAX_DEPTH 256

void wb_cli_fs_free(wb_cli_fs *f)
{
    for (size_t i = 0; i < f->n_in; i++)
        free(f->in[i]);
    free(f->in);
    f->in = NULL;
    f->n_in = 0;
}

static int parse_quota(wb_config *cfg, const char *val)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(val, &end, 10), mul = 1, files = 0;
    if (errno || end == val || *val == '-')
        return -1;
    switch (*end) {
    case 'k': case 'K': mul = 1ull << 10; end++; break;
    case 'm': case 'M': mul = 1ull << 20; end++; break;
    case 'g': case 'G': mul = 1ull << 30; end++; break;
    default: break;
    }
    if (*end == ':') {
        const char *f = end + 1;
        files = strtoull(f, &end, 10);
        if (end == f || *f == '-')
            return -1;
    }
    if (*end || v > (1ull << 40) || wb_config_set_fs_quota(cfg, v * mul, files) != WB_OK)
        return -1;
    return 0;
}

static int parse_mount(wb_config *cfg, const char *val)
{
    size_t n = strlen(val);
    int writable = 0;
    char *s = strdup(val);
    if (!s)
        return -1;
    if (n > 3 && (!strcmp(s + n - 3, ":ro") || !strcmp(s + n - 3, ":rw"))) {
        writable = s[n - 1] == 'w';
        s[n - 3] = 0;
    }
    char *colon = strrchr(s, ':');
    if (!colon || colon == s || colon[1] != '/') {
        fprintf(stderr, "wasmbox: --mount '%s': give HOST:GUEST[:ro|rw], e.g. ./data:/data:ro (GUEST is an "
                        "absolute path in the sandbox)\n", val);
        free(s);
        return -1;
    }
    *colon = 0;
    wb_status st = wb_config_add_mount(cfg, s, colon + 1, writable);
    if (st != WB_OK)
        fprintf(stderr, "wasmbox: --mount '%s': %s\n", val, wb_config_errmsg(cfg));
    free(s);
    return st == WB_OK ? 0 : -1;
}

int wb_cli_fs_option(wb_cli_fs *f, wb_config *cfg, const char *opt, const char *val)
{
    int quota = !strcmp(opt, "--fs-quota"), mount = !strcmp(opt, "--mount"), ws = !strcmp(opt, "--workspace");
    if (!quota && !mount && !ws)
        return 0;
    if (!val) {
        fprintf(stderr, "wasmbox: %s needs %s\nrun 'wasmbox --help' for usage\n", opt,
                quota ? "a size, e.g. 16M or 16M:1000 (bytes:files)" : mount ? "HOST:GUEST[:ro|rw]" : "a folder");
        return -1;
    }
    if (quota && parse_quota(cfg, val)) {
        fprintf(stderr, "wasmbox: --fs-quota '%s' is not valid: give SIZE or SIZE:FILES, e.g. 16M or 16M:1000 "
                        "(size 4K to 16G, files 1 to 10000000)\n", val);
        return -1;
    }
    if (mount && parse_mount(cfg, val))
        return -1;
    if (ws) {
        struct stat st;
        if (stat(val, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "wasmbox: --workspace '%s': %s\n", val,
                    errno && stat(val, &st) != 0 ? strerror(errno) : "not a folder");
            return -1;
        }
        f->dir = val;
    }
    return 1;
}

/* ---------------------------------------------------------------- copy in */

static int remember(wb_cli_fs *f, const char *rel, int is_dir)
{
    char **in = realloc(f->in, (f->n_in + 1) * sizeof *in);
    if (!in)
        return -1;
    f->in = in;
    size_t n = strlen(rel);
    char *s = malloc(n + 2);
    if (!s)
        return -1;
    memcpy(s, rel, n);
    s[n] = is_dir ? '/' : 0;
    s[n + 1] = 0;
    f->in[f->n_in++] = s;
    return 0;
}

static char *read_fd(int fd, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                break;
            buf = nb;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break;
        if (r == 0) {
            *len = n;
            return buf;
        }
        n += (size_t)r;
    }
    free(buf);
    return NULL;
}

/* Copies the folder open at dfd (rel below DIR) into /workspace/rel. */
static int copy_in(wb_cli_fs *f, wb_sandbox *sb, int dfd, char *rel, size_t rlen, int depth, int *skipped)
{
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return -1;
    }
    int rc = 0;
    struct dirent *de;
    while (rc == 0 && (de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        size_t n = strlen(de->d_name);
        if (rlen + 1 + n >= 4000) {
            (*skipped)++;
            continue;
        }
        rel[rlen] = '/';
        memcpy(rel + rlen + 1, de->d_name, n + 1);
        struct stat st;
        if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            (*skipped)++;
        } else if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
            int sub = openat(dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            char path[4096 + 16];
            snprintf(path, sizeof path, "/workspace%s", rel);
            wb_status s2 = sub < 0 ? WB_EIO : wb_fs_mkdir(sb, path);
            if (s2 == WB_OK && remember(f, rel + 1, 1))
                s2 = WB_ENOMEM;
            if (s2 != WB_OK) {
                fprintf(stderr, "wasmbox: --workspace: cannot copy folder '%s' in: %s\n", rel + 1,
                        sub < 0 ? strerror(errno) : wb_errmsg(sb));
                if (sub >= 0)
                    close(sub);
                rc = -1;
            } else {
                rc = copy_in(f, sb, sub, rel, rlen + 1 + n, depth + 1, skipped);
            }
        } else if (S_ISREG(st.st_mode)) {
            int fd = openat(dirfd(d), de->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
            size_t len = 0;
            char *data = fd >= 0 ? read_fd(fd, &len) : NULL;
            if (fd >= 0)
                close(fd);
            char path[4096 + 16];
            snprintf(path, sizeof path, "/workspace%s", rel);
            if (!data || wb_fs_write(sb, path, data, len) != WB_OK || remember(f, rel + 1, 0)) {
                fprintf(stderr, "wasmbox: --workspace: cannot copy '%s' in: %s\n", rel + 1,
                        !data ? strerror(errno) : wb_errmsg(sb));
                rc = -1;
            }
            free(data);
        } else {
            (*skipped)++; /* symlinks, devices, sockets: not copied */
        }
        rel[rlen] = 0;
    }
    closedir(d);
    return rc;
}

int wb_cli_fs_before(wb_cli_fs *f, wb_sandbox *sb)
{
    if (!f->dir)
        return 0;
    int dfd = open(f->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        fprintf(stderr, "wasmbox: --workspace '%s': %s\n", f->dir, strerror(errno));
        return -1;
    }
    char rel[4100] = "";
    int skipped = 0;
    int rc = copy_in(f, sb, dfd, rel, 0, 0, &skipped);
    if (skipped)
        fprintf(stderr, "wasmbox: --workspace: %d entr%s skipped (symlinks, special files, paths too long): "
                        "only regular files and folders are copied\n", skipped, skipped == 1 ? "y" : "ies");
    return rc;
}

/* ---------------------------------------------------------------- copy out */

/* Opens the folder rel (no leading '/') below DIR, creating what is
 * missing; every component without following symlinks. */
static int open_host_dir(int root, const char *rel, int create)
{
    int fd = dup(root);
    const char *p = rel;
    while (fd >= 0 && *p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char name[256];
        if (n == 0 || n >= sizeof name) {
            close(fd);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(name, p, n);
        name[n] = 0;
        if (create && mkdirat(fd, name, 0777) != 0 && errno != EEXIST) {
            close(fd);
            return -1;
        }
        int sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        close(fd);
        fd = sub;
        p += n;
        while (*p == '/')
            p++;
    }
    return fd;
}

/* Writes data to name in the folder dfd unless it already holds it. */
static int put_host_file(int dfd, const char *name, const char *data, size_t len)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        size_t n = 0;
        char *old = read_fd(fd, &n);
        close(fd);
        int same = old && n == len && memcmp(old, data, len) == 0;
        free(old);
        if (same)
            return 0;
    }
    fd = openat(dfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t)w;
    }
    return close(fd);
}

typedef struct {
    char **paths; /* "a/b" or "a/" for folders, as in wb_cli_fs.in */
    size_t n, cap;
} path_set;

static int set_add(path_set *s, const char *rel, int is_dir)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **np = realloc(s->paths, cap * sizeof *np);
        if (!np)
            return -1;
        s->paths = np;
        s->cap = cap;
    }
    size_t n = strlen(rel);
    char *c = malloc(n + 2);
    if (!c)
        return -1;
    memcpy(c, rel, n);
    c[n] = is_dir ? '/' : 0;
    c[n + 1] = 0;
    s->paths[s->n++] = c;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Copies /workspace/rel (a folder in the sandbox) out to DIR/rel. */
static int copy_out(wb_sandbox *sb, int root, char *rel, size_t rlen, int depth, path_set *seen)
{
    char path[4200];
    snprintf(path, sizeof path, "/workspace%s%s", rlen ? "/" : "", rel);
    char *list;
    size_t llen;
    if (wb_fs_list(sb, path, &list, &llen) != WB_OK) {
        fprintf(stderr, "wasmbox: --workspace: cannot list '%s': %s\n", path, wb_errmsg(sb));
        return -1;
    }
    int hd = open_host_dir(root, rel, 1);
    if (hd < 0) {
        fprintf(stderr, "wasmbox: --workspace: cannot create folder '%s' on the host: %s\n", rel, strerror(errno));
        wb_fs_free(list);
        return -1;
    }
    int rc = 0;
    for (char *line = list; rc == 0 && *line;) {
        char *nl = strchr(line, '\n');
        *nl = 0;
        size_t n = strlen(line);
        int is_dir = n && line[n - 1] == '/';
        if (is_dir)
            line[--n] = 0;
        if (rlen + 1 + n < 4000) {
            size_t k = rlen;
            if (rlen)
                rel[k++] = '/';
            memcpy(rel + k, line, n + 1);
            if (set_add(seen, rel, is_dir)) {
                rc = -1;
            } else if (is_dir && depth < MAX_DEPTH) {
                rc = copy_out(sb, root, rel, k + n, depth + 1, seen);
            } else if (!is_dir) {
                char *data;
                size_t len;
                snprintf(path, sizeof path, "/workspace/%s", rel);
                if (wb_fs_read(sb, path, &data, &len) == WB_OK) {
                    if (put_host_file(hd, line, data, len)) {
                        fprintf(stderr, "wasmbox: --workspace: cannot write '%s' on the host: %s\n", rel,
                                strerror(errno));
                        rc = -1;
                    }
                    wb_fs_free(data);
                }
                /* else a symlink to nowhere or to a folder: not copied out */
            }
            rel[rlen] = 0;
        }
        line = nl + 1;
    }
    close(hd);
    wb_fs_free(list);
    return rc;
}

int wb_cli_fs_after(wb_cli_fs *f, wb_sandbox *sb)
{
    if (!f->dir)
        return 0;
    int root = open(f->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) {
        fprintf(stderr, "wasmbox: --workspace '%s': %s\n", f->dir, strerror(errno));
        return -1;
    }
    char rel[4100] = "";
    path_set seen = {0};
    int rc = copy_out(sb, root, rel, 0, 0, &seen);
    if (rc == 0) {
        /* What was copied in and is gone now goes on the host too; the list
         * is in walk order, so backwards removes children first. */
        qsort(seen.paths, seen.n, sizeof *seen.paths, cmp_str);
        for (size_t i = f->n_in; i-- > 0;) {
            const char *p = f->in[i];
            if (bsearch(&p, seen.paths, seen.n, sizeof *seen.paths, cmp_str))
                continue;
            size_t n = strlen(p);
            int is_dir = p[n - 1] == '/';
            char *copy = strndup(p, is_dir ? n - 1 : n);
            char *slash = copy ? strrchr(copy, '/') : NULL;
            const char *name = slash ? slash + 1 : copy;
            if (slash)
                *slash = 0;
            int dfd = copy ? open_host_dir(root, slash ? copy : "", 0) : -1;
            if (dfd >= 0) {
                if (unlinkat(dfd, name, is_dir ? AT_REMOVEDIR : 0) != 0 && errno != ENOENT)
                    fprintf(stderr, "wasmbox: --workspace: cannot remove '%s' on the host: %s\n", p,
                            strerror(errno));
                close(dfd);
            }
            free(copy);
        }
    }
    for (size_t i = 0; i < seen.n; i++)
        free(seen.paths[i]);
    free(seen.paths);
    close(root);
    return rc;
}
