/* wasi-libc has no <pwd.h>: toybox includes it, wb_toybox_compat.h declares
   what toybox uses from it (stubs in ../stubs.c answer ENOSYS). */
#ifndef WBTB_PWD_H
#define WBTB_PWD_H
#include "wb_toybox_compat.h"
#endif
