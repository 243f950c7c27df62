/* The public side of the sandbox's stdin (wb_set_stdin, wb_set_stdin_fd);
 * the reads are src/wasi/wasi_stdin.c. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

wb_status wb_set_stdin(wb_sandbox *sb, const void *data, size_t len)
{
    wb__host *h = wb__sandbox_host(sb);
    if (!h || (len && !data))
        return WB_EMISUSE;
    unsigned char *copy = NULL;
    if (len && !(copy = malloc(len)))
        return wb__sandbox_fail(sb, WB_ENOMEM, "wb_set_stdin: out of host memory for %zu bytes of stdin", len);
    if (len)
        memcpy(copy, data, len);
    wb__stdin_free(h);
    h->in.data = copy;
    h->in.len = len;
    return WB_OK;
}

wb_status wb_set_stdin_fd(wb_sandbox *sb, int fd)
{
    wb__host *h = wb__sandbox_host(sb);
    if (!h)
        return WB_EMISUSE;
    if (fd < 0)
        return wb__sandbox_fail(sb, WB_EINVAL, "wb_set_stdin_fd: fd %d is not a file descriptor (use wb_set_stdin(sb, NULL, 0) for an empty stdin)", fd);
    wb__stdin_free(h);
    h->in.fd = fd;
    h->in.use_fd = 1;
    return WB_OK;
}
