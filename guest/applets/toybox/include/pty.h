/* wasi-libc has no <pty.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_PTY_H
#define WBTB_PTY_H
#include "wb_toybox_compat.h"
#endif
