/* The native stack guest code runs on.
 *
 * Guest code runs on a stack of our own, one per thread, not on the
 * caller's: how deep a script may recurse must not depend on which thread
 * the embedder happens to call from (8 MiB main thread, 256 KiB worker).
 * QuickJS stops JS recursion on its 1 MiB shadow stack; the deepest such
 * recursion (JSON.stringify of nested objects) needs ~10 MiB of native
 * stack once translated, so 64 MiB leaves wide room.  The stack is a
 * MAP_NORESERVE reservation: only pages actually touched use memory.  A
 * guard region sits below it, and wasm-rt.h's prologue check traps well
 * before the floor (WB__RT_STACK_MARGIN above the guard) so host imports
 * called from deep guest code still have stack. */
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>

#include "rt.h"

/* Switching stacks: a few instructions that point the stack pointer at the
 * guest stack, call fn(arg) and come back.  No ucontext: swapcontext costs
 * two signal-mask system calls per switch, and sanitizers handle it badly.
 * The frame pointer register (callee-saved) keeps the old stack pointer. */
#if defined(__x86_64__)
__asm__(".text\n"
        ".globl wb__rt_on_stack\n"
        ".hidden wb__rt_on_stack\n"
        ".type wb__rt_on_stack,@function\n"
        "wb__rt_on_stack:\n"
        "  .cfi_startproc\n"
        "  pushq %rbp\n"
        "  .cfi_def_cfa_offset 16\n"
        "  .cfi_offset %rbp, -16\n"
        "  movq %rsp, %rbp\n"
        "  .cfi_def_cfa_register %rbp\n"
        "  movq %rdx, %rsp\n"
        "  movq %rdi, %rax\n"
        "  movq %rsi, %rdi\n"
        "  callq *%rax\n"
        "  movq %rbp, %rsp\n"
        "  popq %rbp\n"
        "  .cfi_def_cfa %rsp, 8\n"
        "  ret\n"
        "  .cfi_endproc\n"
        ".size wb__rt_on_stack, .-wb__rt_on_stack\n");
#elif defined(__aarch64__)
__asm__(".text\n"
        ".globl wb__rt_on_stack\n"
        ".hidden wb__rt_on_stack\n"
        ".type wb__rt_on_stack,%function\n"
        "wb__rt_on_stack:\n"
        "  stp x29, x30, [sp, #-16]!\n"
        "  mov x29, sp\n"
        "  mov sp, x2\n"
        "  mov x16, x0\n"
        "  mov x0, x1\n"
        "  blr x16\n"
        "  mov sp, x29\n"
        "  ldp x29, x30, [sp], #16\n"
        "  ret\n"
        ".size wb__rt_on_stack, .-wb__rt_on_stack\n");
#else
#error "wasmbox: add a stack switch for this architecture (src/runtime/rt_stack.c)"
#endif

#define WB__RT_STACK_SIZE ((size_t)64 << 20)
#define WB__RT_STACK_GUARD ((size_t)1 << 20)
#define WB__RT_STACK_MARGIN ((size_t)256 << 10)

static WB__RT_TLS uint8_t *thread_stack; /* start of the reservation, guard first */

/* Process-wide state (listed in include/wasmbox.h): the key whose
 * destructor unmaps a thread's guest stack when the thread ends. */
static pthread_key_t stack_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_error;

static void free_stack(void *p)
{
    munmap(p, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE);
}

static void make_key(void)
{
    key_error = pthread_key_create(&stack_key, free_stack);
}

int wb__rt_stack_get(uint8_t **base, size_t *size, uintptr_t *floor)
{
    if (!thread_stack) {
        pthread_once(&key_once, make_key);
        if (key_error)
            return key_error;
        void *p = mmap(NULL, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            return errno;
        if (mprotect((uint8_t *)p + WB__RT_STACK_GUARD, WB__RT_STACK_SIZE, PROT_READ | PROT_WRITE) != 0) {
            int e = errno;
            munmap(p, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE);
            return e;
        }
        int e = pthread_setspecific(stack_key, p);
        if (e) {
            munmap(p, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE);
            return e;
        }
        thread_stack = p;
    }
    *base = thread_stack + WB__RT_STACK_GUARD;
    *size = WB__RT_STACK_SIZE;
    *floor = (uintptr_t)(thread_stack + WB__RT_STACK_GUARD + WB__RT_STACK_MARGIN);
    return 0;
}
