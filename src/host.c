/* Per-sandbox host state: output buffers and the per-run reset. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "journal/journal.h"

int wb__buf_append(wb__buf *b, const void *p, size_t n)
{
    if (n == 0)
        return 0;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            return ENOMEM;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

void wb__buf_free(wb__buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

double wb__now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int wb__host_should_stop(wb__host *h)
{
    /* deadline_ms is 0 outside runs (the template's initialisation). */
    if (!h->stop && wb__journal_time(h, 0) >= 1) /* the deadline, recorded or replayed */
        h->stop = WB__STOP_TIME;
    wb__host_check_interrupt(h, 0);
    return h->stop != WB__STOP_NONE;
}

int wb__host_check_interrupt(wb__host *h, double grace_ms)
{
    int live = atomic_load_explicit(&h->interrupt, memory_order_relaxed) && h->deadline_ms > 0;
    if (live && h->stop == WB__STOP_INTERRUPT && grace_ms > 0 && wb__now_ms() >= h->interrupt_ms + grace_ms)
        live = 2;
    int level = wb__journal_interrupt(h, live); /* recorded, or replayed at the same check */
    if (!level)
        return 0;
    if (h->stop == WB__STOP_NONE) {
        h->stop = WB__STOP_INTERRUPT;
        h->interrupt_ms = wb__now_ms();
    }
    return h->stop == WB__STOP_INTERRUPT ? level : 0;
}

void wb__host_begin_run(wb__host *h)
{
    wb__host_end_run(h);
    atomic_store(&h->interrupt, 0);
    h->deadline_ms = wb__now_ms() + (double)h->opt.time_limit_ms;
}

void wb__host_end_run(wb__host *h)
{
    wb__buf_free(&h->out);
    wb__buf_free(&h->err);
    free(h->value);
    h->value = NULL;
    h->value_len = 0;
    h->out_total = 0;
    h->truncated = 0;
    h->exit_code = 0;
    h->stop = WB__STOP_NONE;
    h->deadline_ms = 0;
    free(h->batch);
    h->batch = NULL;
    h->batch_len = 0;
    h->answer = NULL;
    free(h->sync_answer);
    h->sync_answer = NULL;
}
