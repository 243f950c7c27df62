/* wasmbox.try / wasmbox.throw: non-local exits for the guest (see
 * guest/rt/unwind.h).
 *
 * Guest code is C from wasm2c running on the host's stack, and nothing in
 * it holds resources across a call that a longjmp would leak: its state is
 * linear memory and the instance's globals.  So a throw is a host longjmp
 * back into the try import's frame, plus the one global that must follow
 * the stack: the guest's shadow stack pointer.  The fuel counter needs
 * nothing: the metering pass writes it back to its global before every
 * call, throw included, and reloads it after every call, try included.
 *
 * Frames live in the try import's C frame and are linked from the host
 * state; a trap or hard stop that jumps past them leaves the list stale,
 * so every guest call resets it (src/guest_glue.c). */
#include <setjmp.h>
#include <string.h>

#include "internal.h"
#include "imports.h"
#include "guest.h"

struct wb__unwind {
    jmp_buf jb;
    struct wb__unwind *prev;
    int value;
};

u32 Z_wasmboxZ_try(struct Z_wasmbox_instance_t *w, u32 fn, u32 arg, u32 retp)
{
    wb__host *h = w->host;
    Z_guest_instance_t *inst = w->guest;
    /* volatile: read after the longjmp. */
    volatile u32 sp = inst->w2c___stack_pointer;
    struct wb__unwind f;
    f.prev = h->unwind;
    f.value = 0;
    h->unwind = &f;
    if (setjmp(f.jb)) {
        h->unwind = f.prev;
        inst->w2c___stack_pointer = sp;
        return (u32)f.value;
    }
    u32 r = Z_guestZ_wb_guest_call(inst, fn, arg);
    h->unwind = f.prev;
    if (retp) {
        void *p;
        if (wb__guest_span(h->mem, retp, sizeof r, &p) != WB_OK)
            wasm_rt_trap(WASM_RT_TRAP_OOB);
        memcpy(p, &r, sizeof r);
    }
    return 0;
}

void Z_wasmboxZ_throw(struct Z_wasmbox_instance_t *w, u32 v)
{
    wb__host *h = w->host;
    struct wb__unwind *f = h->unwind;
    /* A throw with no try running is a guest bug: end the run as a trap. */
    if (!f)
        wasm_rt_trap(WASM_RT_TRAP_UNREACHABLE);
    f->value = v ? (int)v : 1;
    longjmp(f->jb, 1);
}
