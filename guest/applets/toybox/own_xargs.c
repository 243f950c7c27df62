/* xargs(1) with GNU's options (ours: toybox 0.8.9's xargs has no -I, -L,
 * -d or -a, and agents use xargs -I{} most of all).
 *
 * Commands run in-process through the shell (wb_run_command), one after
 * another: -P is accepted and runs them serially.  Input is read whole
 * before the first command runs, so a command finds stdin at its end, as
 * with GNU xargs' /dev/null. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets.h"

static const char usage[] =
    "xargs [-0prtx] [-a FILE] [-d DELIM] [-E EOF] [-I REPL] [-L MAX] [-n MAX] [-P N] [-s SIZE] "
    "[COMMAND [ARG...]]";

struct list { char **v; size_t n, cap; };

static void push(struct list *l, char *s)
{
    if (l->n + 2 > l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        if (!(l->v = realloc(l->v, l->cap * sizeof(*l->v)))) {
            fputs("xargs: out of memory\n", stderr);
            exit(125);
        }
    }
    l->v[l->n++] = s;
    l->v[l->n] = NULL;
}

static _Noreturn void usage_exit(const char *msg, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "xargs: %s%s%s\nusage: %s\n", msg, arg ? " " : "", arg ? arg : "", usage);
    exit(1);
}

static long number(const char *opt, const char *s, long min)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < min) {
        fflush(stdout);
        fprintf(stderr, "xargs: invalid number for %s: '%s' (at least %ld)\n", opt, s, min);
        exit(1);
    }
    return v;
}

/* "\n", "\t", "\0", "\x41", "\101", or one character. */
static int delimiter(const char *s)
{
    if (s[0] != '\\' || !s[1]) {
        if (s[0] && !s[1])
            return (unsigned char)s[0];
    } else if (!s[2]) {
        switch (s[1]) {
        case 'n': return '\n';
        case 't': return '\t';
        case 'r': return '\r';
        case '0': return 0;
        case '\\': return '\\';
        default: break;
        }
    } else if (s[1] == 'x')
        return (int)strtol(s + 2, NULL, 16) & 0xff;
    else if (s[1] >= '0' && s[1] <= '7')
        return (int)strtol(s + 1, NULL, 8) & 0xff;
    usage_exit("invalid delimiter:", s);
}

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
        }
    }
    if (!buf) {
        fputs("xargs: out of memory reading input\n", stderr);
        exit(125);
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Replaces every REPL in arg by item (a new string, or arg itself). */
static char *replace(char *arg, const char *repl, const char *item)
{
    size_t rl = strlen(repl), il = strlen(item), count = 0;
    char *p, *out, *o;
    if (!rl)
        return arg;
    for (p = arg; (p = strstr(p, repl)); p += rl)
        count++;
    if (!count)
        return arg;
    o = out = malloc(strlen(arg) + count * il + 1 - count * rl);
    if (!out) {
        fputs("xargs: out of memory\n", stderr);
        exit(125);
    }
    for (p = arg;;) {
        char *hit = strstr(p, repl);
        if (!hit) { strcpy(o, p); break; }
        memcpy(o, p, (size_t)(hit - p)); o += hit - p;
        memcpy(o, item, il); o += il;
        p = hit + rl;
    }
    return out;
}

/* Takes one item at p, in place: quotes and backslashes removed as GNU
 * xargs does; stops at the end of the string or, with blanks, at an
 * unquoted blank or newline.  Returns where it stopped; *end is the end
 * of the item (to be terminated by the caller, after looking at *p). */
static char *unquote(char *p, int blanks, char **end)
{
    char *o = p;
    while (*p && !(blanks && (*p == ' ' || *p == '\t' || *p == '\n'))) {
        if (*p == '\'' || *p == '"') {
            char q = *p++;
            while (*p && *p != q && *p != '\n') *o++ = *p++;
            if (*p != q) {
                fflush(stdout);
                fprintf(stderr, "xargs: unmatched %s quote; by default quotes are special to "
                        "xargs unless you use the -0 option\n", q == '"' ? "double" : "single");
                exit(1);
            }
            p++;
        } else if (*p == '\\' && p[1]) {
            p++;
            *o++ = *p++;
        } else
            *o++ = *p++;
    }
    *end = o;
    return p;
}

static int trace, status;

/* -t shows each argument as GNU does (gnulib's shell-escape quoting): bare
 * when no character is special to the shell, "..." when the only special
 * one is a single quote, else '...' with ' as '\'' and control characters
 * as $'\t'. */
static void trace_arg(const char *a)
{
    int special = !*a || *a == '#' || *a == '~', squote = 0, plain = 1;
    for (const unsigned char *p = (const unsigned char *)a; *p; p++) {
        if (*p == '\'')
            squote = 1;
        else if (*p < 32 || *p == 127 || strchr(" !\"$&()*;<=>?[\\^`|", *p))
            special = 1;
        if (!strchr(" #~%+,-./:]_{}'", *p) && !(*p >= '0' && *p <= '9') && !((*p | 32) >= 'a' && (*p | 32) <= 'z'))
            plain = 0;
    }
    if (!special && !squote) {
        fputs(a, stderr);
        return;
    }
    if (squote && plain) {
        fprintf(stderr, "\"%s\"", a);
        return;
    }
    fputc('\'', stderr);
    for (const unsigned char *p = (const unsigned char *)a; *p; p++) {
        if (*p == '\'')
            fputs("'\\''", stderr);
        else if (*p < 32 || *p == 127) {
            static const char esc[] = "a\ab\bt\tn\nv\vf\fr\r"; /* letter, character */
            const char *e = *p ? strchr(esc, *p) : NULL;
            if (e && (e - esc) % 2 == 1)
                fprintf(stderr, "'$'\\%c''", e[-1]);
            else
                fprintf(stderr, "'$'\\%03o''", *p);
        } else
            fputc(*p, stderr);
    }
    fputc('\'', stderr);
}

/* Runs one command; returns 1 when xargs must stop (255, 126, 127). */
static int run(char **argv)
{
    int st;
    if (trace) {
        fflush(stdout);
        for (char **a = argv; *a; a++) {
            if (a != argv)
                fputc(' ', stderr);
            trace_arg(*a);
        }
        fputc('\n', stderr);
    }
    fflush(stdout);
    st = wb_run_command(argv);
    if (st == 255) {
        fprintf(stderr, "xargs: %s: exited with status 255; aborting\n", argv[0]);
        status = 124;
        return 1;
    }
    if (st == 126 || st == 127) {
        status = st;
        return 1;
    }
    if (st > 128)
        status = 125;
    else if (st && status == 0)
        status = 123;
    return 0;
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_xargs(int argc, char **argv)
{
    const char *eof = NULL, *repl = NULL, *file = NULL;
    long max_args = 0, max_lines = 0, max_chars = 128 * 1024;
    int delim = -1, no_empty = 0, i;
    struct list cmd = {0}, items = {0};

    wbtb_prepare();

    trace = 0, status = 0;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nRun COMMAND (default echo) with arguments read from stdin.\n\n"
                   "-0\tItems end with NUL (no quotes)\t-a FILE\tRead items from FILE\n"
                   "-d DELIM\tItems end with DELIM (no quotes)\n"
                   "-E EOF\tStop at an item equal to EOF\n"
                   "-I REPL\tOne command per line, REPL in the arguments replaced by it (-i: {})\n"
                   "-L MAX\tAt most MAX input lines per command\t-n MAX\tAt most MAX items per command\n"
                   "-P N\tAccepted; commands run one after another in the sandbox\n"
                   "-r\tDo not run COMMAND when there is no input\n"
                   "-s SIZE\tAt most SIZE bytes of arguments per command\n"
                   "-t\tShow each command on stderr before running it\n"
                   "-x\tAccepted (commands never exceed the size limit here)\n", usage);
            fflush(stdout);
            exit(0);
        }
        if (!strcmp(a, "--null")) { delim = 0; continue; }
        if (!strcmp(a, "--no-run-if-empty")) { no_empty = 1; continue; }
        if (!strcmp(a, "--verbose")) { trace = 1; continue; }
        if (!strncmp(a, "--max-args=", 11)) { max_args = number("-n", a + 11, 1); continue; }
        if (!strncmp(a, "--delimiter=", 12)) { delim = delimiter(a + 12); continue; }
        if (!strncmp(a, "--arg-file=", 11)) { file = a + 11; continue; }
        if (!strncmp(a, "--replace", 9)) { repl = a[9] == '=' ? a + 10 : "{}"; continue; }
        if (!strncmp(a, "--max-procs=", 12)) { number("-P", a + 12, 0); continue; }
        if (a[1] == '-')
            usage_exit("unknown option", a);
        for (char *o = a + 1; *o; o++) {
            char c = *o, *val = NULL;
            if (strchr("0prtx", c)) {
                if (c == '0') delim = 0;
                else if (c == 'r') no_empty = 1;
                else if (c == 't') trace = 1;
                else if (c == 'p') usage_exit("-p (prompt) needs a terminal; the sandbox has none", NULL);
                continue;
            }
            if (c == 'i') { repl = o[1] ? o + 1 : "{}"; break; }
            if (!strchr("adEILnPs", c))
                usage_exit("unknown option", a);
            val = o[1] ? o + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                usage_exit("option needs a value:", a);
            switch (c) {
            case 'a': file = val; break;
            case 'd': delim = delimiter(val); break;
            case 'E': eof = val; break;
            case 'I': repl = val; break;
            case 'L': max_lines = number("-L", val, 1); break;
            case 'n': max_args = number("-n", val, 1); break;
            case 'P': number("-P", val, 0); break;
            case 's': max_chars = number("-s", val, 1); break;
            }
            break;
        }
    }
    for (; i < argc; i++)
        push(&cmd, argv[i]);
    if (!cmd.n)
        push(&cmd, "echo");

    FILE *in = stdin;
    if (file && !(in = fopen(file, "r"))) {
        fflush(stdout);
        fprintf(stderr, "xargs: %s: %s\n", file, strerror(errno));
        exit(1);
    }
    size_t len;
    char *buf = slurp(in, &len);
    if (in != stdin)
        fclose(in);

    /* Items, and for -L/-I the index of the item that ends each line. */
    struct list lines = {0};
    if (repl) {
        /* -I: one item per line, leading blanks dropped; as GNU, quotes
         * and backslashes still work (blanks inside are kept) unless -0
         * or -d made the delimiter plain. */
        for (char *p = buf, *nl; p < buf + len; p = nl + 1) {
            nl = memchr(p, delim >= 0 ? delim : '\n', (size_t)(buf + len - p));
            if (!nl) nl = buf + len;
            *nl = 0;
            if (delim < 0) {
                while (*p == ' ' || *p == '\t') p++;
                char *o;
                unquote(p, 0, &o);
                *o = 0;
            }
            if (eof && !strcmp(p, eof)) break;
            if (*p || delim >= 0) push(&items, p);
        }
    } else if (delim >= 0) {
        for (char *p = buf, *e; p < buf + len; p = e + 1) {
            e = memchr(p, delim, (size_t)(buf + len - p));
            if (!e) e = buf + len;
            *e = 0;
            if (eof && !strcmp(p, eof)) break;
            push(&items, p);
            push(&lines, NULL);
        }
    } else {
        /* Blanks separate, '...' "..." and \ quote, like GNU xargs. */
        char *p = buf, *o;
        int done = 0;
        while (!done) {
            while (*p == ' ' || *p == '\t' || *p == '\n') {
                if (*p == '\n' && lines.n < items.n && max_lines) push(&lines, (char *)1);
                p++;
            }
            if (!*p) break;
            char *start = p;
            p = unquote(p, 1, &o);
            int eol = *p == '\n';
            if (*p) p++;
            *o = 0;
            if (eof && !strcmp(start, eof)) { done = 1; break; }
            push(&items, start);
            while (lines.n + 1 < items.n) push(&lines, NULL);
            push(&lines, eol ? (char *)1 : NULL);
        }
    }

    if (!items.n && (no_empty || repl)) {
        fflush(stdout);
        exit(0);
    }
    if (repl) {
        for (size_t k = 0; k < items.n; k++) {
            struct list c = {0};
            for (size_t j = 0; j < cmd.n; j++)
                push(&c, replace(cmd.v[j], repl, items.v[k]));
            if (run(c.v))
                break;
        }
        fflush(stdout);
        exit(status);
    }
    size_t k = 0;
    do {
        struct list c = {0};
        size_t size = 0;
        long nargs = 0, nlines = 0;
        for (size_t j = 0; j < cmd.n; j++) {
            push(&c, cmd.v[j]);
            size += strlen(cmd.v[j]) + 1;
        }
        while (k < items.n) {
            size_t l = strlen(items.v[k]) + 1;
            if (nargs && size + l > (size_t)max_chars) break;
            push(&c, items.v[k]);
            size += l, nargs++;
            int eol = delim >= 0 || (k < lines.n && lines.v[k]);
            k++;
            if (max_args && nargs >= max_args) break;
            if (max_lines && eol && ++nlines >= max_lines) break;
        }
        if (run(c.v))
            break;
    } while (k < items.n);
    fflush(stdout);
    exit(status);
}
