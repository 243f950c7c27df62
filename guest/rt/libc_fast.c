/* Faster stand-ins for the few libc routines that dominate the applet
 * benchmarks (mk/perf.mk sends every guest reference to __wrap_NAME):
 *
 *  - strcmp: musl's compares byte by byte; here 8 bytes at a time once
 *    both strings are at the same alignment (malloc'd lines always are).
 *    Reading the rest of an aligned word past the terminator stays inside
 *    the linear memory (its size is a multiple of 64 KiB).
 *  - memchr, memrchr, strlen: musl's look at 4 bytes at a time (memrchr
 *    at one); here 8, from an 8-byte boundary (strlen reads the rest of an
 *    aligned word past the terminator, as above; memchr and memrchr never
 *    read outside the n bytes).
 *  - memcpy, memmove, memset: musl's C loops; here wasm's memory.copy and
 *    memory.fill (this file is built with -mbulk-memory), which wasm2c turns
 *    into the host's memmove/memset and the metering charges by length.
 * Native builds keep their libc. */
#ifdef __wasm__
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int __wrap_strcmp(const char *l, const char *r);
void *__wrap_memchr(const void *src, int c, size_t n);
void *__wrap_memrchr(const void *src, int c, size_t n);
size_t __wrap_strlen(const char *str);
void *__wrap_memcpy(void *restrict d, const void *restrict s, size_t n);
void *__wrap_memmove(void *d, const void *s, size_t n);
void *__wrap_memset(void *d, int c, size_t n);

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

#define ONES UINT64_C(0x0101010101010101)
#define LOW7 UINT64_C(0x7f7f7f7f7f7f7f7f)

/* 0x80 in each byte of x that is zero, nothing else (no borrow from one
 * byte to the next, so the highest flag is exact too). */
static inline uint64_t zero_bytes(uint64_t x)
{
    return ~(((x & LOW7) + LOW7) | x | LOW7);
}

void *__wrap_memchr(const void *src, int c, size_t n)
{
    const unsigned char *s = src;
    unsigned char ch = (unsigned char)c;
    for (; ((uintptr_t)s & 7) && n; s++, n--)
        if (*s == ch)
            return (void *)s;
    uint64_t k = ONES * ch;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t x;
        __builtin_memcpy(&x, s, 8);
        uint64_t z = zero_bytes(x ^ k);
        if (z)
            return (void *)(s + (__builtin_ctzll(z) >> 3));
    }
    for (; n; s++, n--)
        if (*s == ch)
            return (void *)s;
    return NULL;
}

void *__wrap_memrchr(const void *src, int c, size_t n)
{
    const unsigned char *s = src;
    unsigned char ch = (unsigned char)c;
    while (n && ((uintptr_t)(s + n) & 7))
        if (s[--n] == ch)
            return (void *)(s + n);
    uint64_t k = ONES * ch;
    for (; n >= 8; n -= 8) {
        uint64_t x;
        __builtin_memcpy(&x, s + n - 8, 8);
        uint64_t z = zero_bytes(x ^ k);
        if (z)
            return (void *)(s + n - 8 + ((63 - __builtin_clzll(z)) >> 3));
    }
    while (n)
        if (s[--n] == ch)
            return (void *)(s + n);
    return NULL;
}

size_t __wrap_strlen(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    for (; (uintptr_t)s & 7; s++)
        if (!*s)
            return (size_t)(s - (const unsigned char *)str);
    for (;; s += 8) {
        uint64_t x;
        __builtin_memcpy(&x, s, 8);
        uint64_t z = zero_bytes(x);
        if (z)
            return (size_t)(s - (const unsigned char *)str) + (__builtin_ctzll(z) >> 3);
    }
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
