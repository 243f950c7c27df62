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
    void *guest; /* the Z_guest_instance_t, for imports that call back in */
};

/* wasmbox.* imports besides host_call (the generated guest.h declares the
 * ones the guest uses; these declarations make the compiler check both
 * agree). */
uint32_t Z_wasmboxZ_try(struct Z_wasmbox_instance_t *, uint32_t, uint32_t, uint32_t);
void Z_wasmboxZ_throw(struct Z_wasmbox_instance_t *, uint32_t);
uint32_t Z_wasmboxZ_fiber_new(struct Z_wasmbox_instance_t *, uint32_t, uint32_t, uint32_t, uint32_t);
uint32_t Z_wasmboxZ_fiber_switch(struct Z_wasmbox_instance_t *, uint32_t);
uint32_t Z_wasmboxZ_fiber_free(struct Z_wasmbox_instance_t *, uint32_t);

#endif
