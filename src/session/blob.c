/* Snapshot blobs: wb_snapshot_save / wb_snapshot_load.
 *
 * Layout (integers little-endian):
 *   header, 64 bytes:
 *     0  "WBSNAPv1"          magic
 *     8  u32 format version  (WB__BLOB_VERSION)
 *     12 u32 header size     (64)
 *     16 32 bytes            guest identity (SHA-256 of the guest wasm)
 *     48 u32 table size, u32 CRC-32 of the table
 *     56 u64 chunk bytes     (all compressed chunks together)
 *   table (not compressed):
 *     u32 wasm pages, u32 globals size, u32 runs, u32 chunks,
 *     u64 VFS state size, u64 0,
 *     runs × (u32 first 4 KiB page, u32 page count), ascending,
 *     the globals,
 *     chunks × (u32 compressed size, u32 CRC-32 of the compressed bytes)
 *   the chunks: LZ4 blocks, one after the other.
 *
 * The chunks cut the changed pages at 64 KiB windows of guest memory (one
 * chunk per window that has changed pages) and the VFS state every 256
 * KiB; where they fall follows from the runs and the VFS size alone, so
 * a blob whose chunk table does not match that plan is refused.  Why
 * chunks: a session is saved after every run, and a run changes few
 * windows; saving against the state the session was loaded from reuses
 * the compressed bytes of every window that did not change, so a save
 * compresses only what the run touched (wb__snapshot_save_reuse).
 * LZ4 rather than zlib: it compresses a JS heap at hundreds of MB/s.
 *
 * Loading trusts nothing: sizes are checked against the bytes present
 * before anything is allocated, the table and each chunk carry a CRC, and
 * LZ4_decompress_safe never writes past its output. */
#include <errno.h>
#include <lz4.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "snapshot.h"
#include "../runtime/rt.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "snapshot blobs are written in host byte order, which must be little-endian"
#endif

#define WB__BLOB_MAGIC "WBSNAPv1"
#define WB__BLOB_VERSION 1u
#define WB__BLOB_HEADER 64u
#define WB__BLOB_FIXED 32u               /* the table's fixed part */
#define WB__BLOB_WINDOW 4u               /* 4 KiB pages per memory chunk (16 KiB) */
#define WB__BLOB_VFS_PIECE (256u << 10)  /* bytes of VFS state per chunk */
/* LZ4 acceleration: a little less compression for speed. */
#define WB__BLOB_ACCEL 2

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

static uint32_t crc(const uint8_t *p, size_t n)
{
    uLong c = crc32(0L, Z_NULL, 0);
    while (n) {
        uInt k = n > (1u << 30) ? 1u << 30 : (uInt)n;
        c = crc32(c, p, k);
        p += k;
        n -= k;
    }
    return (uint32_t)c;
}

void wb_snapshot_buffer_free(void *buf)
{
    free(buf);
}

/* Where the chunks fall: one per 64 KiB memory window with changed pages,
 * then the VFS state in pieces.  OUT *out: free(). 0 or ENOMEM. */
static int plan(const wb_snapshot *s, wb__snap_chunk **out, size_t *n)
{
    size_t cap = s->ndirty + s->vfs_len / WB__BLOB_VFS_PIECE + 2, k = 0;
    wb__snap_chunk *c = malloc(cap * sizeof *c);
    if (!c)
        return ENOMEM;
    uint64_t off = 0;
    for (size_t i = 0; i < s->nruns; i++)
        for (uint32_t p = s->runs[i].first; p - s->runs[i].first < s->runs[i].count; p++) {
            uint32_t w = p / WB__BLOB_WINDOW;
            if (!k || c[k - 1].key != w) {
                c[k++] = (wb__snap_chunk){ .key = w, .raw_off = off };
            }
            c[k - 1].mask |= (uint16_t)(1u << (p % WB__BLOB_WINDOW));
            c[k - 1].raw_len += (uint32_t)WB__SNAP_PAGE;
            off += WB__SNAP_PAGE;
        }
    for (uint64_t v = 0, piece = 0; v < s->vfs_len; v += WB__BLOB_VFS_PIECE, piece++) {
        uint64_t len = s->vfs_len - v < WB__BLOB_VFS_PIECE ? s->vfs_len - v : WB__BLOB_VFS_PIECE;
        c[k++] = (wb__snap_chunk){ .key = WB__SNAP_CHUNK_VFS | (uint32_t)piece, .raw_off = off + v,
                                   .raw_len = (uint32_t)len };
    }
    *out = c;
    *n = k;
    return 0;
}

/* The raw bytes of chunk c of s: changed pages then VFS state. */
static const uint8_t *raw_of(const wb_snapshot *s, const wb__snap_chunk *c)
{
    size_t dlen = s->ndirty * WB__SNAP_PAGE;
    return c->raw_off < dlen ? s->data + c->raw_off : s->vfs + (c->raw_off - dlen);
}

/* A chunk of prev (found by key) with the same pages and bytes as c, or
 * NULL.  Both lists ascend by key; *j walks prev's. */
static const wb__snap_chunk *reusable(const wb_snapshot *s, const wb__snap_chunk *c, const wb_snapshot *prev,
                                      size_t *j, size_t prev_len)
{
    if (!prev || !prev->chunks)
        return NULL;
    while (*j < prev->nchunks && prev->chunks[*j].key < c->key)
        (*j)++;
    if (*j == prev->nchunks)
        return NULL;
    const wb__snap_chunk *p = &prev->chunks[*j];
    if (p->key != c->key || p->mask != c->mask || p->raw_len != c->raw_len || p->comp_off > prev_len ||
        p->comp_len > prev_len - p->comp_off || memcmp(raw_of(s, c), raw_of(prev, p), c->raw_len))
        return NULL;
    return p;
}

wb_status wb__snapshot_save_reuse(const wb_snapshot *snap, const wb_snapshot *prev, const void *prev_blob,
                                  size_t prev_len, wb_snapshot *record, void **buf, size_t *len)
{
    if (!buf || !len)
        return berr(WB_EMISUSE, "wb_snapshot_save: buf or len is NULL");
    *buf = NULL;
    *len = 0;
    if (!snap || snap->magic != WB__SNAP_MAGIC)
        return berr(WB_EMISUSE, "wb_snapshot_save: snap is not a live snapshot");
    blob_err[0] = 0;
    wb__snap_chunk *ch;
    size_t nch;
    if (plan(snap, &ch, &nch) != 0)
        return berr(WB_ENOMEM, "wb_snapshot_save: out of host memory");
    size_t table = WB__BLOB_FIXED + snap->nruns * 8 + snap->globals_size + nch * 8, bound = 0;
    for (size_t i = 0; i < nch; i++)
        bound += (size_t)LZ4_compressBound((int)ch[i].raw_len);
    uint8_t *out = malloc(WB__BLOB_HEADER + table + bound);
    if (!out) {
        free(ch);
        return berr(WB_ENOMEM, "wb_snapshot_save: out of host memory (%zu bytes)", table + bound);
    }
    uint8_t *t = out + WB__BLOB_HEADER;
    put32(t, snap->pages);
    put32(t + 4, (uint32_t)snap->globals_size);
    put32(t + 8, (uint32_t)snap->nruns);
    put32(t + 12, (uint32_t)nch);
    put64(t + 16, snap->vfs_len);
    put64(t + 24, 0);
    uint8_t *w = t + WB__BLOB_FIXED;
    for (size_t i = 0; i < snap->nruns; i++, w += 8) {
        put32(w, snap->runs[i].first);
        put32(w + 4, snap->runs[i].count);
    }
    memcpy(w, snap->globals, snap->globals_size);
    w += snap->globals_size;
    uint8_t *entries = w, *data = t + table;
    size_t at = 0, j = 0;
    const uint8_t *pb = prev_blob;
    for (size_t i = 0; i < nch; i++) {
        const wb__snap_chunk *r = reusable(snap, &ch[i], prev, &j, prev_len);
        if (r) {
            memcpy(data + at, pb + r->comp_off, r->comp_len);
            ch[i].comp_len = r->comp_len;
            ch[i].crc = r->crc;
        } else {
            int n = LZ4_compress_fast((const char *)raw_of(snap, &ch[i]), (char *)data + at, (int)ch[i].raw_len,
                                      (int)(bound - at), WB__BLOB_ACCEL);
            if (n <= 0) {
                free(ch);
                free(out);
                return berr(WB_ENOMEM, "wb_snapshot_save: compression failed");
            }
            ch[i].comp_len = (uint32_t)n;
            ch[i].crc = crc(data + at, (size_t)n);
        }
        ch[i].comp_off = (uint64_t)(data - out) + at;
        put32(entries + 8 * i, ch[i].comp_len);
        put32(entries + 8 * i + 4, ch[i].crc);
        at += ch[i].comp_len;
    }
    memcpy(out, WB__BLOB_MAGIC, 8);
    put32(out + 8, WB__BLOB_VERSION);
    put32(out + 12, WB__BLOB_HEADER);
    memcpy(out + 16, snap->guest_id, 32);
    put32(out + 48, (uint32_t)table);
    put32(out + 52, crc(t, table));
    put64(out + 56, at);
    /* The snapshot now knows where its chunks are in this blob, for the
     * next save against it. */
    if (record) {
        free(record->chunks);
        record->chunks = ch;
        record->nchunks = nch;
    } else {
        free(ch);
    }
    size_t total = WB__BLOB_HEADER + table + at;
    uint8_t *shrunk = realloc(out, total);
    *buf = shrunk ? shrunk : out;
    *len = total;
    return WB_OK;
}

wb_status wb_snapshot_save(const wb_snapshot *snap, void **buf, size_t *len)
{
    /* Nothing recorded: snap is only read, so threads may save it at once. */
    return wb__snapshot_save_reuse(snap, NULL, NULL, 0, NULL, buf, len);
}

static void hex8(char *dst, const uint8_t *id)
{
    for (int i = 0; i < 8; i++)
        snprintf(dst + 2 * i, 3, "%02x", id[i]);
}

#define CORRUPT(...) berr(WB_EINVAL, "wb_snapshot_load: the blob is corrupt (" __VA_ARGS__)

/* Checks the table and builds the snapshot (chunks not yet unpacked). */
static wb_status parse_table(const uint8_t *b, size_t len, uint64_t data_len, wb_snapshot **out)
{
    const uint8_t *t = b + WB__BLOB_HEADER;
    size_t tlen = get32(b + 48);
    uint32_t pages = get32(t), gsize = get32(t + 4), nruns = get32(t + 8), nch = get32(t + 12);
    uint64_t vlen = get64(t + 16);
    if (pages == 0 || pages > 65535 || get64(t + 24) != 0)
        return CORRUPT("memory of %u wasm pages)", pages);
    if (gsize != wb__guest_globals_size())
        return berr(WB_EINVAL, "wb_snapshot_load: the blob's globals are %u bytes, this guest has %zu: it comes "
                    "from a different guest build", gsize, wb__guest_globals_size());
    if ((uint64_t)WB__BLOB_FIXED + (uint64_t)nruns * 8 + gsize + (uint64_t)nch * 8 != tlen)
        return CORRUPT("a table of %zu bytes for %u runs and %u chunks)", tlen, nruns, nch);
    const uint8_t *r = t + WB__BLOB_FIXED;
    uint64_t limit = (uint64_t)pages * (WB__WASM_PAGE / WB__SNAP_PAGE), end = 0, ndirty = 0;
    for (uint32_t i = 0; i < nruns; i++) {
        uint64_t first = get32(r + 8 * i), count = get32(r + 8 * i + 4);
        if (count == 0 || first < end || first + count > limit)
            return CORRUPT("page run %u: pages %llu+%llu, memory has %llu)", i, (unsigned long long)first,
                           (unsigned long long)count, (unsigned long long)limit);
        end = first + count;
        ndirty += count;
    }
    /* LZ4 expands at most ~255 times: more raw bytes than that is
     * corruption, and must not become a huge allocation. */
    if (ndirty * WB__SNAP_PAGE + vlen > data_len * 256 + 64)
        return CORRUPT("%llu bytes from %llu compressed)",
                       (unsigned long long)(ndirty * WB__SNAP_PAGE + vlen), (unsigned long long)data_len);
    (void)len;
    wb_snapshot *s = wb__snap_alloc();
    if (!s)
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory");
    memcpy(s->guest_id, b + 16, 32);
    s->pages = pages;
    s->nruns = nruns;
    s->ndirty = (size_t)ndirty;
    s->globals_size = gsize;
    s->vfs_len = (size_t)vlen;
    s->runs = malloc(nruns ? nruns * sizeof *s->runs : 1);
    s->globals = malloc(gsize ? gsize : 1);
    s->data = wb__snap_big_alloc((size_t)ndirty * WB__SNAP_PAGE);
    s->vfs = vlen ? malloc((size_t)vlen) : NULL;
    if (!s->runs || !s->globals || !s->data || (vlen && !s->vfs)) {
        wb_snapshot_free(s);
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory");
    }
    for (uint32_t i = 0; i < nruns; i++)
        s->runs[i] = (wb__snap_run){ get32(r + 8 * i), get32(r + 8 * i + 4) };
    memcpy(s->globals, r + (size_t)nruns * 8, gsize);
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
    uint64_t tlen = get32(b + 48), data_len = get64(b + 56), have = len - WB__BLOB_HEADER;
    if (tlen < WB__BLOB_FIXED || tlen > have || data_len != have - tlen)
        return berr(WB_EINVAL, "wb_snapshot_load: the blob is %s (its header announces %llu + %llu bytes, there are "
                    "%llu)", tlen + data_len > have ? "truncated" : "corrupt", (unsigned long long)tlen,
                    (unsigned long long)data_len, (unsigned long long)have);
    if (crc(b + WB__BLOB_HEADER, (size_t)tlen) != get32(b + 52))
        return CORRUPT("the table's checksum does not match)");
    wb_snapshot *s = NULL;
    wb_status st = parse_table(b, len, data_len, &s);
    if (st != WB_OK)
        return st;
    size_t nch;
    wb__snap_chunk *ch;
    if (plan(s, &ch, &nch) != 0) {
        wb_snapshot_free(s);
        return berr(WB_ENOMEM, "wb_snapshot_load: out of host memory");
    }
    s->chunks = ch;
    s->nchunks = nch;
    const uint8_t *t = b + WB__BLOB_HEADER;
    if (get32(t + 12) != nch) {
        wb_snapshot_free(s);
        return CORRUPT("%u chunks where its pages make %zu)", get32(t + 12), nch);
    }
    const uint8_t *entries = t + tlen - nch * 8;
    size_t dlen = s->ndirty * WB__SNAP_PAGE;
    uint64_t at = WB__BLOB_HEADER + tlen;
    for (size_t i = 0; i < nch; i++) {
        uint32_t clen = get32(entries + 8 * i), sum = get32(entries + 8 * i + 4);
        if (clen > len - at) {
            wb_snapshot_free(s);
            return CORRUPT("chunk %zu of %u bytes runs past the end)", i, clen);
        }
        if (crc(b + at, clen) != sum) {
            wb_snapshot_free(s);
            return CORRUPT("chunk %zu's checksum does not match)", i);
        }
        uint8_t *dst = ch[i].raw_off < dlen ? s->data + ch[i].raw_off : s->vfs + (ch[i].raw_off - dlen);
        int n = LZ4_decompress_safe((const char *)b + at, (char *)dst, (int)clen, (int)ch[i].raw_len);
        if (n < 0 || (uint32_t)n != ch[i].raw_len) {
            wb_snapshot_free(s);
            return CORRUPT("chunk %zu does not decompress to its %u bytes)", i, ch[i].raw_len);
        }
        ch[i].comp_off = at;
        ch[i].comp_len = clen;
        ch[i].crc = sum;
        at += clen;
    }
    if (at != len) {
        wb_snapshot_free(s);
        return CORRUPT("%llu bytes after the last chunk)", (unsigned long long)(len - at));
    }
    *out = s;
    return WB_OK;
}
