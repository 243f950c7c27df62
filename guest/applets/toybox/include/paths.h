/* wasi-libc has no <paths.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_PATHS_H
#define WBTB_PATHS_H
#include "wb_toybox_compat.h"
#endif
