/* Guest side of the fibers (see fiber.h): the host switches native stacks
 * and the shadow stack pointer (src/guest_fiber.c); the guest owns the
 * shadow stacks' memory. */
#ifdef __wasm__
#include <stdint.h>
#include <stdlib.h>

#include "fiber.h"

__attribute__((import_module("wasmbox"), import_name("fiber_new")))
int32_t wb__host_fiber_new(int32_t fn, int32_t arg, int32_t shadow_lo, int32_t shadow_hi);
__attribute__((import_module("wasmbox"), import_name("fiber_switch")))
int32_t wb__host_fiber_switch(int32_t id);
__attribute__((import_module("wasmbox"), import_name("fiber_free")))
int32_t wb__host_fiber_free(int32_t id);

#define MAX_FIBERS 64

static struct {
    void *stack;
} fibers[MAX_FIBERS];
static int current;

int wb_fiber_new(int (*fn)(void *arg), void *arg, size_t stack_size)
{
    if (stack_size < 4096)
        stack_size = 4096;
    void *stack = malloc(stack_size);
    if (!stack)
        return 0;
    int id = wb__host_fiber_new((int32_t)(uintptr_t)fn, (int32_t)(uintptr_t)arg, (int32_t)(uintptr_t)stack,
                                (int32_t)((uintptr_t)stack + stack_size));
    if (id <= 0 || id >= MAX_FIBERS) {
        free(stack);
        return 0;
    }
    /* A stack left by a run that ended with fibers alive (the host freed
     * them) is freed now that the slot is reused. */
    free(fibers[id].stack);
    fibers[id].stack = stack;
    return id;
}

int wb_fiber_switch(int id)
{
    int from = current;
    current = id;
    if (wb__host_fiber_switch(id) != 0) {
        current = from;
        return -1;
    }
    current = from;
    return 0;
}

int wb_fiber_current(void)
{
    return current;
}

int wb_fiber_free(int id)
{
    if (id <= 0 || id >= MAX_FIBERS || wb__host_fiber_free(id) != 0)
        return -1;
    free(fibers[id].stack);
    fibers[id].stack = NULL;
    return 0;
}
#endif
