/* wasm-rt.h — the interface wasm2c output (wabt 1.0.32) compiles against,
 * implemented by wasmbox's own runtime layer (src/runtime/rt_*.c) instead of
 * wabt's wasm-rt-impl.c.  This header is found before the system's copy
 * because src/runtime is first on the include path of the generated code.
 *
 * What differs from wabt's implementation, and why (see DESIGN.md):
 *  - the call-depth counter and its limit are per thread, so sandboxes may
 *    run on several threads at once;
 *  - traps unwind to a per-thread jump buffer set by wb__rt_call();
 *  - memory reservations are freed whole and growth obeys the sandbox's cap
 *    (carried in wasm_rt_memory_t.max_pages).
 * The struct layouts below are the ones wasm2c 1.0.32 output reads
 * directly; they must not change. */
#ifndef WASM_RT_H_
#define WASM_RT_H_

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define wasm_rt_memcpy __builtin_memcpy
#define wasm_rt_unreachable __builtin_unreachable

/* Out-of-bounds accesses hit the reservation's guard pages and are turned
 * into traps by rt_trap.c's signal handler, so generated code skips
 * explicit bounds checks. */
#define WASM_RT_MEMCHECK_SIGNAL_HANDLER 1

/* Stack exhaustion.  wasm2c's prologue is
 *     if (++wasm_rt_call_stack_depth > WASM_RT_MAX_CALL_STACK_DEPTH) trap;
 * and its epilogue --wasm_rt_call_stack_depth.  We check the native stack
 * pointer instead of counting calls, so the check trips exactly when the
 * native stack runs low whatever each frame's size:
 *  - the "counter" is a fresh compound literal, so ++ always yields 1 and
 *    the epilogue's -- is dead code the compiler drops;
 *  - the limit is 0 (trap) once the stack pointer is at or below this
 *    thread's floor, else UINT32_MAX.
 * The result is one thread-local load and one compare per call.  The floor
 * leaves room for host imports, which therefore never fault for lack of
 * stack (src/runtime/rt_stack.c). */
#define WASM_RT_USE_STACK_DEPTH_COUNT 1
#define WB__RT_TLS __attribute__((tls_model("initial-exec"))) _Thread_local
extern WB__RT_TLS uintptr_t wb__rt_stack_floor;

static inline uintptr_t wb__rt_sp(void)
{
#if defined(__x86_64__)
    uintptr_t sp;
    __asm__("movq %%rsp, %0" : "=r"(sp));
    return sp;
#elif defined(__aarch64__)
    uintptr_t sp;
    __asm__("mov %0, sp" : "=r"(sp));
    return sp;
#else
    return (uintptr_t)__builtin_frame_address(0);
#endif
}

#define wasm_rt_call_stack_depth (*(uint32_t[1]){0})
#define WASM_RT_MAX_CALL_STACK_DEPTH (wb__rt_sp() > wb__rt_stack_floor ? UINT32_MAX : 0u)

#define WASM_RT_NO_RETURN __attribute__((noreturn))

typedef enum {
    WASM_RT_TRAP_NONE,
    WASM_RT_TRAP_OOB,
    WASM_RT_TRAP_INT_OVERFLOW,
    WASM_RT_TRAP_DIV_BY_ZERO,
    WASM_RT_TRAP_INVALID_CONVERSION,
    WASM_RT_TRAP_UNREACHABLE,
    WASM_RT_TRAP_CALL_INDIRECT,
    WASM_RT_TRAP_UNCAUGHT_EXCEPTION,
    WASM_RT_TRAP_EXHAUSTION,
} wasm_rt_trap_t;

typedef enum {
    WASM_RT_I32,
    WASM_RT_I64,
    WASM_RT_F32,
    WASM_RT_F64,
    WASM_RT_FUNCREF,
    WASM_RT_EXTERNREF,
} wasm_rt_type_t;

typedef void (*wasm_rt_function_ptr_t)(void);

typedef struct {
    uint32_t func_type;
    wasm_rt_function_ptr_t func;
    void *module_instance;
} wasm_rt_funcref_t;

static const wasm_rt_funcref_t wasm_rt_funcref_null_value = {0, NULL, NULL};

typedef void *wasm_rt_externref_t;
static const wasm_rt_externref_t wasm_rt_externref_null_value = NULL;

typedef struct {
    uint8_t *data;
    uint32_t pages, max_pages;
    uint32_t size;
} wasm_rt_memory_t;

typedef struct {
    wasm_rt_funcref_t *data;
    uint32_t max_size;
    uint32_t size;
} wasm_rt_funcref_table_t;

typedef struct {
    wasm_rt_externref_t *data;
    uint32_t max_size;
    uint32_t size;
} wasm_rt_externref_table_t;

void wasm_rt_init(void);
bool wasm_rt_is_initialized(void);
WASM_RT_NO_RETURN void wasm_rt_trap(wasm_rt_trap_t trap);
const char *wasm_rt_strerror(wasm_rt_trap_t trap);
uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...);

void wasm_rt_allocate_memory(wasm_rt_memory_t *mem, uint32_t initial_pages, uint32_t max_pages);
uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *mem, uint32_t delta);
void wasm_rt_free_memory(wasm_rt_memory_t *mem);

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t *t, uint32_t elements, uint32_t max_elements);
void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t *t);
void wasm_rt_allocate_externref_table(wasm_rt_externref_table_t *t, uint32_t elements, uint32_t max_elements);
void wasm_rt_free_externref_table(wasm_rt_externref_table_t *t);
uint32_t wasm_rt_grow_funcref_table(wasm_rt_funcref_table_t *t, uint32_t delta, wasm_rt_funcref_t init);
uint32_t wasm_rt_grow_externref_table(wasm_rt_externref_table_t *t, uint32_t delta, wasm_rt_externref_t init);

#endif /* WASM_RT_H_ */
