/* wb_try/wb_throw for native builds of guest code (tests, fuzzing): plain
 * setjmp/longjmp.  The wasm build gets them from the host (unwind.h). */
#ifndef __wasm__
#include "unwind.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

struct wb_catch {
    jmp_buf jb;
    struct wb_catch *up;
    volatile int value;
};

static struct wb_catch *top;

int wb_try(int (*fn)(void *arg), void *arg, int *ret)
{
    struct wb_catch c;
    c.up = top;
    c.value = 0;
    top = &c;
    if (setjmp(c.jb) == 0) {
        int r = fn(arg);
        top = c.up;
        if (ret)
            *ret = r;
        return 0;
    }
    top = c.up;
    return c.value;
}

_Noreturn void wb_throw(int v)
{
    if (!top) {
        fprintf(stderr, "wb_throw(%d) with no wb_try running\n", v);
        abort();
    }
    top->value = v ? v : 1;
    longjmp(top->jb, 1);
}
#endif
