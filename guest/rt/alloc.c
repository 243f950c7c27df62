/* Allocation arenas: memory an applet allocates is reclaimed when it ends.
 *
 * In the wasm build every malloc/calloc/realloc/free/aligned_alloc/
 * posix_memalign/malloc_usable_size of the guest (libc, QuickJS, the shell,
 * applets) comes here (wasm-ld --wrap, mk/shell.mk).  Each block carries a
 * 16-byte header; blocks made while an arena is active are linked into it,
 * and arena_pop frees whatever the applet left.  The runtime's own memory
 * (pipe buffers, fd tables) uses rt_malloc, which is never tracked, so an
 * applet's pipe output outlives the applet.  Native builds have no applets
 * to reclaim: the functions are plain malloc there. */
#include "proc.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __wasm__

void *__real_malloc(size_t);
void __real_free(void *);
void *__real_realloc(void *, size_t);
size_t __real_malloc_usable_size(void *);

struct hdr {
    void *raw;          /* what __real_malloc returned */
    struct hdr *next;   /* arena list (arena > 0) */
    struct hdr *prev;
    int arena;
};
_Static_assert(sizeof(struct hdr) == 16, "header keeps 16-byte alignment");

#define MAX_ARENAS 64
static struct hdr *lists[MAX_ARENAS + 1];
static int depth;     /* arenas pushed */
static int current;   /* arena new blocks go to (0: untracked) */

static void link_in(struct hdr *h)
{
    h->arena = current;
    h->prev = NULL;
    h->next = NULL;
    if (current > 0) {
        h->next = lists[current];
        if (h->next)
            h->next->prev = h;
        lists[current] = h;
    }
}

static void unlink_out(struct hdr *h)
{
    if (h->arena <= 0)
        return;
    if (h->prev)
        h->prev->next = h->next;
    else
        lists[h->arena] = h->next;
    if (h->next)
        h->next->prev = h->prev;
}

static void *alloc_aligned(size_t align, size_t n)
{
    if (align < 16)
        align = 16;
    if (n > SIZE_MAX - align - sizeof(struct hdr))
        return NULL;
    char *raw = __real_malloc(n + align + sizeof(struct hdr));
    if (!raw)
        return NULL;
    uintptr_t p = ((uintptr_t)raw + sizeof(struct hdr) + align - 1) & ~(uintptr_t)(align - 1);
    struct hdr *h = (struct hdr *)p - 1;
    h->raw = raw;
    link_in(h);
    return (void *)p;
}

void *__wrap_malloc(size_t n)
{
    if (n > SIZE_MAX - sizeof(struct hdr))
        return NULL;
    struct hdr *h = __real_malloc(n + sizeof(struct hdr));
    if (!h)
        return NULL;
    h->raw = h;
    link_in(h);
    return h + 1;
}

void __wrap_free(void *p)
{
    if (!p)
        return;
    struct hdr *h = (struct hdr *)p - 1;
    unlink_out(h);
    __real_free(h->raw);
}

void *__wrap_calloc(size_t a, size_t b)
{
    size_t n;
    if (__builtin_mul_overflow(a, b, &n))
        return NULL;
    void *p = __wrap_malloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

size_t __wrap_malloc_usable_size(void *p)
{
    if (!p)
        return 0;
    struct hdr *h = (struct hdr *)p - 1;
    return __real_malloc_usable_size(h->raw) - (size_t)((char *)p - (char *)h->raw);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (!p)
        return __wrap_malloc(n);
    struct hdr *h = (struct hdr *)p - 1;
    if (h->raw != (void *)h) { /* aligned block: move by hand */
        void *q = __wrap_malloc(n);
        if (!q)
            return NULL;
        size_t old = __wrap_malloc_usable_size(p);
        memcpy(q, p, old < n ? old : n);
        __wrap_free(p);
        return q;
    }
    if (n > SIZE_MAX - sizeof(struct hdr))
        return NULL;
    int arena = h->arena;
    unlink_out(h);
    struct hdr *nh = __real_realloc(h, n + sizeof(struct hdr));
    if (!nh) {
        /* The old block is still valid: put it back where it was. */
        int saved = current;
        current = arena;
        link_in(h);
        current = saved;
        return NULL;
    }
    nh->raw = nh;
    int saved = current;
    current = arena;
    link_in(nh);
    current = saved;
    return nh + 1;
}

void *__wrap_aligned_alloc(size_t align, size_t n)
{
    if (align == 0 || (align & (align - 1)))
        return NULL;
    return alloc_aligned(align, n);
}

int __wrap_posix_memalign(void **out, size_t align, size_t n)
{
    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    void *p = alloc_aligned(align, n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void *rt_malloc(size_t n)
{
    int saved = current;
    current = 0;
    void *p = __wrap_malloc(n);
    current = saved;
    return p;
}

void *rt_realloc(void *p, size_t n)
{
    if (!p)
        return rt_malloc(n);
    return __wrap_realloc(p, n); /* keeps the block's own arena */
}

void rt_free(void *p) { __wrap_free(p); }

int arena_push(void)
{
    if (depth >= MAX_ARENAS)
        return -1; /* too deep: untracked (the outer arena still reclaims) */
    depth++;
    lists[depth] = NULL;
    current = depth;
    return depth;
}

void arena_pop(int handle)
{
    if (handle <= 0)
        return;
    struct hdr *h = lists[handle];
    while (h) {
        struct hdr *next = h->next;
        __real_free(h->raw);
        h = next;
    }
    lists[handle] = NULL;
    depth = handle - 1;
    current = depth;
}

int arena_suspend(void)
{
    int saved = current;
    current = 0;
    return saved;
}

void arena_resume(int saved) { current = saved; }

size_t arena_live_bytes(void)
{
    return (size_t)__builtin_wasm_memory_size(0) * 65536u;
}
#else
void *rt_malloc(size_t n) { return malloc(n); }
void *rt_realloc(void *p, size_t n) { return realloc(p, n); }
void rt_free(void *p) { free(p); }
int arena_push(void) { return 0; }
void arena_pop(int handle) { (void)handle; }
int arena_suspend(void) { return 0; }
void arena_resume(int saved) { (void)saved; }
size_t arena_live_bytes(void) { return 0; }
#endif
