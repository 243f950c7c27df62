/* Helpers for the GNU extensions tools/patch-toybox.sh edits into toybox's
 * commands (defined in own_textext.c: plain C types only, no toybox
 * headers, so that the edits stay one-line calls). */
#ifndef WBTB_EXT_H
#define WBTB_EXT_H

/* sed s///: GNU's \U \L \u \l \E in the replacement.  `from` is where the
 * text of the current replacement step starts in the output. */
struct wbtb_case { int mode, once, from; };
void wbtb_sed_case_reset(struct wbtb_case *c);
/* 1 when CH (the character after a backslash) is a case command. */
int wbtb_sed_case_cmd(struct wbtb_case *c, int ch);
/* Converts buf[c->from, end) as the commands in force say. */
void wbtb_sed_case_apply(struct wbtb_case *c, char *buf, int end);
/* sed first~step: does line N match. */
int wbtb_sed_step(long first, long step, long n);
/* 1 if a FILE operand (not "-") cannot be opened: sed then exits 2. */
int wbtb_sed_missing(char **args);

/* head -n -N / -c -N: all but the last N lines (bytes) of FD. */
void wbtb_head_but_last(int fd, const char *name, int bytes, long n);

/* sort -h: compare human-readable sizes (2K < 1M), as GNU sort. */
int wbtb_sort_human(const char *x, const char *y);

/* cut --complement: PAIRS (N sorted, disjoint [start,end] ranges) become
 * the ranges between them; returns their number. */
int wbtb_cut_complement(unsigned *pairs, int n);

/* sort -n as GNU (decimals, negatives; no '+' or exponent) and sort -V
 * (gnulib filevercmp's rules: Debian version order, suffixes last). */
int wbtb_sort_numeric(const char *x, const char *y);
int wbtb_sort_version(const char *x, const char *y);

#endif
