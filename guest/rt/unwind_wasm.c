/* wb_try/wb_throw in the wasm guest: the host keeps the jump buffers
 * (src/guest_unwind.c), since wasm code cannot unwind its own stack but
 * wasm2c output is plain C on the host's stack.  The host calls back into
 * wb_guest_call to run fn, and restores the shadow stack pointer on a
 * throw. */
#ifdef __wasm__
#include <stdint.h>

#include "unwind.h"

__attribute__((import_module("wasmbox"), import_name("try")))
int32_t wb__host_try(int32_t fn, int32_t arg, int32_t ret);
__attribute__((import_module("wasmbox"), import_name("throw"), noreturn))
void wb__host_throw(int32_t v);

/* The host's way back in: fn is a function pointer, which in wasm is an
 * index in the function table; a wrong signature traps in the indirect
 * call, as it would in C. */
__attribute__((export_name("wb_guest_call")))
int32_t wb_guest_call(int32_t fn, int32_t arg)
{
    int (*f)(void *) = (int (*)(void *))(uintptr_t)fn;
    return f((void *)(uintptr_t)arg);
}

int wb_try(int (*fn)(void *arg), void *arg, int *ret)
{
    return wb__host_try((int32_t)(uintptr_t)fn, (int32_t)(uintptr_t)arg, (int32_t)(uintptr_t)ret);
}

_Noreturn void wb_throw(int v)
{
    wb__host_throw(v ? v : 1);
}
#endif
