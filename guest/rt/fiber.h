/* Fibers for the guest: several computations interleaved in one instance
 * (the shell's pipeline stages, so `yes | head -3` streams instead of
 * buffering).  Each fiber has its own native stack (host side) and its own
 * shadow stack (guest memory).  Switching is explicit and cooperative.
 *
 * Fiber 0 is the code that started the run.  When a fiber's fn returns,
 * the fiber is finished and control goes to fiber 0.  Fibers last for one
 * run of the guest at most: the host frees any left when the run ends.
 * wb_try/wb_throw work inside a fiber and never cross fibers. */
#ifndef WB_GUEST_FIBER_H
#define WB_GUEST_FIBER_H

#include <stddef.h>

/* A fiber that will run fn(arg) when first switched to, with a shadow
 * stack of stack_size bytes (64 KiB is plenty for most C; going past it
 * traps, it never overwrites the heap).  Returns its id
 * (> 0), or 0 when out of memory or fibers (at most 63 at once). */
int wb_fiber_new(int (*fn)(void *arg), void *arg, size_t stack_size);

/* Suspends the running fiber and continues fiber id (where it last
 * switched away, or at its start).  Returns 0 once something switches back
 * here; -1 (without switching) when id has finished or is not a fiber. */
int wb_fiber_switch(int id);

/* The running fiber's id (0 outside any fiber). */
int wb_fiber_current(void);

/* Frees a finished or never-started fiber; -1 when it is suspended
 * mid-way, running, or not a fiber. */
int wb_fiber_free(int id);

#endif
