/* Snapshots and fork: capturing a sandbox's state as the memory pages that
 * differ from the guest template plus its globals (and its files), putting
 * it back, and cloning a sandbox.
 *
 * Finding the pages that differ cheaply: every sandbox maps the template
 * copy-on-write (src/runtime/rt_memory.c), so a page the guest never wrote
 * is still the template's page-cache page, and a page it wrote is private
 * anonymous memory.  /proc/self/pagemap tells the two apart (bit 61, "file
 * page or shared anonymous") without touching the memory; only private
 * pages are compared with the template (a rollback rewrites pages with the
 * same bytes), so a snapshot costs a read of 8 bytes per page plus the
 * pages that really changed.  Without pagemap (some containers hide it)
 * every page is compared: slower, same result.
 *
 * The guest's shadow stack, [0, initial stack pointer), is left out: between
 * runs the stack pointer is back at the top and everything below it is dead
 * frames, which the next run overwrites before reading. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "snapshot.h"
#include "../runtime/rt.h"

#define PM_PRESENT ((uint64_t)1 << 63)
#define PM_SWAPPED ((uint64_t)1 << 62)
#define PM_FILE ((uint64_t)1 << 61)
#define PM_CHUNK 2048 /* pagemap entries read per call (16 KiB on the stack) */

wb_snapshot *wb__snap_alloc(void)
{
    wb_snapshot *s = calloc(1, sizeof *s);
    if (s)
        s->magic = WB__SNAP_MAGIC;
    return s;
}

void wb_snapshot_free(wb_snapshot *snap)
{
    if (!snap || snap->magic != WB__SNAP_MAGIC)
        return;
    snap->magic = 0;
    free(snap->runs);
    free(snap->data);
    free(snap->globals);
    free(snap->vfs);
    free(snap);
}

/* Growing list of runs. */
typedef struct {
    wb__snap_run *v;
    size_t n, cap, pages;
    int oom;
} runlist;

static void add_page(runlist *r, uint32_t page)
{
    if (r->n && r->v[r->n - 1].first + r->v[r->n - 1].count == page) {
        r->v[r->n - 1].count++;
        r->pages++;
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        wb__snap_run *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            r->oom = 1;
            return;
        }
        r->v = v;
        r->cap = cap;
    }
    r->v[r->n++] = (wb__snap_run){ page, 1 };
    r->pages++;
}

static int page_is_zero(const uint8_t *p)
{
    for (size_t i = 0; i < WB__SNAP_PAGE; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w)
            return 0;
    }
    return 1;
}

/* The 4 KiB pages of the guest's memory that differ from the template,
 * from the end of the shadow stack up. */
static int dirty_runs(const wb__guest_state *s, runlist *out)
{
    const uint8_t *base = s->mem->data;
    size_t total = (size_t)s->mem->pages * (WB__WASM_PAGE / WB__SNAP_PAGE);
    size_t tmpl = (size_t)s->tmpl_pages * (WB__WASM_PAGE / WB__SNAP_PAGE);
    size_t first = s->stack_top / WB__SNAP_PAGE; /* a page straddling the top is kept */
    uint64_t pm[PM_CHUNK];
    int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    for (size_t p = first; p < total;) {
        size_t n = total - p < PM_CHUNK ? total - p : PM_CHUNK;
        int have_pm = 0;
        if (fd >= 0) {
            off_t off = (off_t)(((uintptr_t)base / WB__SNAP_PAGE + p) * sizeof(uint64_t));
            have_pm = pread(fd, pm, n * sizeof *pm, off) == (ssize_t)(n * sizeof *pm);
        }
        for (size_t i = 0; i < n; i++, p++) {
            const uint8_t *page = base + p * WB__SNAP_PAGE;
            if (have_pm) {
                uint64_t e = pm[i];
                if (!(e & (PM_PRESENT | PM_SWAPPED)))
                    continue; /* never touched: the template's bytes, or zero past it */
                if (p < tmpl && (e & PM_PRESENT) && (e & PM_FILE))
                    continue; /* still the template's page */
            }
            int same = p < tmpl ? !memcmp(page, s->tmpl + p * WB__SNAP_PAGE, WB__SNAP_PAGE) : page_is_zero(page);
            if (!same)
                add_page(out, (uint32_t)p);
        }
    }
    if (fd >= 0)
        close(fd);
    return out->oom ? ENOMEM : 0;
}

static wb_status view(wb_sandbox *sb, const char *fn, wb__guest_state *s)
{
    wb_status st = wb__sandbox_check_idle(sb, fn);
    if (st != WB_OK)
        return st;
    if (wb__guest_view(wb__sandbox_guest(sb), s) != 0)
        return wb__sandbox_fail(sb, WB_ENOMEM, "%s: cannot map a view of the guest template", fn);
    return WB_OK;
}

wb_status wb_snapshot_take(wb_sandbox *sb, wb_snapshot **out)
{
    if (!out)
        return WB_EMISUSE;
    *out = NULL;
    wb__guest_state s;
    wb_status st = view(sb, "wb_snapshot_take", &s);
    if (st != WB_OK)
        return st;
    wb_snapshot *snap = wb__snap_alloc();
    runlist r = {0};
    if (!snap || dirty_runs(&s, &r) != 0)
        goto oom;
    snap->runs = r.v;
    snap->nruns = r.n;
    snap->ndirty = r.pages;
    r.v = NULL;
    memcpy(snap->guest_id, wb__guest_identity, sizeof snap->guest_id);
    snap->pages = s.mem->pages;
    snap->data = malloc(snap->ndirty ? snap->ndirty * WB__SNAP_PAGE : 1);
    snap->globals = malloc(s.globals_size);
    if (!snap->data || !snap->globals)
        goto oom;
    snap->globals_size = s.globals_size;
    uint8_t *d = snap->data;
    for (size_t i = 0; i < snap->nruns; i++) {
        size_t len = (size_t)snap->runs[i].count * WB__SNAP_PAGE;
        memcpy(d, s.mem->data + (size_t)snap->runs[i].first * WB__SNAP_PAGE, len);
        d += len;
    }
    wb__guest_get_globals(wb__sandbox_guest(sb), snap->globals);
    if (wb__snap_vfs_save(sb, &snap->vfs, &snap->vfs_len) != 0)
        goto oom;
    *out = snap;
    return WB_OK;
oom:
    free(r.v);
    wb_snapshot_free(snap);
    return wb__sandbox_fail(sb, WB_ENOMEM, "wb_snapshot_take: out of host memory copying the sandbox's state");
}

/* Makes g's memory the template plus the given pages.  0 or errno. */
static int apply_pages(const wb__guest_state *s, wb__guest *g, uint32_t pages, const wb__snap_run *runs,
                       size_t nruns, const uint8_t *src_data, const uint8_t *src_mem)
{
    /* A fresh guest (fork's child) is the template already. */
    int e = s->mem->pages == s->tmpl_pages && g && !src_data ? 0 : wb__guest_reset_memory(g);
    if (e)
        return e;
    wasm_rt_memory_t *mem = s->mem;
    if (pages > mem->pages && wasm_rt_grow_memory(mem, pages - mem->pages) == UINT32_MAX)
        return ENOMEM;
    for (size_t i = 0; i < nruns; i++) {
        size_t off = (size_t)runs[i].first * WB__SNAP_PAGE, len = (size_t)runs[i].count * WB__SNAP_PAGE;
        if (src_mem) {
            memcpy(mem->data + off, src_mem + off, len);
        } else {
            memcpy(mem->data + off, src_data, len);
            src_data += len;
        }
    }
    return 0;
}

static int bad_snap(const wb_snapshot *snap)
{
    return !snap || snap->magic != WB__SNAP_MAGIC;
}

wb_status wb_restore(wb_sandbox *sb, const wb_snapshot *snap)
{
    wb__guest_state s;
    wb_status st = view(sb, "wb_restore", &s);
    if (st != WB_OK)
        return st;
    if (bad_snap(snap))
        return wb__sandbox_fail(sb, WB_EMISUSE, "wb_restore: snap is not a live snapshot (NULL, freed, or not "
                                "from wb_snapshot_take()/wb_snapshot_load())");
    if (memcmp(snap->guest_id, wb__guest_identity, sizeof snap->guest_id) || snap->globals_size != s.globals_size ||
        snap->pages < s.tmpl_pages)
        return wb__sandbox_fail(sb, WB_EINVAL, "wb_restore: the snapshot comes from a different guest build; "
                                "its memory layout does not fit this one");
    if (snap->pages > s.mem->max_pages)
        return wb__sandbox_fail(sb, WB_EMEMLIMIT,
                                "wb_restore: the snapshot holds %u MiB of guest memory but this sandbox's memory "
                                "limit is %u MiB; raise it with wb_config_set_memory_limit() or --memory",
                                (unsigned)((uint64_t)snap->pages * WB__WASM_PAGE >> 20),
                                (unsigned)((uint64_t)s.mem->max_pages * WB__WASM_PAGE >> 20));
    wb__guest *g = wb__sandbox_guest(sb);
    char msg[256] = "";
    int e = apply_pages(&s, g, snap->pages, snap->runs, snap->nruns, snap->data, NULL);
    if (e == 0)
        e = wb__snap_vfs_load(sb, snap->vfs, snap->vfs_len, msg, sizeof msg);
    if (e) {
        /* Half a restore is no state at all: back to the template. */
        int e2 = wb__guest_reset(g);
        return wb__sandbox_fail(sb, e == ENOMEM ? WB_ENOMEM : WB_EINVAL,
                                "wb_restore: %s; the sandbox was reset to its initial state%s",
                                msg[0] ? msg : "out of host memory restoring the snapshot",
                                e2 ? " (and even that failed: free it)" : "");
    }
    wb__guest_put_globals(g, snap->globals);
    return WB_OK;
}

wb_status wb_fork(wb_sandbox *sb, wb_sandbox **out)
{
    if (!out)
        return WB_EMISUSE;
    *out = NULL;
    wb__guest_state s;
    wb_status st = view(sb, "wb_fork", &s);
    if (st != WB_OK)
        return st;
    runlist r = {0};
    if (dirty_runs(&s, &r) != 0) {
        free(r.v);
        return wb__sandbox_fail(sb, WB_ENOMEM, "wb_fork: out of host memory");
    }
    wb_sandbox *c = NULL;
    st = wb__sandbox_clone(sb, &c);
    if (st != WB_OK) {
        free(r.v);
        wb__sandbox_fail(sb, st, "wb_fork: %s", wb_errmsg(c));
        wb_free(c);
        return st;
    }
    wb__guest_state cs;
    wb__guest *cg = wb__sandbox_guest(c);
    int e = wb__guest_view(cg, &cs);
    if (e == 0)
        e = apply_pages(&cs, cg, s.mem->pages, r.v, r.n, NULL, s.mem->data);
    free(r.v);
    if (e == 0)
        e = wb__snap_vfs_clone(sb, c);
    if (e) {
        wb_free(c);
        return wb__sandbox_fail(sb, WB_ENOMEM, "wb_fork: out of host memory or address space for the copy");
    }
    /* Globals straight across: the same bytes a snapshot would carry. */
    uint8_t gbuf[512];
    uint8_t *gl = s.globals_size <= sizeof gbuf ? gbuf : malloc(s.globals_size);
    if (!gl) {
        wb_free(c);
        return wb__sandbox_fail(sb, WB_ENOMEM, "wb_fork: out of host memory");
    }
    wb__guest_get_globals(wb__sandbox_guest(sb), gl);
    wb__guest_put_globals(cg, gl);
    if (gl != gbuf)
        free(gl);
    *out = c;
    return WB_OK;
}
