/* The applet registry: one lookup over the providers' tables.  The order
 * of the list decides which provider wins when two define the same name:
 * our own applets first, then the ported ones. */
#include "applets.h"

#include <string.h>

static const struct wb_applet *table(size_t i)
{
    switch (i) {
    case 0: return wb_applets_own;
    case 1: return wb_applets_awk;
    case 2: return wb_applets_jq;
    case 3: return wb_applets_toybox;
    default: return NULL;
    }
}
#define NTABLES 4

const struct wb_applet *wb_applet_find(const char *name)
{
    for (size_t t = 0; t < NTABLES; t++) {
        const struct wb_applet *a = table(t);
        for (; a && a->name; a++)
            if (!strcmp(a->name, name))
                return a;
    }
    return NULL;
}

int wb_applet_each(int (*fn)(const struct wb_applet *a, void *arg), void *arg)
{
    for (size_t t = 0; t < NTABLES; t++) {
        const struct wb_applet *a = table(t);
        for (; a && a->name; a++) {
            int r = fn(a, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

/* The shell defines the strong one. */
__attribute__((weak)) int wb_run_command(char *const argv[])
{
    (void)argv;
    return 127;
}
