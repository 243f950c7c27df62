/* awk's run.c uses setjmp/longjmp for one thing: the awk `exit` statement
 * unwinds to program(), which then runs END.  wasi-libc has neither, so
 * program() is ours (glue.c, through wb_try) and longjmp becomes a throw
 * to it.  setjmp is 0 so upstream's own program(), compiled under another
 * name and never called, still compiles. */
#ifndef WB_AWK_SETJMP_H
#define WB_AWK_SETJMP_H

typedef int jmp_buf[1];
_Noreturn void wb_awk_longjmp(void);
#define setjmp(env) ((void)(env), 0)
#define longjmp(env, v) ((void)(env), (void)(v), wb_awk_longjmp())

#endif
