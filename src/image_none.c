/* The stage-1 library has no build-time image: the guest initialises by
 * running (src/guest_glue.c).  tools/mkimage links this library. */
#include <stddef.h>

const unsigned char wb__guest_image[1];
const size_t wb__guest_image_size = 0;
