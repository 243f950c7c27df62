/* The host's WASI (snapshot preview1) subset.
 *
 * The guest has no ambient authority: stdout and stderr are captured into
 * per-run buffers under the output limit, stdin is what the embedder gave
 * (wasi_stdin.c; empty by default), the clock and
 * randomness are the embedder's choice (real, or fixed and seeded), files
 * are the sandbox's VFS (wasi_fs.c, src/vfs/), and there are no arguments
 * or environment yet.  Every call the guest
 * may make returns a WASI errno; none can crash the host.  Guest pointers
 * go through wb__guest_span() only.
 *
 * The function names and signatures are the ones wasm2c gives imports of
 * module "wasi_snapshot_preview1"; guest.h (generated) declares those the
 * current guest imports, so the compiler checks them. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "../internal.h"
#include "../imports.h"
#include "wasi.h"
#include "../journal/journal.h"
#include "guest.h"

enum {
    E_SUCCESS = 0,
    E_BADF = 8,
    E_FAULT = 21,
    E_INTR = 27,
    E_INVAL = 28,
    E_IO = 29,
    E_NOSYS = 52,
    E_NOTSUP = 58,
    E_SPIPE = 70,
};

#define CLOCK_REALTIME_ID 0
#define CLOCK_MONOTONIC_ID 1
#define CLOCK_PROCESS_CPUTIME 2
#define CLOCK_THREAD_CPUTIME 3

#define WB__TRUNC_FMT "\n[wasmbox: output truncated at %llu bytes]\n"

static wb__host *host_of(struct Z_wasi_snapshot_preview1_instance_t *w)
{
    return w->host;
}

/* Stores into guest memory through a checked span. */
static int put_u32(wb__host *h, uint32_t off, uint32_t v)
{
    void *p;
    if (wb__guest_span(h->mem, off, sizeof v, &p) != WB_OK)
        return E_FAULT;
    memcpy(p, &v, sizeof v); /* wasm is little-endian, like our hosts */
    return E_SUCCESS;
}

static int put_u64(wb__host *h, uint32_t off, uint64_t v)
{
    void *p;
    if (wb__guest_span(h->mem, off, sizeof v, &p) != WB_OK)
        return E_FAULT;
    memcpy(p, &v, sizeof v);
    return E_SUCCESS;
}

/* Appends guest output, enforcing the shared stdout+stderr cap.  The first
 * byte past the cap ends the stream with a marker; later bytes vanish. */
static int emit(wb__host *h, int fd, const void *p, size_t n)
{
    wb__buf *b = fd == 1 ? &h->out : &h->err;
    uint64_t limit = h->opt.output_limit;
    uint64_t kept = h->out_total < limit ? h->out_total : limit;
    h->out_total += n;
    if (h->truncated)
        return E_SUCCESS;
    size_t room = (size_t)(limit - kept);
    if (n <= room)
        return wb__buf_append(b, p, n) ? E_IO : E_SUCCESS;
    /* Cut on a character boundary: never keep half a UTF-8 sequence. */
    const unsigned char *u = p;
    while (room > 0 && (u[room] & 0xC0) == 0x80)
        room--;
    if (wb__buf_append(b, p, room))
        return E_IO;
    char marker[96];
    int m = snprintf(marker, sizeof marker, WB__TRUNC_FMT, (unsigned long long)limit);
    h->truncated = 1;
    h->stop = WB__STOP_OUTPUT; /* a flood is stopped at the guest's next check */
    return wb__buf_append(b, marker, (size_t)m) ? E_IO : E_SUCCESS;
}

/* Reads iovec i of a checked iovec array and checks its buffer. */
static int iov_at(wb__host *h, const void *vec, u32 i, void **data, uint32_t *len)
{
    uint32_t ptr;
    memcpy(&ptr, (const char *)vec + (size_t)i * 8, 4);
    memcpy(len, (const char *)vec + (size_t)i * 8 + 4, 4);
    return wb__guest_span(h->mem, ptr, *len, data) == WB_OK ? E_SUCCESS : E_FAULT;
}

u32 Z_wasi_snapshot_preview1Z_fd_write(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                       u32 iovs, u32 iovs_len, u32 nwritten)
{
    wb__host *h = host_of(w);
    if (fd > 2)
        return wb__wasi_fd_write(w, fd, iovs, iovs_len, nwritten);
    if (fd != 1 && fd != 2)
        return E_BADF;
    void *vec, *out, *data;
    uint32_t len;
    if (wb__guest_span(h->mem, iovs, (uint64_t)iovs_len * 8, &vec) != WB_OK ||
        wb__guest_span(h->mem, nwritten, 4, &out) != WB_OK)
        return E_FAULT;
    /* Every buffer is checked before any byte is taken: a bad call has no
     * effect at all. */
    uint64_t total = 0;
    for (u32 i = 0; i < iovs_len; i++) {
        if (iov_at(h, vec, i, &data, &len))
            return E_FAULT;
        total += len;
    }
    for (u32 i = 0; i < iovs_len; i++) {
        iov_at(h, vec, i, &data, &len);
        int e = emit(h, (int)fd, data, len);
        if (e)
            return (u32)e;
    }
    /* The guest always sees its whole write accepted, even past the cap:
     * a shortened count would make it retry the dropped bytes forever. */
    uint32_t n = total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
    memcpy(out, &n, 4);
    return E_SUCCESS;
}

static long stdin_live(void *ud, void *buf, size_t cap)
{
    return wb__stdin_read(ud, buf, cap);
}

u32 Z_wasi_snapshot_preview1Z_fd_read(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                      u32 iovs, u32 iovs_len, u32 nread)
{
    wb__host *h = host_of(w);
    if (fd > 2)
        return wb__wasi_fd_read(w, fd, iovs, iovs_len, nread);
    if (fd != 0)
        return E_BADF;
    void *vec;
    if (wb__guest_span(h->mem, iovs, (uint64_t)iovs_len * 8, &vec) != WB_OK)
        return E_FAULT;
    /* Into the first non-empty buffer: a short read is always allowed. */
    void *dst = NULL;
    uint32_t cap = 0;
    for (uint32_t i = 0; i < iovs_len && !cap; i++) {
        uint32_t p, n;
        memcpy(&p, (char *)vec + i * 8, 4);
        memcpy(&n, (char *)vec + i * 8 + 4, 4);
        if (n && wb__guest_span(h->mem, p, n, &dst) != WB_OK)
            return E_FAULT;
        cap = n;
    }
    long got = wb__journal_read(h, WB__JR_STDIN, "stdin", dst, cap, stdin_live, h); /* recorded, replayed */
    if (got < 0) {
        /* A wait cut short by the deadline or an interrupt: the same stop
         * check when recording and replaying, so the stop lands here. */
        if (got == -E_INTR)
            wb__host_should_stop(h);
        return (u32)-got;
    }
    return (u32)put_u32(h, nread, (uint32_t)got);
}

u32 Z_wasi_snapshot_preview1Z_fd_close(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd)
{
    return fd <= 2 ? E_SUCCESS : wb__wasi_fd_close(w, fd);
}

u32 Z_wasi_snapshot_preview1Z_fd_seek(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                      u64 offset, u32 whence, u32 newoffset)
{
    return fd <= 2 ? E_SPIPE : wb__wasi_fd_seek(w, fd, offset, whence, newoffset);
}

u32 Z_wasi_snapshot_preview1Z_fd_fdstat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                            u32 stat)
{
    wb__host *h = host_of(w);
    if (fd > 2)
        return wb__wasi_fd_fdstat_get(w, fd, stat);
    void *p;
    if (wb__guest_span(h->mem, stat, 24, &p) != WB_OK)
        return E_FAULT;
    uint8_t st[24] = {0};
    st[0] = 2; /* character device */
    uint64_t rights = fd == 0 ? (1u << 1) : (1u << 6); /* fd_read : fd_write */
    memcpy(st + 8, &rights, 8);
    memcpy(p, st, sizeof st);
    return E_SUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(struct Z_wasi_snapshot_preview1_instance_t *w,
                                                  u32 fd, u32 flags)
{
    return fd <= 2 ? E_NOTSUP : wb__wasi_fd_fdstat_set_flags(w, fd, flags);
}

/* One preopened directory, "/" at fd 3 (src/vfs/vfs.h). */
u32 Z_wasi_snapshot_preview1Z_fd_prestat_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 fd,
                                             u32 out)
{
    return fd <= 2 ? E_BADF : wb__wasi_fd_prestat_get(w, fd, out);
}

u32 Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(struct Z_wasi_snapshot_preview1_instance_t *w,
                                                  u32 fd, u32 path, u32 len)
{
    return fd <= 2 ? E_BADF : wb__wasi_fd_prestat_dir_name(w, fd, path, len);
}

/* No arguments and no environment inside the sandbox. */
u32 Z_wasi_snapshot_preview1Z_args_sizes_get(struct Z_wasi_snapshot_preview1_instance_t *w,
                                             u32 argc, u32 bufsz)
{
    wb__host *h = host_of(w);
    void *a, *b;
    /* Both spans are checked before either is written. */
    if (wb__guest_span(h->mem, argc, 4, &a) != WB_OK || wb__guest_span(h->mem, bufsz, 4, &b) != WB_OK)
        return E_FAULT;
    memset(a, 0, 4);
    memset(b, 0, 4);
    return E_SUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_args_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 argv,
                                       u32 buf)
{
    (void)w; (void)argv; (void)buf;
    return E_SUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_environ_sizes_get(struct Z_wasi_snapshot_preview1_instance_t *w,
                                                u32 count, u32 bufsz)
{
    return Z_wasi_snapshot_preview1Z_args_sizes_get(w, count, bufsz);
}

u32 Z_wasi_snapshot_preview1Z_environ_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 env,
                                          u32 buf)
{
    (void)w; (void)env; (void)buf;
    return E_SUCCESS;
}

static uint64_t now_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

u32 Z_wasi_snapshot_preview1Z_clock_res_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 id,
                                            u32 out)
{
    if (id > CLOCK_THREAD_CPUTIME)
        return E_INVAL;
    return (u32)put_u64(host_of(w), out, host_of(w)->opt.fixed_clock ? 1000000 : 1000);
}

u32 Z_wasi_snapshot_preview1Z_clock_time_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 id,
                                             u64 precision, u32 out)
{
    (void)precision;
    wb__host *h = host_of(w);
    uint64_t t;
    switch (id) {
    case CLOCK_REALTIME_ID:
        t = h->opt.fixed_clock ? (uint64_t)h->opt.clock_ms * 1000000u : now_ns(CLOCK_REALTIME);
        break;
    case CLOCK_MONOTONIC_ID:
    case CLOCK_PROCESS_CPUTIME:
    case CLOCK_THREAD_CPUTIME:
        /* A fixed clock stands still, so timing code sees no time pass. */
        t = h->opt.fixed_clock ? 0 : now_ns(CLOCK_MONOTONIC);
        break;
    default:
        return E_INVAL;
    }
    wb__journal_clock(h, id, &t); /* recorded, or replaced by the replayed value */
    return (u32)put_u64(h, out, t);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman & Vigna), seeded through splitmix64. */
static uint64_t next_seeded(wb__host *h)
{
    uint64_t *s = h->rng;
    uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t; s[3] = rotl(s[3], 45);
    return r;
}

void wb__host_seed(wb__host *h, uint64_t seed)
{
    for (int i = 0; i < 4; i++) {
        uint64_t z = (seed += 0x9e3779b97f4a7c15u);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
        h->rng[i] = z ^ (z >> 31);
    }
}

u32 Z_wasi_snapshot_preview1Z_random_get(struct Z_wasi_snapshot_preview1_instance_t *w, u32 buf,
                                         u32 len)
{
    wb__host *h = host_of(w);
    void *p;
    if (wb__guest_span(h->mem, buf, len, &p) != WB_OK)
        return E_FAULT;
    uint8_t *d = p;
    if (h->opt.seeded) {
        for (u32 i = 0; i < len; i += 8) {
            uint64_t v = next_seeded(h);
            memcpy(d + i, &v, len - i < 8 ? len - i : 8);
        }
    }
    for (u32 got = 0; !h->opt.seeded && got < len;) {
        ssize_t n = getrandom(d + got, len - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return E_IO;
        }
        got += (u32)n;
    }
    wb__journal_random(h, d, len); /* recorded, or replaced by the replayed bytes */
    return E_SUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_sched_yield(struct Z_wasi_snapshot_preview1_instance_t *w)
{
    (void)w;
    return E_SUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_poll_oneoff(struct Z_wasi_snapshot_preview1_instance_t *w, u32 in,
                                          u32 out, u32 n, u32 nevents)
{
    (void)w; (void)in; (void)out; (void)n; (void)nevents;
    return E_NOTSUP;
}

void Z_wasi_snapshot_preview1Z_proc_exit(struct Z_wasi_snapshot_preview1_instance_t *w, u32 code)
{
    host_of(w)->exit_code = (int)code;
    wb__rt_exit();
}
