/* Allocation arenas: memory an applet allocates is reclaimed when it ends.
 *
 * In the wasm build every malloc/calloc/realloc/free/aligned_alloc/
 * posix_memalign of the guest (libc, QuickJS, the shell, applets) comes
 * here (wasm-ld --wrap, mk/shell.mk).  Outside applets they go straight to
 * dlmalloc: no header, no cost but a test (QuickJS makes millions of
 * allocations and must not pay for this).  While an applet runs, each
 * block it gets is recorded in a hash table (pointer -> arena); free and
 * realloc keep the table current, and arena_pop frees whatever the applet
 * left.  The runtime's own memory (pipe buffers, fd tables) uses rt_malloc,
 * which is never tracked, so an applet's pipe output outlives the applet.
 * Native builds have no applets to reclaim: plain malloc there. */
#include "proc.h"

#include <errno.h>
#ifdef __wasm__
#include <malloc.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __wasm__

void *__real_malloc(size_t);
void __real_free(void *);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__real_aligned_alloc(size_t, size_t);
int __real_posix_memalign(void **, size_t, size_t);

#define MAX_ARENAS 64

struct slot {
    uintptr_t p;  /* 0: empty */
    int arena;
};

static struct slot *tab;    /* open addressing, linear probing */
static size_t cap, used;    /* cap: power of two */
static int depth;           /* arenas pushed */
static int current;         /* arena new blocks go to (0: untracked) */
/* current when arena i+1 was pushed, reinstated when it is popped: an
 * applet run from inside another (xargs CMD, find -exec) is pushed while
 * the shell has tracking suspended, and the shell's work after it (exit
 * status, variables) must stay untracked, not land in the outer arena. */
static int pushed_from[MAX_ARENAS];
static int checking;        /* WASMBOX_ARENA_CHECK: arena_check.c */

/* The blocks of a 128-byte stretch of addresses share a window of 8
 * slots (one cache line of the table; one slot per 16 bytes, dlmalloc's
 * smallest step) placed by a hash of the stretch: blocks allocated one
 * after another are recorded and looked up in the same cache line.  A
 * plain hash of the address cost a cache miss per block (a seventh of
 * sorting 10 MB of lines); wider windows made linear probing's clusters
 * long. */
static size_t slot_of(uintptr_t p)
{
    uint32_t h = (uint32_t)(p >> 7) * 2654435761u;
    return ((size_t)(h ^ (h >> 15)) * 8 + ((p >> 4) & 7)) & (cap - 1);
}

static int grow(void)
{
    size_t ncap = cap ? cap * 2 : 1024;
    struct slot *nt = __real_calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    struct slot *old = tab;
    size_t ocap = cap;
    tab = nt;
    cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].p)
            continue;
        size_t k = slot_of(old[i].p);
        while (tab[k].p)
            k = (k + 1) & (cap - 1);
        tab[k] = old[i];
    }
    __real_free(old);
    return 0;
}

/* Records p for the current arena; on failure the block is freed and NULL
 * returned, as if the allocation had failed. */
static void *record(void *p)
{
    if (!p || current <= 0)
        return p;
    if ((used + 1) * 4 > cap * 3 && grow() < 0) {
        __real_free(p);
        return NULL;
    }
    size_t k = slot_of((uintptr_t)p);
    while (tab[k].p) {
        if (tab[k].p == (uintptr_t)p) {
            /* Freed behind our back (libc's __libc_free) and handed out
             * again: one entry, the new owner's, never a double free. */
            tab[k].arena = current;
            return p;
        }
        k = (k + 1) & (cap - 1);
    }
    tab[k].p = (uintptr_t)p;
    tab[k].arena = current;
    used++;
    return p;
}

static size_t find(uintptr_t p)
{
    if (!used)
        return (size_t)-1;
    size_t k = slot_of(p);
    while (tab[k].p) {
        if (tab[k].p == p)
            return k;
        k = (k + 1) & (cap - 1);
    }
    return (size_t)-1;
}

/* Removes slot k, shifting later entries of the cluster back. */
static void remove_at(size_t k)
{
    tab[k].p = 0;
    used--;
    size_t j = k;
    for (;;) {
        j = (j + 1) & (cap - 1);
        if (!tab[j].p)
            return;
        size_t home = slot_of(tab[j].p);
        /* move j to k when its home is not within (k, j] cyclically */
        int between = k <= j ? (home > k && home <= j) : (home > k || home <= j);
        if (!between) {
            tab[k] = tab[j];
            tab[j].p = 0;
            k = j;
        }
    }
}

void *__wrap_malloc(size_t n) { return record(__real_malloc(n)); }

void *__wrap_calloc(size_t a, size_t b) { return record(__real_calloc(a, b)); }

void __wrap_free(void *p)
{
    if (!p)
        return;
    size_t k = find((uintptr_t)p);
    if (k != (size_t)-1)
        remove_at(k);
    else if (checking && arena_check_held(p))
        return; /* reported; it is freed when it leaves the quarantine */
    __real_free(p);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (!p)
        return __wrap_malloc(n);
    size_t k = find((uintptr_t)p);
    if (k == (size_t)-1 && checking && arena_check_held(p)) {
        void *q = __wrap_malloc(n); /* reported; the held block stays as it is */
        if (q)
            memcpy(q, p, n < malloc_usable_size(p) ? n : malloc_usable_size(p));
        return q;
    }
    if (k == (size_t)-1)
        return __real_realloc(p, n);
    int arena = tab[k].arena;
    void *q = __real_realloc(p, n);
    if (!q)
        return NULL; /* p is still valid and still recorded */
    remove_at(k);
    int saved = current;
    current = arena;
    q = record(q);
    current = saved;
    return q;
}

void *__wrap_aligned_alloc(size_t align, size_t n) { return record(__real_aligned_alloc(align, n)); }

int __wrap_posix_memalign(void **out, size_t align, size_t n)
{
    int r = __real_posix_memalign(out, align, n);
    if (r == 0 && !record(*out))
        return ENOMEM;
    return r;
}

void *rt_malloc(size_t n) { return __real_malloc(n); }

void *rt_realloc(void *p, size_t n) { return __real_realloc(p, n); }

void rt_free(void *p) { __real_free(p); }

int arena_push(void)
{
    if (depth >= MAX_ARENAS)
        return -1; /* too deep: untracked here (an outer arena still reclaims) */
    if (!depth)
        checking = arena_check_on();
    pushed_from[depth] = current;
    depth++;
    current = depth;
    return depth;
}

void arena_pop(int handle)
{
    if (handle <= 0)
        return;
    /* free every block of this arena (and of any inner one left open) */
    for (size_t k = 0; k < cap && used;) {
        if (tab[k].p && tab[k].arena >= handle) {
            if (checking)
                arena_check_release((void *)tab[k].p);
            else
                __real_free((void *)tab[k].p);
            remove_at(k); /* may shift a later entry into k: look at k again */
            continue;
        }
        k++;
    }
    depth = handle - 1;
    current = pushed_from[depth];
    if (checking)
        arena_check_verify();
}

int arena_suspend(void)
{
    int saved = current;
    current = 0;
    return saved;
}

void arena_resume(int saved) { current = saved; }

/* wasi-libc keeps the buffers that resolve relative paths in statics and
 * reuses them on its next call: one per path argument (rename() and link()
 * use a second one, which a stat() made before any applet never grows).
 * Made or grown inside an applet they would be freed with its arena and
 * written through by the next rename (sed -i, mv): so they are never
 * tracked.  They are bounded by the longest path.  (chdir, setenv and
 * uselocale, which keep state too, are applet_run.c's.) */
int __real___wasilibc_find_relpath_alloc(const char *, const char **, char **, size_t *, int);
int __wrap___wasilibc_find_relpath_alloc(const char *path, const char **abs, char **buf, size_t *len, int can_realloc)
{
    int saved = arena_suspend();
    int r = __real___wasilibc_find_relpath_alloc(path, abs, buf, len, can_realloc);
    arena_resume(saved);
    return r;
}

size_t arena_live_bytes(void) { return (size_t)__builtin_wasm_memory_size(0) * 65536u; }
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
