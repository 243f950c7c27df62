/* fold(1) as POSIX and GNU coreutils (ours: toybox's fold is a "pending"
 * command that ends its output with an extra newline and counts columns
 * across its read buffers).  Breaks lines longer than WIDTH (80) columns;
 * a tab moves to the next multiple of 8, backspace goes back one, carriage
 * return to column 0 (-b: every byte is one column).  -s breaks after the
 * last blank inside the width when there is one.  Bytes, not characters,
 * are columns, as GNU fold's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "fold [-bs] [-w WIDTH] [FILE...]";

static int bytes, spaces;
static size_t width;

static size_t advance(size_t col, int c)
{
    if (bytes) return col + 1;
    switch (c) {
    case '\b': return col ? col - 1 : 0;
    case '\r': return 0;
    case '\t': return col + 8 - col % 8;
    }
    return col + 1;
}

static void fold_file(FILE *in)
{
    char *buf = NULL;
    size_t len = 0, cap = 0, col = 0;
    int c;

    while ((c = getc(in)) != EOF) {
        if (c == '\n') {
            fwrite(buf, 1, len, stdout);
            putchar('\n');
            len = col = 0;
            continue;
        }
    again:
        if (advance(col, c) > width && len) {
            size_t cut = len;
            if (spaces) {
                size_t i = len;
                while (i && buf[i - 1] != ' ' && buf[i - 1] != '\t') i--;
                if (i) cut = i;
            }
            fwrite(buf, 1, cut, stdout);
            putchar('\n');
            memmove(buf, buf + cut, len - cut);
            len -= cut;
            col = 0;
            for (size_t i = 0; i < len; i++) col = advance(col, (unsigned char)buf[i]);
            goto again;
        }
        if (len == cap && !(buf = realloc(buf, cap = cap ? cap * 2 : 256))) {
            fflush(stdout);
            fputs("fold: out of memory\n", stderr);
            exit(1);
        }
        buf[len++] = c;
        col = advance(col, c);
    }
    fwrite(buf, 1, len, stdout);
    free(buf);
}

static _Noreturn void bad(const char *msg, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "fold: %s '%s'\nusage: %s\n", msg, arg, usage);
    exit(1);
}

static size_t parse_width(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1) bad("invalid width (a number of columns, at least 1):", s);
    return v;
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_fold(int argc, char **argv)
{
    int i, status = 0;

    wbtb_prepare();
    bytes = spaces = 0;
    width = 80;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nWrap input lines longer than WIDTH (default 80) columns.\n\n"
                   "-b\tCount bytes, not columns (a tab is one)\n"
                   "-s\tBreak after the last blank inside the width, if any\n"
                   "-w N\tWidth\n", usage);
            fflush(stdout);
            exit(0);
        }
        if (!strcmp(a, "--bytes")) { bytes = 1; continue; }
        if (!strcmp(a, "--spaces")) { spaces = 1; continue; }
        if (!strncmp(a, "--width=", 8)) { width = parse_width(a + 8); continue; }
        if (!strcmp(a, "--width")) {
            if (i + 1 == argc) bad("option needs a value:", a);
            width = parse_width(argv[++i]);
            continue;
        }
        if (a[1] >= '0' && a[1] <= '9') { width = parse_width(a + 1); continue; } /* fold -20 */
        for (char *o = a + 1; *o; o++) {
            if (*o == 'b') bytes = 1;
            else if (*o == 's') spaces = 1;
            else if (*o == 'w') {
                char *v = o[1] ? o + 1 : i + 1 < argc ? argv[++i] : NULL;
                if (!v) bad("option needs a value:", a);
                width = parse_width(v);
                break;
            } else bad("unknown option", a);
        }
    }
    if (i == argc) fold_file(stdin);
    else for (; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
        if (!f) {
            fflush(stdout);
            fprintf(stderr, "fold: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        fold_file(f);
        if (f != stdin) fclose(f);
    }
    fflush(stdout);
    exit(status);
}
