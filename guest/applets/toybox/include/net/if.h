/* wasi-libc has no <net/if.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_NET_IF_H
#define WBTB_NET_IF_H
#include "wb_toybox_compat.h"
#endif
