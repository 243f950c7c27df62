/* File modes in the guest (guest/rt/modes.c): wasi-libc declares no
 * umask, which the shell's umask builtin and the applets use. */
#ifndef WB_GUEST_MODES_H
#define WB_GUEST_MODES_H

#include <sys/stat.h>

mode_t umask(mode_t mask);

/* For the stat wrappers (guest/rt/proc.c): enter before the real call,
 * leave with its result, which the outermost call gets with the host's
 * permission bits (and a block count) in st. */
void wb_modes_enter(void);
int wb_modes_leave(int r, struct stat *st);
/* The mode chmod is setting (the path_filestat_set_times wrapper sends
 * it instead of times), or -1. */
long wb_modes_pending(void);

#endif
