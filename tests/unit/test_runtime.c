/* The runtime layer and the host imports, below the public API: memory
 * reservations, caps and images; traps; faults that must stay crashes;
 * threads; guest pointer checks in WASI and host_call. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "internal.h"
#include "imports.h"
#include "runtime/rt.h"
#include "wasi/wasi.h"
#include "vfs/vfs.h"
#include "guest.h"

/* ---- helpers */

static long proc_status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    assert_non_null(f);
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, n) && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    fclose(f);
    return v;
}

static wasm_rt_memory_t *touch_mem;
static size_t touch_off;
static void touch(void *arg)
{
    (void)arg;
    volatile uint8_t *p = touch_mem->data + touch_off;
    *p = 1;
}

static void trap_with(void *arg)
{
    wasm_rt_trap((wasm_rt_trap_t)(intptr_t)arg);
}

/* Recursion the way wasm2c output does it, prologue and all. */
static uint32_t depth, max_depth_seen;
static uint32_t recurse(uint32_t n)
{
    if (++wasm_rt_call_stack_depth > WASM_RT_MAX_CALL_STACK_DEPTH)
        wasm_rt_trap(WASM_RT_TRAP_EXHAUSTION);
    volatile char pad[256];
    pad[0] = (char)n;
    if (++depth > max_depth_seen)
        max_depth_seen = depth;
    uint32_t r = n ? recurse(n - 1) + (uint32_t)pad[0] : 0;
    --depth;
    --wasm_rt_call_stack_depth;
    return r;
}
static void recurse_forever(void *arg)
{
    (void)arg;
    recurse(UINT32_MAX);
}
static uint32_t recurse_result;
static void recurse_100(void *arg)
{
    (void)arg;
    recurse_result = recurse(100);
}

/* cmocka installs its own SIGSEGV/SIGBUS handlers right before each test
 * body, over ours; each test that may fault puts ours back on top (they
 * pass foreign faults on to cmocka's). */
static void fault_handlers_on_top(void)
{
    wb__rt_init();
    wb__rt_reinstall_handlers();
}

/* ---- tests */

static void test_create_free_cycles_flat(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wb_sandbox *sb;
    for (int i = 0; i < 200; i++) { /* warm up: template, allocator arenas */
        assert_int_equal(wb_new(NULL, &sb), WB_OK);
        wb_free(sb);
    }
    long vm0 = proc_status_kib("VmSize"), rss0 = proc_status_kib("VmRSS");
    for (int i = 0; i < 100000; i++) {
        assert_int_equal(wb_new(NULL, &sb), WB_OK);
        wb_free(sb);
    }
    long vm1 = proc_status_kib("VmSize"), rss1 = proc_status_kib("VmRSS");
    /* Each sandbox reserves 8 GiB of address space: one leaked
     * reservation shows as 8 GiB here, 100,000 as 800 TiB. */
    if (vm1 - vm0 > 64 * 1024 || rss1 - rss0 > 16 * 1024)
        fprintf(stderr, "VmSize %ld -> %ld KiB, VmRSS %ld -> %ld KiB\n", vm0, vm1, rss0, rss1);
    assert_true(vm1 - vm0 <= 64 * 1024);
#ifndef __SANITIZE_ADDRESS__
    /* Under ASan freed blocks stay resident in its quarantine by design,
     * so only the address-space check means anything there. */
    assert_true(rss1 - rss0 <= 16 * 1024);
#endif
}

static void test_oob_traps_and_next_works(void **state)
{
    (void)state;
    fault_handlers_on_top();
    assert_int_equal(wb__rt_init(), 0);
    wasm_rt_memory_t mem;
    wb__rt_call_ctx c;
    memset(&mem, 0, sizeof mem);
    wasm_rt_allocate_memory(&mem, 2, 100);
    touch_mem = &mem;
    const size_t offs[] = { 2 * WB__WASM_PAGE, 2 * WB__WASM_PAGE + 7, (size_t)1 << 32,
                            ((size_t)8 << 30) - 1 };
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
        touch_off = offs[i];
        assert_int_equal(wb__rt_call(&c, &mem, touch, NULL), WASM_RT_TRAP_OOB);
    }
    touch_off = 2 * WB__WASM_PAGE - 1; /* last byte in bounds */
    assert_int_equal(wb__rt_call(&c, &mem, touch, NULL), 0);
    assert_int_equal(mem.data[touch_off], 1);
    wasm_rt_free_memory(&mem);
    assert_null(mem.data);
}

static void test_trap_reasons(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wb__rt_call_ctx c;
    const int reasons[] = { WASM_RT_TRAP_DIV_BY_ZERO, WASM_RT_TRAP_INT_OVERFLOW,
                            WASM_RT_TRAP_UNREACHABLE, WASM_RT_TRAP_CALL_INDIRECT };
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        assert_int_equal(wb__rt_call(&c, NULL, trap_with, (void *)(intptr_t)reasons[i]), reasons[i]);
    assert_string_equal(wasm_rt_strerror(WASM_RT_TRAP_OOB), "out of bounds memory access");
    assert_null(wb__rt_current());
}

static void test_stack_exhaustion_traps(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wb__rt_call_ctx c;
    max_depth_seen = depth = 0;
    assert_int_equal(wb__rt_call(&c, NULL, recurse_forever, NULL), WASM_RT_TRAP_EXHAUSTION);
    /* 64 MiB of stack at ~300 bytes a frame: deep, but bounded. */
    assert_true(max_depth_seen > 10000);
    assert_true(max_depth_seen < 64 * 1024 * 1024 / 256);
    depth = 0;
    assert_int_equal(wb__rt_call(&c, NULL, recurse_100, NULL), 0);
    assert_int_equal(recurse_result, 100 * 101 / 2);
}

static void grow_fn(void *arg)
{
    wasm_rt_memory_t *m = arg;
    assert_int_equal(wasm_rt_grow_memory(m, 3), 2);
    assert_int_equal(wasm_rt_grow_memory(m, 0), 5);
    assert_int_equal(wasm_rt_grow_memory(m, 6), UINT32_MAX); /* 11 > cap 10 */
    assert_int_equal(wasm_rt_grow_memory(m, UINT32_MAX), UINT32_MAX);
    assert_int_equal(wasm_rt_grow_memory(m, 5), 5);          /* exactly the cap */
}

static void test_memory_cap_on_grow(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wasm_rt_memory_t mem;
    wb__rt_call_ctx c;
    wasm_rt_allocate_memory(&mem, 2, 10);
    assert_int_equal(wb__rt_call(&c, &mem, grow_fn, &mem), 0);
    assert_int_equal(c.grow_denied, UINT32_MAX); /* the last refusal: 5 + 2^32-1 pages */
    assert_int_equal(mem.pages, 10);
    assert_int_equal(mem.size, 10 * WB__WASM_PAGE);
    mem.data[10 * WB__WASM_PAGE - 1] = 9; /* grown pages are usable */
    wasm_rt_free_memory(&mem);
}

static void test_image_copy_on_write(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wasm_rt_memory_t src, a, b;
    wasm_rt_allocate_memory(&src, 3, 100);
    for (size_t i = 0; i < src.size; i += 4096)
        src.data[i] = (uint8_t)(i / 4096 + 1);
    wb__rt_image img;
    assert_int_equal(wb__rt_image_make(&img, &src), 0);
    wasm_rt_free_memory(&src);

    assert_int_equal(wb__rt_memory_from_image(&a, &img, 50), 0);
    assert_int_equal(wb__rt_memory_from_image(&b, &img, 50), 0);
    assert_int_equal(a.pages, 3);
    assert_int_equal(a.max_pages, 50);
    a.data[4096] = 0xAA;
    assert_int_equal(b.data[4096], 2); /* b still sees the image */
    assert_int_equal(a.data[8192], 3);
    assert_int_equal(wasm_rt_grow_memory(&a, 2), 3);
    a.data[4 * WB__WASM_PAGE] = 5;
    assert_int_equal(wb__rt_memory_reset(&a, &img), 0);
    assert_int_equal(a.pages, 3);
    assert_int_equal(a.data[4096], 2);
    /* Pages grown before the reset are gone: growing again gives zeroes. */
    assert_int_equal(wasm_rt_grow_memory(&a, 2), 3);
    assert_int_equal(a.data[4 * WB__WASM_PAGE], 0);
    /* A cap below the image is refused. */
    wasm_rt_memory_t small;
    assert_int_equal(wb__rt_memory_from_image(&small, &img, 2), ENOMEM);
    wasm_rt_free_memory(&a);
    wasm_rt_free_memory(&b);
    wb__rt_image_free(&img);
}

/* Writes to pages 0 and 2, grows by 2 pages and writes to the first new one. */
static uint32_t scribble_pages;
static void scribble(void *arg)
{
    wasm_rt_memory_t *m = arg;
    m->data[0] = 0x11;
    m->data[1] = 0x12;                      /* same 4 KiB page: no second fault */
    m->data[2 * WB__WASM_PAGE + 5] = 0x33;
    assert_int_equal(wasm_rt_grow_memory(m, 2), scribble_pages);
    m->data[(size_t)scribble_pages * WB__WASM_PAGE] = 0x55;
}

static void scribble_then_trap(void *arg)
{
    scribble(arg);
    wasm_rt_trap(WASM_RT_TRAP_UNREACHABLE);
}

/* The same scenario for a memory copied whole at the start (small) and one
 * whose writes are tracked page by page (above 2 MiB). */
static void undo_scenario(uint32_t pages, int tracked)
{
    wasm_rt_memory_t mem;
    wb__rt_call_ctx c;
    wb__rt_undo u;
    memset(&u, 0, sizeof u);
    wasm_rt_allocate_memory(&mem, pages, 200);
    scribble_pages = pages;
    mem.data[0] = 1;
    mem.data[2 * WB__WASM_PAGE + 5] = 3;

    /* A run that traps: everything it wrote, and its growth, is undone. */
    assert_int_equal(wb__rt_undo_begin(&u, &mem, 0), 0);
    assert_int_equal(wb__rt_call_undo(&c, &mem, &u, scribble_then_trap, &mem), WASM_RT_TRAP_UNREACHABLE);
    if (tracked)
        assert_int_equal(u.nlogged, 2); /* two 4 KiB pages were written */
    assert_int_equal(wb__rt_undo_rollback(&u), 0);
    assert_int_equal(mem.pages, pages);
    assert_int_equal(mem.data[0], 1);
    assert_int_equal(mem.data[1], 0);
    assert_int_equal(mem.data[2 * WB__WASM_PAGE + 5], 3);
    mem.data[3] = 7; /* writable again after the run */

    /* A run that succeeds keeps its writes. */
    assert_int_equal(wb__rt_undo_begin(&u, &mem, 0), 0);
    assert_int_equal(wb__rt_call_undo(&c, &mem, &u, scribble, &mem), 0);
    assert_int_equal(wb__rt_undo_commit(&u), 0);
    assert_int_equal(mem.pages, pages + 2);
    assert_int_equal(mem.data[0], 0x11);
    assert_int_equal(mem.data[(size_t)pages * WB__WASM_PAGE], 0x55);
    mem.data[(size_t)pages * WB__WASM_PAGE + 1] = 9;

    /* Out-of-bounds accesses still trap while tracking is on. */
    assert_int_equal(wb__rt_undo_begin(&u, &mem, 0), 0);
    touch_mem = &mem;
    touch_off = (size_t)(pages + 2) * WB__WASM_PAGE;
    assert_int_equal(wb__rt_call_undo(&c, &mem, &u, touch, NULL), WASM_RT_TRAP_OOB);
    assert_int_equal(wb__rt_undo_rollback(&u), 0);
    wb__rt_undo_free(&u);
    wasm_rt_free_memory(&mem);
}

static void test_undo_log(void **state)
{
    (void)state;
    fault_handlers_on_top();
    undo_scenario(4, 0);
    undo_scenario(64, 1);
}

/* Runs fn in a child process and returns how it ended (waitpid status). */
static int in_child(void (*fn)(void))
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        fn();
        _exit(0);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    return st;
}

/* In a child the harness's handler must not catch the crash: back to the
 * default action, then ours on top of it. */
static void default_fault_handlers(void)
{
    signal(SIGSEGV, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
    wb__rt_reinstall_handlers();
}

static void host_null_deref(void)
{
    wb_sandbox *sb;
    default_fault_handlers();
    if (wb_new(NULL, &sb) != WB_OK) /* installs the fault handler */
        _exit(3);
    /* Address 8, not NULL: UBSan would stop a NULL store before it faults. */
    volatile int *volatile p = (volatile int *)(uintptr_t)8;
    *p = 1;
}

static void host_touches_guard_outside_call(void)
{
    wasm_rt_memory_t mem;
    default_fault_handlers();
    wasm_rt_allocate_memory(&mem, 1, 10);
    /* A host bug touching a sandbox's guard region outside any guest call
     * is not a guest trap: it must crash. */
    volatile uint8_t *p = mem.data + 5 * WB__WASM_PAGE;
    *p = 1;
}

static void raise_segv(void *arg)
{
    (void)arg;
    raise(SIGSEGV);
}

static void sent_segv_during_guest_call(void)
{
    wasm_rt_memory_t mem;
    wb__rt_call_ctx c;
    default_fault_handlers();
    wasm_rt_allocate_memory(&mem, 1, 10);
    /* A SIGSEGV someone sends (not an access fault) while guest code
     * runs is not a guest trap: the process gets its default action. */
    wb__rt_call(&c, &mem, raise_segv, NULL);
    _exit(0); /* reached only if the signal was swallowed */
}

static void test_host_faults_still_crash(void **state)
{
    (void)state;
    fault_handlers_on_top();
    int st = in_child(host_null_deref);
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGSEGV);
    st = in_child(host_touches_guard_outside_call);
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGSEGV);
    st = in_child(sent_segv_during_guest_call);
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGSEGV);
}

struct thread_job {
    int id;
    int ok;
};

static void *thread_main(void *arg)
{
    struct thread_job *j = arg;
    wb_sandbox *sb;
    if (wb_new(NULL, &sb) != WB_OK)
        return NULL;
    char code[256], want[64];
    snprintf(code, sizeof code,
             "var acc = (typeof acc === 'number' ? acc : 0);"
             "for (let i = 0; i < 20000; i++) acc += %d; acc", j->id);
    int good = 1;
    for (int round = 1; round <= 20 && good; round++) {
        wb_result *r;
        if (wb_run(sb, WB_JS, code, strlen(code), &r) != WB_OK)
            good = 0;
        snprintf(want, sizeof want, "%d", 20000 * j->id * round);
        if (!wb_result_value(r) || strcmp(wb_result_value(r), want) != 0)
            good = 0;
        wb_result_free(r);
        /* A trap on this thread must not disturb the others. */
        wasm_rt_memory_t mem;
        wb__rt_call_ctx c;
        wasm_rt_allocate_memory(&mem, 1, 2);
        if (wb__rt_call(&c, &mem, trap_with, (void *)(intptr_t)WASM_RT_TRAP_UNREACHABLE) !=
            WASM_RT_TRAP_UNREACHABLE)
            good = 0;
        wasm_rt_free_memory(&mem);
    }
    wb_free(sb);
    j->ok = good;
    return NULL;
}

static void test_threads_run_at_once(void **state)
{
    (void)state;
    fault_handlers_on_top();
    enum { N = 4 };
    pthread_t t[N];
    struct thread_job jobs[N];
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    /* Small thread stacks: guest code runs on its own stack anyway. */
    pthread_attr_setstacksize(&attr, 256 * 1024);
    for (int i = 0; i < N; i++) {
        jobs[i].id = i + 1;
        jobs[i].ok = 0;
        assert_int_equal(pthread_create(&t[i], &attr, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        assert_true(jobs[i].ok);
    }
    pthread_attr_destroy(&attr);
}

static void test_guest_span_checks(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wasm_rt_memory_t mem;
    wasm_rt_allocate_memory(&mem, 1, 1);
    void *p;
    assert_int_equal(wb__guest_span(&mem, 0, WB__WASM_PAGE, &p), WB_OK);
    assert_ptr_equal(p, mem.data);
    assert_int_equal(wb__guest_span(&mem, WB__WASM_PAGE, 0, &p), WB_OK);
    assert_int_equal(wb__guest_span(&mem, WB__WASM_PAGE, 1, &p), WB_EBOUNDS);
    assert_int_equal(wb__guest_span(&mem, 1, WB__WASM_PAGE, &p), WB_EBOUNDS);
    assert_int_equal(wb__guest_span(&mem, UINT64_MAX, 2, &p), WB_EBOUNDS);
    assert_int_equal(wb__guest_span(&mem, 2, UINT64_MAX, &p), WB_EBOUNDS);
    assert_int_equal(wb__guest_span(&mem, 0xFFFFFFFFu, 0xFFFFFFFFu, &p), WB_EBOUNDS);
    assert_int_equal(wb__guest_span(NULL, 0, 0, &p), WB_EBOUNDS);
    wasm_rt_free_memory(&mem);
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

static void test_wasi_rejects_bad_pointers(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wb__host h;
    memset(&h, 0, sizeof h);
    wb__options_default(&h.opt);
    wasm_rt_memory_t mem;
    wasm_rt_allocate_memory(&mem, 1, 1);
    h.mem = &mem;
    struct Z_wasi_snapshot_preview1_instance_t w = { &h };
    struct Z_wasmbox_instance_t wbx = { &h, NULL };
    const uint32_t END = WB__WASM_PAGE;
    enum { FAULT = 21, BADF = 8, INVAL = 28 };

    /* A good write first: iov at 0 -> "hi" at 100, nwritten at 200. */
    memcpy(mem.data + 100, "hi", 2);
    put32(mem.data, 100);
    put32(mem.data + 4, 2);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 1, 0, 1, 200), 0);
    assert_int_equal(h.out.len, 2);
    assert_memory_equal(h.out.data, "hi", 2);
    assert_int_equal(mem.data[200], 2);

    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 1, END - 4, 1, 200), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 1, 0, 0x20000000, 200), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 1, 0, 1, END - 2), FAULT);
    put32(mem.data, END - 1); /* iov data crosses the end */
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 1, 0, 1, 200), FAULT);
    put32(mem.data, 0xFFFFFFFFu);
    put32(mem.data + 4, 0xFFFFFFFFu);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 2, 0, 1, 200), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_write(&w, 7, 0, 1, 200), BADF);
    assert_int_equal(h.out.len, 2); /* nothing more was written */
    assert_int_equal(h.err.len, 0);

    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_read(&w, 0, 0, 1, END), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_read(&w, 9, 0, 1, 0), BADF); /* 3 is the VFS's root */
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_fdstat_get(&w, 1, END - 8), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_fdstat_get(&w, 9, 0), BADF);
    assert_int_equal(Z_wasi_snapshot_preview1Z_clock_time_get(&w, 0, 0, END - 4), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_clock_time_get(&w, 99, 0, 0), INVAL);
    assert_int_equal(Z_wasi_snapshot_preview1Z_clock_res_get(&w, 0, 0xFFFFFFFFu), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_random_get(&w, END - 10, 11), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_random_get(&w, 0xFFFFFFFFu, 0xFFFFFFFFu), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_random_get(&w, END - 10, 10), 0);
    assert_int_equal(Z_wasi_snapshot_preview1Z_args_sizes_get(&w, END, 0), FAULT);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_prestat_get(&w, 9, 0), BADF);
    assert_int_equal(Z_wasi_snapshot_preview1Z_fd_seek(&w, 1, 0, 0, 0), 70);
    assert_int_equal(Z_wasi_snapshot_preview1Z_poll_oneoff(&w, 0, 0, 1, 0), 58);

    /* host_call: bad spans and unknown ops are refused, never guessed. */
    assert_int_equal((int32_t)Z_wasmboxZ_host_call(&wbx, 1, END - 1, 2), -1);
    assert_int_equal((int32_t)Z_wasmboxZ_host_call(&wbx, 1, 0xFFFFFFF0u, 0x20), -1);
    assert_int_equal((int32_t)Z_wasmboxZ_host_call(&wbx, 999, 0, 1), -2);
    memcpy(mem.data, "[1]", 3);
    assert_int_equal((int32_t)Z_wasmboxZ_host_call(&wbx, 1, 0, 3), 0);
    assert_string_equal(h.value, "[1]");

    wb__host_end_run(&h);
    wb__vfs_free(h.vfs);
    wasm_rt_free_memory(&mem);
}

static void test_seeded_random_is_reproducible(void **state)
{
    (void)state;
    fault_handlers_on_top();
    wb__host h;
    memset(&h, 0, sizeof h);
    wb__options_default(&h.opt);
    h.opt.seeded = 1;
    wasm_rt_memory_t mem;
    wasm_rt_allocate_memory(&mem, 1, 1);
    h.mem = &mem;
    struct Z_wasi_snapshot_preview1_instance_t w = { &h };
    uint8_t first[37], second[37];
    wb__host_seed(&h, 7);
    assert_int_equal(Z_wasi_snapshot_preview1Z_random_get(&w, 0, 37), 0);
    memcpy(first, mem.data, 37);
    wb__host_seed(&h, 7);
    assert_int_equal(Z_wasi_snapshot_preview1Z_random_get(&w, 0, 37), 0);
    memcpy(second, mem.data, 37);
    assert_memory_equal(first, second, 37);
    wb__host_seed(&h, 8);
    assert_int_equal(Z_wasi_snapshot_preview1Z_random_get(&w, 0, 37), 0);
    assert_memory_not_equal(first, mem.data, 37);
    wasm_rt_free_memory(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oob_traps_and_next_works),
        cmocka_unit_test(test_trap_reasons),
        cmocka_unit_test(test_stack_exhaustion_traps),
        cmocka_unit_test(test_memory_cap_on_grow),
        cmocka_unit_test(test_image_copy_on_write),
        cmocka_unit_test(test_undo_log),
        cmocka_unit_test(test_guest_span_checks),
        cmocka_unit_test(test_wasi_rejects_bad_pointers),
        cmocka_unit_test(test_seeded_random_is_reproducible),
        cmocka_unit_test(test_host_faults_still_crash),
        cmocka_unit_test(test_threads_run_at_once),
        cmocka_unit_test(test_create_free_cycles_flat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
