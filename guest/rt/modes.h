/* File modes in the guest (guest/rt/modes.c): wasi-libc declares no
 * umask, which the shell's umask builtin and the applets use. */
#ifndef WB_GUEST_MODES_H
#define WB_GUEST_MODES_H

#include <sys/stat.h>

mode_t umask(mode_t mask);

#endif
