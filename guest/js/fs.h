/* The JS fs module (guest/js/fs.c, guest/js/fs.js). */
#ifndef WB_GUEST_FS_H
#define WB_GUEST_FS_H

#include "quickjs.h"

/* Installs require(), the global fs and its natives.  0, or -1 with a
 * pending exception.  Called once at init. */
int wb_fs_install(JSContext *c);

#endif
