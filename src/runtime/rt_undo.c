/* Undo log: putting a memory back the way it was when a run began.
 *
 * A hard stop (fuel exhausted in C code, a trap) leaves the guest's heap
 * in the middle of an operation; the only safe state to continue from is
 * the one before the run.  Copying all of memory at every run start would
 * cost milliseconds, so writes are tracked instead: at the start every 4 KiB
 * page the guest has is made read-only; the first write to a page faults,
 * the fault handler (rt_trap.c) copies the page's old contents into a
 * shadow region at the same offset and makes it writable again.  Cost: one
 * fault and one 4 KiB copy per page a run writes.  Rolling back copies the
 * logged pages back and drops pages grown during the run.
 *
 * The shadow is one 4 GiB reservation per thread, lent to the run in
 * progress: idle sandboxes hold none, and its pages stay mapped from run to
 * run (faulting fresh pages in costs more than the copies).  A run that
 * waits for tool call answers (the step API) keeps its shadow until it
 * ends; the thread then makes another if it needs one.
 *
 * Refinements that keep it cheap and safe:
 *  - the guest's shadow stack (below the initial stack pointer, placed
 *    first in memory) is not tracked: at the start of a run everything
 *    there is dead frames, and the stack pointer itself is restored;
 *  - a small memory is simply copied whole at the start: below
 *    WB__UNDO_COPY bytes one memcpy costs less than the page faults a
 *    typical run takes (about twenty, at a few microseconds each);
 *  - a run that writes very many scattered pages would split the mapping
 *    into as many kernel areas (the process has a limit, vm.max_map_count),
 *    so past WB__UNDO_BULK logged pages the rest of memory is copied to
 *    the shadow at once and made writable in one call.
 *
 * The fault handler may only do async-signal-safe work: memcpy, mprotect
 * and a bit set in a bitmap allocated before the run. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "rt.h"

#define SHADOW_SIZE WB__RT_RESERVATION
/* A thread keeps its shadow's pages between runs up to this much; past it
 * they are given back after the run. */
#define SHADOW_KEEP ((size_t)8 << 20)

static WB__RT_TLS uint8_t *thread_shadow;

/* Process-wide state (listed in include/wasmbox.h): the key whose
 * destructor unmaps a thread's cached shadow when the thread ends. */
static pthread_key_t shadow_key;
static pthread_once_t shadow_once = PTHREAD_ONCE_INIT;
static int shadow_key_error;

static void drop_shadow(void *p)
{
    munmap(p, SHADOW_SIZE);
}

static void make_shadow_key(void)
{
    shadow_key_error = pthread_key_create(&shadow_key, drop_shadow);
}

static uint8_t *borrow_shadow(void)
{
    uint8_t *s = thread_shadow;
    if (s) {
        thread_shadow = NULL;
        pthread_setspecific(shadow_key, NULL);
        return s;
    }
    void *p = mmap(NULL, SHADOW_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static void return_shadow(uint8_t *s, size_t used)
{
    if (!s)
        return;
    pthread_once(&shadow_once, make_shadow_key);
    if (thread_shadow || shadow_key_error || pthread_setspecific(shadow_key, s) != 0) {
        munmap(s, SHADOW_SIZE);
        return;
    }
    if (used > SHADOW_KEEP)
        madvise(s, used, MADV_DONTNEED);
    thread_shadow = s;
}

#define BIT(i) ((uint64_t)1 << ((i) & 63))
#define UPAGE ((size_t)4096)
#define WB__UNDO_BULK 4096 /* pages logged one by one before the bulk copy */
#define WB__UNDO_COPY ((size_t)2 << 20) /* tracked bytes copied whole at the start */

void wb__rt_undo_free(wb__rt_undo *u)
{
    if (u->shadow)
        munmap(u->shadow, SHADOW_SIZE);
    free(u->logged);
    memset(u, 0, sizeof *u);
}

int wb__rt_undo_begin(wb__rt_undo *u, wasm_rt_memory_t *mem, size_t untracked)
{
    uint32_t pages = mem->pages;
    size_t need = (size_t)pages * WB__WASM_PAGE;
    untracked &= ~(UPAGE - 1);
    if (untracked > need)
        untracked = need;
    if (!u->shadow && !(u->shadow = borrow_shadow()))
        return ENOMEM;
    size_t words = (need / UPAGE + 63) / 64;
    if (words > u->logged_words) {
        uint64_t *l = realloc(u->logged, words * sizeof *l);
        if (!l)
            return ENOMEM;
        u->logged = l;
        u->logged_words = words;
    }
    memset(u->logged, 0, words * sizeof *u->logged);
    u->pages = pages;
    u->mem = mem;
    u->nlogged = 0;
    u->bulk = 0;
    u->untracked = untracked;
    u->active = 1;
    if (need - untracked <= WB__UNDO_COPY) {
        memcpy(u->shadow + untracked, mem->data + untracked, need - untracked);
        u->bulk = 1;
        return 0;
    }
    if (mprotect(mem->data + untracked, need - untracked, PROT_READ) != 0) {
        u->active = 0;
        return errno;
    }
    return 0;
}

int wb__rt_undo_fault(wb__rt_undo *u, const void *addr)
{
    if (!u || !u->active || u->bulk)
        return 0;
    const uint8_t *a = addr;
    size_t len = (size_t)u->pages * WB__WASM_PAGE;
    if (a < u->mem->data + u->untracked || (size_t)(a - u->mem->data) >= len)
        return 0;
    size_t page = (size_t)(a - u->mem->data) / UPAGE;
    if (u->logged[page / 64] & BIT(page))
        return 0; /* already writable: this fault is something else */
    if (u->nlogged >= WB__UNDO_BULK) {
        /* Copy every page not logged yet, then one mprotect for all. */
        for (size_t p = u->untracked / UPAGE; p < len / UPAGE; p++)
            if (!(u->logged[p / 64] & BIT(p)))
                memcpy(u->shadow + p * UPAGE, u->mem->data + p * UPAGE, UPAGE);
        if (mprotect(u->mem->data + u->untracked, len - u->untracked, PROT_READ | PROT_WRITE) != 0)
            return 0;
        u->bulk = 1;
        return 1;
    }
    uint8_t *p = u->mem->data + page * UPAGE;
    memcpy(u->shadow + page * UPAGE, p, UPAGE);
    if (mprotect(p, UPAGE, PROT_READ | PROT_WRITE) != 0)
        return 0;
    u->logged[page / 64] |= BIT(page);
    u->nlogged++;
    return 1;
}

/* Ends tracking: everything the guest has is writable again. */
static int undo_end(wb__rt_undo *u)
{
    int e = 0;
    size_t len = (size_t)u->pages * WB__WASM_PAGE;
    if (len > u->untracked && !u->bulk &&
        mprotect(u->mem->data + u->untracked, len - u->untracked, PROT_READ | PROT_WRITE) != 0)
        e = errno;
    return_shadow(u->shadow, len);
    u->shadow = NULL;
    u->active = 0;
    return e;
}

int wb__rt_undo_commit(wb__rt_undo *u)
{
    if (!u->active)
        return 0;
    return undo_end(u);
}

int wb__rt_undo_rollback(wb__rt_undo *u)
{
    if (!u->active)
        return 0;
    wasm_rt_memory_t *mem = u->mem;
    /* Logged pages are writable: copy the old contents back. */
    size_t len = (size_t)u->pages * WB__WASM_PAGE;
    if (u->bulk)
        memcpy(mem->data + u->untracked, u->shadow + u->untracked, len - u->untracked);
    else
        for (size_t page = u->untracked / UPAGE; page < len / UPAGE; page++)
            if (u->logged[page / 64] & BIT(page))
                memcpy(mem->data + page * UPAGE, u->shadow + page * UPAGE, UPAGE);
    /* Pages grown during the run go back to the untouched reservation. */
    size_t keep = (size_t)u->pages * WB__WASM_PAGE, cur = (size_t)mem->pages * WB__WASM_PAGE;
    if (cur > keep && mmap(mem->data + keep, cur - keep, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) == MAP_FAILED)
        return errno;
    mem->pages = u->pages;
    mem->size = (uint32_t)keep;
    return undo_end(u);
}
