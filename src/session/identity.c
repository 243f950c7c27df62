/* This build's guest identity: the SHA-256 of the metered guest wasm,
 * written at build time into guest_id.h (mk/session.mk).  A saved session
 * or snapshot blob carries it, and one from another guest build is refused:
 * its pages and globals belong to a different memory layout. */
#include "../internal.h"
#include "guest_id.h"

const uint8_t wb__guest_identity[32] = { WB__GUEST_ID_BYTES };
