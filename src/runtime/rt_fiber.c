/* Fibers: extra native stacks that guest code can run on and switch
 * between, so one guest instance can interleave several computations (the
 * shell's pipeline stages) without threads.
 *
 * A switch saves the callee-saved registers on the current stack, stores
 * the stack pointer, loads the other one and pops its registers: a dozen
 * instructions, no system call (ucontext's swapcontext costs two
 * sigprocmask calls and confuses sanitizers).  A new fiber's stack starts
 * with a register image whose return address is a trampoline that calls
 * the entry function; the entry must never return (it switches away for
 * the last time instead). */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "rt.h"

#if defined(__x86_64__)
/* wb__rt_fiber_switch(void **save_sp, void *load_sp) */
__asm__(".text\n"
        ".globl wb__rt_fiber_switch\n"
        ".hidden wb__rt_fiber_switch\n"
        ".type wb__rt_fiber_switch,@function\n"
        "wb__rt_fiber_switch:\n"
        "  pushq %rbp\n"
        "  pushq %rbx\n"
        "  pushq %r12\n"
        "  pushq %r13\n"
        "  pushq %r14\n"
        "  pushq %r15\n"
        "  movq %rsp, (%rdi)\n"
        "  movq %rsi, %rsp\n"
        "  popq %r15\n"
        "  popq %r14\n"
        "  popq %r13\n"
        "  popq %r12\n"
        "  popq %rbx\n"
        "  popq %rbp\n"
        "  ret\n"
        ".size wb__rt_fiber_switch, .-wb__rt_fiber_switch\n"
        ".type wb__rt_fiber_start,@function\n"
        "wb__rt_fiber_start:\n"
        "  movq %r13, %rdi\n"
        "  callq *%r12\n"
        "  ud2\n"
        ".size wb__rt_fiber_start, .-wb__rt_fiber_start\n");
#define NREGS 6 /* r15 r14 r13 r12 rbx rbp, then the return address */
#define REG_FN 3
#define REG_ARG 2
#define REG_RET 6
#define FRAME_BYTES (8 * (NREGS + 1))
#elif defined(__aarch64__)
__asm__(".text\n"
        ".globl wb__rt_fiber_switch\n"
        ".hidden wb__rt_fiber_switch\n"
        ".type wb__rt_fiber_switch,%function\n"
        "wb__rt_fiber_switch:\n"
        "  sub sp, sp, #160\n"
        "  stp x19, x20, [sp, #0]\n"
        "  stp x21, x22, [sp, #16]\n"
        "  stp x23, x24, [sp, #32]\n"
        "  stp x25, x26, [sp, #48]\n"
        "  stp x27, x28, [sp, #64]\n"
        "  stp x29, x30, [sp, #80]\n"
        "  stp d8, d9, [sp, #96]\n"
        "  stp d10, d11, [sp, #112]\n"
        "  stp d12, d13, [sp, #128]\n"
        "  stp d14, d15, [sp, #144]\n"
        "  mov x2, sp\n"
        "  str x2, [x0]\n"
        "  mov sp, x1\n"
        "  ldp x19, x20, [sp, #0]\n"
        "  ldp x21, x22, [sp, #16]\n"
        "  ldp x23, x24, [sp, #32]\n"
        "  ldp x25, x26, [sp, #48]\n"
        "  ldp x27, x28, [sp, #64]\n"
        "  ldp x29, x30, [sp, #80]\n"
        "  ldp d8, d9, [sp, #96]\n"
        "  ldp d10, d11, [sp, #112]\n"
        "  ldp d12, d13, [sp, #128]\n"
        "  ldp d14, d15, [sp, #144]\n"
        "  add sp, sp, #160\n"
        "  ret\n"
        ".size wb__rt_fiber_switch, .-wb__rt_fiber_switch\n"
        ".type wb__rt_fiber_start,%function\n"
        "wb__rt_fiber_start:\n"
        "  mov x0, x20\n"
        "  blr x19\n"
        "  brk #0\n"
        ".size wb__rt_fiber_start, .-wb__rt_fiber_start\n");
#define NREGS 20 /* 160 bytes: x19..x30 (12), d8..d15 (8) */
#define REG_FN 0  /* x19 */
#define REG_ARG 1 /* x20 */
#define REG_RET 11 /* x30 */
#define FRAME_BYTES (8 * NREGS)
#else
#error "wasmbox: add a fiber switch for this architecture (src/runtime/rt_fiber.c)"
#endif

void wb__rt_fiber_start(void);

#define FIBER_GUARD ((size_t)64 << 10)

int wb__rt_fiber_make(wb__rt_fiber *f, size_t size, void (*entry)(void *), void *arg)
{
    memset(f, 0, sizeof *f);
    size = (size + 4095) & ~(size_t)4095;
    uint8_t *p = mmap(NULL, FIBER_GUARD + size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return errno;
    if (mprotect(p + FIBER_GUARD, size, PROT_READ | PROT_WRITE) != 0) {
        int e = errno;
        munmap(p, FIBER_GUARD + size);
        return e;
    }
    f->map = p;
    f->map_size = FIBER_GUARD + size;
    f->base = p + FIBER_GUARD;
    f->size = size;
    /* The register image sits at the top; on x86-64 the return address is
     * the last slot and leaves the stack 16-byte aligned once popped, as a
     * call instruction would have found it. */
    uintptr_t top = (uintptr_t)(f->base + size) & ~(uintptr_t)15;
    uintptr_t *regs = (uintptr_t *)(top - FRAME_BYTES);
    memset(regs, 0, FRAME_BYTES);
    regs[REG_FN] = (uintptr_t)entry;
    regs[REG_ARG] = (uintptr_t)arg;
    regs[REG_RET] = (uintptr_t)wb__rt_fiber_start;
    f->sp = regs;
    return 0;
}

void wb__rt_fiber_free(wb__rt_fiber *f)
{
    if (f->map)
        munmap(f->map, f->map_size);
    memset(f, 0, sizeof *f);
}
