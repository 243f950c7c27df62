/* See selftest.h.  Each test prints what it observed; the unit test
 * compares.  code names the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiber.h"
#include "proc.h"
#include "selftest.h"
#include "unwind.h"

/* A producer fiber filling an 8-slot ring that fiber 0 drains: one switch
 * each way per 8 items. */
static int ring[8], rd, wr, done;

static int producer(void *arg)
{
    int n = (int)(long)arg;
    for (int i = 1; i <= n; i++) {
        while (wr - rd == 8)
            wb_fiber_switch(0);
        ring[wr++ % 8] = i;
    }
    done = 1;
    return 0;
}

static int pipe_test(int n)
{
    rd = wr = done = 0;
    int id = wb_fiber_new(producer, (void *)(long)n, 65536);
    long long sum = 0;
    int count = 0;
    while (!done || rd < wr) {
        if (rd == wr) {
            if (wb_fiber_switch(id)) {
                printf("switch failed\n");
                return 1;
            }
            continue;
        }
        sum += ring[rd++ % 8];
        count++;
    }
    printf("consumed %d sum %lld free %d\n", count, sum, wb_fiber_free(id));
    return 0;
}

static int thrower(void *arg)
{
    wb_throw((int)(long)arg);
}

static int catcher(void *arg)
{
    int r = wb_try(thrower, arg, NULL);
    printf("fiber %d caught %d\n", wb_fiber_current(), r);
    wb_fiber_switch(0);
    printf("fiber resumed\n");
    return 0;
}

static int nested(void *arg)
{
    int inner = 0, r = wb_try(thrower, arg, &inner);
    wb_throw(r + 1);
}

static int deep(void *arg)
{
    volatile char buf[256];
    buf[0] = 1;
    return arg == NULL ? 0 : deep(arg) + buf[0];
}

int wb_guest_selftest(const char *text, size_t len)
{
    char code[32]; /* the name, NUL-terminated (the host's buffer is not) */
    snprintf(code, sizeof code, "%.*s", (int)(len < sizeof code ? len : sizeof code - 1), text);
    if (!strcmp(code, "try")) {
        int ret = 0, r = wb_try(nested, (void *)5, &ret);
        printf("nested throw: %d\n", r);
        r = wb_try((int (*)(void *))deep, NULL, &ret);
        printf("normal return: %d %d\n", r, ret);
        return 0;
    }
    if (!strcmp(code, "pipe"))
        return pipe_test(100000);
    if (!strcmp(code, "suspend")) {
        int id = wb_fiber_new(catcher, (void *)9, 65536);
        wb_fiber_switch(id);
        printf("free while suspended: %d\n", wb_fiber_free(id));
        wb_fiber_switch(id);
        printf("free when done: %d, switch to freed: %d\n", wb_fiber_free(id), wb_fiber_switch(id));
        return 0;
    }
    if (!strcmp(code, "throw-out")) { /* a throw with no try in its fiber: a trap */
        wb_fiber_switch(wb_fiber_new(thrower, (void *)4, 65536));
        printf("not reached\n");
        return 0;
    }
    if (!strcmp(code, "overflow")) { /* native stack overflow inside a fiber: a trap */
        wb_fiber_switch(wb_fiber_new(deep, (void *)1, 64 << 20));
        printf("not reached\n");
        return 0;
    }
    if (!strcmp(code, "shadow")) { /* shadow stack overflow inside a fiber: a trap */
        wb_fiber_switch(wb_fiber_new(deep, (void *)1, 16 << 10));
        printf("not reached\n");
        return 0;
    }
    if (!strcmp(code, "many")) {
        int n = 0;
        for (int i = 0; i < 70; i++)
            n += wb_fiber_new(producer, 0, 4096) > 0;
        printf("made %d\n", n);
        return 0;
    }
#ifdef __wasm__
    if (!strcmp(code, "arena-check")) {
        /* What wasi-libc's rename() buffer did: written after its applet's
         * arena was released, then freed again. */
        setenv("WASMBOX_ARENA_CHECK", "1", 1);
        unsigned long before = arena_check_reports();
        int a = arena_push();
        char *volatile p = malloc(64);
        arena_pop(a);
        printf("clean release: %lu\n", arena_check_reports() - before);
        p[10] = 'x';
        a = arena_push();
        arena_pop(a);
        printf("after a write: %lu\n", arena_check_reports() - before);
        free(p);
        printf("after a free: %lu\n", arena_check_reports() - before);
        unsetenv("WASMBOX_ARENA_CHECK");
        arena_pop(arena_push()); /* off again: the held blocks are freed */
        return 0;
    }
#endif
    printf("unknown self-test '%s'\n", code);
    return 1;
}
