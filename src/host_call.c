/* wasmbox.host_call(op, req, len): the guest's one door beyond WASI.
 * Ops are numbered in guest/rt/host.h; unknown ops are refused, never
 * guessed at.  Returns 0 on success, a negative code otherwise. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "imports.h"
#include "guest.h"

enum { OP_RESULT = 1 };
enum { HC_OK = 0, HC_EFAULT = -1, HC_ENOSYS = -2, HC_ENOMEM = -3 };

static int set_value(wb__host *h, const void *p, size_t n)
{
    char *v = malloc(n + 1);
    if (!v)
        return HC_ENOMEM;
    memcpy(v, p, n);
    v[n] = 0;
    free(h->value);
    h->value = v;
    h->value_len = n;
    return HC_OK;
}

u32 Z_wasmboxZ_host_call(struct Z_wasmbox_instance_t *w, u32 op, u32 req, u32 len)
{
    wb__host *h = w->host;
    void *p;
    if (wb__guest_span(h->mem, req, len, &p) != WB_OK)
        return (u32)HC_EFAULT;
    switch (op) {
    case OP_RESULT:
        return (u32)set_value(h, p, len);
    default:
        return (u32)HC_ENOSYS;
    }
}
