/* wasmbox.fiber_new / fiber_switch / fiber_free: the guest's fibers (see
 * guest/rt/fiber.h), for pipeline stages that stream into each other.
 *
 * A fiber is a native stack (src/runtime/rt_fiber.c) plus what must follow
 * the running code when it switches: the guest's shadow stack pointer and
 * its lower limit (the global wb_stack_limit that the metering pass's
 * --stack-check compares every stack pointer store with: a fiber's shadow
 * stack sits in the heap, and must not grow over it), the wb_try frames
 * (src/guest_unwind.c) and the stack-overflow floor of wasm-rt.h's
 * prologue check.  Fiber 0 is the stack the run started on.
 * Fibers live for one guest call: whatever is left when the call returns
 * or traps is freed (wb__fibers_reset), so a snapshot never holds one. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "imports.h"
#include "runtime/rt.h"
#include "guest.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define ASAN 1
#else
#define ASAN 0
#endif

#define MAX_FIBERS 64
#define FIBER_STACK ((size_t)16 << 20) /* reserved, touched on demand */
#define FIBER_MARGIN ((size_t)256 << 10)

enum { F_FREE, F_READY, F_LIVE, F_DONE };

typedef struct {
    wb__rt_fiber rt;
    int state;
    u32 fn, arg, guest_sp;
    u32 stack_limit; /* the metering pass's wb_stack_limit: its shadow stack's bottom */
    struct wb__unwind *unwind;
    uintptr_t floor;
    const void *bottom; /* for ASan: the stack's bounds */
    size_t bsize;
} fiber;

struct wb__fibers {
    fiber f[MAX_FIBERS];
    int cur;
    struct Z_wasmbox_instance_t *w;
};

static struct wb__fibers *get(wb__host *h)
{
    if (!h->fibers) {
        h->fibers = calloc(1, sizeof *h->fibers);
        if (h->fibers)
            h->fibers->f[0].state = F_LIVE;
    }
    return h->fibers;
}

static void switch_to(struct wb__fibers *fs, int to)
{
    wb__host *h = fs->w->host;
    Z_guest_instance_t *inst = fs->w->guest;
    fiber *a = &fs->f[fs->cur], *b = &fs->f[to];
    a->guest_sp = inst->w2c___stack_pointer;
    a->stack_limit = inst->w2c_wb_stack_limit;
    a->unwind = h->unwind;
    a->floor = wb__rt_stack_floor;
    inst->w2c___stack_pointer = b->guest_sp;
    inst->w2c_wb_stack_limit = b->stack_limit;
    h->unwind = b->unwind;
    wb__rt_stack_floor = b->floor;
    fs->cur = to;
#if ASAN
    void *fake = NULL;
    __sanitizer_start_switch_fiber(a->state == F_DONE ? NULL : &fake, b->bottom, b->bsize);
    wb__rt_fiber_switch(&a->rt.sp, b->rt.sp);
    __sanitizer_finish_switch_fiber(fake, NULL, NULL);
#else
    wb__rt_fiber_switch(&a->rt.sp, b->rt.sp);
#endif
}

/* First code on a new fiber's stack. */
static void fiber_main(void *arg)
{
    struct wb__fibers *fs = arg;
    int me = fs->cur;
#if ASAN
    /* Learn the bounds of the stack we came from (fiber 0's, the first
     * time), so switching back can announce them. */
    const void *from_bottom;
    size_t from_size;
    __sanitizer_finish_switch_fiber(NULL, &from_bottom, &from_size);
    if (!fs->f[0].bottom) {
        fs->f[0].bottom = from_bottom;
        fs->f[0].bsize = from_size;
    }
#endif
    Z_guestZ_wb_guest_call(fs->w->guest, fs->f[me].fn, fs->f[me].arg);
    fs->f[me].state = F_DONE;
    switch_to(fs, 0);
    abort(); /* a finished fiber is never switched to */
}

u32 Z_wasmboxZ_fiber_new(struct Z_wasmbox_instance_t *w, u32 fn, u32 arg, u32 shadow_lo, u32 shadow_top)
{
    struct wb__fibers *fs = get(w->host);
    if (!fs || shadow_top <= shadow_lo)
        return 0;
    fs->w = w;
    for (int i = 1; i < MAX_FIBERS; i++) {
        fiber *f = &fs->f[i];
        if (f->state != F_FREE)
            continue;
        if (wb__rt_fiber_make(&f->rt, FIBER_STACK, fiber_main, fs) != 0)
            return 0;
        f->state = F_READY;
        f->fn = fn;
        f->arg = arg;
        f->guest_sp = shadow_top & ~15u;
        f->stack_limit = shadow_lo;
        f->unwind = NULL;
        f->floor = (uintptr_t)f->rt.base + FIBER_MARGIN;
        f->bottom = f->rt.base;
        f->bsize = f->rt.size;
        return (u32)i;
    }
    return 0;
}

/* 0 on success (after someone switched back), 1 when id is not a fiber
 * that can run. */
u32 Z_wasmboxZ_fiber_switch(struct Z_wasmbox_instance_t *w, u32 id)
{
    struct wb__fibers *fs = get(w->host);
    if (!fs || id >= MAX_FIBERS)
        return 1;
    fs->w = w;
    if ((int)id == fs->cur)
        return 0;
    fiber *b = &fs->f[id];
    if (b->state != F_READY && b->state != F_LIVE)
        return 1;
    b->state = F_LIVE;
    switch_to(fs, (int)id);
    return 0;
}

/* Frees a fiber that finished or never started; 1 when id is running,
 * suspended mid-way or not a fiber. */
u32 Z_wasmboxZ_fiber_free(struct Z_wasmbox_instance_t *w, u32 id)
{
    struct wb__fibers *fs = w->host->fibers;
    if (!fs || id == 0 || id >= MAX_FIBERS)
        return 1;
    fiber *f = &fs->f[id];
    if (f->state != F_DONE && f->state != F_READY)
        return 1;
    wb__rt_fiber_free(&f->rt);
    memset(f, 0, sizeof *f);
    return 0;
}

void wb__fibers_reset(wb__host *h)
{
    struct wb__fibers *fs = h->fibers;
    if (!fs)
        return;
    for (int i = 1; i < MAX_FIBERS; i++)
        if (fs->f[i].state != F_FREE)
            wb__rt_fiber_free(&fs->f[i].rt);
    free(fs);
    h->fibers = NULL;
}
