/* See state.h. */
#include "state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int inside(const struct wb_state_region *r, const char *p)
{
    return (p >= r->data_begin && p < r->data_end) || (p >= r->bss_begin && p < r->bss_end);
}

int wb_state_region_reset(struct wb_state_region *r)
{
    size_t data = (size_t)(r->data_end - r->data_begin);

    if (!r->ready) {
        if (r->data_end < r->data_begin || r->bss_end < r->bss_begin) {
            fprintf(stderr, "%s: internal error: its state region is out of order in the guest image\n",
                    r->name);
            return -1;
        }
        for (const char *const *s = r->symbols; *s; s++)
            if (!inside(r, *s)) {
                fprintf(stderr, "%s: internal error: global %s lies outside its state region "
                        "(the link did not keep the applet's data together)\n",
                        r->name, r->symbol_names[s - r->symbols]);
                return -1;
            }
        if (data > r->saved_cap) {
            fprintf(stderr, "%s: internal error: its state region has %zu bytes of data, more than "
                    "the %zu saved\n", r->name, data, r->saved_cap);
            return -1;
        }
        memcpy(r->saved, r->data_begin, data);
        r->ready = 1;
    }
    memcpy(r->data_begin, r->saved, data);
    memset(r->bss_begin, 0, (size_t)(r->bss_end - r->bss_begin));
    return 0;
}

char **wb_argv_copy(int argc, char **argv)
{
    size_t bytes = ((size_t)argc + 1) * sizeof(char *);
    for (int i = 0; i < argc; i++)
        bytes += strlen(argv[i]) + 1;
    char **copy = malloc(bytes);
    if (!copy)
        return NULL;
    char *text = (char *)(copy + argc + 1);
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        copy[i] = memcpy(text, argv[i], n);
        text += n;
    }
    copy[argc] = NULL;
    return copy;
}
