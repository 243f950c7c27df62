/* mkimage OUT — build-time: initialise the guest once (QuickJS and its
 * prelude) and write the memory image and globals that the final library
 * links in (src/guest_glue.c, "build-time image"). */
#include <stdio.h>

#include "internal.h"

int main(int argc, char **argv)
{
    char msg[512];
    if (argc != 2) {
        fprintf(stderr, "usage: mkimage OUT\n");
        return 2;
    }
    if (wb__guest_write_image(argv[1], msg, sizeof msg) != 0) {
        fprintf(stderr, "mkimage: %s\n", msg);
        return 1;
    }
    return 0;
}
