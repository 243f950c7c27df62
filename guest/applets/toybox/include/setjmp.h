/* wasi-libc has no <setjmp.h>, and wasm cannot jump back into a frame.
 * toybox uses sigsetjmp only to turn error_exit() into a return
 * (WOULD_EXIT in gzip, toys.rebound) and in timeout(1), which wb_toybox
 * replaces.  Here sigsetjmp always answers "first return" and siglongjmp
 * ends the command with its exit status (wbtb_siglongjmp in glue.c): the
 * error was already printed, so the command fails instead of carrying on
 * with its next file. */
#ifndef WBTB_SETJMP_H
#define WBTB_SETJMP_H
typedef long jmp_buf[1];
typedef long sigjmp_buf[1];
#define setjmp(b) 0
#define sigsetjmp(b, m) 0
_Noreturn void wbtb_siglongjmp(long *buf, int v);
#define siglongjmp(b, v) wbtb_siglongjmp((b), (v))
#define longjmp(b, v) wbtb_siglongjmp((b), (v))
#endif
