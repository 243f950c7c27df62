/* wasi-libc (2022) ships no <setjmp.h>.  QuickJS's dtoa.c includes it but
   never calls setjmp/longjmp, so an empty header is all it needs.  Any use
   would fail to link, which is the loud failure we want. */
#ifndef WB_GUEST_SETJMP_H
#define WB_GUEST_SETJMP_H
#endif
