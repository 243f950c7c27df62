/* wasi-libc has no <sys/statfs.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_SYS_STATFS_H
#define WBTB_SYS_STATFS_H
#include "wb_toybox_compat.h"
#endif
