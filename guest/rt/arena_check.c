/* A debugging check of the applet arenas (alloc.c), off unless a script
 * exports WASMBOX_ARENA_CHECK=1 (read when an applet starts from the
 * shell; unset again, the blocks held back are verified and freed).
 *
 * The bugs it finds: a static of libc or of an applet keeps a pointer into
 * an applet's arena, and the block is used after the applet ended (the
 * second path buffer of wasi-libc's rename() was one: mv and sed -i loops
 * trapped at random).  With the check on, the blocks an arena releases are
 * not freed at once: they are filled with a pattern and held back (the
 * last QUARANTINE_BLOCKS of them, up to QUARANTINE_BYTES), and every later
 * arena release verifies the pattern.  A block written after its applet
 * ended, or freed or grown again by someone, is reported on stderr with
 * its address and size; the run goes on.  Slow (every release re-reads
 * the quarantine): for tests only. */
#include "proc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __wasm__
#include <malloc.h>

void __real_free(void *);

#define QUARANTINE_BLOCKS 4096
#define QUARANTINE_BYTES (16u << 20)
#define POISON 0xdb

static struct held {
    unsigned char *p;
    size_t n;
} ring[QUARANTINE_BLOCKS];
static size_t head, count, bytes;
static unsigned long reports;

static void report(const char *what, const void *p, size_t n, size_t off)
{
    char msg[320];
    int len = snprintf(msg, sizeof msg,
                       "wasmbox arena check: block %p (%zu bytes) %s (byte %zu): a static of libc or of an "
                       "applet kept a pointer into an ended applet's memory\n",
                       p, n, what, off);
    if (len > 0)
        proc_write(2, msg, (size_t)len < sizeof msg ? (size_t)len : sizeof msg - 1);
    reports++;
}

static int verify_one(const struct held *h)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->p[i] != POISON) {
            report("was written after its applet ended", h->p, h->n, i);
            return 0;
        }
    return 1;
}

static void evict_oldest(void)
{
    struct held *h = &ring[(head + QUARANTINE_BLOCKS - count) % QUARANTINE_BLOCKS];
    verify_one(h);
    __real_free(h->p);
    bytes -= h->n;
    count--;
}

int arena_check_on(void)
{
    const char *v = getenv("WASMBOX_ARENA_CHECK");
    int on = v && *v && strcmp(v, "0");
    while (!on && count)
        evict_oldest();
    return on;
}

void arena_check_release(void *block)
{
    size_t n = malloc_usable_size(block);
    memset(block, POISON, n);
    while (count && (count == QUARANTINE_BLOCKS || bytes + n > QUARANTINE_BYTES))
        evict_oldest();
    ring[head] = (struct held){block, n};
    head = (head + 1) % QUARANTINE_BLOCKS;
    count++;
    bytes += n;
}

void arena_check_verify(void)
{
    for (size_t i = 0; i < count; i++) {
        struct held *h = &ring[(head + QUARANTINE_BLOCKS - count + i) % QUARANTINE_BLOCKS];
        if (!verify_one(h))
            memset(h->p, POISON, h->n); /* report each write once */
    }
}

/* free()/realloc() of a block no arena holds: is it one held back here? */
int arena_check_held(const void *block)
{
    for (size_t i = 0; i < count; i++) {
        const struct held *h = &ring[(head + QUARANTINE_BLOCKS - count + i) % QUARANTINE_BLOCKS];
        if (h->p == block) {
            report("was freed or grown again after its applet ended", h->p, h->n, 0);
            return 1;
        }
    }
    return 0;
}

unsigned long arena_check_reports(void) { return reports; }
#endif
