/* wasi-libc has no <sys/swap.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_SYS_SWAP_H
#define WBTB_SYS_SWAP_H
#include "wb_toybox_compat.h"
#endif
