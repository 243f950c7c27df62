/* The helpers behind tools/patch-toybox.sh's GNU extensions to toybox's
 * sed, head and sort (declared in include/wbtb_ext.h). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "include/wbtb_ext.h"

void wbtb_sed_case_reset(struct wbtb_case *c)
{
    c->mode = c->once = c->from = 0;
}

int wbtb_sed_case_cmd(struct wbtb_case *c, int ch)
{
    switch (ch) {
    case 'U': case 'L': c->mode = ch; return 1;
    case 'E': c->mode = c->once = 0; return 1;
    case 'u': case 'l': c->once = ch; return 1;
    }
    return 0;
}

void wbtb_sed_case_apply(struct wbtb_case *c, char *buf, int end)
{
    for (int i = c->from; i < end; i++) {
        unsigned char ch = buf[i];
        int how = c->once ? c->once : c->mode;
        c->once = 0;
        if (how == 'U' || how == 'u') buf[i] = toupper(ch);
        else if (how == 'L' || how == 'l') buf[i] = tolower(ch);
    }
    c->from = end;
}

int wbtb_sed_step(long first, long step, long n)
{
    if (step <= 0) return n == first;
    return n >= first && (n - first) % step == 0;
}

int wbtb_sed_missing(char **args)
{
    int missing = 0;
    for (; *args; args++) {
        if (!strcmp(*args, "-")) continue;
        int fd = open(*args, O_RDONLY);
        if (fd < 0) missing = 1;
        else close(fd);
    }
    return missing;
}

void wbtb_head_but_last(int fd, const char *name, int bytes, long n)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    ssize_t r;

    while (buf && (r = read(fd, buf + len, cap - len)) > 0)
        if ((len += r) == cap) buf = realloc(buf, cap *= 2);
    if (!buf) {
        fflush(stdout);
        fprintf(stderr, "head: %s: out of memory\n", name);
        exit(1);
    }
    size_t keep;
    if (bytes) keep = len > (size_t)n ? len - n : 0;
    else {
        /* Back over N lines; an unterminated last line is one too. */
        keep = len;
        for (; n > 0 && keep; n--) {
            keep--;
            while (keep && buf[keep - 1] != '\n') keep--;
        }
    }
    fflush(stdout);
    for (size_t off = 0; off < keep;) {
        r = write(1, buf + off, keep - off);
        if (r <= 0) break;
        off += r;
    }
    free(buf);
}

/* The number at the start of S (after blanks) and its suffix's rank
 * (none 0, K/k 1, M 2, ...), as sort -h orders them. */
static void human(const char *s, int *rank, double *val)
{
    static const char units[] = "KMGTPEZYRQ";
    char *end;
    while (*s == ' ' || *s == '\t') s++;
    *val = strtod(s, &end);
    *rank = 0;
    if (end == s) { *val = 0; return; }
    if (*end == 'k') *rank = 1;
    else if (*end && strchr(units, *end)) *rank = strchr(units, *end) - units + 1;
    if (*val < 0) *rank = -*rank;
}

int wbtb_sort_human(const char *x, const char *y)
{
    int rx, ry;
    double vx, vy;
    human(x, &rx, &vx);
    human(y, &ry, &vy);
    if (rx != ry) return rx < ry ? -1 : 1;
    return vx < vy ? -1 : vx > vy;
}

int wbtb_cut_complement(unsigned *pairs, int n)
{
    /* PAIRS: n sorted, disjoint [start, end] ranges (start 0 = 1, end
     * UINT_MAX = to the end of the line); they become the gaps between. */
    unsigned *out = malloc((n + 1) * 2 * sizeof(unsigned)), next = 1;
    int m = 0;
    if (!out) return n;
    for (int i = 0; i < n; i++) {
        unsigned s = pairs[2 * i] ? pairs[2 * i] : 1, e = pairs[2 * i + 1];
        if (s > next) out[2 * m] = next, out[2 * m + 1] = s - 1, m++;
        if (e == UINT_MAX) { next = 0; break; }
        if (e + 1 > next) next = e + 1;
    }
    if (next) out[2 * m] = next, out[2 * m + 1] = UINT_MAX, m++;
    memcpy(pairs, out, m * 2 * sizeof(unsigned));
    free(out);
    return m;
}
