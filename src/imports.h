/* The instance types wasm2c output takes for each imported module.  Both
 * carry the sandbox's host state; src/guest_glue.c fills them in. */
#ifndef WB_IMPORTS_H
#define WB_IMPORTS_H

#include "internal.h"

struct Z_wasi_snapshot_preview1_instance_t {
    wb__host *host;
};

struct Z_wasmbox_instance_t {
    wb__host *host;
};

#endif
