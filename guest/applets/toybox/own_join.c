/* join(1) with GNU's options (ours: toybox 0.8.9 has no join, and agents
 * join two sorted lists, often from process substitution:
 * join <(sort a) <(sort b)).
 *
 * Both inputs are read whole, then merged on their join fields, as GNU
 * does: equal keys give every pairing of the two groups.  Inputs must be
 * sorted on the join field (strcmp order; -i: ignoring case); unsorted
 * input is not reported (GNU warns). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage[] =
    "join [-i] [-a 1|2] [-v 1|2] [-e EMPTY] [-o FORMAT|auto] [-t CHAR] [-1 FIELD] [-2 FIELD] [-j FIELD] "
    "[--header] FILE1 FILE2";

struct line {
    char *text;
    char **f; /* fields */
    size_t nf;
};

struct input {
    struct line *v;
    size_t n, cap;
};

static int tab = -1, ignore_case, header, auto_format;
static const char *empty;
static struct { int file, field; } *format; /* file 0: the join field */
static size_t nformat;

static _Noreturn void die(const char *msg, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "join: %s%s%s\nusage: %s\n", msg, arg ? " " : "", arg ? arg : "", usage);
    exit(1);
}

static void *xalloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("join: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void split(struct line *l)
{
    size_t cap = 8;
    char *s = l->text;
    l->f = xalloc(NULL, cap * sizeof(*l->f));
    l->nf = 0;
    if (tab >= 0) {
        if (!*s)
            return;
        for (;;) {
            char *e = tab && tab != '\n' ? strchr(s, tab) : NULL; /* -t '\0', -t '': one field */
            if (l->nf == cap)
                l->f = xalloc(l->f, (cap *= 2) * sizeof(*l->f));
            l->f[l->nf++] = s;
            if (!e)
                break;
            *e = 0;
            s = e + 1;
        }
        return;
    }
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        if (l->nf == cap)
            l->f = xalloc(l->f, (cap *= 2) * sizeof(*l->f));
        l->f[l->nf++] = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
        if (!*s)
            break;
        *s++ = 0;
    }
}

static void read_input(const char *name, struct input *in)
{
    FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t len;
    if (!f) {
        fflush(stdout);
        fprintf(stderr, "join: %s: %s\n", name, strerror(errno));
        exit(1);
    }
    while ((len = getline(&buf, &bufcap, f)) >= 0) {
        if (len && buf[len - 1] == '\n')
            buf[--len] = 0;
        if (in->n == in->cap)
            in->v = xalloc(in->v, (in->cap = in->cap ? in->cap * 2 : 256) * sizeof(*in->v));
        struct line *l = &in->v[in->n++];
        l->text = xalloc(NULL, (size_t)len + 1);
        memcpy(l->text, buf, (size_t)len + 1);
        split(l);
    }
    free(buf);
    if (f != stdin)
        fclose(f);
}

static const char *field(const struct line *l, size_t i)
{
    return l && i < l->nf ? l->f[i] : NULL;
}

static int keycmp(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    return ignore_case ? strcasecmp(a, b) : strcmp(a, b);
}

static int first_out;

static void out(const char *s)
{
    if (!first_out)
        putchar(tab >= 0 ? tab : ' ');
    first_out = 0;
    fputs(s, stdout);
}

/* One output line: a and/or b (NULL when unpaired); key from whichever. */
static void emit(const struct line *a, const struct line *b, size_t k1, size_t k2, size_t nf1, size_t nf2)
{
    first_out = 1;
    const char *key = a ? field(a, k1) : field(b, k2);
    if (nformat) {
        for (size_t i = 0; i < nformat; i++) {
            const char *v;
            if (format[i].file == 0)
                v = key;
            else
                v = field(format[i].file == 1 ? a : b, (size_t)format[i].field);
            out(v ? v : empty ? empty : "");
        }
    } else {
        out(key ? key : empty ? empty : "");
        /* auto: as many fields as each file's first line, missing ones EMPTY */
        size_t n1 = auto_format ? nf1 : a ? a->nf : 0, n2 = auto_format ? nf2 : b ? b->nf : 0;
        for (size_t i = 0; i < n1; i++)
            if (i != k1) {
                const char *v = field(a, i);
                out(v ? v : empty ? empty : "");
            }
        for (size_t i = 0; i < n2; i++)
            if (i != k2) {
                const char *v = field(b, i);
                out(v ? v : empty ? empty : "");
            }
    }
    putchar('\n');
}

static long field_no(const char *opt, const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1) {
        fflush(stdout);
        fprintf(stderr, "join: invalid field number for %s: '%s' (fields count from 1)\nusage: %s\n", opt, s,
                usage);
        exit(1);
    }
    return v;
}

static void parse_format(const char *s)
{
    if (!strcmp(s, "auto")) {
        auto_format = 1;
        return;
    }
    char *copy = xalloc(NULL, strlen(s) + 1), *tok, *save = NULL;
    strcpy(copy, s);
    for (tok = strtok_r(copy, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
        format = xalloc(format, (nformat + 1) * sizeof(*format));
        if (!strcmp(tok, "0")) {
            format[nformat].file = 0;
            format[nformat].field = 0;
        } else if ((tok[0] == '1' || tok[0] == '2') && tok[1] == '.') {
            format[nformat].file = tok[0] - '0';
            format[nformat].field = (int)field_no("-o", tok + 2) - 1;
        } else {
            die("invalid field specifier:", tok);
        }
        nformat++;
    }
    free(copy);
}

int wbtb_own_join(int argc, char **argv)
{
    long k1 = 1, k2 = 1;
    int show_paired = 1, unpaired[3] = {0, 0, 0}, i;
    struct input in[2] = {{0}, {0}};

    tab = -1, ignore_case = header = auto_format = 0, empty = NULL, format = NULL, nformat = 0;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nJoin lines of two files sorted on a common field (FILE - is stdin).\n\n"
                   "-1 F, -2 F\tjoin on field F of file 1, 2 (default 1)\t-j F\tboth\n"
                   "-a N\talso print unpairable lines of file N\t-v N\tonly those\n"
                   "-e EMPTY\tfor missing fields\t-i\tignore case\n"
                   "-o FORMAT\tfields to print: 0 (join field), 1.N, 2.N, or auto\n"
                   "-t CHAR\tfield separator (default: runs of blanks; output a space)\n"
                   "--header\tjoin the first lines as headers, unsorted\n", usage);
            fflush(stdout);
            exit(0);
        }
        if (!strcmp(a, "--ignore-case")) { ignore_case = 1; continue; }
        if (!strcmp(a, "--header")) { header = 1; continue; }
        if (!strcmp(a, "--check-order") || !strcmp(a, "--nocheck-order"))
            continue; /* unsorted input is never reported here */
        if (!strcmp(a, "-z") || !strcmp(a, "--zero-terminated"))
            die("-z (NUL-terminated lines) is not supported; use tr '\\0' '\\n' first", NULL);
        if (a[1] == '-')
            die("unknown option", a);
        char c = a[1];
        if (c == 'i' && !a[2]) { ignore_case = 1; continue; }
        if (!strchr("12javeot", c))
            die("unknown option", a);
        char *val = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
        if (!val)
            die("option needs a value:", a);
        switch (c) {
        case '1': k1 = field_no("-1", val); break;
        case '2': k2 = field_no("-2", val); break;
        case 'j': k1 = k2 = field_no("-j", val); break;
        case 'a':
        case 'v':
            if (strcmp(val, "1") && strcmp(val, "2"))
                die("invalid file number (1 or 2):", val);
            unpaired[val[0] - '0'] = 1;
            if (c == 'v')
                show_paired = 0;
            break;
        case 'e': empty = val; break;
        case 'o': parse_format(val); break;
        case 't':
            if (strlen(val) > 1 && strcmp(val, "\\0"))
                die("multi-character tab", val);
            if (!*val)
                tab = '\n'; /* -t '': the whole line is the field */
            else
                tab = !strcmp(val, "\\0") ? 0 : (unsigned char)val[0];
            break;
        }
    }
    if (argc - i != 2) {
        fflush(stdout);
        if (argc - i == 0)
            fputs("join: missing operand\n", stderr);
        else if (argc - i == 1)
            fprintf(stderr, "join: missing operand after '%s'\n", argv[i]);
        else
            fprintf(stderr, "join: extra operand '%s'\n", argv[i + 2]);
        fputs("Try 'join --help' for more information.\n", stderr);
        exit(1);
    }
    if (!strcmp(argv[i], "-") && !strcmp(argv[i + 1], "-"))
        die("both files cannot be standard input", NULL);
    read_input(argv[i], &in[0]);
    read_input(argv[i + 1], &in[1]);

    size_t f1 = (size_t)k1 - 1, f2 = (size_t)k2 - 1;
    size_t nf1 = in[0].n ? in[0].v[0].nf : 0, nf2 = in[1].n ? in[1].v[0].nf : 0;
    size_t a = 0, b = 0;
    if (header && (in[0].n || in[1].n)) {
        emit(in[0].n ? &in[0].v[0] : NULL, in[1].n ? &in[1].v[0] : NULL, f1, f2, nf1, nf2);
        a = in[0].n ? 1 : 0;
        b = in[1].n ? 1 : 0;
    }
    while (a < in[0].n || b < in[1].n) {
        int c;
        if (a >= in[0].n)
            c = 1;
        else if (b >= in[1].n)
            c = -1;
        else
            c = keycmp(field(&in[0].v[a], f1), field(&in[1].v[b], f2));
        if (c < 0) {
            if (unpaired[1])
                emit(&in[0].v[a], NULL, f1, f2, nf1, nf2);
            a++;
        } else if (c > 0) {
            if (unpaired[2])
                emit(NULL, &in[1].v[b], f1, f2, nf1, nf2);
            b++;
        } else {
            size_t ea = a, eb = b;
            const char *key = field(&in[0].v[a], f1);
            while (ea < in[0].n && !keycmp(field(&in[0].v[ea], f1), key))
                ea++;
            while (eb < in[1].n && !keycmp(field(&in[1].v[eb], f2), key))
                eb++;
            if (show_paired)
                for (size_t x = a; x < ea; x++)
                    for (size_t y = b; y < eb; y++)
                        emit(&in[0].v[x], &in[1].v[y], f1, f2, nf1, nf2);
            a = ea;
            b = eb;
        }
    }
    fflush(stdout);
    exit(0);
}
