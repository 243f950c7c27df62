/* util.c — errors, the output buffer and the bounds-checked input reader
 * of wasm-meter.  Every byte read from the input goes through rd_u8 or
 * rd_bytes, which check it against the window's end. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meter.h"

const char *meter_input_name = "<input>";
static char context[256];

void meter_context(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(context, sizeof context, fmt, ap);
    va_end(ap);
}

_Noreturn void meter_fail(size_t off, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "wasm-meter: %s: ", meter_input_name);
    if (off != NO_OFFSET)
        fprintf(stderr, "offset 0x%zx: ", off);
    if (context[0])
        fprintf(stderr, "%s: ", context);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void meter_warn(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "wasm-meter: %s: warning: ", meter_input_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ------------------------------------------------------------ output */

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        meter_fail(NO_OFFSET, "out of memory");
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        meter_fail(NO_OFFSET, "out of memory");
    return p;
}

void buf_put(buf_t *b, const void *p, size_t n)
{
    if (n > SIZE_MAX / 2 - b->n)
        meter_fail(NO_OFFSET, "output too large");
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n)
            cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
}

void buf_u8(buf_t *b, uint8_t v)
{
    buf_put(b, &v, 1);
}

void buf_u32(buf_t *b, uint32_t v)
{
    uint8_t t[5];
    size_t n = 0;
    do {
        uint8_t byte = v & 0x7f;
        v >>= 7;
        t[n++] = byte | (v ? 0x80 : 0);
    } while (v);
    buf_put(b, t, n);
}

void buf_s64(buf_t *b, int64_t v)
{
    uint8_t t[10];
    size_t n = 0;
    for (;;) {
        uint8_t byte = (uint8_t)((uint64_t)v & 0x7f);
        /* Arithmetic shift written out: >> on a negative value is
         * implementation-defined in C11. */
        v = v < 0 ? ~(~v >> 7) : v >> 7;
        bool done = (v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40));
        t[n++] = byte | (done ? 0 : 0x80);
        if (done)
            break;
    }
    buf_put(b, t, n);
}

void buf_name(buf_t *b, const char *s)
{
    size_t n = strlen(s);
    buf_u32(b, (uint32_t)n);
    buf_put(b, s, n);
}

void buf_free(buf_t *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

void buf_section(buf_t *out, uint8_t id, const buf_t *payload)
{
    if (payload->n > UINT32_MAX)
        meter_fail(NO_OFFSET, "section %u too large after rewriting", id);
    buf_u8(out, id);
    buf_u32(out, (uint32_t)payload->n);
    buf_put(out, payload->p, payload->n);
}

/* ------------------------------------------------------------ input */

bool rd_done(const rd_t *r)
{
    return r->pos >= r->end;
}

uint8_t rd_u8(rd_t *r)
{
    if (r->pos >= r->end)
        meter_fail(r->pos, "unexpected end of data (truncated or malformed input)");
    return r->base[r->pos++];
}

const uint8_t *rd_bytes(rd_t *r, size_t n)
{
    if (n > r->end - r->pos)
        meter_fail(r->pos, "unexpected end of data: %zu byte(s) needed, %zu left", n,
                   r->end - r->pos);
    const uint8_t *p = r->base + r->pos;
    r->pos += n;
    return p;
}

rd_t rd_sub(rd_t *r, size_t n)
{
    size_t at = r->pos;
    rd_bytes(r, n);
    return (rd_t){r->base, at, at + n};
}

/* LEB128 with the checks the spec asks for: at most ceil(bits/7) bytes, and
 * the unused bits of the last byte equal to zero (unsigned) or to the sign
 * bit (signed), so that every accepted encoding means one value only. */
static uint64_t rd_leb(rd_t *r, unsigned bits, bool is_signed)
{
    size_t at = r->pos;
    unsigned maxbytes = (bits + 6) / 7;
    uint64_t v = 0;
    unsigned shift = 0;
    uint8_t b = 0;
    for (unsigned i = 0;; i++) {
        if (i == maxbytes)
            meter_fail(at, "integer representation too long (more than %u bytes for %s%u)",
                       maxbytes, is_signed ? "s" : "u", bits);
        b = rd_u8(r);
        v |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80)) {
            if (i == maxbytes - 1) {
                unsigned real = bits - 7 * (maxbytes - 1); /* value bits in this byte */
                uint8_t unused = (uint8_t)(0x7f & ~((1u << real) - 1));
                uint8_t want = 0;
                if (is_signed && ((b >> (real - 1)) & 1))
                    want = unused;
                if ((b & unused) != want)
                    meter_fail(at, "integer too large for %s%u", is_signed ? "s" : "u", bits);
            }
            break;
        }
    }
    if (is_signed && shift < 64 && (b & 0x40))
        v |= ~(uint64_t)0 << shift;
    return v;
}

uint32_t rd_u32(rd_t *r)
{
    return (uint32_t)rd_leb(r, 32, false);
}

int32_t rd_s32(rd_t *r)
{
    return (int32_t)(uint32_t)rd_leb(r, 32, true);
}

int64_t rd_s33(rd_t *r)
{
    return (int64_t)rd_leb(r, 33, true);
}

int64_t rd_s64(rd_t *r)
{
    return (int64_t)rd_leb(r, 64, true);
}

const uint8_t *rd_name(rd_t *r, uint32_t *len)
{
    *len = rd_u32(r);
    return rd_bytes(r, *len);
}
