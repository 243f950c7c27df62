/* wasi-libc has no <mntent.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_MNTENT_H
#define WBTB_MNTENT_H
#include "wb_toybox_compat.h"
#endif
