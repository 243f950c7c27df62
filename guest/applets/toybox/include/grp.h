/* wasi-libc has no <grp.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_GRP_H
#define WBTB_GRP_H
#include "wb_toybox_compat.h"
#endif
