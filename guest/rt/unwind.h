/* Non-local exits for the guest.
 *
 * wasi-libc has no setjmp/longjmp, and wasm cannot unwind its own stack.
 * The host can: guest code runs as C (wasm2c) on the host's stack, so the
 * host keeps the jump buffers and restores the guest's shadow stack pointer
 * (imports wasmbox.try / wasmbox.throw, src/guest_unwind.c).  A native
 * build of guest code (tests, fuzzing) uses setjmp/longjmp instead.
 *
 * Used for: exit() inside an applet (ends the command, not the sandbox),
 * the shell's exit/return/errors unwinding out of nested evaluation.
 * Nothing between wb_try and wb_throw runs cleanup code: whoever throws
 * past allocations must own them elsewhere (an arena, a list). */
#ifndef WB_GUEST_UNWIND_H
#define WB_GUEST_UNWIND_H

/* Calls fn(arg).  Returns 0 when fn returned (its result stored in *ret
 * when ret is not NULL), or the value given to wb_throw by anything fn
 * called.  Nests: a throw goes to the innermost wb_try still running. */
int wb_try(int (*fn)(void *arg), void *arg, int *ret);

/* Unwinds to the innermost running wb_try, which returns v.  v must not be
 * 0 (it is turned into 1).  With no wb_try running it ends the sandbox's
 * run as a trap (a guest bug). */
_Noreturn void wb_throw(int v);

#endif
