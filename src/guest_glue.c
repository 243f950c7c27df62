/* The guest instance: the one file that knows the wasm2c-generated module
 * (build/guest/guest.h) by name.
 *
 * Template: the first sandbox in a process instantiates the module, runs
 * its initialisers and wb_guest_init (QuickJS runtime, context, prelude),
 * then captures linear memory into a copy-on-write image.  Every sandbox
 * after that is the template's instance struct (its globals) with a fresh
 * memory mapped from the image and a table pointing at the new instance:
 * a mapping and a 10 KiB table, not a QuickJS start-up. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"
#include "imports.h"
#include "runtime/rt.h"
#include "guest.h"
#include "../guest/rt/host.h"

struct wb__guest {
    Z_guest_instance_t inst;
    struct Z_wasi_snapshot_preview1_instance_t wasi;
    struct Z_wasmbox_instance_t wbox;
    wb__host *host;
    wb__rt_undo undo;          /* memory writes of the run in progress */
    Z_guest_instance_t at_start; /* globals when the run began */
    wb__guest_fork fork;       /* src/session/: fork image and layering */
};

/* Process-wide state (listed in include/wasmbox.h): the template. */
static struct {
    pthread_once_t once;
    wb_status status;
    char msg[256];
    Z_guest_instance_t inst; /* globals after init; memory and table unused */
    wb__rt_image img;
} tmpl = { .once = PTHREAD_ONCE_INIT, .img = { .fd = -1 } };

struct inst_args {
    Z_guest_instance_t *inst;
    struct Z_wasi_snapshot_preview1_instance_t *wasi;
    struct Z_wasmbox_instance_t *wbox;
};

static void call_instantiate(void *arg)
{
    struct inst_args *a = arg;
    Z_guest_instantiate(a->inst, a->wasi, a->wbox);
}

static void call_init(void *arg)
{
    Z_guest_instance_t *inst = arg;
    Z_guestZ__initialize(inst);
    if ((int)Z_guestZ_wb_guest_init(inst) != WB_GUEST_OK)
        wasm_rt_trap(WASM_RT_TRAP_UNREACHABLE);
}

/* dst takes the globals of src, keeping its own memory, table and import
 * bindings (those hold host pointers and are per instance). */
static void take_globals(Z_guest_instance_t *dst, const Z_guest_instance_t *src)
{
    wasm_rt_memory_t mem = dst->w2c_memory;
    wasm_rt_funcref_table_t table = dst->w2c_T0;
    struct Z_wasi_snapshot_preview1_instance_t *wasi = dst->Z_wasi_snapshot_preview1_instance;
    struct Z_wasmbox_instance_t *wbox = dst->Z_wasmbox_instance;
    *dst = *src;
    dst->w2c_memory = mem;
    dst->w2c_T0 = table;
    dst->Z_wasi_snapshot_preview1_instance = wasi;
    dst->Z_wasmbox_instance = wbox;
}

static void adopt_globals(wb__guest *g, const Z_guest_instance_t *from)
{
    take_globals(&g->inst, from);
    g->inst.Z_wasi_snapshot_preview1_instance = &g->wasi;
    g->inst.Z_wasmbox_instance = &g->wbox;
}

/* ---------------------------------------------------------------- build-time image
 *
 * Initialising the guest (QuickJS, 50 KB of prelude JS to compile) takes
 * milliseconds; doing it in every process made `wasmbox run` slow.  The
 * build runs it once (tools/mkimage.c with the stage-1 library) and links
 * the resulting memory image and globals into the library as
 * wb__guest_image.  A process then only instantiates the module (function
 * table, host pointers) and copies the image in.  The stage-1 library, and
 * any image that does not match this build, fall back to initialising.
 *
 * Format: magic, sizeof(Z_guest_instance_t), wasm pages, the instance
 * struct (its globals), a bitmap of the 4 KiB pages that are not zero, and
 * those pages. */
extern const unsigned char wb__guest_image[];
extern const size_t wb__guest_image_size;

#define WB__IMG_MAGIC "WBIMAGE1"
#define WB__IMG_PAGE 4096u

static int force_init; /* tools/mkimage: initialise by running the guest */

static int load_image(Z_guest_instance_t *inst)
{
    const unsigned char *p = wb__guest_image;
    size_t n = wb__guest_image_size;
    uint32_t isz, pages;
    if (force_init || n < 16 || memcmp(p, WB__IMG_MAGIC, 8))
        return -1;
    memcpy(&isz, p + 8, 4);
    memcpy(&pages, p + 12, 4);
    size_t small = (size_t)pages * (WB__WASM_PAGE / WB__IMG_PAGE);
    size_t head = 16 + sizeof(Z_guest_instance_t), bitmap = (small + 7) / 8;
    if (isz != sizeof(Z_guest_instance_t) || n < head + bitmap || pages > inst->w2c_memory.max_pages)
        return -1;
    const unsigned char *bits = p + head, *data = bits + bitmap;
    size_t nonzero = 0;
    for (size_t i = 0; i < small; i++)
        nonzero += (bits[i / 8] >> (i % 8)) & 1;
    if (n != head + bitmap + nonzero * WB__IMG_PAGE)
        return -1;
    wasm_rt_memory_t *mem = &inst->w2c_memory;
    if (pages > mem->pages && wasm_rt_grow_memory(mem, pages - mem->pages) == UINT32_MAX)
        return -1;
    memset(mem->data, 0, mem->size);
    for (size_t i = 0; i < small; i++)
        if ((bits[i / 8] >> (i % 8)) & 1) {
            memcpy(mem->data + i * WB__IMG_PAGE, data, WB__IMG_PAGE);
            data += WB__IMG_PAGE;
        }
    Z_guest_instance_t saved;
    memcpy(&saved, p + 16, sizeof saved);
    take_globals(inst, &saved);
    return 0;
}

static void make_template(void)
{
    static wb__host h; /* only used while the template initialises */
    static struct Z_wasi_snapshot_preview1_instance_t wasi;
    static struct Z_wasmbox_instance_t wbox;
    Z_guest_instance_t *inst = &tmpl.inst;
    wb__rt_call_ctx c;
    int e, trap;

    if ((e = wb__rt_init()) != 0) {
        tmpl.status = WB_EINIT;
        snprintf(tmpl.msg, sizeof tmpl.msg, "cannot install the fault handler: %s", strerror(e));
        return;
    }
    /* The image must not depend on when or where it was made: a fixed
     * clock and seed while the guest initialises. */
    wb__options_default(&h.opt);
    h.opt.fixed_clock = 1;
    h.opt.seeded = 1;
    wb__host_seed(&h, 0);
    wasi.host = &h;
    wbox.host = &h;
    wbox.guest = inst;

    Z_guest_init_module();
    struct inst_args a = { inst, &wasi, &wbox };
    trap = wb__rt_call(&c, NULL, call_instantiate, &a);
    if (trap == 0) {
        h.mem = &inst->w2c_memory;
        /* No budget while initialising: out_of_fuel refills slice by slice. */
        h.fuel = Z_guestZ_wb_fuel(inst);
        if (load_image(inst) != 0) {
            wb__fuel_begin(&h);
            trap = wb__rt_call(&c, &inst->w2c_memory, call_init, inst);
        }
    }
    if (trap) {
        tmpl.status = WB_EINIT;
        snprintf(tmpl.msg, sizeof tmpl.msg, "guest initialisation failed (%s); guest stderr: %.*s",
                 wasm_rt_strerror((wasm_rt_trap_t)trap), (int)(h.err.len > 150 ? 150 : h.err.len),
                 h.err.data ? h.err.data : "");
        wb__host_end_run(&h);
        return;
    }
    if ((e = wb__rt_image_make(&tmpl.img, &inst->w2c_memory)) != 0) {
        tmpl.status = WB_ENOMEM;
        snprintf(tmpl.msg, sizeof tmpl.msg, "cannot create the guest image: %s", strerror(e));
        return;
    }
    wasm_rt_free_memory(&inst->w2c_memory);
    wb__host_end_run(&h);
    tmpl.status = WB_OK;
}

wb_status wb__guest_new(wb__host *h, wb__guest **out, char *msg, size_t msgsz)
{
    *out = NULL;
    pthread_once(&tmpl.once, make_template);
    if (tmpl.status != WB_OK) {
        snprintf(msg, msgsz, "%s", tmpl.msg);
        return tmpl.status;
    }
    wb__guest *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(msg, msgsz, "out of host memory creating a sandbox");
        return WB_ENOMEM;
    }
    g->host = h;
    g->wasi.host = h;
    g->wbox.host = h;
    g->wbox.guest = &g->inst;
    g->fork.fd = -1;

    uint64_t pages = h->opt.memory_limit / WB__WASM_PAGE;
    int e = wb__rt_memory_from_image(&g->inst.w2c_memory, &tmpl.img, (uint32_t)pages);
    if (e) {
        free(g);
        if (e == ENOMEM && tmpl.img.pages > pages)
            snprintf(msg, msgsz, "memory limit %llu MiB is below the %u MiB the guest needs at start",
                     (unsigned long long)(h->opt.memory_limit >> 20),
                     (unsigned)((uint64_t)tmpl.img.pages * WB__WASM_PAGE >> 20));
        else
            snprintf(msg, msgsz, "cannot map guest memory: %s", strerror(e));
        return e == ENOMEM && tmpl.img.pages > pages ? WB_EINVAL : WB_ENOMEM;
    }
    const wasm_rt_funcref_table_t *tt = &tmpl.inst.w2c_T0;
    g->inst.w2c_T0.data = malloc((tt->size ? tt->size : 1) * sizeof *tt->data);
    if (!g->inst.w2c_T0.data) {
        wasm_rt_free_memory(&g->inst.w2c_memory);
        free(g);
        snprintf(msg, msgsz, "out of host memory creating a sandbox");
        return WB_ENOMEM;
    }
    g->inst.w2c_T0.size = tt->size;
    g->inst.w2c_T0.max_size = tt->max_size;
    /* Table entries carry the instance they belong to. */
    for (uint32_t i = 0; i < tt->size; i++) {
        g->inst.w2c_T0.data[i] = tt->data[i];
        if (tt->data[i].module_instance == &tmpl.inst)
            g->inst.w2c_T0.data[i].module_instance = &g->inst;
    }
    adopt_globals(g, &tmpl.inst);
    h->mem = &g->inst.w2c_memory;
    h->fuel = Z_guestZ_wb_fuel(&g->inst);
    *out = g;
    return WB_OK;
}

void wb__guest_free(wb__guest *g)
{
    if (!g)
        return;
    wb__rt_undo_free(&g->undo);
    if (g->fork.fd >= 0)
        close(g->fork.fd);
    wasm_rt_free_memory(&g->inst.w2c_memory);
    free(g->inst.w2c_T0.data);
    free(g);
}

/* The state changes: a fork image of the old one is of no more use (its
 * children keep their own mappings of it). */
static void fork_drop_image(wb__guest *g)
{
    g->fork.gen++;
    if (g->fork.fd >= 0)
        close(g->fork.fd);
    g->fork.fd = -1;
}

int wb__guest_begin(wb__guest *g)
{
    fork_drop_image(g);
    g->at_start = g->inst;
    /* With --stack-first the shadow stack is [0, initial stack pointer):
     * dead frames at the start of every run, not worth tracking. */
    return wb__rt_undo_begin(&g->undo, &g->inst.w2c_memory, tmpl.inst.w2c___stack_pointer);
}

int wb__guest_commit(wb__guest *g)
{
    return wb__rt_undo_commit(&g->undo);
}

int wb__guest_rollback(wb__guest *g)
{
    int e = wb__rt_undo_rollback(&g->undo);
    if (e == 0)
        adopt_globals(g, &g->at_start);
    return e;
}

/* The whole memory is the template's again: no fork image layer. */
static void fork_reset(wb__guest *g)
{
    fork_drop_image(g);
    g->fork.base_lo = g->fork.base_hi = 0;
}

int wb__guest_reset(wb__guest *g)
{
    fork_reset(g);
    wb__rt_undo_commit(&g->undo);
    int e = wb__rt_memory_reset(&g->inst.w2c_memory, &tmpl.img);
    if (e == 0)
        adopt_globals(g, &tmpl.inst);
    return e;
}

/* One call into the guest with a buffer copied into its heap: a script to
 * run, or the answers to resume with. */
struct call_args {
    wb__guest *g;
    int resume; /* 0: wb_guest_run(lang, buf), 1: wb_guest_resume(buf) */
    int lang;
    const char *data;
    size_t len;
    int status;
};

static void call_with_buffer(void *arg)
{
    struct call_args *a = arg;
    Z_guest_instance_t *inst = &a->g->inst;
    void *dst;
    u32 p = Z_guestZ_wb_guest_alloc(inst, (u32)a->len);
    if (p == 0 || wb__guest_span(&inst->w2c_memory, p, a->len, &dst) != WB_OK) {
        a->status = WB_GUEST_NOMEM;
        return;
    }
    memcpy(dst, a->data, a->len);
    a->status = a->resume ? (int)Z_guestZ_wb_guest_resume(inst, p, (u32)a->len)
                          : (int)Z_guestZ_wb_guest_run(inst, (u32)a->lang, p, (u32)a->len);
    Z_guestZ_wb_guest_free(inst, p);
}

static void finish_outcome(int trap, int status, const wb__rt_call_ctx *c, wb__guest_outcome *o)
{
    o->grow_denied = c->grow_denied;
    if (trap == WB__RT_TRAP_EXIT) {
        o->exited = 1;
        return;
    }
    o->trap = trap;
    o->status = status;
}

static wb_status call_guest(wb__guest *g, int resume, int lang, const char *data, size_t len, wb__guest_outcome *o)
{
    memset(o, 0, sizeof *o);
    /* The buffer is copied into guest memory, which is 32-bit. */
    if (len > UINT32_MAX - 65536)
        return WB_EINVAL;
    wb__rt_call_ctx c;
    struct call_args a = { g, resume, lang, data, len, 0 };
    int trap = wb__rt_call_undo(&c, &g->inst.w2c_memory, g->undo.active ? &g->undo : NULL, call_with_buffer, &a);
    g->host->unwind = NULL; /* frames a trap jumped past are gone */
    wb__fibers_reset(g->host);
    finish_outcome(trap, a.status, &c, o);
    return WB_OK;
}

wb_status wb__guest_resume(wb__guest *g, const char *results, size_t len, wb__guest_outcome *o)
{
    return call_guest(g, 1, 0, results, len, o);
}

wb_status wb__guest_run(wb__guest *g, int lang, const char *code, size_t len, wb__guest_outcome *o)
{
    return call_guest(g, 0, lang, code, len, o);
}

/* tools/mkimage: initialise the guest by running it and write the image. */
int wb__guest_write_image(const char *path, char *msg, size_t msgsz)
{
    force_init = 1;
    pthread_once(&tmpl.once, make_template);
    if (tmpl.status != WB_OK) {
        snprintf(msg, msgsz, "%s", tmpl.msg);
        return -1;
    }
    size_t len = (size_t)tmpl.img.pages * WB__WASM_PAGE, small = len / WB__IMG_PAGE;
    unsigned char *mem = malloc(len ? len : 1), *bits = calloc((small + 7) / 8 + 1, 1);
    FILE *f = NULL;
    int ok = mem && bits && pread(tmpl.img.fd, mem, len, 0) == (ssize_t)len && (f = fopen(path, "wb"));
    if (ok) {
        uint32_t isz = (uint32_t)sizeof(Z_guest_instance_t), pages = tmpl.img.pages;
        for (size_t i = 0; i < small; i++)
            for (size_t k = 0; k < WB__IMG_PAGE; k++)
                if (mem[i * WB__IMG_PAGE + k]) {
                    bits[i / 8] |= (unsigned char)(1u << (i % 8));
                    break;
                }
        ok = fwrite(WB__IMG_MAGIC, 1, 8, f) == 8 && fwrite(&isz, 4, 1, f) == 1 && fwrite(&pages, 4, 1, f) == 1 &&
             fwrite(&tmpl.inst, sizeof tmpl.inst, 1, f) == 1 && fwrite(bits, 1, (small + 7) / 8, f) == (small + 7) / 8;
        for (size_t i = 0; ok && i < small; i++)
            if ((bits[i / 8] >> (i % 8)) & 1)
                ok = fwrite(mem + i * WB__IMG_PAGE, WB__IMG_PAGE, 1, f) == 1;
    }
    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok)
        snprintf(msg, msgsz, "cannot write the guest image %s: %s", path, strerror(errno ? errno : EIO));
    free(mem);
    free(bits);
    return ok ? 0 : -1;
}

/* ---------------------------------------------------------------- snapshots
 *
 * What src/session/ needs to save and restore an instance without knowing
 * the generated module: its memory, the template it was mapped from, and
 * its globals as opaque bytes (the instance struct with memory, table and
 * import pointers zeroed: those are host pointers, rebuilt per instance
 * and never saved). */

/* Process-wide state (listed in include/wasmbox.h): a read-only view of
 * the template image, mapped on first use. */
static pthread_once_t tmpl_view_once = PTHREAD_ONCE_INIT;
static const uint8_t *tmpl_view;

static void map_tmpl_view(void)
{
    size_t len = (size_t)tmpl.img.pages * WB__WASM_PAGE;
    void *p = len ? mmap(NULL, len, PROT_READ, MAP_SHARED, tmpl.img.fd, 0) : MAP_FAILED;
    tmpl_view = p == MAP_FAILED ? NULL : p;
}

int wb__guest_view(wb__guest *g, wb__guest_state *s)
{
    pthread_once(&tmpl_view_once, map_tmpl_view);
    if (!tmpl_view)
        return ENOMEM;
    s->mem = &g->inst.w2c_memory;
    s->tmpl = tmpl_view;
    s->tmpl_pages = tmpl.img.pages;
    s->stack_top = tmpl.inst.w2c___stack_pointer;
    s->globals_size = sizeof(Z_guest_instance_t);
    return 0;
}

size_t wb__guest_globals_size(void)
{
    return sizeof(Z_guest_instance_t);
}

void wb__guest_get_globals(const wb__guest *g, void *out)
{
    Z_guest_instance_t v = g->inst;
    memset(&v.w2c_memory, 0, sizeof v.w2c_memory);
    memset(&v.w2c_T0, 0, sizeof v.w2c_T0);
    v.Z_wasi_snapshot_preview1_instance = NULL;
    v.Z_wasmbox_instance = NULL;
    memcpy(out, &v, sizeof v);
}

wb__guest_fork *wb__guest_fork_state(wb__guest *g)
{
    return &g->fork;
}

void wb__guest_put_globals(wb__guest *g, const void *in)
{
    g->fork.gen++;
    Z_guest_instance_t v;
    memcpy(&v, in, sizeof v);
    adopt_globals(g, &v);
}

int wb__guest_reset_memory(wb__guest *g)
{
    fork_reset(g);
    wb__rt_undo_commit(&g->undo);
    return wb__rt_memory_reset(&g->inst.w2c_memory, &tmpl.img);
}
