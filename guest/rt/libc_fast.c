/* Faster stand-ins for the few libc routines that dominate the applet
 * benchmarks (mk/perf.mk sends every guest reference to __wrap_NAME):
 *
 *  - qsort: wasi-libc's (musl's) smoothsort makes many more comparisons
 *    than a merge sort on random input, and each comparison is an indirect
 *    call into a comparator (toybox sort's compare_keys).  Arrays of
 *    pointers (every qsort in the guest's hot paths) get a merge sort;
 *    anything else, or no memory for the scratch array, the original.  The
 *    merge sort is stable, which qsort allows (and which matches GNU sort's
 *    order for lines that compare equal).
 *  - strcmp: musl's compares byte by byte; here 8 bytes at a time once
 *    both strings are at the same alignment (malloc'd lines always are).
 *    Reading the rest of an aligned word past the terminator stays inside
 *    the linear memory (its size is a multiple of 64 KiB).
 *  - memcpy, memmove, memset: musl's C loops; here wasm's memory.copy and
 *    memory.fill (this file is built with -mbulk-memory), which wasm2c turns
 *    into the host's memmove/memset and the metering charges by length.
 * Native builds keep their libc. */
#ifdef __wasm__
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

void __real_qsort(void *, size_t, size_t, cmp_fn);
void __wrap_qsort(void *base, size_t n, size_t size, cmp_fn cmp);
int __wrap_strcmp(const char *l, const char *r);
void *__wrap_memcpy(void *restrict d, const void *restrict s, size_t n);
void *__wrap_memmove(void *d, const void *s, size_t n);
void *__wrap_memset(void *d, int c, size_t n);

/* Runs at most this long are sorted by insertion: fewer calls than
 * merging them, about as many comparisons. */
#define RUN 8

static void insertion(void **a, size_t n, cmp_fn cmp)
{
    for (size_t i = 1; i < n; i++) {
        void *v = a[i];
        size_t j = i;
        while (j > 0 && cmp(&a[j - 1], &v) > 0) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

/* Sorts a[0..n) using tmp[0..n/2) as scratch. */
static void msort(void **a, void **tmp, size_t n, cmp_fn cmp)
{
    if (n <= RUN) {
        insertion(a, n, cmp);
        return;
    }
    size_t h = n / 2;
    msort(a, tmp, h, cmp);
    msort(a + h, tmp, n - h, cmp);
    /* already in order (sorted or presorted input): nothing to merge */
    if (cmp(&a[h - 1], &a[h]) <= 0)
        return;
    /* the left half to the scratch, merged back with the right half: the
     * output never overtakes the right half's next element (k <= j) */
    __builtin_memcpy(tmp, a, h * sizeof *a);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        /* <= keeps equal elements in their order (stable) */
        if (cmp(&tmp[i], &a[j]) <= 0)
            a[k++] = tmp[i++];
        else
            a[k++] = a[j++];
    }
    /* what is left of the right half is already in place */
    while (i < h)
        a[k++] = tmp[i++];
}

void __wrap_qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
    if (n < 2)
        return;
    if (size != sizeof(void *) || ((uintptr_t)base & (sizeof(void *) - 1))) {
        __real_qsort(base, n, size, cmp);
        return;
    }
    /* malloc (the arena's): reclaimed with the applet if a comparator
     * exits in the middle */
    void **tmp = NULL;
    if (n > RUN) {
        tmp = malloc((n / 2 + 1) * sizeof *tmp);
        if (!tmp) {
            __real_qsort(base, n, size, cmp);
            return;
        }
    }
    msort(base, tmp, n, cmp);
    free(tmp);
}

int __wrap_strcmp(const char *l, const char *r)
{
    const unsigned char *a = (const unsigned char *)l, *b = (const unsigned char *)r;
    if ((((uintptr_t)a ^ (uintptr_t)b) & 7) == 0) {
        for (; (uintptr_t)a & 7; a++, b++)
            if (*a != *b || !*a)
                return *a - *b;
        for (;;) {
            uint64_t x, y;
            __builtin_memcpy(&x, a, 8);
            __builtin_memcpy(&y, b, 8);
            /* the lowest byte flagged here is a's first zero byte (the
             * trick's false positives only come after a true zero) */
            uint64_t zero = (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
            uint64_t diff = x ^ y;
            if (diff | zero) {
                /* first byte that differs or ends a (little-endian):
                 * equal there means both ended, 0 */
                unsigned sh = (unsigned)__builtin_ctzll(diff | zero) & ~7u;
                return (int)((x >> sh) & 0xff) - (int)((y >> sh) & 0xff);
            }
            a += 8;
            b += 8;
        }
    }
    while (*a == *b && *a) {
        a++;
        b++;
    }
    return *a - *b;
}

void *__wrap_memcpy(void *restrict d, const void *restrict s, size_t n)
{
    __builtin_memmove(d, s, n);
    return d;
}

void *__wrap_memmove(void *d, const void *s, size_t n)
{
    __builtin_memmove(d, s, n);
    return d;
}

void *__wrap_memset(void *d, int c, size_t n)
{
    __builtin_memset(d, c, n);
    return d;
}
#endif
