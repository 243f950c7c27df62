/* wasi-libc has no <netdb.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_NETDB_H
#define WBTB_NETDB_H
#include "wb_toybox_compat.h"
#endif
