/* wasi-libc has no <termios.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_TERMIOS_H
#define WBTB_TERMIOS_H
#include "wb_toybox_compat.h"
#endif
