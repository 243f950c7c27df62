/* Per-sandbox host state: output buffers and the per-run reset. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

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
    if (!h->stop && h->deadline_ms > 0 && wb__now_ms() >= h->deadline_ms)
        h->stop = WB__STOP_TIME;
    return h->stop != WB__STOP_NONE;
}

void wb__host_begin_run(wb__host *h)
{
    wb__host_end_run(h);
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
