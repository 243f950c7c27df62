/* diff(1) with GNU diff's output (ours: toybox's diff prints unified
 * format only and picks other hunks than GNU).  Written from POSIX's
 * description of the formats and E. Myers, "An O(ND) Difference Algorithm
 * and Its Variations" (1986), linear-space version; the choice among
 * equally short diffs (which of several identical lines is the changed
 * one) follows GNU's observable output: lines that occur nowhere in the
 * other file are set aside before the search, and each run of changed
 * lines is slid down as far as it goes, then back up to the last place
 * where it lines up with a change in the other file.
 *
 * Formats: normal (default), -u/-U N; -q/--brief; -r, -N, -i, -b, -w, -B,
 * -a, -s, --label, -x PATTERN, --strip-trailing-cr.  Exit 0 same, 1
 * different, 2 trouble. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "diff [-abBiNqrsuw] [-U LINES] [--label LABEL] [-x PATTERN] [--normal] FILE1 FILE2";

enum { F_I = 1, F_B = 2, F_W = 4, F_BLANK = 8, F_TEXT = 16, F_CR = 32 };

static struct {
    int flags, unified, context, brief, recursive, newfile, identical;
    const char *label[2];
    char **excl;
    int nexcl;
    char *cmdopts; /* the options as given, for "diff -r ... A B" lines */
    int status;    /* worst so far: 0, 1 or 2 */
} o;

struct line { const char *s; size_t len; int eq; };
struct file {
    const char *name;
    char *buf;
    size_t size;
    struct line *l;
    long n;
    int nonl; /* the last line has no newline */
    struct stat st;
    int missing;  /* -N: absent, read as empty */
};

static _Noreturn void oom(void)
{
    fflush(stdout);
    fputs("diff: out of memory\n", stderr);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

static void *xcalloc(size_t n, size_t s)
{
    void *p = calloc(n ? n : 1, s ? s : 1);
    if (!p) oom();
    return p;
}

static void trouble(const char *name, int err)
{
    fflush(stdout);
    fprintf(stderr, "diff: %s: %s\n", name, strerror(err));
    o.status = 2;
}

static int read_all(struct file *f)
{
    FILE *in;
    size_t cap = 65536, n;

    f->buf = NULL, f->size = 0;
    if (f->missing) { f->buf = xmalloc(1); return 0; }
    if (!strcmp(f->name, "-")) in = stdin;
    else if (!(in = fopen(f->name, "r"))) { trouble(f->name, errno); return -1; }
    f->buf = xmalloc(cap);
    while ((n = fread(f->buf + f->size, 1, cap - f->size, in)) > 0) {
        f->size += n;
        if (f->size == cap && !(f->buf = realloc(f->buf, cap *= 2))) oom();
    }
    int err = ferror(in) ? errno : 0;
    if (in != stdin) fclose(in);
    if (err) { trouble(f->name, err); return -1; }
    return 0;
}

static void split_lines(struct file *f)
{
    long n = 0, cap = 64;
    char *p = f->buf, *end = f->buf + f->size;

    f->l = xmalloc(cap * sizeof(*f->l));
    f->nonl = 0;
    while (p < end) {
        char *nl = memchr(p, '\n', end - p);
        if (n == cap && !(f->l = realloc(f->l, (cap *= 2) * sizeof(*f->l)))) oom();
        f->l[n].s = p;
        f->l[n].len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        f->l[n].eq = 0;
        n++;
        if (!nl) { f->nonl = 1; break; }
        p = nl + 1;
    }
    f->n = n;
}

/* ------------------------------------------------------------ equivalence */

/* The line as compared: -i folds case, -b squeezes blanks, -w drops them,
 * --strip-trailing-cr drops a CR before the newline. */
static size_t norm(const struct line *l, int nonl, char *out)
{
    size_t n = 0, len = l->len;
    int sp = 0;

    if ((o.flags & F_CR) && len && l->s[len - 1] == '\r') len--;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = l->s[i];
        if ((o.flags & (F_B | F_W)) && (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f')) {
            sp = 1;
            continue;
        }
        if (sp && (o.flags & F_B) && !(o.flags & F_W)) out[n++] = ' ';
        sp = 0;
        if ((o.flags & F_I) && c >= 'A' && c <= 'Z') c += 32;
        out[n++] = c;
    }
    /* -b: trailing blanks do not count.  A missing final newline makes
     * the line differ from the same text with one (as GNU). */
    if (nonl && !(o.flags & (F_B | F_W))) out[n++] = 0;
    return n;
}

struct ent { uint32_t h; int id; const char *s; size_t n; };

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    while (n--) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* Numbers every line of both files by its class of equal lines (1...). */
static int classify(struct file *f)
{
    long total = f[0].n + f[1].n, cap = 16, ids = 0;
    while (cap < total * 2) cap *= 2;
    struct ent *t = xcalloc(cap, sizeof(*t));
    for (int k = 0; k < 2; k++)
        for (long i = 0; i < f[k].n; i++) {
            struct line *l = &f[k].l[i];
            char *key = xmalloc(l->len + 1);
            size_t n = norm(l, f[k].nonl && i == f[k].n - 1, key);
            uint32_t h = hash(key, n);
            long j = h & (cap - 1);
            while (t[j].id && !(t[j].h == h && t[j].n == n && !memcmp(t[j].s, key, n)))
                j = (j + 1) & (cap - 1);
            if (!t[j].id) {
                t[j].h = h, t[j].id = ++ids, t[j].s = key, t[j].n = n;
            } else free(key);
            l->eq = t[j].id;
        }
    for (long j = 0; j < cap; j++)
        if (t[j].id) free((void *)t[j].s);
    free(t);
    return ids;
}

/* ------------------------------------------------------------ the search */

struct seq { int *a, *b; char *ca, *cb; long *fv, *bv; };

/* Marks in ca/cb the lines of a[x0,x1) and b[y0,y1) that are not in the
 * longest common subsequence found by the middle-snake recursion. */
static void compare(struct seq *s, long x0, long x1, long y0, long y1)
{
    while (x0 < x1 && y0 < y1 && s->a[x0] == s->b[y0]) x0++, y0++;
    while (x0 < x1 && y0 < y1 && s->a[x1 - 1] == s->b[y1 - 1]) x1--, y1--;
    if (x0 == x1) { while (y0 < y1) s->cb[y0++] = 1; return; }
    if (y0 == y1) { while (x0 < x1) s->ca[x0++] = 1; return; }

    /* Diagonals k = x - y, stored at offset; forward from (x0,y0), backward
     * from (x1,y1). */
    long dmin = x0 - y1, dmax = x1 - y0, fmid = x0 - y0, bmid = x1 - y1;
    long *fd = s->fv, *bd = s->bv; /* indexed by diagonal, offset applied by caller */
    long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    int odd = (fmid - bmid) & 1;
    long xm = 0, ym = 0;

    fd[fmid] = x0;
    bd[bmid] = x1;
    for (;;) {
        long d;
        /* Forward: extend the range of diagonals by one at each end. */
        if (fmin > dmin) fd[--fmin - 1] = -1; else fmin++;
        if (fmax < dmax) fd[++fmax + 1] = -1; else fmax--;
        for (d = fmax; d >= fmin; d -= 2) {
            long lo = fd[d - 1], hi = fd[d + 1];
            long x = lo >= hi ? lo + 1 : hi, y = x - d;
            while (x < x1 && y < y1 && s->a[x] == s->b[y]) x++, y++;
            fd[d] = x;
            if (odd && bmin <= d && d <= bmax && bd[d] <= x) { xm = x, ym = y; goto found; }
        }
        /* Backward. */
        if (bmin > dmin) bd[--bmin - 1] = LONG_MAX; else bmin++;
        if (bmax < dmax) bd[++bmax + 1] = LONG_MAX; else bmax--;
        for (d = bmax; d >= bmin; d -= 2) {
            long lo = bd[d - 1], hi = bd[d + 1];
            long x = lo < hi ? lo : hi - 1, y = x - d;
            while (x > x0 && y > y0 && s->a[x - 1] == s->b[y - 1]) x--, y--;
            bd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fd[d]) { xm = x, ym = y; goto found; }
        }
    }
found:
    compare(s, x0, xm, y0, ym);
    compare(s, xm, x1, ym, y1);
}

static int same_raw(const struct file *f, long i, long j)
{
    const struct line *a = &f[0].l[i], *b = &f[1].l[j];
    return a->len == b->len && !memcmp(a->s, b->s, a->len)
           && (f[0].nonl && i == f[0].n - 1) == (f[1].nonl && j == f[1].n - 1);
}

/* Lines whose class never occurs in the other file are changed whatever
 * the search finds: set them aside (marked), search the rest. */
static void diff_lines(struct file *f, int nclass, char *chg[2], long *lo_, long hi_[2])
{
    long *count[2];
    int *seq[2];
    long *map[2], len[2];

    /* Identical first and last lines (byte for byte) are left out, but for
     * the lines of context around them, as GNU: what counts as "occurs in
     * the other file" is decided on the rest. */
    long pre = 0, suf = 0, lo, hi[2];
    long nmin = f[0].n < f[1].n ? f[0].n : f[1].n;
    while (pre < nmin && same_raw(f, pre, pre)) pre++;
    while (suf < nmin - pre && same_raw(f, f[0].n - 1 - suf, f[1].n - 1 - suf)) suf++;
    long keep = o.unified ? o.context : 0;
    lo = pre > keep ? pre - keep : 0;
    for (int k = 0; k < 2; k++) hi[k] = f[k].n - (suf > keep ? suf - keep : 0);
    for (int k = 0; k < 2; k++) {
        count[k] = xcalloc(nclass + 1, sizeof(long));
        for (long i = lo; i < hi[k]; i++) count[k][f[k].l[i].eq]++;
        chg[k] = xcalloc(f[k].n + 1, 1);
    }
    for (int k = 0; k < 2; k++) {
        seq[k] = xmalloc((f[k].n + 1) * sizeof(int));
        map[k] = xmalloc((f[k].n + 1) * sizeof(long));
        len[k] = 0;
        for (long i = lo; i < hi[k]; i++) {
            if (!count[!k][f[k].l[i].eq]) { chg[k][i] = 1; continue; }
            seq[k][len[k]] = f[k].l[i].eq;
            map[k][len[k]++] = i;
        }
    }
    struct seq s;
    s.a = seq[0], s.b = seq[1];
    s.ca = xcalloc(len[0] + 1, 1), s.cb = xcalloc(len[1] + 1, 1);
    long *fv = xmalloc((len[0] + len[1] + 3) * sizeof(long));
    long *bv = xmalloc((len[0] + len[1] + 3) * sizeof(long));
    s.fv = fv + len[1] + 1, s.bv = bv + len[1] + 1;
    compare(&s, 0, len[0], 0, len[1]);
    for (long i = 0; i < len[0]; i++) if (s.ca[i]) chg[0][map[0][i]] = 1;
    for (long i = 0; i < len[1]; i++) if (s.cb[i]) chg[1][map[1][i]] = 1;
    free(fv), free(bv), free(s.ca), free(s.cb);
    for (int k = 0; k < 2; k++) free(count[k]), free(seq[k]), free(map[k]);
    *lo_ = lo, hi_[0] = hi[0], hi_[1] = hi[1];
}

/* Slides each run of changed lines of file k over equal lines (see the top
 * of the file), with the other file's marks fixed, within the lines
 * [lo, hi) the search saw. */
static void shift_runs(struct file *f, char *chg[2], int k, long lo, long hi[2])
{
    const struct line *l = f[k].l;
    char *c = chg[k] + lo, *oc = chg[!k] + lo;
    long n = hi[k] - lo, on = hi[!k] - lo;
    l += lo;
    /* after[u]: the other file has changed lines right after its u-th
     * unchanged line (u = 0: at its top). */
    long ou = 0;
    for (long j = 0; j < on; j++) ou += !oc[j];
    char *after = xcalloc(ou + 1, 1);
    for (long j = 0, u = 0; j < on; j++) {
        if (oc[j]) after[u] = 1;
        else u++;
    }
    long i = 0, u = 0; /* u: unchanged lines of this file before i */
    while (i < n) {
        if (!c[i]) { i++, u++; continue; }
        long start = i, end = i, ue = u; /* ue: unchanged lines before end */
        while (end < n && c[end]) end++;
        long runlen, aligned;
        do {
            runlen = end - start;
            while (start > 0 && l[start - 1].eq == l[end - 1].eq) {
                c[--start] = 1, c[--end] = 0, ue--;
                while (start > 0 && c[start - 1]) start--;
            }
            aligned = after[ue] ? end : -1;
            while (end < n && l[start].eq == l[end].eq) {
                c[start++] = 0, c[end++] = 1, ue++;
                while (end < n && c[end]) end++;
                if (after[ue]) aligned = end;
            }
        } while (runlen != end - start);
        while (aligned >= 0 && end > aligned) {
            c[--start] = 1, c[--end] = 0, ue--;
        }
        i = end, u = ue;
    }
    free(after);
}

/* ------------------------------------------------------------ output */

struct hunk { long a0, a1, b0, b1; };

static int blank_hunk(struct file *f, const struct hunk *h)
{
    for (int k = 0; k < 2; k++)
        for (long i = k ? h->b0 : h->a0; i < (k ? h->b1 : h->a1); i++) {
            size_t len = f[k].l[i].len;
            if ((o.flags & F_CR) && len && f[k].l[i].s[len - 1] == '\r') len--;
            if (len) return 0;
        }
    return 1;
}

static long hunks(struct file *f, char *chg[2], struct hunk **out)
{
    long i = 0, j = 0, n = 0, cap = 16;
    struct hunk *h = xmalloc(cap * sizeof(*h));
    while (i < f[0].n || j < f[1].n) {
        if (i < f[0].n && j < f[1].n && !chg[0][i] && !chg[1][j]) { i++, j++; continue; }
        struct hunk x = {i, i, j, j};
        while (i < f[0].n && chg[0][i]) i++;
        while (j < f[1].n && chg[1][j]) j++;
        if (x.a0 == i && x.b0 == j) break; /* cannot happen: marks agree */
        x.a1 = i, x.b1 = j;
        if ((o.flags & F_BLANK) && blank_hunk(f, &x)) continue;
        if (n == cap && !(h = realloc(h, (cap *= 2) * sizeof(*h)))) oom();
        h[n++] = x;
    }
    *out = h;
    return n;
}

static void put_line(const struct file *f, long i, const char *prefix)
{
    fputs(prefix, stdout);
    fwrite(f->l[i].s, 1, f->l[i].len, stdout);
    putchar('\n');
    if (f->nonl && i == f->n - 1) fputs("\\ No newline at end of file\n", stdout);
}

static void range(long a, long b) /* lines a+1..b (b > a) */
{
    if (b - a == 1) printf("%ld", b);
    else printf("%ld,%ld", a + 1, b);
}

static void normal(struct file *f, struct hunk *h, long nh)
{
    for (long k = 0; k < nh; k++, h++) {
        if (h->a0 == h->a1) printf("%lda", h->a0), range(h->b0, h->b1);
        else if (h->b0 == h->b1) range(h->a0, h->a1), printf("d%ld", h->b0);
        else range(h->a0, h->a1), putchar('c'), range(h->b0, h->b1);
        putchar('\n');
        for (long i = h->a0; i < h->a1; i++) put_line(&f[0], i, "< ");
        if (h->a0 != h->a1 && h->b0 != h->b1) fputs("---\n", stdout);
        for (long i = h->b0; i < h->b1; i++) put_line(&f[1], i, "> ");
    }
}

static void stamp(const struct file *f, int k)
{
    if (o.label[k]) { printf("%s\n", o.label[k]); return; }
    struct timespec ts = {0, 0};
    if (!f->missing) {
        ts = f->st.st_mtim;
        if (!strcmp(f->name, "-") && !S_ISREG(f->st.st_mode)) clock_gettime(CLOCK_REALTIME, &ts);
    }
    struct tm tm;
    char buf[64];
    time_t t = ts.tv_sec;
    gmtime_r(&t, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
    printf("%s\t%s.%09ld +0000\n", f->name, buf, (long)ts.tv_nsec);
}

static void span(long start, long len)
{
    if (len == 1) printf("%ld", start + 1);
    else printf("%ld,%ld", len ? start + 1 : start, len);
}

static void unified(struct file *f, struct hunk *h, long nh)
{
    long ctx = o.context;
    fputs("--- ", stdout), stamp(&f[0], 0);
    fputs("+++ ", stdout), stamp(&f[1], 1);
    for (long k = 0; k < nh;) {
        long e = k;
        while (e + 1 < nh && h[e + 1].a0 - h[e].a1 <= 2 * ctx) e++;
        long as = h[k].a0 - ctx < 0 ? 0 : h[k].a0 - ctx;
        long bs = h[k].b0 - (h[k].a0 - as);
        long ae = h[e].a1 + ctx > f[0].n ? f[0].n : h[e].a1 + ctx;
        long be = h[e].b1 + (ae - h[e].a1);
        fputs("@@ -", stdout), span(as, ae - as);
        fputs(" +", stdout), span(bs, be - bs);
        fputs(" @@\n", stdout);
        long a = as;
        for (; k <= e; k++) {
            for (; a < h[k].a0; a++) put_line(&f[0], a, " ");
            for (long i = h[k].a0; i < h[k].a1; i++) put_line(&f[0], i, "-");
            for (long i = h[k].b0; i < h[k].b1; i++) put_line(&f[1], i, "+");
            a = h[k].a1;
        }
        for (; a < ae; a++) put_line(&f[0], a, " ");
    }
}

/* ------------------------------------------------------------ files */

static int compare_files(const char *n0, const char *n1, int nested, struct stat *st, int missing[2])
{
    struct file f[2];
    int st_ = 0;
    memset(f, 0, sizeof(f));
    f[0].name = n0, f[1].name = n1;
    for (int k = 0; k < 2; k++) {
        f[k].st = st[k], f[k].missing = missing[k];
        if (read_all(&f[k])) st_ = 2;
    }
    if (st_) { free(f[0].buf), free(f[1].buf); return 2; }
    int binary = 0;
    if (!(o.flags & F_TEXT))
        for (int k = 0; k < 2; k++)
            if (memchr(f[k].buf, 0, f[k].size)) binary = 1;
    if (binary || (o.brief && !(o.flags & (F_I | F_B | F_W | F_BLANK | F_CR)))) {
        int same = f[0].size == f[1].size && !memcmp(f[0].buf, f[1].buf, f[0].size);
        if (!same) {
            if (o.brief) printf("Files %s and %s differ\n", n0, n1);
            else printf("Binary files %s and %s differ\n", n0, n1);
        } else if (o.identical) printf("Files %s and %s are identical\n", n0, n1);
        free(f[0].buf), free(f[1].buf);
        return !same;
    }
    split_lines(&f[0]), split_lines(&f[1]);
    int ncls = classify(f);
    char *chg[2];
    long lo, hi[2];
    diff_lines(f, ncls, chg, &lo, hi);
    shift_runs(f, chg, 0, lo, hi);
    shift_runs(f, chg, 1, lo, hi);
    struct hunk *h;
    long nh = hunks(f, chg, &h);
    if (!nh) {
        if (o.identical) printf("Files %s and %s are identical\n", n0, n1);
    } else if (o.brief) {
        printf("Files %s and %s differ\n", n0, n1);
    } else {
        if (nested) printf("diff%s %s %s\n", o.cmdopts, n0, n1);
        if (o.unified) unified(f, h, nh);
        else normal(f, h, nh);
    }
    free(h), free(chg[0]), free(chg[1]);
    for (int k = 0; k < 2; k++) free(f[k].l), free(f[k].buf);
    return nh != 0;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    char *p = xmalloc(n + strlen(name) + 2);
    sprintf(p, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    return p;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in DIR, sorted, without . and .. and -x patterns; NULL-ended.
 * A missing dir (-N) lists nothing. */
static char **list_dir(const char *dir, int missing, long *count)
{
    long n = 0, cap = 16;
    char **v = xmalloc(cap * sizeof(*v));
    DIR *d = missing ? NULL : opendir(dir);
    if (!missing && !d) { trouble(dir, errno); *count = -1; v[0] = NULL; return v; }
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        int skip = 0;
        for (int x = 0; x < o.nexcl; x++)
            if (!fnmatch(o.excl[x], e->d_name, 0)) skip = 1;
        if (skip) continue;
        if (n + 1 >= cap && !(v = realloc(v, (cap *= 2) * sizeof(*v)))) oom();
        if (!(v[n++] = strdup(e->d_name))) oom();
    }
    if (d) closedir(d);
    qsort(v, n, sizeof(*v), by_name);
    v[n] = NULL;
    *count = n;
    return v;
}

static int compare_paths(const char *n0, const char *n1, int nested, int missing[2]);

static int compare_dirs(const char *d0, const char *d1, int missing[2])
{
    long c0, c1;
    char **v0 = list_dir(d0, missing[0], &c0), **v1 = list_dir(d1, missing[1], &c1);
    int worst = 0;
    if (c0 < 0 || c1 < 0) worst = 2;
    else for (long i = 0, j = 0; i < c0 || j < c1;) {
        int c = i == c0 ? 1 : j == c1 ? -1 : strcmp(v0[i], v1[j]);
        const char *name = c <= 0 ? v0[i] : v1[j];
        char *p0 = join(d0, name), *p1 = join(d1, name);
        int r;
        if (c && !o.newfile) {
            printf("Only in %s: %s\n", c < 0 ? d0 : d1, name);
            r = 1;
        } else {
            int m[2] = {c > 0, c < 0};
            r = compare_paths(p0, p1, 1, m);
        }
        if (r > worst) worst = r;
        free(p0), free(p1);
        if (c <= 0) i++;
        if (c >= 0) j++;
    }
    for (long i = 0; i < c0; i++) free(v0[i]);
    for (long i = 0; i < c1; i++) free(v1[i]);
    free(v0), free(v1);
    return worst;
}

static int compare_paths(const char *n0, const char *n1, int nested, int missing[2])
{
    struct stat st[2];
    const char *name[2] = {n0, n1};
    char *joined = NULL;
    int m[2] = {missing[0], missing[1]};
    memset(st, 0, sizeof(st));
    for (int k = 0; k < 2; k++) {
        if (m[k]) continue;
        int r = strcmp(name[k], "-") ? stat(name[k], &st[k]) : fstat(0, &st[k]);
        if (r) {
            if (errno == ENOENT && o.newfile && !nested) { m[k] = 1; continue; }
            trouble(name[k], errno);
            return 2;
        }
    }
    if (m[0] && m[1]) { trouble(n0, ENOENT); return 2; }
    /* An absent side takes the type of the present one (-N). */
    if (m[0]) st[0].st_mode = st[1].st_mode;
    if (m[1]) st[1].st_mode = st[0].st_mode;
    int dir0 = S_ISDIR(st[0].st_mode), dir1 = S_ISDIR(st[1].st_mode);
    if (dir0 && dir1) {
        if (nested && !o.recursive) {
            printf("Common subdirectories: %s and %s\n", n0, n1);
            return 0;
        }
        return compare_dirs(n0, n1, m);
    }
    if (dir0 != dir1) {
        if (nested) {
            printf("File %s is a %s while file %s is a %s\n", n0,
                   dir0 ? "directory" : "regular file", n1, dir1 ? "directory" : "regular file");
            return 1;
        }
        /* diff FILE DIR compares FILE with DIR/FILE's last name. */
        int k = dir0 ? 0 : 1;
        const char *file = name[!k], *base = strrchr(file, '/');
        base = base ? base + 1 : file;
        if (!strcmp(file, "-")) {
            fflush(stdout);
            fprintf(stderr, "diff: cannot compare '-' to a directory\n");
            return 2;
        }
        joined = join(name[k], base);
        name[k] = joined;
        if (stat(joined, &st[k])) {
            if (errno == ENOENT && o.newfile) m[k] = 1;
            else { trouble(joined, errno); free(joined); return 2; }
        }
    }
    int r = compare_files(name[0], name[1], nested, st, m);
    free(joined);
    return r;
}

/* ------------------------------------------------------------ options */

static _Noreturn void bad(const char *msg, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "diff: %s '%s'\nusage: %s\n", msg, arg, usage);
    exit(2);
}

static void add_opt(const char *a)
{
    size_t n = o.cmdopts ? strlen(o.cmdopts) : 0;
    char *p = realloc(o.cmdopts, n + strlen(a) + 2);
    if (!p) oom();
    sprintf(p + n, " %s", a);
    o.cmdopts = p;
}

static long number(const char *s, const char *opt)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0) bad("invalid number of context lines for", opt);
    return v;
}

static const char help[] =
    "\n\nCompare two files (or, with -r, two directories) line by line.\n"
    "Output as GNU diff: the normal format (1d0, 3c3, < old, ---, > new)\n"
    "unless -u.  Exit status 0 same, 1 different, 2 trouble.\n\n"
    "-u, -U N\tUnified format with 3 (or N) lines of context\n"
    "-q, --brief\tOnly say whether the files differ\n"
    "-r\t\tCompare directories recursively\n"
    "-N\t\tA file missing on one side counts as empty\n"
    "-i\t\tIgnore case\n"
    "-b\t\tIgnore changes in the amount of white space\n"
    "-w\t\tIgnore all white space\n"
    "-B\t\tIgnore changes whose lines are all blank\n"
    "-a\t\tTreat every file as text\n"
    "-s\t\tSay when two files are the same\n"
    "-x PAT\t\tSkip names matching PAT in directories\n"
    "--label L\tName for the header of -u (once per file)\n"
    "--strip-trailing-cr\tIgnore a CR before the newline\n";

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_diff(int argc, char **argv)
{
    char *ops[2];
    int nops = 0, nlabel = 0, dashdash = 0;

    wbtb_prepare();
    memset(&o, 0, sizeof(o));
    o.context = 3;
    o.excl = xmalloc(argc * sizeof(char *));
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (dashdash || a[0] != '-' || !a[1]) {
            if (nops == 2) bad("extra operand", a);
            ops[nops++] = a;
            continue;
        }
        if (!strcmp(a, "--")) { dashdash = 1; continue; }
        if (a[1] == '-') {
            char *eq = strchr(a, '='), *val = eq ? eq + 1 : NULL;
            size_t len = eq ? (size_t)(eq - a) : strlen(a);
#define IS(s) (len == strlen(s) && !strncmp(a, s, len))
#define NEED() (val ? val : i + 1 < argc ? argv[++i] : (bad("option needs a value:", a), (char *)0))
            if (IS("--help")) { printf("usage: %s%s", usage, help); fflush(stdout); exit(0); }
            add_opt(a);
            if (IS("--unified")) { o.unified = 1; if (val) o.context = number(val, a); }
            else if (IS("--brief")) o.brief = 1;
            else if (IS("--recursive")) o.recursive = 1;
            else if (IS("--new-file")) o.newfile = 1;
            else if (IS("--ignore-case")) o.flags |= F_I;
            else if (IS("--ignore-space-change")) o.flags |= F_B;
            else if (IS("--ignore-all-space")) o.flags |= F_W;
            else if (IS("--ignore-blank-lines")) o.flags |= F_BLANK;
            else if (IS("--text")) o.flags |= F_TEXT;
            else if (IS("--strip-trailing-cr")) o.flags |= F_CR;
            else if (IS("--report-identical-files")) o.identical = 1;
            else if (IS("--normal")) o.unified = 0;
            else if (IS("--label")) {
                char *v = NEED();
                if (nlabel == 2) bad("more than two --label:", v);
                o.label[nlabel++] = v;
            } else if (IS("--exclude")) o.excl[o.nexcl++] = NEED();
            else if (IS("--color")) {
                if (val && strcmp(val, "never") && strcmp(val, "auto")) bad("only --color=never/auto, not", a);
            } else bad("unknown option (try diff --help)", a);
            continue;
        }
        add_opt(a);
        for (char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'u': o.unified = 1; break;
            case 'q': o.brief = 1; break;
            case 'r': o.recursive = 1; break;
            case 'N': o.newfile = 1; break;
            case 'i': o.flags |= F_I; break;
            case 'b': o.flags |= F_B; break;
            case 'w': o.flags |= F_W; break;
            case 'B': o.flags |= F_BLANK; break;
            case 'a': o.flags |= F_TEXT; break;
            case 's': o.identical = 1; break;
            case 'U': case 'x': {
                char *v = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : NULL;
                if (!v) bad("option needs a value:", a);
                if (p[1] == 0 && v == argv[i]) add_opt(v);
                if (*p == 'U') o.unified = 1, o.context = number(v, a);
                else o.excl[o.nexcl++] = v;
                goto next;
            }
            case 'c': case 'C': case 'y':
                bad("only the normal and unified (-u) formats, not", a);
            default:
                bad("unknown option (try diff --help)", a);
            }
        }
    next:;
    }
    if (nops < 2) {
        fflush(stdout);
        fprintf(stderr, "diff: missing operand after '%s'\nusage: %s\n", nops ? ops[0] : "diff", usage);
        exit(2);
    }
    if (!o.cmdopts) o.cmdopts = strdup("");
    int m[2] = {0, 0};
    /* diff - -: standard input against itself (it can be read once). */
    int r = strcmp(ops[0], "-") || strcmp(ops[1], "-") ? compare_paths(ops[0], ops[1], 0, m) : 0;
    if (o.status > r) r = o.status;
    fflush(stdout);
    exit(r);
}
