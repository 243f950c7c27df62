/* wasi-libc has no <syslog.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_SYSLOG_H
#define WBTB_SYSLOG_H
#include "wb_toybox_compat.h"
#endif
