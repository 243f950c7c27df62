/* The one place where guest-supplied offsets and lengths are checked.
 * Host functions receive spans from here and never do offset arithmetic on
 * guest memory themselves. */
#include "internal.h"

wb_status wb__guest_span(const wasm_rt_memory_t *mem, uint64_t off, uint64_t len, void **out)
{
    uint64_t end;
    /* Overflow-safe: off + len must not wrap and must stay inside memory. */
    if (!mem || !mem->data || __builtin_add_overflow(off, len, &end) || end > mem->size)
        return WB_EBOUNDS;
    *out = mem->data + off;
    return WB_OK;
}
