/* Fuel: the host's side of the metering pass (tools/wasm-meter).
 *
 * The guest counts its executed instructions down in a global and calls
 * wasmbox.out_of_fuel when it goes negative.  We never hand out the whole
 * budget: slices of WB__FUEL_SLICE instructions (a millisecond or so) come
 * back here, which is where limits reach code that never polls — C loops in
 * the guest, QuickJS's regexp engine — without a watchdog thread racing the
 * guest for its counter:
 *  - the fuel budget, and the time limit: past them the guest is first
 *    asked to stop gracefully (JavaScript unwinds at its next interrupt
 *    check, the sandbox keeps its state); if it is still running a grace
 *    later, it is stopped hard with a trap and the run is rolled back.
 * Slicing changes nothing in the count: fuel_used is exact. */
#include "internal.h"
#include "imports.h"
#include "runtime/rt.h"
#include "guest.h"
#include "journal/journal.h"

#define WB__FUEL_SLICE 1000000
/* How much longer than the limit graceful stopping may take. */
#define WB__FUEL_GRACE 5000000
#define WB__TIME_GRACE_MS 5.0

static void give(wb__host *h)
{
    int64_t slice = WB__FUEL_SLICE;
    if (h->opt.fuel_limit) {
        uint64_t cap = h->opt.fuel_limit + (h->stop == WB__STOP_FUEL ? WB__FUEL_GRACE : 0);
        uint64_t left = cap > h->fuel_used ? cap - h->fuel_used : 1;
        if (left < (uint64_t)slice)
            slice = (int64_t)left;
    }
    h->fuel_given = slice;
    *h->fuel = (uint64_t)slice;
}

void wb__fuel_begin(wb__host *h)
{
    h->fuel_used = 0;
    if (h->fuel)
        give(h);
}

void wb__fuel_settle(wb__host *h)
{
    if (!h->fuel)
        return;
    /* The counter may end a little below zero: the code between two
     * checks runs whole. */
    h->fuel_used += (uint64_t)(h->fuel_given - (int64_t)*h->fuel);
    h->fuel_given = 0;
    *h->fuel = 0;
}

static void stop_hard(wb__host *h, int why)
{
    h->hard_stop = why;
    wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_STOP);
}

void Z_wasmboxZ_out_of_fuel(struct Z_wasmbox_instance_t *w)
{
    wb__host *h = w->host;
    h->fuel_used += (uint64_t)(h->fuel_given - (int64_t)*h->fuel);
    if (h->opt.fuel_limit && h->fuel_used >= h->opt.fuel_limit) {
        if (h->stop == WB__STOP_FUEL && h->fuel_used >= h->opt.fuel_limit + WB__FUEL_GRACE)
            stop_hard(h, WB__STOP_FUEL);
        if (h->stop == WB__STOP_NONE)
            h->stop = WB__STOP_FUEL;
    }
    if (h->deadline_ms > 0) {
        /* The deadline, recorded or replayed (src/journal/). */
        int past = wb__journal_time(h, WB__TIME_GRACE_MS);
        if (past == 2)
            stop_hard(h, h->stop == WB__STOP_FUEL ? WB__STOP_FUEL : WB__STOP_TIME);
        if (past && h->stop == WB__STOP_NONE)
            h->stop = WB__STOP_TIME;
    }
    if (wb__host_check_interrupt(h, WB__TIME_GRACE_MS) == 2)
        stop_hard(h, WB__STOP_INTERRUPT);
    give(h);
}
