/* wasmbox.host_call(op, req, len): the guest's one door beyond WASI.
 * Ops are numbered in guest/rt/host.h; unknown ops are refused, never
 * guessed at.  Returns 0 on success, a negative code otherwise. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "imports.h"
#include "guest.h"
#include "tools.h"
#include "journal/journal.h"

enum { OP_RESULT = 1, OP_TOOLS = 2, OP_READ = 3, OP_BATCH = 4, OP_POLL = 5, OP_TOOL_ARGV = 6 };
enum { HC_OK = 0, HC_EFAULT = -1, HC_ENOSYS = -2, HC_ENOMEM = -3 };

/* *dst becomes a NUL-terminated copy of the guest's bytes. */
static int take_copy(char **dst, size_t *dstlen, const void *p, size_t n)
{
    char *v = malloc(n + 1);
    if (!v)
        return HC_ENOMEM;
    memcpy(v, p, n);
    v[n] = 0;
    free(*dst);
    *dst = v;
    *dstlen = n;
    return HC_OK;
}

/* The shell's tool builtin (src/tool_argv.c): the answer waits for OP_READ. */
static int tool_argv(wb__host *h, const void *p, size_t len)
{
    if (!h->tools)
        return HC_ENOSYS;
    wb__str out = {0};
    if (wb__tool_argv(h, p, len, &out) || out.oom || out.len > INT32_MAX) {
        wb__str_free(&out);
        return HC_ENOMEM;
    }
    free(h->sync_answer);
    h->sync_answer = out.s;
    h->answer = out.s;
    h->answer_len = out.len;
    wb__journal_stop_if_diverged(h); /* a strict replay that differed at this call */
    return (int)out.len;
}

u32 Z_wasmboxZ_host_call(struct Z_wasmbox_instance_t *w, u32 op, u32 req, u32 len)
{
    wb__host *h = w->host;
    void *p;
    if (wb__guest_span(h->mem, req, len, &p) != WB_OK)
        return (u32)HC_EFAULT;
    switch (op) {
    case OP_RESULT:
        return (u32)take_copy(&h->value, &h->value_len, p, len);
    case OP_TOOLS:
        if (!h->catalog)
            return (u32)HC_ENOSYS;
        h->answer = h->catalog;
        h->answer_len = h->catalog_len;
        return (u32)h->answer_len;
    case OP_READ:
        /* The guest asks for exactly the length it was told. */
        if (!h->answer || len != h->answer_len)
            return (u32)HC_EFAULT;
        memcpy(p, h->answer, len);
        h->answer = NULL;
        return len;
    case OP_POLL:
        return (u32)wb__host_should_stop(h);
    case OP_BATCH:
        return (u32)take_copy(&h->batch, &h->batch_len, p, len);
    case OP_TOOL_ARGV:
        return (u32)tool_argv(h, p, len);
    default:
        return (u32)HC_ENOSYS;
    }
}
