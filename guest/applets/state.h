/* Per-run state of a ported applet (awk, jq): its writable globals and
 * function-local statics, kept in one region of linear memory by the
 * build (tools/applet-lib.sh), put back to their initial values at the
 * start of every run.  The shell's runner reclaims what a run allocated,
 * so a pointer left in a static from the previous run would dangle. */
#ifndef WB_APPLET_STATE_H
#define WB_APPLET_STATE_H

#include <stddef.h>

struct wb_state_region {
    const char *name;                 /* applet, for the error message */
    char *data_begin, *data_end;      /* initialised data: copied back */
    char *bss_begin, *bss_end;        /* zero-initialised: zeroed */
    const char *const *symbols;       /* every global of the region, NULL-ended */
    const char *const *symbol_names;  /* their names, in the same order */
    unsigned char *saved;             /* copy of the data, taken before the first run */
    size_t saved_cap;
    int ready;                        /* saved holds the copy */
};

/* Restores the region.  The first call checks that every symbol lies
 * inside the bounds and takes the copy.  Returns 0, or -1 after writing
 * what went wrong to stderr (then the applet must not run). */
int wb_state_region_reset(struct wb_state_region *r);

/* A copy of argv (the array and its strings, in one malloc'd block, freed
 * with the run's memory), for upstream mains that rewrite their argv: awk
 * stores argv[0] over another slot, which in a real process is harmless
 * but here would make the shell free that string twice.  NULL when out of
 * memory. */
char **wb_argv_copy(int argc, char **argv);

#endif
