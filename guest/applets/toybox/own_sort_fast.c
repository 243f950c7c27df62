/* How toybox sort sorts its lines (tools/patch-toybox.sh, edit 8, calls
 * wbtb_sort_lines in place of qsort).
 *
 * toybox's compare_keys runs for every comparison: two get_key_data
 * calls, compare_values, atoll twice for -n, then strcmp; on 10 MB of
 * lines that is most of the time of `sort | uniq -c | sort -rn`.  When the
 * only key is the whole line and no flag but -n, -r and -s (-u implies -s)
 * changes the order, the order is simple:
 *   plain: strcmp(x, y);
 *   -n:    atoll(x) vs atoll(y), ties by strcmp(x, y) unless -s;
 *   -r:    the result negated (ties included, as toybox does).
 * So each line gets a 64-bit key once (-n: atoll's value with the sign bit
 * flipped, so unsigned order is numeric order; plain: its first 8 bytes,
 * big-endian, zero past the end, so unsigned order is strcmp order on
 * them) and a stable merge sort compares keys inline, calling strcmp only
 * on ties (plain: from the 9th byte, and not at all when the equal first 8
 * bytes hold the end of the lines).  Equal lines stay in input order, as with GNU sort -s.
 * Other orders (keys, -f, -b, ...) get the same merge sort calling
 * compare_keys (musl's qsort, a smoothsort, makes many more comparisons
 * on random input), and -V, whose comparison is not a
 * consistent order (a1 < a2 < a10 < a1), keeps musl's qsort, whose output
 * for it the tests recorded.  Without memory for the items: qsort. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

void wbtb_sort_lines(char **lines, unsigned n, cmp_fn cmp, int mode, int reverse, int stable);

struct item {
    uint64_t key;
    char *s;
};

struct order {
    cmp_fn cmp;     /* set: compare_keys decides, keys unused */
    cmp_fn tie;     /* -n: equal keys (integer parts) go to compare_keys */
    int tie_strcmp; /* ties on key compare the lines (not -n -s) */
    int numeric;    /* keys are numbers, not the lines' first 8 bytes */
    int sign;       /* -1 for -r */
};

static int cmp_items(const struct item *x, const struct item *y, const struct order *o)
{
    if (o->cmp)
        return o->cmp(&x->s, &y->s);
    int c = 0;
    if (x->key != y->key)
        c = x->key < y->key ? -1 : 1;
    else if (o->tie)
        return o->tie(&x->s, &y->s); /* it applies -r and -s itself */
    else if (o->tie_strcmp && (o->numeric || (x->key & 0xff)))
        c = strcmp(x->s + 8 * !o->numeric, y->s + 8 * !o->numeric);
    return c * o->sign;
}

#define RUN 8

static void insertion(struct item *a, size_t n, const struct order *o)
{
    for (size_t i = 1; i < n; i++) {
        struct item v = a[i];
        size_t j = i;
        while (j > 0 && cmp_items(&a[j - 1], &v, o) > 0) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

/* Stable merge sort of a[0..n) with tmp[0..n/2) as scratch. */
static void msort(struct item *a, struct item *tmp, size_t n, const struct order *o)
{
    if (n <= RUN) {
        insertion(a, n, o);
        return;
    }
    size_t h = n / 2;
    msort(a, tmp, h, o);
    msort(a + h, tmp, n - h, o);
    if (cmp_items(&a[h - 1], &a[h], o) <= 0)
        return;
    memcpy(tmp, a, h * sizeof *a);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (cmp_items(&tmp[i], &a[j], o) <= 0)
            a[k++] = tmp[i++];
        else
            a[k++] = a[j++];
    }
    while (i < h)
        a[k++] = tmp[i++];
}

/* The integer part as GNU sort -n reads the number (blanks, an optional
 * '-', digits; no '+'), saturated. */
static long long int_part(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    int neg = *s == '-';
    s += neg;
    long long v = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        v = v > (LLONG_MAX - 9) / 10 ? LLONG_MAX : v * 10 + (*s - '0');
    return neg ? -v : v;
}

static uint64_t prefix_key(const char *s)
{
    uint64_t k = 0;
    int end = 0;
    for (int i = 0; i < 8; i++) {
        unsigned char c = end ? 0 : (unsigned char)s[i];
        end = !c;
        k = k << 8 | c;
    }
    return k;
}

/* mode: 0 qsort, 1 stable merge sort with cmp, 2 whole lines, 3 whole
 * lines -n (reverse and stable only matter to 2 and 3: cmp has them). */
void wbtb_sort_lines(char **lines, unsigned n, cmp_fn cmp, int mode, int reverse, int stable)
{
    if (n < 2)
        return;
    struct item *a = mode ? malloc((size_t)n * sizeof *a) : NULL;
    struct item *tmp = mode ? malloc(((size_t)n / 2 + 1) * sizeof *tmp) : NULL;
    if (!a || !tmp) {
        free(a);
        free(tmp);
        qsort(lines, n, sizeof *lines, cmp);
        return;
    }
    for (unsigned i = 0; i < n; i++) {
        a[i].s = lines[i];
        /* -n: the integer part, saturated: monotonic in the value, so
         * only equal integer parts (1.5 and 1.2) need compare_keys */
        a[i].key = mode == 3 ? (uint64_t)int_part(lines[i]) ^ (UINT64_C(1) << 63)
                 : mode == 2 ? prefix_key(lines[i]) : 0;
    }
    struct order o = { mode == 1 ? cmp : NULL, mode == 3 ? cmp : NULL, !(mode == 3 && stable), mode == 3,
                       reverse ? -1 : 1 };
    msort(a, tmp, n, &o);
    for (unsigned i = 0; i < n; i++)
        lines[i] = a[i].s;
    free(a);
    free(tmp);
}
