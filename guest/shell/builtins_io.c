/* Builtins that read and write data: echo, printf (and printf -v), read,
 * mapfile/readarray. */
#include "sh.h"
#include "../rt/proc.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

/* printf's widths: large enough for any padding a script means, small
 * enough that a typo cannot ask for gigabytes. */
#define PRINTF_MAX_WIDTH 1000000

/* One conversion of printf, any length (a width pads to thousands). */
static void sb_fmt(struct sbuf *out, const char *spec, ...)
{
    va_list ap, ap2;
    va_start(ap, spec);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, spec, ap);
    va_end(ap);
    char *b = n > 0 ? malloc((size_t)n + 1) : NULL;
    if (b) {
        vsnprintf(b, (size_t)n + 1, spec, ap2);
        sb_addn(out, b, (size_t)n);
        free(b);
    }
    va_end(ap2);
}

static int write_checked(int fd, const char *s, size_t n, const char *who)
{
    size_t done = 0;
    while (done < n) {
        ssize_t w = proc_write(fd, s + done, n - done);
        if (w <= 0) {
            sh_err("%s: write error: %s", who, strerror(errno ? errno : EIO));
            return 1;
        }
        done += (size_t)w;
    }
    return 0;
}

/* echo's backslash escapes (-e); returns 1 when \c stops the output. */
static int echo_escapes(struct sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            sb_addc(b, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': sb_addc(b, '\n'); break;
        case 't': sb_addc(b, '\t'); break;
        case 'r': sb_addc(b, '\r'); break;
        case 'a': sb_addc(b, '\a'); break;
        case 'b': sb_addc(b, '\b'); break;
        case 'e': case 'E': sb_addc(b, 27); break;
        case 'f': sb_addc(b, '\f'); break;
        case 'v': sb_addc(b, '\v'); break;
        case '\\': sb_addc(b, '\\'); break;
        case 'c': return 1;
        case '0': {
            int v = 0, n = 0;
            while (n < 3 && s[1] >= '0' && s[1] <= '7') {
                v = v * 8 + (*++s - '0');
                n++;
            }
            sb_addc(b, (char)v);
            break;
        }
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && isxdigit((unsigned char)s[1])) {
                s++;
                v = v * 16 + (isdigit((unsigned char)*s) ? *s - '0' : tolower((unsigned char)*s) - 'a' + 10);
                n++;
            }
            if (n)
                sb_addc(b, (char)v);
            else
                sb_adds(b, "\\x");
            break;
        }
        default:
            sb_addc(b, '\\');
            sb_addc(b, *s);
        }
    }
    return 0;
}

int bi_echo(int argc, char **argv)
{
    int nl = 1, esc = 0, i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1] || strspn(a + 1, "neE") != strlen(a + 1))
            break;
        for (const char *c = a + 1; *c; c++) {
            if (*c == 'n') nl = 0;
            else if (*c == 'e') esc = 1;
            else esc = 0;
        }
    }
    struct sbuf b = {0};
    int stop = 0;
    for (int first = 1; i < argc && !stop; i++, first = 0) {
        if (!first)
            sb_addc(&b, ' ');
        if (esc)
            stop = echo_escapes(&b, argv[i]);
        else
            sb_adds(&b, argv[i]);
    }
    if (nl && !stop)
        sb_addc(&b, '\n');
    int rc = write_checked(1, b.s ? b.s : "", b.n, "echo");
    sb_free(&b);
    return rc;
}

/* ------------------------------------------------------------ printf */
static int printf_rc;

static long long arg_int(const char *s)
{
    if (!s)
        return 0;
    if ((s[0] == '\'' || s[0] == '"') && s[1])
        return (unsigned char)s[1];
    char *end;
    errno = 0;
    long long v;
    const char *t = s;
    while (*t == ' ' || *t == '\t')
        t++;
    if (*t == '-' || *t == '+')
        v = strtoll(s, &end, 0);
    else
        v = (long long)strtoull(s, &end, 0);
    if (*end || end == s) {
        sh_err("printf: %s: invalid number", s);
        printf_rc = 1;
    } else if (errno == ERANGE) {
        sh_err("printf: %s: Numerical result out of range", s);
        printf_rc = 1;
    }
    return v;
}

static double arg_double(const char *s)
{
    if (!s)
        return 0;
    if ((s[0] == '\'' || s[0] == '"') && s[1])
        return (unsigned char)s[1];
    char *end;
    double v = strtod(s, &end);
    if (*end || end == s) {
        sh_err("printf: %s: invalid number", s);
        printf_rc = 1;
    }
    return v;
}

/* printf %q: bash's backslash style, $'...' when control characters. */
static char *quote_backslash(const char *s)
{
    if (!*s)
        return xstrdup("''");
    for (const char *c = s; *c; c++)
        if ((unsigned char)*c < 32 || *c == 127)
            return quote_for_reuse(s); /* the $'...' form */
    struct sbuf b = {0};
    for (const char *c = s; *c; c++) {
        if (strchr(" \t'\"\\|&;()<>!{}*[?]^$`,", *c) || (*c == '~' && c == s) || (*c == '#' && c == s))
            sb_addc(&b, '\\');
        sb_addc(&b, *c);
    }
    return sb_take(&b);
}

/* One pass of the format; returns the number of arguments consumed. */
static int format_once(struct sbuf *out, const char *fmt, int argc, char **argv, int *stop)
{
    int used = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p == '\\') {
            p++;
            if (!*p) {
                sb_addc(out, '\\');
                break;
            }
            switch (*p) {
            case 'n': sb_addc(out, '\n'); break;
            case 't': sb_addc(out, '\t'); break;
            case 'r': sb_addc(out, '\r'); break;
            case 'a': sb_addc(out, '\a'); break;
            case 'b': sb_addc(out, '\b'); break;
            case 'f': sb_addc(out, '\f'); break;
            case 'v': sb_addc(out, '\v'); break;
            case 'e': case 'E': sb_addc(out, 27); break;
            case '\\': sb_addc(out, '\\'); break;
            case '"': sb_addc(out, '"'); break;
            case '\'': sb_addc(out, '\''); break;
            case 'x': {
                int v = 0, n = 0;
                while (n < 2 && isxdigit((unsigned char)p[1])) {
                    p++;
                    v = v * 16 + (isdigit((unsigned char)*p) ? *p - '0' : tolower((unsigned char)*p) - 'a' + 10);
                    n++;
                }
                sb_addc(out, (char)v);
                break;
            }
            default:
                if (*p >= '0' && *p <= '7') {
                    int v = *p - '0', n = 1;
                    while (n < 3 && p[1] >= '0' && p[1] <= '7') {
                        v = v * 8 + (*++p - '0');
                        n++;
                    }
                    sb_addc(out, (char)v);
                } else {
                    sb_addc(out, '\\');
                    sb_addc(out, *p);
                }
            }
            continue;
        }
        if (*p != '%') {
            sb_addc(out, *p);
            continue;
        }
        p++;
        if (*p == '%') {
            sb_addc(out, '%');
            continue;
        }
        /* %[flags][width][.prec]conv */
        char spec[64];
        size_t k = 0;
        spec[k++] = '%';
        while (*p && strchr("-+ #0", *p) && k < 20)
            spec[k++] = *p++;
        if (*p == '*') {
            const char *a = used < argc ? argv[used] : NULL;
            used++;
            long long wv = arg_int(a);
            k += (size_t)snprintf(spec + k, sizeof spec - k, "%d", (int)(wv > PRINTF_MAX_WIDTH ? PRINTF_MAX_WIDTH : wv < -PRINTF_MAX_WIDTH ? -PRINTF_MAX_WIDTH : wv));
            p++;
        } else {
            const char *ws = p;
            while (isdigit((unsigned char)*p) && k < 40)
                spec[k++] = *p++;
            if (p - ws > 7 || atoi(ws) > PRINTF_MAX_WIDTH) {
                sh_err("printf: %.*s: width too large (at most %d)", (int)(p - ws), ws, PRINTF_MAX_WIDTH);
                printf_rc = 1;
                *stop = 1;
                return used;
            }
        }
        if (*p == '.') {
            spec[k++] = *p++;
            if (*p == '*') {
                const char *a = used < argc ? argv[used] : NULL;
                used++;
                long long pv = arg_int(a);
                k += (size_t)snprintf(spec + k, sizeof spec - k, "%d", (int)(pv > PRINTF_MAX_WIDTH ? PRINTF_MAX_WIDTH : pv));
                p++;
            } else {
                const char *ps = p;
                while (isdigit((unsigned char)*p) && k < 50)
                    spec[k++] = *p++;
                if (p - ps > 7 || atoi(ps) > PRINTF_MAX_WIDTH) {
                    sh_err("printf: %.*s: precision too large (at most %d)", (int)(p - ps), ps, PRINTF_MAX_WIDTH);
                    printf_rc = 1;
                    *stop = 1;
                    return used;
                }
            }
        }
        while (*p && strchr("hlLjzt", *p))
            p++;
        char conv = *p;
        if (!conv) {
            sb_addn(out, spec, k);
            break;
        }
        const char *a = used < argc ? argv[used] : NULL;
        used++;
        switch (conv) {
        case 'd': case 'i': {
            spec[k++] = 'l';
            spec[k++] = 'l';
            spec[k++] = 'd';
            spec[k] = 0;
            long long v = arg_int(a);
            sb_fmt(out, spec, v);
            break;
        }
        case 'u': case 'x': case 'X': case 'o': {
            spec[k++] = 'l';
            spec[k++] = 'l';
            spec[k++] = conv;
            spec[k] = 0;
            unsigned long long v = (unsigned long long)arg_int(a);
            sb_fmt(out, spec, v);
            break;
        }
        case 'c':
            spec[k++] = 'c';
            spec[k] = 0;
            if (a && *a) {
                sb_fmt(out, spec, a[0]);
            } else if (a) {
                /* %c of an empty argument prints nothing (but the padding) */
                spec[k - 1] = 's';
                sb_fmt(out, spec, "");
            }
            break;
        case 's': case 'b': case 'q': {
            char *val;
            if (conv == 'b') {
                struct sbuf eb = {0};
                int st = 0;
                if (a)
                    st = (sb_adds(&eb, ""), 0);
                if (a) {
                    /* %b: echo -e escapes, \0nnn octal */
                    for (const char *s = a; *s; s++) {
                        if (*s == '\\' && s[1] == 'c') {
                            *stop = 1;
                            break;
                        }
                        if (*s == '\\' && s[1] == '0') {
                            int v = 0, n = 0;
                            s++;
                            while (n < 3 && s[1] >= '0' && s[1] <= '7') {
                                v = v * 8 + (*++s - '0');
                                n++;
                            }
                            sb_addc(&eb, (char)v);
                            continue;
                        }
                        if (*s == '\\' && s[1] >= '1' && s[1] <= '7') {
                            int v = 0, n = 0;
                            while (n < 3 && s[1] >= '0' && s[1] <= '7') {
                                v = v * 8 + (*++s - '0');
                                n++;
                            }
                            sb_addc(&eb, (char)v);
                            continue;
                        }
                        if (*s == '\\' && s[1]) {
                            char two[3] = {'\\', s[1], 0};
                            struct sbuf one = {0};
                            extern int echo_escapes_pub(struct sbuf *, const char *);
                            echo_escapes_pub(&one, two);
                            sb_addn(&eb, one.s ? one.s : "", one.n);
                            sb_free(&one);
                            s++;
                            continue;
                        }
                        sb_addc(&eb, *s);
                    }
                }
                (void)st;
                val = sb_take(&eb);
            } else if (conv == 'q') {
                val = quote_backslash(a ? a : "");
            } else {
                val = xstrdup(a ? a : "");
            }
            spec[k++] = 's';
            spec[k] = 0;
            sb_fmt(out, spec, val);
            free(val);
            if (*stop)
                return used;
            break;
        }
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
            spec[k++] = conv;
            spec[k] = 0;
            double v = arg_double(a);
            sb_fmt(out, spec, v);
            break;
        }
        default:
            sh_err("printf: `%c': invalid format character", conv);
            printf_rc = 1;
            *stop = 1;
            return used;
        }
    }
    return used;
}

int echo_escapes_pub(struct sbuf *b, const char *s);
int echo_escapes_pub(struct sbuf *b, const char *s) { return echo_escapes(b, s); }

/* The whole printf: the format is reused while arguments remain. */
int printf_format(struct sbuf *out, int argc, char **argv)
{
    printf_rc = 0;
    const char *fmt = argv[0];
    int i = 1;
    int stop = 0;
    for (;;) {
        int used = format_once(out, fmt, argc - i, argv + i, &stop);
        if (stop)
            break;
        /* count only real conversions */
        int real = 0;
        for (const char *p = fmt; *p; p++)
            if (*p == '%' && p[1] && p[1] != '%')
                real = 1;
            else if (*p == '%' && p[1] == '%')
                p++;
        i += used;
        if (!real || i >= argc || used == 0)
            break;
    }
    return printf_rc;
}

int bi_printf(int argc, char **argv)
{
    int i = 1;
    const char *var = NULL;
    if (i < argc && !strcmp(argv[i], "-v")) {
        if (i + 1 >= argc) {
            sh_err("printf: -v: option requires an argument");
            return 2;
        }
        var = argv[i + 1];
        i += 2;
    }
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    if (i >= argc) {
        out_str(2, "printf: usage: printf [-v var] format [arguments]\n");
        return 2;
    }
    struct sbuf out = {0};
    int rc = printf_format(&out, argc - i, argv + i);
    if (var) {
        const char *br = strchr(var, '[');
        if (br && var[strlen(var) - 1] == ']') {
            char *name = xstrndup(var, (size_t)(br - var));
            char *sub = xstrndup(br + 1, strlen(br + 1) - 1);
            rc |= var_assign_elem(name, sub, out.s ? out.s : "", 0);
            free(name);
            free(sub);
        } else if (!valid_name(var)) {
            sh_err("printf: `%s': not a valid identifier", var);
            rc = 2;
        } else {
            rc |= var_set(var, out.s ? out.s : "", 0);
        }
    } else if (out.n) {
        if (write_checked(1, out.s, out.n, "printf"))
            rc = 1;
    }
    sb_free(&out);
    return rc;
}

/* ------------------------------------------------------------ read */
static int is_ifs_white(char c, const char *ifs)
{
    return (c == ' ' || c == '\t' || c == '\n') && strchr(ifs, c);
}

int bi_read(int argc, char **argv)
{
    int raw = 0, i = 1, fd = 0, delim = '\n', silent = 0;
    long nchars = -1;
    const char *arr = NULL, *prompt = NULL;
    int exact = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        for (const char *c = a + 1; *c; c++) {
            const char *val = NULL;
            if (strchr("adnNptu", *c)) {
                if (c[1]) {
                    val = c + 1;
                } else if (i + 1 < argc) {
                    val = argv[++i];
                } else {
                    sh_err("read: -%c: option requires an argument", *c);
                    return 2;
                }
            }
            switch (*c) {
            case 'r': raw = 1; break;
            case 's': silent = 1; break;
            case 'e': break;
            case 'a': arr = val; break;
            case 'd': delim = val[0] ? (unsigned char)val[0] : 0; break;
            case 'n': nchars = atol(val); break;
            case 'N': nchars = atol(val); exact = 1; break;
            case 'p': prompt = val; break;
            case 't': break;
            case 'u': fd = atoi(val); break;
            default:
                sh_err("read: -%c: invalid option", *c);
                return 2;
            }
            if (val)
                break;
        }
    }
    (void)silent;
    if (prompt)
        out_str(2, prompt);
    struct sbuf line = {0};
    int got_delim = 0;
    int any;
    /* read the line, handling backslash-newline continuation unless -r */
    for (;;) {
        size_t before = line.n;
        any = read_line_fd(fd, &line, delim, &got_delim, nchars);
        (void)before;
        if (!raw && got_delim && line.n > 0 && line.s[line.n - 1] == '\\' && delim == '\n') {
            /* count trailing backslashes */
            size_t bs = 0;
            for (size_t k = line.n; k > 0 && line.s[k - 1] == '\\'; k--)
                bs++;
            if (bs % 2 == 1) {
                line.s[--line.n] = 0;
                continue;
            }
        }
        break;
    }
    int rc = (!got_delim && !(nchars >= 0 && (long)line.n >= nchars)) ? 1 : 0;
    if (!any && !line.n)
        rc = 1;
    const char *ifs = var_str("IFS");
    if (!ifs)
        ifs = " \t\n";
    char *s = line.s ? line.s : "";
    /* process backslashes (not -r): \x -> x, marking escaped chars */
    size_t n = line.n;
    char *text = xmalloc(n + 1);
    char *esc = xmalloc(n + 1);
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (!raw && s[k] == '\\' && k + 1 < n) {
            text[m] = s[++k];
            esc[m++] = 1;
        } else if (!raw && s[k] == '\\') {
            continue;
        } else {
            text[m] = s[k];
            esc[m++] = 0;
        }
    }
    text[m] = 0;
    if (exact) {
        var_set(i < argc ? argv[i] : "REPLY", text, 0);
        free(text);
        free(esc);
        sb_free(&line);
        return rc;
    }
    int nnames = argc - i;
    if (arr) {
        struct var *v = var_get(arr);
        if (!v || !(v->flags & V_ARRAY)) {
            var_unset(arr);
            var_set(arr, "", V_ARRAY);
            v = var_get(arr);
        }
        arr_clear(v);
        v->flags = (v->flags | V_ARRAY) & ~V_UNSET;
        free(v->str);
        v->str = NULL;
        size_t k = 0;
        long idx = 0;
        while (k < m) {
            while (k < m && !esc[k] && is_ifs_white(text[k], ifs))
                k++;
            if (k >= m)
                break;
            struct sbuf f = {0};
            while (k < m && (esc[k] || !strchr(ifs, text[k])))
                sb_addc(&f, text[k++]);
            arr_set(v, idx++, sb_take(&f));
            if (k < m && !is_ifs_white(text[k], ifs))
                k++;
            while (k < m && !esc[k] && is_ifs_white(text[k], ifs))
                k++;
            if (k < m && !esc[k] && strchr(ifs, text[k]) && !is_ifs_white(text[k], ifs)) {
            }
        }
        free(text);
        free(esc);
        sb_free(&line);
        return rc;
    }
    if (nnames <= 0) {
        var_set("REPLY", text, 0);
        free(text);
        free(esc);
        sb_free(&line);
        return rc;
    }
    size_t k = 0;
    /* leading IFS whitespace is skipped */
    while (k < m && !esc[k] && is_ifs_white(text[k], ifs))
        k++;
    for (int f = 0; f < nnames; f++) {
        const char *name = argv[i + f];
        if (!valid_name(name)) {
            sh_err("read: `%s': not a valid identifier", name);
            rc = 1;
            break;
        }
        struct sbuf val = {0};
        if (f == nnames - 1) {
            /* the rest of the line, minus trailing IFS whitespace */
            size_t end = m;
            while (end > k && !esc[end - 1] && is_ifs_white(text[end - 1], ifs))
                end--;
            /* a single trailing non-white IFS char is dropped as a separator */
            size_t start = k;
            sb_addn(&val, text + start, end - start);
            /* if the remainder is exactly one field followed by a non-white separator, drop it */
            if (end > start && !esc[end - 1] && strchr(ifs, text[end - 1]) && !is_ifs_white(text[end - 1], ifs)) {
                int only_one = 1;
                for (size_t q = start; q + 1 < end; q++)
                    if (!esc[q] && strchr(ifs, text[q]))
                        only_one = 0;
                if (only_one)
                    val.s[--val.n] = 0;
            }
            k = m;
        } else {
            while (k < m && (esc[k] || !strchr(ifs, text[k])))
                sb_addc(&val, text[k++]);
            /* skip the separator: whitespace run, at most one non-white char */
            while (k < m && !esc[k] && is_ifs_white(text[k], ifs))
                k++;
            if (k < m && !esc[k] && strchr(ifs, text[k])) {
                k++;
                while (k < m && !esc[k] && is_ifs_white(text[k], ifs))
                    k++;
            }
        }
        if (var_set(name, val.s ? val.s : "", 0))
            rc = 1;
        sb_free(&val);
    }
    free(text);
    free(esc);
    sb_free(&line);
    return rc;
}

/* ------------------------------------------------------------ mapfile */
int bi_mapfile(int argc, char **argv)
{
    int i = 1, strip = 0, fd = 0, delim = '\n';
    long count = -1, origin = 0, skip = 0;
    int keep = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        char o = a[1];
        const char *val = a[2] ? a + 2 : (i + 1 < argc ? argv[i + 1] : NULL);
        int takes = strchr("dnOsuCc", o) != NULL;
        if (takes && !val) {
            sh_err("%s: -%c: option requires an argument", argv[0], o);
            return 2;
        }
        switch (o) {
        case 't': strip = 1; break;
        case 'd': delim = val[0] ? (unsigned char)val[0] : 0; break;
        case 'n': count = atol(val); break;
        case 'O': origin = atol(val); keep = 1; break;
        case 's': skip = atol(val); break;
        case 'u': fd = atoi(val); break;
        case 'C': case 'c': break;
        default:
            sh_err("%s: -%c: invalid option", argv[0], o);
            return 2;
        }
        if (takes && !a[2])
            i++;
    }
    const char *name = i < argc ? argv[i] : "MAPFILE";
    struct var *v = var_get(name);
    if (v && (v->flags & V_READONLY)) {
        sh_err("%s: readonly variable", name);
        return 1;
    }
    if (!v || !(v->flags & V_ARRAY)) {
        var_unset(name);
        var_set(name, "", V_ARRAY);
        v = var_get(name);
    }
    if (!keep)
        arr_clear(v);
    v->flags = (v->flags | V_ARRAY) & ~V_UNSET;
    free(v->str);
    v->str = NULL;
    long idx = origin, n = 0;
    for (;;) {
        if (count > 0 && n >= count)
            break;
        struct sbuf line = {0};
        int got;
        if (!read_line_fd(fd, &line, delim, &got, -1)) {
            sb_free(&line);
            break;
        }
        if (skip > 0) {
            skip--;
            sb_free(&line);
            continue;
        }
        if (got && !strip)
            sb_addc(&line, (char)delim);
        arr_set(v, idx++, sb_take(&line));
        n++;
    }
    return 0;
}
