/* wasi-libc has no <sys/personality.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_SYS_PERSONALITY_H
#define WBTB_SYS_PERSONALITY_H
#include "wb_toybox_compat.h"
#endif
