/* Snapshot blobs: wb_snapshot_save / wb_snapshot_load.
 *
 * Layout (integers little-endian):
 *   header, 64 bytes, not compressed:
 *     0  "WBSNAPv1"           magic
 *     8  u32 format version   (WB__BLOB_VERSION)
 *     12 u32 header size      (64)
 *     16 32 bytes             guest identity (SHA-256 of the guest wasm)
 *     48 u64 payload size     (uncompressed)
 *     56 u64 frame size       (the LZ4 frame that follows)
 *   an LZ4 frame (content size and content checksum on) of the payload:
 *     u32 wasm pages, u32 globals size, u32 runs, u32 0, u64 vfs size,
 *     runs × (u32 first page, u32 page count)   4 KiB pages, ascending
 *     globals, the runs' pages in order, the VFS state.
 * LZ4 rather than zlib: a session is saved after every run, and LZ4
 * compresses a JS heap at several hundred MB/s (zlib at tens).
 *
 * Loading trusts nothing: every size is checked against the bytes there
 * are before anything is allocated or copied, and the checksum covers the
 * payload.  Identity is checked before decompressing: a blob from another
 * guest build is refused with a message that says so. */
#include <lz4frame.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot.h"
#include "../runtime/rt.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "snapshot blobs are written in host byte order, which must be little-endian"
#endif

#define WB__BLOB_MAGIC "WBSNAPv1"
#define WB__BLOB_VERSION 1u
#define WB__BLOB_HEADER 64u
#define WB__BLOB_FIXED 24u /* payload's fixed part */
/* LZ4 "fast acceleration": a little less compression for speed (a session
 * is saved after every run). */
#define WB__BLOB_ACCEL (-2)

/* Process-wide state (listed in include/wasmbox.h): the last load/save
 * error of each thread. */
static _Thread_local char blob_err[256];

const char *wb_snapshot_errmsg(void)
{
    return blob_err;
}

static wb_status berr(wb_status st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static wb_status berr(wb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(blob_err, sizeof blob_err, fmt, ap);
    va_end(ap);
    return st;
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t get32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t get64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

void wb_snapshot_buffer_free(void *buf)
{
    free(buf);
}

/* Compresses the payload straight from the snapshot's parts (no copy of
 * the whole payload first). */
typedef struct {
    LZ4F_cctx *cc;
    uint8_t *out;
    size_t at, cap;
    size_t err;
} zout;

static void zput(zout *z, const void *p, size_t n)
{
    if (!n || LZ4F_isError(z->err))
        return;
    size_t r = LZ4F_compressUpdate(z->cc, z->out + z->at, z->cap - z->at, p, n, NULL);
    if (LZ4F_isError(r))
        z->err = r;
    else
        z->at += r;
}

wb_status wb_snapshot_save(const wb_snapshot *snap, void **buf, size_t *len)
{
    if (!buf || !len)
        return berr(WB_EMISUSE, "wb_snapshot_save: buf or len is NULL");
    *buf = NULL;
    *len = 0;
    if (!snap || snap->magic != WB__SNAP_MAGIC)
        return berr(WB_EMISUSE, "wb_snapshot_save: snap is not a live snapshot");
    blob_err[0] = 0;
    size_t dlen = snap->ndirty * WB__SNAP_PAGE;
    size_t raw = WB__BLOB_FIXED + snap->nruns * 8 + snap->globals_size + dlen + snap->vfs_len;
    uint8_t fixed[WB__BLOB_FIXED];
    put32(fixed, snap->pages);
    put32(fixed + 4, (uint32_t)snap->globals_size);
    put32(fixed + 8, (uint32_t)snap->nruns);
    put32(fixed + 12, 0);
    put64(fixed + 16, snap->vfs_len);
    uint8_t *runs = malloc(snap->nruns ? snap->nruns * 8 : 1);
    if (!runs)
        return berr(WB_ENOMEM, "wb_snapshot_save: out of host memory");
    for (size_t i = 0; i < snap->nruns; i++) {
        put32(runs + 8 * i, snap->runs[i].first);
        put32(runs + 8 * i + 4, snap->runs[i].count);
    }

    LZ4F_preferences_t prefs;
    memset(&prefs, 0, sizeof prefs);
    prefs.frameInfo.blockSizeID = LZ4F_max256KB;
    prefs.frameInfo.blockMode = LZ4F_blockIndependent;
    prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
    prefs.frameInfo.contentSize = raw;
    prefs.compressionLevel = WB__BLOB_ACCEL;
    /* The bound of one update of everything covers several smaller ones
     * only with the internal buffering auto-flush keeps off. */
    size_t bound = LZ4F_HEADER_SIZE_MAX + LZ4F_compressBound(raw, &prefs) + 5 * LZ4F_compressBound(0, &prefs) + 64;
    zout z = { NULL, malloc(WB__BLOB_HEADER + bound), WB__BLOB_HEADER, WB__BLOB_HEADER + bound, 0 };
    if (!z.out || LZ4F_isError(LZ4F_createCompressionContext(&z.cc, LZ4F_VERSION))) {
        free(runs);
        free(z.out);
        return berr(WB_ENOMEM, "wb_snapshot_save: out of host memory (%zu bytes)", bound);
    }
    size_t r = LZ4F_compressBegin(z.cc, z.out + z.at, z.cap - z.at, &prefs);
    if (LZ4F_isError(r))
        z.err = r;
    else
        z.at += r;
    zput(&z, fixed, sizeof fixed);
    zput(&z, runs, snap->nruns * 8);
    zput(&z, snap->globals, snap->globals_size);
    zput(&z, snap->data, dlen);
    zput(&z, snap->vfs, snap->vfs_len);
    if (!LZ4F_isError(z.err)) {
        r = LZ4F_compressEnd(z.cc, z.out + z.at, z.cap - z.at, NULL);
        if (LZ4F_isError(r))
            z.err = r;
        else
            z.at += r;
    }
    LZ4F_freeCompressionContext(z.cc);
    free(runs);
    if (LZ4F_isError(z.err)) {
        free(z.out);
        return berr(WB_ENOMEM, "wb_snapshot_save: compression failed: %s", LZ4F_getErrorName(z.err));
    }
    uint8_t *out = z.out;
    size_t clen = z.at - WB__BLOB_HEADER;
    memcpy(out, WB__BLOB_MAGIC, 8);
    put32(out + 8, WB__BLOB_VERSION);
    put32(out + 12, WB__BLOB_HEADER);
    memcpy(out + 16, snap->guest_id, 32);
    put64(out + 48, raw);
    put64(out + 56, clen);
    /* Give back the unused tail of the bound. */
    uint8_t *shrunk = realloc(out, z.at);
    *buf = shrunk ? shrunk : out;
    *len = z.at;
    return WB_OK;
}

static void hex8(char *dst, const uint8_t *id)
{
    for (int i = 0; i < 8; i++)
        snprintf(dst + 2 * i, 3, "%02x", id[i]);
}

/* Decompresses exactly raw bytes from the frame at src (clen bytes). */
static wb_status unframe(const uint8_t *src, size_t clen, uint8_t *dst, size_t raw)
{
    LZ4F_dctx *dc;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&dc, LZ4F_VERSION)))
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory");
    wb_status st = WB_OK;
    LZ4F_frameInfo_t fi;
    size_t in = clen, r = LZ4F_getFrameInfo(dc, &fi, src, &in);
    if (LZ4F_isError(r)) {
        st = berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (bad compressed frame header: %s)",
                  LZ4F_getErrorName(r));
        goto out;
    }
    if (fi.contentSize != raw || fi.contentChecksumFlag != LZ4F_contentChecksumEnabled) {
        st = berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (frame says %llu bytes, header %zu)",
                  (unsigned long long)fi.contentSize, raw);
        goto out;
    }
    size_t at = in, got = 0;
    while (r != 0) {
        size_t sin = clen - at, sout = raw - got;
        if (sin == 0) {
            st = berr(WB_EINVAL, "wb_snapshot_load: the blob is truncated (the compressed data ends early)");
            goto out;
        }
        r = LZ4F_decompress(dc, dst + got, &sout, src + at, &sin, NULL);
        if (LZ4F_isError(r)) {
            st = berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (%s)", LZ4F_getErrorName(r));
            goto out;
        }
        at += sin;
        got += sout;
        if (sin == 0 && sout == 0 && r != 0) {
            st = berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (the compressed data makes no progress)");
            goto out;
        }
    }
    if (got != raw || at != clen)
        st = berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (%zu bytes decompressed of %zu, %zu of %zu "
                  "compressed bytes used)", got, raw, at, clen);
out:
    LZ4F_freeDecompressionContext(dc);
    return st;
}

/* Checks the payload's structure and builds the snapshot from it. */
static wb_status parse(const uint8_t *p, size_t raw, const uint8_t *id, wb_snapshot **out)
{
    if (raw < WB__BLOB_FIXED)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (payload of %zu bytes)", raw);
    uint32_t pages = get32(p), gsize = get32(p + 4), nruns = get32(p + 8);
    uint64_t vlen = get64(p + 16);
    if (pages == 0 || pages > 65535 || get32(p + 12) != 0)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (memory of %u wasm pages)", pages);
    if (gsize != wb__guest_globals_size())
        return berr(WB_EINVAL, "wb_snapshot_load: the blob's globals are %u bytes, this guest has %zu: it comes "
                    "from a different guest build", gsize, wb__guest_globals_size());
    size_t rest = raw - WB__BLOB_FIXED;
    if ((uint64_t)nruns * 8 > rest)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (%u page runs do not fit)", nruns);
    const uint8_t *r = p + WB__BLOB_FIXED;
    uint64_t limit = (uint64_t)pages * (WB__WASM_PAGE / WB__SNAP_PAGE), end = 0, ndirty = 0;
    for (uint32_t i = 0; i < nruns; i++) {
        uint64_t first = get32(r + 8 * i), count = get32(r + 8 * i + 4);
        if (count == 0 || first < end || first + count > limit)
            return berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (page run %u: pages %llu+%llu, "
                        "memory has %llu)", i, (unsigned long long)first, (unsigned long long)count,
                        (unsigned long long)limit);
        end = first + count;
        ndirty += count;
    }
    uint64_t need = (uint64_t)nruns * 8 + gsize + ndirty * WB__SNAP_PAGE + vlen;
    if (vlen > rest || need != rest)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (payload of %zu bytes, its parts add up to "
                    "%llu)", raw, (unsigned long long)(need + WB__BLOB_FIXED));
    wb_snapshot *s = wb__snap_alloc();
    if (!s)
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory");
    memcpy(s->guest_id, id, 32);
    s->pages = pages;
    s->nruns = nruns;
    s->ndirty = (size_t)ndirty;
    s->globals_size = gsize;
    s->vfs_len = (size_t)vlen;
    s->runs = malloc(nruns ? nruns * sizeof *s->runs : 1);
    s->globals = malloc(gsize ? gsize : 1);
    s->data = malloc(ndirty ? (size_t)ndirty * WB__SNAP_PAGE : 1);
    s->vfs = vlen ? malloc((size_t)vlen) : NULL;
    if (!s->runs || !s->globals || !s->data || (vlen && !s->vfs)) {
        wb_snapshot_free(s);
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory");
    }
    for (uint32_t i = 0; i < nruns; i++)
        s->runs[i] = (wb__snap_run){ get32(r + 8 * i), get32(r + 8 * i + 4) };
    const uint8_t *q = r + (size_t)nruns * 8;
    memcpy(s->globals, q, gsize);
    q += gsize;
    memcpy(s->data, q, (size_t)ndirty * WB__SNAP_PAGE);
    q += (size_t)ndirty * WB__SNAP_PAGE;
    if (vlen)
        memcpy(s->vfs, q, (size_t)vlen);
    *out = s;
    return WB_OK;
}

wb_status wb_snapshot_load(const void *buf, size_t len, wb_snapshot **out)
{
    if (!out)
        return berr(WB_EMISUSE, "wb_snapshot_load: out is NULL");
    *out = NULL;
    if (!buf && len)
        return berr(WB_EMISUSE, "wb_snapshot_load: buf is NULL");
    blob_err[0] = 0;
    const uint8_t *b = buf;
    if (len < WB__BLOB_HEADER || memcmp(b, WB__BLOB_MAGIC, 8))
        return berr(WB_EINVAL, "wb_snapshot_load: not a wasmbox snapshot (%zu bytes%s)", len,
                    len < WB__BLOB_HEADER ? ", shorter than the 64-byte header" : ", no WBSNAPv1 magic");
    uint32_t ver = get32(b + 8), hsize = get32(b + 12);
    if (ver != WB__BLOB_VERSION || hsize != WB__BLOB_HEADER)
        return berr(WB_EINVAL, "wb_snapshot_load: snapshot format version %u is not supported (this build reads "
                    "version %u)", ver, WB__BLOB_VERSION);
    if (memcmp(b + 16, wb__guest_identity, 32)) {
        char a[17], c[17];
        hex8(a, b + 16);
        hex8(c, wb__guest_identity);
        return berr(WB_EINVAL, "wb_snapshot_load: the snapshot was made by a different guest build (guest %s…, "
                    "this build has %s…): its memory layout does not fit; start a new one", a, c);
    }
    uint64_t raw = get64(b + 48), clen = get64(b + 56);
    if (clen != len - WB__BLOB_HEADER)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is %s (header says %llu compressed bytes, there are "
                    "%zu)", clen > len - WB__BLOB_HEADER ? "truncated" : "corrupt", (unsigned long long)clen,
                    len - WB__BLOB_HEADER);
    /* LZ4 expands at most ~255 times: a larger claim is corruption, and
     * must not become a huge allocation. */
    if (raw < WB__BLOB_FIXED || raw > clen * 255 + 64 || raw > SIZE_MAX / 2)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (claims %llu bytes from %llu compressed)",
                    (unsigned long long)raw, (unsigned long long)clen);
    uint8_t *p = malloc((size_t)raw);
    if (!p)
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory (%llu bytes)", (unsigned long long)raw);
    wb_status st = unframe(b + WB__BLOB_HEADER, (size_t)clen, p, (size_t)raw);
    if (st == WB_OK)
        st = parse(p, (size_t)raw, b + 16, out);
    free(p);
    return st;
}
