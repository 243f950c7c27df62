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
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14 */
#endif

#include "snapshot.h"
#include "../runtime/rt.h"

#define PM_PRESENT ((uint64_t)1 << 63)
#define PM_SWAPPED ((uint64_t)1 << 62)
#define PM_FILE ((uint64_t)1 << 61)
#define PM_CHUNK 2048 /* pagemap entries read per call (16 KiB on the stack) */

void *wb__snap_big_alloc(size_t n)
{
    uint8_t *p = malloc(n ? n : 1);
    if (p && n >= ((size_t)64 << 10)) {
        uintptr_t a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095, e = ((uintptr_t)p + n) & ~(uintptr_t)4095;
        if (e > a)
            madvise((void *)a, e - a, MADV_POPULATE_WRITE);
    }
    return p;
}

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
    free(snap->chunks);
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
static int dirty_runs(const wb__guest_state *s, const wb__guest_fork *fk, runlist *out)
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
            /* Pages mapped from a fork image are file pages that differ
             * from the template: always compare those. */
            int layered = p >= fk->base_lo && p < fk->base_hi;
            if (have_pm && !layered) {
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
    if (!snap || dirty_runs(&s, wb__guest_fork_state(wb__sandbox_guest(sb)), &r) != 0)
        goto oom;
    snap->runs = r.v;
    snap->nruns = r.n;
    snap->ndirty = r.pages;
    r.v = NULL;
    memcpy(snap->guest_id, wb__guest_identity, sizeof snap->guest_id);
    snap->pages = s.mem->pages;
    snap->data = wb__snap_big_alloc(snap->ndirty * WB__SNAP_PAGE);
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

/* Copies len bytes of pages into mem at off.  One madvise first makes the
 * pages private and writable: page by page, each first write would be a
 * fault (costly in a VM).  Older kernels lack it; the faults then do the
 * same work. */
static void put_run(wasm_rt_memory_t *mem, size_t off, const uint8_t *src, size_t len)
{
    madvise(mem->data + off, len, MADV_POPULATE_WRITE);
    memcpy(mem->data + off, src, len);
}

/* Makes g's memory the template plus the snapshot's pages.  0 or errno. */
static int apply_pages(const wb__guest_state *s, wb__guest *g, const wb_snapshot *snap)
{
    int e = wb__guest_reset_memory(g);
    if (e)
        return e;
    wasm_rt_memory_t *mem = s->mem;
    if (snap->pages > mem->pages && wasm_rt_grow_memory(mem, snap->pages - mem->pages) == UINT32_MAX)
        return ENOMEM;
    const uint8_t *src = snap->data;
    for (size_t i = 0; i < snap->nruns; i++) {
        size_t off = (size_t)snap->runs[i].first * WB__SNAP_PAGE, len = (size_t)snap->runs[i].count * WB__SNAP_PAGE;
        put_run(mem, off, src, len);
        src += len;
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
    int e = apply_pages(&s, g, snap);
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

/* The parent's fork image for its current state: its memory from the
 * first page that differs from the template up, in a memfd.  Made on the
 * first fork of a state, reused by the next ones until the parent runs,
 * is restored or reset.  0 or errno; *lo is the image's first 4 KiB page
 * (the memory's end when nothing differs: no image). */
static int fork_image(const wb__guest_state *s, wb__guest_fork *fk, uint32_t *lo)
{
    if (fk->fd >= 0 && fk->fd_gen == fk->gen) {
        *lo = fk->fd_lo;
        return 0;
    }
    if (fk->fd >= 0)
        close(fk->fd);
    fk->fd = -1;
    runlist r = {0};
    int e = dirty_runs(s, fk, &r);
    size_t total = (size_t)s->mem->pages * (WB__WASM_PAGE / WB__SNAP_PAGE);
    size_t first = r.n ? r.v[0].first : total;
    free(r.v);
    if (e)
        return e;
    *lo = (uint32_t)first;
    if (first == total)
        return 0;
    int fd = memfd_create("wasmbox-fork", MFD_CLOEXEC);
    if (fd < 0)
        return errno;
    if (ftruncate(fd, (off_t)(total * WB__SNAP_PAGE)) != 0)
        goto fail;
    /* Zero pages stay holes: they read as zero and cost nothing. */
    for (size_t p = first; p < total;) {
        while (p < total && page_is_zero(s->mem->data + p * WB__SNAP_PAGE))
            p++;
        size_t q = p;
        while (q < total && q - p < 256 && !page_is_zero(s->mem->data + q * WB__SNAP_PAGE))
            q++;
        size_t len = (q - p) * WB__SNAP_PAGE;
        if (len && pwrite(fd, s->mem->data + p * WB__SNAP_PAGE, len, (off_t)(p * WB__SNAP_PAGE)) != (ssize_t)len)
            goto fail;
        p = q;
    }
    fk->fd = fd;
    fk->fd_gen = fk->gen;
    fk->fd_lo = (uint32_t)first;
    return 0;
fail:;
    e = errno ? errno : EIO;
    close(fd);
    return e;
}

/* The child's memory: the template below lo, the parent's image from lo
 * up, both copy-on-write. */
static int map_child(wb__guest *cg, const wb__guest_fork *pf, uint32_t lo, uint32_t pages)
{
    wb__guest_state cs;
    int e = wb__guest_view(cg, &cs);
    if (e)
        return e;
    wasm_rt_memory_t *mem = cs.mem;
    if (pages > mem->pages && wasm_rt_grow_memory(mem, pages - mem->pages) == UINT32_MAX)
        return ENOMEM;
    size_t total = (size_t)pages * (WB__WASM_PAGE / WB__SNAP_PAGE);
    if (lo >= total)
        return 0;
    size_t off = (size_t)lo * WB__SNAP_PAGE;
    if (mmap(mem->data + off, total * WB__SNAP_PAGE - off, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, pf->fd,
             (off_t)off) == MAP_FAILED)
        return errno;
    wb__guest_fork *cf = wb__guest_fork_state(cg);
    cf->base_lo = lo;
    cf->base_hi = (uint32_t)total;
    return 0;
}

/* The first fork of a state copies the pages that differ into the child
 * (cheapest for one fork); a second fork of the same state makes the
 * image that every further one maps. */
static int copy_child(const wb__guest_state *s, const wb__guest_fork *pf, wb__guest *cg)
{
    runlist r = {0};
    int e = dirty_runs(s, pf, &r);
    wb__guest_state cs;
    if (e == 0)
        e = wb__guest_view(cg, &cs);
    if (e == 0 && s->mem->pages > cs.mem->pages &&
        wasm_rt_grow_memory(cs.mem, s->mem->pages - cs.mem->pages) == UINT32_MAX)
        e = ENOMEM;
    for (size_t i = 0; e == 0 && i < r.n; i++) {
        size_t off = (size_t)r.v[i].first * WB__SNAP_PAGE, len = (size_t)r.v[i].count * WB__SNAP_PAGE;
        put_run(cs.mem, off, s->mem->data + off, len);
    }
    free(r.v);
    return e;
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
    wb__guest *pg = wb__sandbox_guest(sb);
    wb__guest_fork *pf = wb__guest_fork_state(pg);
    uint32_t lo = 0;
    int by_copy = pf->copied != pf->gen + 1 && !(pf->fd >= 0 && pf->fd_gen == pf->gen);
    if (by_copy)
        pf->copied = pf->gen + 1;
    else if (fork_image(&s, pf, &lo) != 0)
        return wb__sandbox_fail(sb, WB_ENOMEM, "wb_fork: out of host memory for the fork image");
    wb_sandbox *c = NULL;
    st = wb__sandbox_clone(sb, &c);
    if (st != WB_OK) {
        wb__sandbox_fail(sb, st, "wb_fork: %s", wb_errmsg(c));
        wb_free(c);
        return st;
    }
    wb__guest *cg = wb__sandbox_guest(c);
    int e = by_copy ? copy_child(&s, pf, cg) : map_child(cg, pf, lo, s.mem->pages);
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
    wb__guest_get_globals(pg, gl);
    wb__guest_put_globals(cg, gl);
    if (gl != gbuf)
        free(gl);
    *out = c;
    return WB_OK;
}
