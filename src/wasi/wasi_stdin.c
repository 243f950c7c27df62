/* The sandbox's stdin (fd 0): empty by default; the embedder gives it
 * bytes (wb_set_stdin) or a host file descriptor (wb_set_stdin_fd, what
 * `wasmbox sh -c ... < file` uses).  A host fd is read only when the guest
 * reads, as a process would, and a read that waits on it gives up at the
 * run's deadline, so a script cannot outlive its time limit waiting for
 * input that never comes.  Every read is recorded and replayed through the
 * journal like the clock: a replay needs neither the bytes nor the fd. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal.h"

enum { E_AGAIN = 6, E_BADF = 8, E_INTR = 27, E_IO = 29 };

void wb__stdin_free(wb__host *h)
{
    free(h->in.data);
    memset(&h->in, 0, sizeof h->in);
}

static long read_fd(wb__host *h, void *buf, size_t cap)
{
    for (;;) {
        /* Waits in slices, to see the deadline and wb_interrupt; the
         * caller's stop check turns E_INTR into the run's stop. */
        int wait_ms = 50;
        if (atomic_load_explicit(&h->interrupt, memory_order_relaxed))
            return -E_INTR;
        if (h->deadline_ms > 0) {
            double left = h->deadline_ms - wb__now_ms();
            if (left <= 0)
                return -E_INTR;
            if (left < wait_ms)
                wait_ms = (int)left + 1;
        }
        struct pollfd p = {.fd = h->in.fd, .events = POLLIN};
        int r = poll(&p, 1, wait_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0)
            continue;
        ssize_t n = read(h->in.fd, buf, cap);
        if (n >= 0)
            return (long)n;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN ? -E_AGAIN : errno == EBADF ? -E_BADF : -E_IO;
    }
}

long wb__stdin_read(wb__host *h, void *buf, size_t cap)
{
    if (h->in.use_fd)
        return read_fd(h, buf, cap);
    size_t n = h->in.len - h->in.pos;
    if (n > cap)
        n = cap;
    if (n)
        memcpy(buf, h->in.data + h->in.pos, n);
    h->in.pos += n;
    return (long)n;
}
