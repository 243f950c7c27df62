/* column(1) as util-linux's (ours: toybox has none).  -t makes a table
 * (split at -s SEPARATORS, default blanks; columns joined by -o STRING,
 * default two spaces); without -t, items are filled into columns across
 * -c WIDTH (default 80), down first unless -x. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "column [-tx] [-c WIDTH] [-s SEPARATORS] [-o STRING] [FILE...]";

struct strs { char **v; size_t n, cap; };

static void push(struct strs *s, char *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        if (!(s->v = realloc(s->v, s->cap * sizeof(*s->v)))) {
            fputs("column: out of memory\n", stderr);
            exit(1);
        }
    }
    s->v[s->n++] = p;
}

static int read_lines(FILE *f, struct strs *lines)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        if (n && line[n - 1] == '\n')
            line[--n] = 0;
        push(lines, line);
        line = NULL, cap = 0;
    }
    free(line);
    return ferror(f) ? -1 : 0;
}

static _Noreturn void bad(const char *msg, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "column: %s '%s'\nusage: %s\n", msg, arg, usage);
    exit(1);
}

static void table(struct strs *lines, const char *seps, const char *outsep)
{
    struct strs *rows = calloc(lines->n ? lines->n : 1, sizeof(*rows));
    size_t ncols = 0, *width;
    if (!rows) exit(1);
    for (size_t i = 0; i < lines->n; i++) {
        char *p = lines->v[i];
        if (!*p) continue; /* util-linux drops empty lines */
        if (!seps) {
            for (char *tok = strtok(p, " \t"); tok; tok = strtok(NULL, " \t"))
                push(&rows[i], tok);
        } else {
            /* Explicit separators: adjacent ones do not merge, as util-linux. */
            for (;;) {
                size_t k = strcspn(p, seps);
                char *start = p;
                int end = !p[k];
                p[k] = 0;
                push(&rows[i], start);
                if (end) break;
                p += k + 1;
            }
        }
        if (rows[i].n > ncols) ncols = rows[i].n;
    }
    if (!(width = calloc(ncols ? ncols : 1, sizeof(*width)))) exit(1);
    for (size_t i = 0; i < lines->n; i++)
        for (size_t c = 0; c < rows[i].n; c++)
            if (strlen(rows[i].v[c]) > width[c]) width[c] = strlen(rows[i].v[c]);
    for (size_t i = 0; i < lines->n; i++) {
        if (!rows[i].n) continue;
        for (size_t c = 0; c < rows[i].n; c++) {
            if (c + 1 == rows[i].n) {
                fputs(rows[i].v[c], stdout);
                break;
            }
            printf("%-*s%s", (int)width[c], rows[i].v[c], outsep);
        }
        putchar('\n');
    }
}

static void fill(struct strs *lines, size_t width, int across)
{
    struct strs items = {0};
    size_t maxw = 0;
    for (size_t i = 0; i < lines->n; i++)
        if (*lines->v[i]) {
            push(&items, lines->v[i]);
            if (strlen(lines->v[i]) > maxw) maxw = strlen(lines->v[i]);
        }
    if (!items.n) return;
    /* Columns are tab stops: each item padded to a multiple of 8. */
    size_t colw = (maxw + 8) & ~(size_t)7;
    size_t ncols = width / colw ? width / colw : 1;
    size_t nrows = (items.n + ncols - 1) / ncols;
    if (across) {
        for (size_t i = 0; i < items.n; i++) {
            int last = (i + 1) % ncols == 0 || i + 1 == items.n;
            fputs(items.v[i], stdout);
            if (last) putchar('\n');
            else for (size_t w = strlen(items.v[i]); w < colw; w = (w + 8) & ~(size_t)7) putchar('\t');
        }
        return;
    }
    for (size_t r = 0; r < nrows; r++) {
        for (size_t c = 0; c < ncols; c++) {
            size_t i = c * nrows + r;
            if (i >= items.n) break;
            fputs(items.v[i], stdout);
            if (c + 1 < ncols && i + nrows < items.n)
                for (size_t w = strlen(items.v[i]); w < colw; w = (w + 8) & ~(size_t)7) putchar('\t');
        }
        putchar('\n');
    }
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_column(int argc, char **argv)
{
    const char *seps = NULL, *outsep = "  ";
    long width = 80;
    int tbl = 0, across = 0, i, status = 0;
    struct strs lines = {0};

    wbtb_prepare();

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nColumnate lists.\n\n"
                   "-t\tMake a table: split lines at SEPARATORS, align the fields\n"
                   "-s SEPS\tCharacters that separate fields for -t (default: blanks)\n"
                   "-o STR\tString between the columns of -t (default: two spaces)\n"
                   "-c N\tOutput width without -t (default 80)\n"
                   "-x\tFill rows before columns\n", usage);
            fflush(stdout);
            exit(0);
        }
        if (!strcmp(a, "--table")) { tbl = 1; continue; }
        for (char *o = a + 1; *o; o++) {
            if (*o == 't') { tbl = 1; continue; }
            if (*o == 'x') { across = 1; continue; }
            if (!strchr("sco", *o)) bad("unknown option", a);
            char *val = o[1] ? o + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val) bad("option needs a value:", a);
            if (*o == 's') seps = val;
            else if (*o == 'o') outsep = val;
            else {
                char *end;
                width = strtol(val, &end, 10);
                if (*end || width < 1) bad("invalid width", val);
            }
            break;
        }
    }
    if (i == argc) {
        if (read_lines(stdin, &lines)) status = 1;
    } else for (; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
        if (!f || read_lines(f, &lines)) {
            fflush(stdout);
            fprintf(stderr, "column: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (f && f != stdin) fclose(f);
    }
    if (tbl) table(&lines, seps, outsep);
    else fill(&lines, (size_t)width, across);
    fflush(stdout);
    exit(status);
}
