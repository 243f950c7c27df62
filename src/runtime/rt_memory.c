/* Linear memories: one address-space reservation each, freed whole.
 *
 * Layout of a reservation (WB__RT_RESERVATION bytes):
 *   [0, size)             read-write: the guest's memory
 *   [size, reservation)   PROT_NONE: growth room and guard
 * A memory made from an image maps the image's pages MAP_PRIVATE over the
 * start of the reservation, so untouched pages are shared with the image
 * and with every other sandbox made from it. */
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rt.h"

static int reserve(wasm_rt_memory_t *mem, uint32_t max_pages)
{
    void *p = mmap(NULL, WB__RT_RESERVATION, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return errno;
    /* Transparent huge pages where the kernel allows them on request
     * (madvise mode): a guest that grows by megabytes (a 10 MB pipe
     * between applets) then takes one fault per 2 MiB instead of one per
     * 4 KiB.  Only whole 2 MiB blocks inside the committed memory qualify,
     * so a small memory stays in small pages; the image mapped over the
     * start is a file mapping, untouched by this.  Advice only: ignored
     * where unsupported. */
    (void)madvise(p, WB__RT_RESERVATION, MADV_HUGEPAGE);
    mem->data = p;
    mem->pages = 0;
    mem->size = 0;
    /* size is a uint32_t in the wasm2c ABI: 65536 pages would wrap it. */
    mem->max_pages = max_pages > 65535 ? 65535 : max_pages;
    return 0;
}

static int commit(wasm_rt_memory_t *mem, uint32_t pages)
{
    size_t old = (size_t)mem->pages * WB__WASM_PAGE;
    size_t len = (size_t)(pages - mem->pages) * WB__WASM_PAGE;
    if (len && mprotect(mem->data + old, len, PROT_READ | PROT_WRITE) != 0)
        return errno;
    mem->pages = pages;
    mem->size = (uint32_t)((size_t)pages * WB__WASM_PAGE);
    return 0;
}

void wasm_rt_allocate_memory(wasm_rt_memory_t *mem, uint32_t initial_pages, uint32_t max_pages)
{
    if (reserve(mem, max_pages) != 0)
        wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_NOMEM);
    if (initial_pages > mem->max_pages || commit(mem, initial_pages) != 0) {
        wasm_rt_free_memory(mem);
        wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_NOMEM);
    }
}

/* memory.grow: returns the old page count, or UINT32_MAX (-1 to the guest)
 * when the sandbox's cap or the host refuses.  A refusal by the cap is
 * recorded on the current call so the host can name the limit. */
uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *mem, uint32_t delta)
{
    uint32_t old = mem->pages;
    if (delta == 0)
        return old;
    if (delta > mem->max_pages || old > mem->max_pages - delta) {
        wb__rt_call_ctx *c = wb__rt_current();
        if (c) {
            uint64_t want = (uint64_t)old + delta;
            c->grow_denied = want > UINT32_MAX ? UINT32_MAX : (uint32_t)want;
        }
        return UINT32_MAX;
    }
    if (commit(mem, old + delta) != 0)
        return UINT32_MAX;
    return old;
}

void wasm_rt_free_memory(wasm_rt_memory_t *mem)
{
    if (mem->data)
        munmap(mem->data, WB__RT_RESERVATION);
    mem->data = NULL;
    mem->pages = mem->size = 0;
}

int wb__rt_image_make(wb__rt_image *img, const wasm_rt_memory_t *mem)
{
    int fd = memfd_create("wasmbox-image", MFD_CLOEXEC);
    if (fd < 0)
        return errno;
    size_t len = (size_t)mem->pages * WB__WASM_PAGE;
    if (ftruncate(fd, (off_t)len) != 0)
        goto fail;
    /* Only nonzero pages are written: the rest of the file stays sparse. */
    for (size_t off = 0; off < len; off += 4096) {
        const uint8_t *p = mem->data + off;
        int zero = 1;
        for (size_t i = 0; i < 4096; i += 8) {
            uint64_t w;
            __builtin_memcpy(&w, p + i, 8);
            if (w) { zero = 0; break; }
        }
        if (zero)
            continue;
        if (pwrite(fd, p, 4096, (off_t)off) != 4096)
            goto fail;
    }
    img->fd = fd;
    img->pages = mem->pages;
    return 0;
fail:;
    int e = errno ? errno : EIO;
    close(fd);
    return e;
}

void wb__rt_image_free(wb__rt_image *img)
{
    if (img->fd >= 0)
        close(img->fd);
    img->fd = -1;
    img->pages = 0;
}

static int map_image(wasm_rt_memory_t *mem, const wb__rt_image *img)
{
    size_t len = (size_t)img->pages * WB__WASM_PAGE;
    if (len && mmap(mem->data, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
                    img->fd, 0) == MAP_FAILED)
        return errno;
    mem->pages = img->pages;
    mem->size = (uint32_t)len;
    return 0;
}

int wb__rt_memory_from_image(wasm_rt_memory_t *mem, const wb__rt_image *img, uint32_t max_pages)
{
    int e = reserve(mem, max_pages);
    if (e)
        return e;
    if (img->pages > mem->max_pages) {
        wasm_rt_free_memory(mem);
        return ENOMEM;
    }
    if ((e = map_image(mem, img)) != 0) {
        wasm_rt_free_memory(mem);
        return e;
    }
    return 0;
}

int wb__rt_memory_reset(wasm_rt_memory_t *mem, const wb__rt_image *img)
{
    /* Replacing the mapping drops every private page in one call; pages
     * grown past the image go back to PROT_NONE anonymous memory. */
    size_t cur = (size_t)mem->pages * WB__WASM_PAGE;
    size_t len = (size_t)img->pages * WB__WASM_PAGE;
    if (cur > len && mmap(mem->data + len, cur - len, PROT_NONE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) == MAP_FAILED)
        return errno;
    return map_image(mem, img);
}
