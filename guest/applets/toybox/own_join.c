/* join(1) (ours: toybox has none).  Written from POSIX's description of
 * join; where POSIX leaves room, it does what GNU coreutils' join is seen
 * to do: -i, -j, --header, --check-order/--nocheck-order, "0" in -o, and
 * a warning (exit 1) when an input is not sorted on the join field and
 * some line could not be paired.
 *
 * Lines are joined on equal join fields, compared as bytes (the C and
 * C.UTF-8 collation) or with -i case-folded; every pairing of a group of
 * equal keys in file 1 with the group in file 2 is printed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "join [-i] [-a 1|2] [-v 1|2] [-e STRING] [-o LIST] [-t CHAR] [-1 FIELD] [-2 FIELD] [-j FIELD] FILE1 FILE2";

struct field { const char *s; size_t n; };
struct line { char *text; size_t len; struct field *f; size_t nf; };
struct input {
    const char *name;
    FILE *fp;
    struct line *l; /* every line read so far */
    size_t n, cap;
    size_t key;     /* join field, 0-based */
    size_t autonf;  /* -o auto: fields of the first line */
    int eof, warned;
};
struct ospec { int file; size_t field; }; /* file 0: the join field */

static struct {
    int tab; /* -t character, or -1 for blanks */
    int icase, header, check; /* check: 0 default, 1 --check-order, -1 --nocheck-order */
    int unpaired[2], only_unpaired;
    const char *empty;
    struct ospec *o;
    size_t no;
    int seen_unpaired, autofmt;
} J;

static _Noreturn void die(const char *fmt, const char *arg)
{
    fflush(stdout);
    fputs("join: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    if (!(p = realloc(p, n ? n : 1))) die("%s", "out of memory");
    return p;
}

static void split(struct line *l)
{
    size_t cap = 8, i = 0;
    l->f = xrealloc(NULL, cap * sizeof(*l->f));
    l->nf = 0;
    if (J.tab >= 0) {
        for (;;) {
            const char *s = l->text + i, *e = memchr(s, J.tab, l->len - i);
            size_t n = e ? (size_t)(e - s) : l->len - i;
            if (l->nf == cap) l->f = xrealloc(l->f, (cap *= 2) * sizeof(*l->f));
            l->f[l->nf].s = s, l->f[l->nf++].n = n;
            if (!e) break;
            i += n + 1;
        }
        if (!l->len) l->nf = 0; /* an empty line has no fields */
        return;
    }
    while (i < l->len) {
        while (i < l->len && (l->text[i] == ' ' || l->text[i] == '\t')) i++;
        if (i == l->len) break;
        size_t st = i;
        while (i < l->len && l->text[i] != ' ' && l->text[i] != '\t') i++;
        if (l->nf == cap) l->f = xrealloc(l->f, (cap *= 2) * sizeof(*l->f));
        l->f[l->nf].s = l->text + st, l->f[l->nf++].n = i - st;
    }
}

static struct field key(const struct input *in, size_t k)
{
    const struct line *l = &in->l[k];
    struct field none = {"", 0};
    return in->key < l->nf ? l->f[in->key] : none;
}

static int keycmp(struct field a, struct field b)
{
    size_t n = a.n < b.n ? a.n : b.n;
    for (size_t i = 0; i < n; i++) {
        unsigned char x = a.s[i], y = b.s[i];
        if (J.icase) {
            if (x >= 'A' && x <= 'Z') x += 32;
            if (y >= 'A' && y <= 'Z') y += 32;
        }
        if (x != y) return x < y ? -1 : 1;
    }
    return a.n < b.n ? -1 : a.n > b.n;
}

/* Reads line number K of IN if not yet read; 0 at end of input.  Checks
 * the order against the line before, as GNU does. */
static int get(struct input *in, size_t k)
{
    if (k < in->n) return 1;
    if (in->eof) return 0;
    char *text = NULL;
    size_t cap = 0;
    ssize_t r = getline(&text, &cap, in->fp);
    if (r < 0) {
        free(text);
        in->eof = 1;
        if (ferror(in->fp)) die("read error: %s", strerror(errno));
        return 0;
    }
    if (r && text[r - 1] == '\n') text[--r] = 0;
    if (in->n == in->cap) in->l = xrealloc(in->l, (in->cap = in->cap ? in->cap * 2 : 64) * sizeof(*in->l));
    struct line *l = &in->l[in->n++];
    l->text = text, l->len = r;
    split(l);
    if (!k) in->autonf = l->nf;
    if (k && J.check >= 0 && (J.check > 0 || J.seen_unpaired) && !in->warned
        && !(J.header && k == 1) && keycmp(key(in, k - 1), key(in, k)) > 0) {
        fflush(stdout);
        fprintf(stderr, "join: %s:%zu: is not sorted: %s\n", in->name, k + 1, l->text);
        if (J.check > 0) exit(1);
        in->warned = 1;
    }
    return 1;
}

/* Prints field F (-e's string for an empty one). */
static void put(struct field f, int *first)
{
    if (!*first) putchar(J.tab >= 0 ? J.tab : ' ');
    *first = 0;
    if (!f.n && J.empty) fputs(J.empty, stdout);
    else fwrite(f.s, 1, f.n, stdout);
}

/* One output line: A from file 1, B from file 2 (either may be NULL for
 * an unpaired line). */
static void output(struct input *in, const struct line *a, const struct line *b)
{
    int first = 1;
    const struct line *ln[2] = {a, b};
    if (J.no) {
        for (size_t i = 0; i < J.no; i++) {
            const struct ospec *o = &J.o[i];
            int k = o->file ? o->file - 1 : (a ? 0 : 1);
            size_t fld = o->file ? o->field : in[k].key;
            struct field f = {"", 0};
            if (ln[k] && fld < ln[k]->nf) f = ln[k]->f[fld];
            put(f, &first);
        }
    } else {
        int k = a ? 0 : 1;
        struct field f = {"", 0};
        if (in[k].key < ln[k]->nf) f = ln[k]->f[in[k].key];
        put(f, &first);
        for (int s = 0; s < 2; s++) {
            /* -o auto: as many fields as the file's first line has. */
            size_t nf = J.autofmt ? in[s].autonf : ln[s] ? ln[s]->nf : 0;
            for (size_t i = 0; i < nf; i++) {
                struct field g = {"", 0};
                if (ln[s] && i < ln[s]->nf) g = ln[s]->f[i];
                if (i != in[s].key) put(g, &first);
            }
        }
    }
    putchar('\n');
}

static size_t field_number(const char *s, const char *opt)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1) {
        fflush(stdout);
        fprintf(stderr, "join: invalid field number for %s: '%s' (fields count from 1)\n", opt, s);
        exit(1);
    }
    return v - 1;
}

static void parse_o(const char *list)
{
    const char *p = list;
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '\t') p++;
        if (!*p) break;
        J.o = xrealloc(J.o, (J.no + 1) * sizeof(*J.o));
        if (p[0] == '0' && (!p[1] || strchr(", \t", p[1]))) {
            J.o[J.no].file = 0, J.o[J.no++].field = 0;
            p++;
            continue;
        }
        if ((p[0] != '1' && p[0] != '2') || p[1] != '.') die("invalid -o field '%s' (use 1.N, 2.N or 0)", p);
        char *end;
        long v = strtol(p + 2, &end, 10);
        if (v < 1 || end == p + 2 || (*end && !strchr(", \t", *end)))
            die("invalid -o field '%s' (use 1.N, 2.N or 0)", p);
        J.o[J.no].file = p[0] - '0', J.o[J.no++].field = v - 1;
        p = end;
    }
}

static int file_number(const char *s, const char *opt)
{
    if (strcmp(s, "1") && strcmp(s, "2")) {
        fflush(stdout);
        fprintf(stderr, "join: %s takes 1 or 2, not '%s'\n", opt, s);
        exit(1);
    }
    return s[0] - '1';
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_join(int argc, char **argv)
{
    struct input in[2];
    char *ops[2];
    int nops = 0;
    long k1 = -1, k2 = -1;

    wbtb_prepare();
    memset(&J, 0, sizeof(J));
    memset(in, 0, sizeof(in));
    J.tab = -1;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            if (nops == 2) die("extra operand '%s'", a);
            ops[nops++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            while (++i < argc) {
                if (nops == 2) die("extra operand '%s'", argv[i]);
                ops[nops++] = argv[i];
            }
            break;
        }
        if (a[1] == '-') {
            if (!strcmp(a, "--help")) {
                printf("usage: %s\n\nJoin lines of two files sorted on a common field.\n\n"
                       "-1 F, -2 F\tJoin on field F of file 1 / file 2 (default 1)\n"
                       "-j F\t\tJoin on field F of both\n"
                       "-t C\t\tFields are separated by C (default: runs of blanks)\n"
                       "-a N\t\tAlso print the unpairable lines of file N\n"
                       "-v N\t\tOnly print the unpairable lines of file N\n"
                       "-o LIST\t\tOutput these fields: 1.N, 2.N, 0 (the join field)\n"
                       "-e S\t\tPrint S for missing fields of -o\n"
                       "-i\t\tIgnore case\n"
                       "--header\tJoin the first lines as headers, unchecked\n"
                       "--check-order\tFail at the first line out of order\n", usage);
                fflush(stdout);
                exit(0);
            }
            if (!strcmp(a, "--ignore-case")) J.icase = 1;
            else if (!strcmp(a, "--header")) J.header = 1;
            else if (!strcmp(a, "--check-order")) J.check = 1;
            else if (!strcmp(a, "--nocheck-order")) J.check = -1;
            else die("unknown option '%s' (try join --help)", a);
            continue;
        }
        for (char *p = a + 1; *p; p++) {
            if (*p == 'i') { J.icase = 1; continue; }
            if (!strchr("12jtaveo", *p)) die("unknown option '%s' (try join --help)", a);
            char opt[3] = {'-', *p, 0};
            char *v = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : NULL;
            if (!v) die("option %s needs a value", opt);
            switch (*p) {
            case '1': k1 = field_number(v, opt); break;
            case '2': k2 = field_number(v, opt); break;
            case 'j': k1 = k2 = field_number(v, opt); break;
            case 't':
                if (strlen(v) > 1 && strcmp(v, "\\0")) die("-t takes one character, not '%s'", v);
                J.tab = !strcmp(v, "\\0") ? 0 : (unsigned char)v[0];
                break;
            case 'a': J.unpaired[file_number(v, opt)] = 1; break;
            case 'v': J.unpaired[file_number(v, opt)] = 1, J.only_unpaired = 1; break;
            case 'e': J.empty = v; break;
            case 'o':
                if (!strcmp(v, "auto")) J.autofmt = 1;
                else parse_o(v);
                break;
            }
            break;
        }
    }
    if (nops < 2) {
        fflush(stdout);
        /* GNU's words */
        if (nops == 1)
            fprintf(stderr, "join: missing operand after '%s'\n", ops[0]);
        else
            fprintf(stderr, "join: missing operand\n");
        fprintf(stderr, "Try 'join --help' for more information.\n");
        exit(1);
    }
    if (!strcmp(ops[0], "-") && !strcmp(ops[1], "-")) die("%s", "both files cannot be standard input");
    for (int k = 0; k < 2; k++) {
        in[k].name = ops[k];
        in[k].key = (k ? k2 : k1) < 0 ? 0 : (size_t)(k ? k2 : k1);
        in[k].fp = strcmp(ops[k], "-") ? fopen(ops[k], "r") : stdin;
        if (!in[k].fp) {
            fflush(stdout);
            fprintf(stderr, "join: %s: %s\n", ops[k], strerror(errno));
            exit(1);
        }
    }

    size_t i = 0, j = 0;
    if (J.header) {
        int h1 = get(&in[0], 0), h2 = get(&in[1], 0);
        if (h1 || h2) output(in, h1 ? &in[0].l[0] : NULL, h2 ? &in[1].l[0] : NULL);
        i = h1, j = h2;
    }
    int has1 = get(&in[0], i), has2 = get(&in[1], j);
    while (has1 && has2) {
        int c = keycmp(key(&in[0], i), key(&in[1], j));
        if (c < 0) {
            if (J.unpaired[0]) output(in, &in[0].l[i], NULL);
            has1 = get(&in[0], ++i);
            J.seen_unpaired = 1; /* after the read: GNU checks it unwarned */
            continue;
        }
        if (c > 0) {
            if (J.unpaired[1]) output(in, NULL, &in[1].l[j]);
            has2 = get(&in[1], ++j);
            J.seen_unpaired = 1;
            continue;
        }
        size_t ie = i + 1, je = j + 1;
        while ((has1 = get(&in[0], ie)) && !keycmp(key(&in[0], i), key(&in[0], ie))) ie++;
        while ((has2 = get(&in[1], je)) && !keycmp(key(&in[1], j), key(&in[1], je))) je++;
        if (!J.only_unpaired)
            for (size_t a = i; a < ie; a++)
                for (size_t b = j; b < je; b++) output(in, &in[0].l[a], &in[1].l[b]);
        i = ie, j = je;
    }
    /* What is left of either file has no partner; it is read (and its
     * order checked) even when not printed, as GNU does. */
    for (; has1; has1 = get(&in[0], ++i))
        if (J.unpaired[0]) output(in, &in[0].l[i], NULL);
    for (; has2; has2 = get(&in[1], ++j))
        if (J.unpaired[1]) output(in, NULL, &in[1].l[j]);
    for (int k = 0; k < 2; k++)
        if (in[k].fp != stdin) fclose(in[k].fp);
    fflush(stdout);
    exit(in[0].warned || in[1].warned);
}
