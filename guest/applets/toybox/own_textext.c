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

/* ---------------------------------------------------------------- sort -n */

/* The number at the start of S as GNU sort -n reads it: blanks, an
 * optional '-', digits, an optional '.' and digits (no '+', no exponent).
 * Sets the integer digits without leading zeros and the fraction digits
 * without trailing zeros. */
static int numparse(const char *s, const char **ip, size_t *il, const char **fp, size_t *fl)
{
    int neg = 0;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '-') neg = 1, s++;
    while (*s == '0') s++;
    *ip = s;
    while (*s >= '0' && *s <= '9') s++;
    *il = s - *ip;
    *fp = s, *fl = 0;
    if (*s == '.') {
        *fp = ++s;
        while (*s >= '0' && *s <= '9') s++;
        *fl = s - *fp;
        while (*fl && (*fp)[*fl - 1] == '0') --*fl;
    }
    if (!*il && !*fl) neg = 0; /* -0 is 0 */
    return neg;
}

int wbtb_sort_numeric(const char *x, const char *y)
{
    const char *xi, *xf, *yi, *yf;
    size_t xil, xfl, yil, yfl;
    int xn = numparse(x, &xi, &xil, &xf, &xfl), yn = numparse(y, &yi, &yil, &yf, &yfl);
    if (xn != yn) return xn ? -1 : 1;
    int r = 0;
    if (xil != yil) r = xil < yil ? -1 : 1;
    else if ((r = memcmp(xi, yi, xil))) r = r < 0 ? -1 : 1;
    else {
        size_t n = xfl < yfl ? xfl : yfl;
        if ((r = memcmp(xf, yf, n))) r = r < 0 ? -1 : 1;
        else r = xfl < yfl ? -1 : xfl > yfl;
    }
    return xn ? -r : r;
}

/* ---------------------------------------------------------------- sort -h */

/* The sign of the number at the start of S (-1, 0 for zero or no number,
 * 1) and the rank of its size suffix: none 0, K/k 1, M 2, ... */
static int human_parse(const char *s, int *rank)
{
    static const char units[] = "KMGTPEZYRQ";
    const char *ip, *fp;
    size_t il, fl;
    int neg = numparse(s, &ip, &il, &fp, &fl);
    /* The suffix follows the digits (and fraction) read. */
    const char *end = ip + il;
    if (*end == '.') {
        end++;
        while (*end >= '0' && *end <= '9') end++;
    }
    *rank = 0;
    if (*end == 'k') *rank = 1;
    else if (*end && strchr(units, *end)) *rank = strchr(units, *end) - units + 1;
    return !il && !fl ? 0 : neg ? -1 : 1;
}

/* As GNU sort -h: by sign, then (zero being zero whatever its suffix) by
 * suffix, then by value. */
int wbtb_sort_human(const char *x, const char *y)
{
    int rx, ry, sx = human_parse(x, &rx), sy = human_parse(y, &ry);
    if (sx != sy) return sx < sy ? -1 : 1;
    if (!sx) return 0;
    if (rx != ry) return (rx < ry ? -1 : 1) * sx;
    return wbtb_sort_numeric(x, y);
}

/* ---------------------------------------------------------------- sort -V */

/* Debian's version ordering (Debian Policy 5.6.12): in the non-digit
 * parts '~' sorts before anything, even the end, then the end, letters,
 * and everything else after letters; digit parts compare as numbers. */
static int vorder(int c)
{
    if (c >= '0' && c <= '9') return 0;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return c;
    if (c == '~') return -1;
    return c ? c + 256 : 0;
}

static int verrevcmp(const char *a, size_t al, const char *b, size_t bl)
{
    size_t i = 0, j = 0;
    while (i < al || j < bl) {
        int first_diff = 0;
        while ((i < al && !(a[i] >= '0' && a[i] <= '9')) || (j < bl && !(b[j] >= '0' && b[j] <= '9'))) {
            int ac = i < al ? vorder((unsigned char)a[i]) : 0;
            int bc = j < bl ? vorder((unsigned char)b[j]) : 0;
            if (ac != bc) return ac - bc;
            i++, j++;
        }
        while (i < al && a[i] == '0') i++;
        while (j < bl && b[j] == '0') j++;
        while (i < al && j < bl && a[i] >= '0' && a[i] <= '9' && b[j] >= '0' && b[j] <= '9') {
            if (!first_diff) first_diff = a[i] - b[j];
            i++, j++;
        }
        if (i < al && a[i] >= '0' && a[i] <= '9') return 1;
        if (j < bl && b[j] >= '0' && b[j] <= '9') return -1;
        if (first_diff) return first_diff;
    }
    return 0;
}

/* Length of S without its file-name suffix, the longest match of
 * (\.[A-Za-z~][A-Za-z0-9~]*)*$. */
static size_t suffixless(const char *s, size_t len)
{
    size_t keep = len, i = len;
    /* Backwards, one .component at a time. */
    for (;;) {
        size_t j = i;
        while (j > 0 && ((s[j - 1] >= 'A' && s[j - 1] <= 'Z') || (s[j - 1] >= 'a' && s[j - 1] <= 'z')
                         || (s[j - 1] >= '0' && s[j - 1] <= '9') || s[j - 1] == '~'))
            j--;
        /* s[j, i) must follow a '.' and start with a letter or '~'. */
        if (j == i || j == 0 || s[j - 1] != '.' || (s[j] >= '0' && s[j] <= '9')) break;
        i = j - 1;
        keep = i;
    }
    return keep;
}

/* GNU sort -V (gnulib's filevercmp, from its documented rules): hidden
 * names first, file-name suffixes compared last, Debian ordering. */
int wbtb_sort_version(const char *a, const char *b)
{
    if (!strcmp(a, b)) return 0;
    if (!*a) return -1;
    if (!*b) return 1;
    if (!strcmp(a, ".")) return -1;
    if (!strcmp(b, ".")) return 1;
    if (!strcmp(a, "..")) return -1;
    if (!strcmp(b, "..")) return 1;
    if (*a == '.' && *b != '.') return -1;
    if (*a != '.' && *b == '.') return 1;
    size_t al = strlen(a), bl = strlen(b);
    size_t ap = suffixless(a, al), bp = suffixless(b, bl);
    /* Names that differ only in their suffixes (or whose rests compare
     * equal, 1 and 01) are compared whole. */
    int r = verrevcmp(a, ap, b, bp);
    if (!r) r = verrevcmp(a, al, b, bl);
    return r < 0 ? -1 : r > 0;
}

/* ---------------------------------------------------------------- cut */

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
