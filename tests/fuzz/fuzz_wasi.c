/* libFuzzer target: guest pointers and lengths in the host imports
 * (src/wasi/wasi.c, src/host_call.c, src/guest_mem.c).
 *
 * A linear memory (a real runtime reservation of one 64 KiB page with
 * PROT_NONE guard pages behind it, or an exact-size heap block so ASan
 * flags a one-byte overrun) is filled from the input; then up to 24 calls
 * of the WASI functions and wasmbox.host_call run with arguments from the
 * input, exactly as guest code could pass them.
 *
 * Input: MODE SIZE_LO SIZE_HI OUTLIMIT NCALLS CALL* MEMORY, where a CALL is
 * OP A B C D (one byte and four little-endian u32).  OP bit 7 passes the
 * u32s raw; otherwise pointers and lengths are folded near the memory's
 * size and fds and clock ids into small ranges, so both the edges and the
 * far-out values get exercised.
 *
 * Each call is checked against an independent model of the WASI subset:
 * the return value (every bad span is E_FAULT / -1, and only then), which
 * bytes of guest memory changed (only the call's own output spans, and
 * nothing at all on failure), what reached stdout/stderr (the iovecs'
 * bytes in order, the shared output cap, the cut on a UTF-8 boundary and
 * the marker), host_call copies.  Any
 * touch of memory outside the spans is an ASan report or a SEGV on the
 * guard pages. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "imports.h"
#include "runtime/rt.h"
#include "wasi/wasi.h"
#include "vfs/vfs.h"
#include "guest.h"

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_wasi: check failed: %s\n  ", #cond);         \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)

enum { E_SUCCESS = 0, E_BADF = 8, E_FAULT = 21, E_INVAL = 28, E_IO = 29, E_NOTSUP = 58, E_SPIPE = 70 };
enum { OP_RESULT = 1, OP_TOOLS = 2, OP_READ = 3, OP_BATCH = 4, OP_POLL = 5 };

#define MAX_CALLS 24
#define TRUNC_FMT "\n[wasmbox: output truncated at %llu bytes]\n"

static wasm_rt_memory_t page_mem; /* the runtime reservation, made once */
static uint8_t *snap;             /* memory before the current call */

static const char catalog[] = "[{\"name\":\"echo\",\"description\":\"\",\"params\":{}}]";

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Allowed writes of one call. */
typedef struct {
    uint64_t off[3], len[3];
    int n;
} spans;

static void allow(spans *s, uint64_t off, uint64_t len)
{
    s->off[s->n] = off;
    s->len[s->n++] = len;
}

static int in_mem(const wasm_rt_memory_t *m, uint64_t off, uint64_t len)
{
    return off + len <= m->size; /* both < 2^36: no wrap */
}

/* The checker itself is not what is being fuzzed: no coverage feedback
 * from its loops, and whole 256-byte blocks compared at once. */
#if defined(__clang__)
__attribute__((no_sanitize("coverage")))
#endif
static void check_writes(const wasm_rt_memory_t *m, const spans *s, const char *what)
{
    for (uint64_t blk = 0; blk < m->size; blk += 256) {
        uint64_t end = blk + 256 < m->size ? blk + 256 : m->size;
        if (!memcmp(snap + blk, m->data + blk, end - blk))
            continue;
        for (uint64_t i = blk; i < end; i++) {
            if (snap[i] == m->data[i])
                continue;
            int ok = 0;
            for (int k = 0; k < s->n; k++)
                ok |= i >= s->off[k] && i - s->off[k] < s->len[k];
            CHECK(ok, "%s changed guest memory at offset %llu, outside its output spans", what,
                  (unsigned long long)i);
        }
    }
}

/* The output model: what stdout and stderr must hold.  Both count
 * against one cap; the write that crosses it keeps what fits, cut back to
 * a UTF-8 character boundary (never half a sequence), then the marker, and
 * later bytes are counted but dropped. */
typedef struct {
    wb__buf out, err;
    uint64_t total;
    int truncated;
} out_model;

static void model_emit(out_model *mo, uint64_t limit, int fd, const uint8_t *p, size_t n)
{
    wb__buf *b = fd == 1 ? &mo->out : &mo->err;
    uint64_t kept = mo->total < limit ? mo->total : limit;
    mo->total += n;
    if (mo->truncated)
        return;
    size_t room = (size_t)(limit - kept);
    if (n <= room) {
        wb__buf_append(b, p, n);
        return;
    }
    while (room > 0 && (p[room] & 0xC0) == 0x80)
        room--;
    wb__buf_append(b, p, room);
    char marker[96];
    int k = snprintf(marker, sizeof marker, TRUNC_FMT, (unsigned long long)limit);
    wb__buf_append(b, marker, (size_t)k);
    mo->truncated = 1;
}

static void check_output(const wb__host *h, const out_model *mo, const char *what)
{
    CHECK(h->out_total == mo->total, "%s: %llu bytes offered, expected %llu", what, (unsigned long long)h->out_total,
          (unsigned long long)mo->total);
    CHECK(h->truncated == mo->truncated, "%s: truncated %d, expected %d", what, h->truncated, mo->truncated);
    CHECK(h->out.len == mo->out.len && (!mo->out.len || !memcmp(h->out.data, mo->out.data, mo->out.len)),
          "%s: stdout holds %zu bytes, expected %zu (or different bytes)", what, h->out.len, mo->out.len);
    CHECK(h->err.len == mo->err.len && (!mo->err.len || !memcmp(h->err.data, mo->err.data, mo->err.len)),
          "%s: stderr holds %zu bytes, expected %zu (or different bytes)", what, h->err.len, mo->err.len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!page_mem.data) {
        wasm_rt_allocate_memory(&page_mem, 1, 1);
        snap = malloc(WB__WASM_PAGE);
    }
    if (size < 5)
        return 0;
    int mode = data[0];
    size_t heap_size = (size_t)(data[1] | data[2] << 8);
    int outlim = data[3];
    size_t ncalls = data[4] % (MAX_CALLS + 1);
    data += 5, size -= 5;
    if (ncalls * 17 > size)
        ncalls = size / 17;
    const uint8_t *calls = data;
    const uint8_t *fill = data + ncalls * 17;
    size_t fill_len = size - ncalls * 17;

    wasm_rt_memory_t heap_mem = {0};
    wasm_rt_memory_t *m;
    if (mode & 1) {
        heap_mem.data = malloc(heap_size ? heap_size : 1);
        heap_mem.size = (uint32_t)heap_size;
        heap_mem.pages = heap_mem.max_pages = 0;
        m = &heap_mem;
    } else {
        m = &page_mem;
    }
    memset(m->data, 0, m->size);
    memcpy(m->data, fill, fill_len < m->size ? fill_len : m->size);

    wb__host h;
    memset(&h, 0, sizeof h);
    wb__options_default(&h.opt);
    h.mem = m;
    h.opt.seeded = (mode & 2) != 0;
    h.opt.fixed_clock = (mode & 4) != 0;
    h.opt.clock_ms = 1700000000000;
    h.opt.output_limit = outlim == 255 ? h.opt.output_limit : (uint64_t)outlim * 3;
    wb__host_seed(&h, 42);
    if (mode & 8) {
        h.catalog = catalog;
        h.catalog_len = sizeof catalog - 1;
    }
    struct Z_wasi_snapshot_preview1_instance_t w = { &h };
    struct Z_wasmbox_instance_t wbx = { &h, NULL };
    const char *answer = NULL; /* the model's h->answer */
    out_model mo = { .total = 0 };

    for (size_t ci = 0; ci < ncalls; ci++) {
        const uint8_t *c = calls + ci * 17;
        int raw = c[0] & 0x80;
        int op = (c[0] & 0x7f) % 18;
        uint32_t A = rd32(c + 1), B = rd32(c + 5), C = rd32(c + 9), D = rd32(c + 13);
        /* Folded: pointers land around the memory's end, lengths stay small. */
        uint32_t fold = m->size + 16;
        uint32_t fd = raw ? A : A % 4;
        if (fd == WB__VFS_PREOPEN_FD)
            fd = 7; /* fd 3 is the VFS's root: files have their own tests (tests/unit/test_vfs.c) */
        uint32_t P1 = raw ? B : B % fold, P2 = raw ? D : D % fold;
        uint32_t L = raw ? C : C % 64;
        uint64_t U64 = (uint64_t)C << 32 | D;

        memcpy(snap, m->data, m->size);
        spans s = { .n = 0 };
        uint32_t r = 0, want = 0;
        const char *name = "?";
        switch (op) {
        case 0: { /* fd_write(fd, iovs, iovs_len, nwritten) */
            name = "fd_write";
            uint32_t n = raw ? C : C % 6;
            r = Z_wasi_snapshot_preview1Z_fd_write(&w, fd, P1, n, P2);
            uint64_t total = 0;
            if (fd != 1 && fd != 2)
                want = E_BADF;
            else if (!in_mem(m, P1, (uint64_t)n * 8) || !in_mem(m, P2, 4))
                want = E_FAULT;
            else {
                for (uint32_t i = 0; i < n && !want; i++) {
                    uint32_t ptr = rd32(snap + P1 + (size_t)i * 8), len = rd32(snap + P1 + (size_t)i * 8 + 4);
                    if (!in_mem(m, ptr, len))
                        want = E_FAULT;
                    total += len;
                }
            }
            if (r == E_SUCCESS) {
                allow(&s, P2, 4);
                uint32_t nw = rd32(m->data + P2);
                CHECK(nw == (total > UINT32_MAX ? UINT32_MAX : total), "fd_write: nwritten %u, wrote %llu", nw,
                      (unsigned long long)total);
                for (uint32_t i = 0; i < n; i++) {
                    uint32_t ptr = rd32(snap + P1 + (size_t)i * 8), len = rd32(snap + P1 + (size_t)i * 8 + 4);
                    model_emit(&mo, h.opt.output_limit, (int)fd, snap + ptr, len); /* memory as it was */
                }
            }
            break;
        }
        case 1: { /* fd_read(fd, iovs, iovs_len, nread) */
            name = "fd_read";
            uint32_t n = raw ? C : C % 6;
            r = Z_wasi_snapshot_preview1Z_fd_read(&w, fd, P1, n, P2);
            want = fd != 0 ? E_BADF : !in_mem(m, P1, (uint64_t)n * 8) || !in_mem(m, P2, 4) ? E_FAULT : E_SUCCESS;
            /* stdin reads into the first non-empty buffer, which must be in memory */
            for (uint32_t k = 0; want == E_SUCCESS && k < n; k++) {
                uint32_t bp = rd32(m->data + P1 + k * 8), bl = rd32(m->data + P1 + k * 8 + 4);
                if (bl) {
                    if (!in_mem(m, bp, bl))
                        want = E_FAULT;
                    break;
                }
            }
            if (r == E_SUCCESS) {
                allow(&s, P2, 4);
                CHECK(rd32(m->data + P2) == 0, "fd_read: stdin is not empty");
            }
            break;
        }
        case 2:
            name = "fd_close";
            r = Z_wasi_snapshot_preview1Z_fd_close(&w, fd);
            want = fd <= 2 ? E_SUCCESS : E_BADF;
            break;
        case 3:
            name = "fd_seek";
            r = Z_wasi_snapshot_preview1Z_fd_seek(&w, fd, U64, B, P2);
            want = fd <= 2 ? E_SPIPE : E_BADF;
            break;
        case 4:
            name = "fd_fdstat_get";
            r = Z_wasi_snapshot_preview1Z_fd_fdstat_get(&w, fd, P1);
            want = fd > 2 ? E_BADF : !in_mem(m, P1, 24) ? E_FAULT : E_SUCCESS;
            if (r == E_SUCCESS) {
                allow(&s, P1, 24);
                CHECK(m->data[P1] == 2, "fd_fdstat_get: not a character device");
            }
            break;
        case 5:
            name = "fd_fdstat_set_flags";
            r = Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(&w, fd, B);
            want = fd <= 2 ? E_NOTSUP : E_BADF;
            break;
        case 6:
            name = "fd_prestat_get";
            r = Z_wasi_snapshot_preview1Z_fd_prestat_get(&w, fd, P1);
            want = E_BADF;
            break;
        case 7:
            name = "fd_prestat_dir_name";
            r = Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(&w, fd, P1, L);
            want = E_BADF;
            break;
        case 8:
        case 10:
            name = op == 8 ? "args_sizes_get" : "environ_sizes_get";
            r = op == 8 ? Z_wasi_snapshot_preview1Z_args_sizes_get(&w, P1, P2)
                        : Z_wasi_snapshot_preview1Z_environ_sizes_get(&w, P1, P2);
            want = !in_mem(m, P1, 4) || !in_mem(m, P2, 4) ? E_FAULT : E_SUCCESS;
            if (r == E_SUCCESS) {
                allow(&s, P1, 4);
                allow(&s, P2, 4);
                CHECK(rd32(m->data + P1) == 0 && rd32(m->data + P2) == 0, "%s: not empty", name);
            } else if (in_mem(m, P1, 4)) {
                allow(&s, P1, 4); /* the first count may be stored before the second faults */
            }
            break;
        case 9:
            name = "args_get";
            r = Z_wasi_snapshot_preview1Z_args_get(&w, P1, P2);
            break;
        case 11:
            name = "environ_get";
            r = Z_wasi_snapshot_preview1Z_environ_get(&w, P1, P2);
            break;
        case 12: {
            name = "clock_res_get";
            uint32_t id = raw ? A : A % 5;
            r = Z_wasi_snapshot_preview1Z_clock_res_get(&w, id, P1);
            want = id > 3 ? E_INVAL : !in_mem(m, P1, 8) ? E_FAULT : E_SUCCESS;
            if (r == E_SUCCESS) {
                allow(&s, P1, 8);
                uint64_t v;
                memcpy(&v, m->data + P1, 8);
                CHECK(v == (h.opt.fixed_clock ? 1000000u : 1000u), "clock_res_get: %llu", (unsigned long long)v);
            }
            break;
        }
        case 13: {
            name = "clock_time_get";
            uint32_t id = raw ? A : A % 5;
            r = Z_wasi_snapshot_preview1Z_clock_time_get(&w, id, U64, P1);
            want = id > 3 ? E_INVAL : !in_mem(m, P1, 8) ? E_FAULT : E_SUCCESS;
            if (r == E_SUCCESS) {
                allow(&s, P1, 8);
                if (h.opt.fixed_clock) {
                    uint64_t v;
                    memcpy(&v, m->data + P1, 8);
                    CHECK(v == (id == 0 ? (uint64_t)h.opt.clock_ms * 1000000u : 0), "fixed clock reads %llu",
                          (unsigned long long)v);
                }
            }
            break;
        }
        case 14: {
            name = "random_get";
            uint32_t len = raw ? C : C % 300;
            if (!h.opt.seeded && len > 4096 && in_mem(m, P1, len))
                len = 4096; /* getrandom of megabytes is slow, not interesting */
            r = Z_wasi_snapshot_preview1Z_random_get(&w, P1, len);
            want = !in_mem(m, P1, len) ? E_FAULT : E_SUCCESS;
            if (r == E_SUCCESS)
                allow(&s, P1, len);
            break;
        }
        case 15:
            name = "sched_yield";
            r = Z_wasi_snapshot_preview1Z_sched_yield(&w);
            break;
        case 16:
            name = "poll_oneoff";
            r = Z_wasi_snapshot_preview1Z_poll_oneoff(&w, P1, P2, L, B);
            want = E_NOTSUP;
            break;
        case 17: {
            name = "host_call";
            uint32_t hop = raw ? A : A % 7;
            uint32_t len = L;
            if (!raw && hop == OP_READ && (B & 1))
                len = sizeof catalog - 1; /* the length a well-behaved guest passes */
            r = Z_wasmboxZ_host_call(&wbx, hop, P1, len);
            int32_t sr = (int32_t)r, sw;
            if (!in_mem(m, P1, len)) {
                sw = -1;
            } else {
                switch (hop) {
                case OP_RESULT:
                case OP_BATCH: {
                    sw = 0;
                    if (sr == 0) {
                        const char *v = hop == OP_RESULT ? h.value : h.batch;
                        size_t vl = hop == OP_RESULT ? h.value_len : h.batch_len;
                        CHECK(v && vl == len && v[len] == 0 && !memcmp(v, snap + P1, len), "host_call %u: copy differs",
                              hop);
                    }
                    break;
                }
                case OP_TOOLS:
                    sw = h.catalog ? (int32_t)(sizeof catalog - 1) : -2;
                    if (h.catalog)
                        answer = catalog;
                    break;
                case OP_READ:
                    if (!answer || len != sizeof catalog - 1) {
                        sw = -1;
                    } else {
                        sw = (int32_t)len;
                        allow(&s, P1, len);
                        CHECK(!memcmp(m->data + P1, catalog, len), "host_call read: wrong bytes");
                        answer = NULL;
                    }
                    break;
                case OP_POLL:
                    sw = h.stop != WB__STOP_NONE;
                    break;
                default:
                    sw = -2;
                }
            }
            if (sr == -3 && (hop == OP_RESULT || hop == OP_BATCH))
                sw = -3; /* out of memory is allowed */
            want = (uint32_t)sw;
            break;
        }
        }
        if (r == E_IO && (op == 0 || op == 14))
            want = r; /* out of host memory appending output, or getrandom failed */
        CHECK(r == want, "%s (call %zu, raw %d, fd/id %u, p1 %u, p2 %u, len %u, memory %u): returned %u, expected %u",
              name, ci, raw != 0, fd, P1, P2, L, m->size, r, want);
        if (r != E_SUCCESS && op != 17 && op != 8 && op != 10)
            s.n = 0; /* a failed call changes nothing */
        check_writes(m, &s, name);
        if (r != E_IO)
            check_output(&h, &mo, name);
    }

    wb__host_end_run(&h);
    wb__vfs_free(h.vfs);
    wb__buf_free(&mo.out);
    wb__buf_free(&mo.err);
    if (m == &heap_mem)
        free(heap_mem.data);
    return 0;
}
