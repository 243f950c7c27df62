/* seq(1) as GNU coreutils' (ours, not toybox's): toybox's seq adds the
 * step in floating point (`seq 0.1 0.2 0.7` stopped at 0.5) and pads
 * `seq -s+ 1 100` with zeros.  As GNU: the Nth number is FIRST + N*STEP;
 * the precision is the most decimals of FIRST and STEP; -w pads to the
 * widest of FIRST and LAST; a number just past LAST that prints as LAST
 * is printed (rounding).  Integer operands count exactly in 64 bits. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "seq [-w] [-f FORMAT] [-s STRING] [FIRST [INCREMENT]] LAST";

static _Noreturn void fail(const char *fmt, const char *arg)
{
    fflush(stdout);
    fputs("seq: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'seq --help' for more information.\n", stderr);
    exit(1);
}

struct operand {
    double value;
    long long ivalue;
    int is_int;     /* digits only (and a sign): counted exactly */
    int precision;  /* decimals; -1: unknown (use %g) */
    int width;      /* as printed, for -w */
};

static struct operand scan(const char *arg)
{
    struct operand o = {0};
    char *end;
    const char *p = arg, *dot, *e;

    errno = 0;
    o.value = strtod(arg, &end);
    if (end == arg || *end || isnan(o.value))
        fail("invalid floating point argument: '%s'", arg);
    while (isspace((unsigned char)*p) || *p == '+')
        p++;
    o.width = (int)strlen(p);
    o.precision = -1;
    if (!p[strcspn(p, "xX")] && isfinite(o.value)) {
        dot = strchr(p, '.');
        if (!dot) {
            o.precision = 0;
        } else {
            int frac = (int)strcspn(dot + 1, "eE");
            o.precision = frac;
            o.width += frac == 0 ? -1 : (dot == p || !isdigit((unsigned char)dot[-1]));
        }
        if ((e = strpbrk(p, "eE"))) {
            long x = strtol(e + 1, NULL, 10);
            o.precision += x < 0 ? (int)-x : -(int)(o.precision < x ? o.precision : x);
            o.width -= (int)(strlen(p) - (size_t)(e - p));
            if (x < 0) {
                if (dot) {
                    if (e == dot + 1)
                        o.width++;
                } else {
                    o.width++;
                }
                x = -x;
            } else if (dot && o.precision == 0 && x) {
                o.width--;
            }
            o.width += (int)x;
        }
    }
    /* Exact integers: [+-]digits within 64 bits. */
    {
        const char *q = arg + (*arg == '-' || *arg == '+');
        if (*q && strspn(q, "0123456789") == strlen(q)) {
            errno = 0;
            long long v = strtoll(arg, &end, 10);
            if (!errno && !*end && v <= 4000000000000000000LL && v >= -4000000000000000000LL) {
                o.is_int = 1;
                o.ivalue = v;
            }
        }
    }
    return o;
}

/* -f FORMAT: one %[flags][width][.prec]{aAeEfFgG}, any number of %%. */
static void check_format(const char *f)
{
    int n = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        p += strspn(p, "'-+ #0");
        p += strspn(p, "0123456789");
        if (*p == '.')
            p += 1 + strspn(p + 1, "0123456789");
        if (!*p || !strchr("aAeEfFgG", *p)) {
            char conv[2] = {*p, 0};
            fflush(stdout);
            fprintf(stderr, "seq: format '%s' has unknown %%%s directive\n", f, conv);
            exit(1);
        }
        n++;
    }
    if (n != 1) {
        fflush(stdout);
        fprintf(stderr, "seq: format '%s' has %s %% directive%s\n", f, n ? "too many" : "no",
                n ? "s" : "");
        exit(1);
    }
}

static char *fmt_num(const char *fmt, double x)
{
    char probe[1];
    if (!fmt)
        fmt = "%g";
    int n = snprintf(probe, sizeof(probe), fmt, x);
    char *s = malloc((size_t)n + 1);
    if (!s) {
        fputs("seq: out of memory\n", stderr);
        exit(1);
    }
    snprintf(s, (size_t)n + 1, fmt, x);
    return s;
}

static void help(void)
{
    printf("usage: %s\n\n"
           "Print numbers from FIRST (default 1) to LAST, INCREMENT apart (default 1).\n\n"
           "-f, --format=FORMAT     printf format for one floating-point number (%%g, %%.2f, ...)\n"
           "-s, --separator=STRING  between numbers (default: newline)\n"
           "-w, --equal-width       pad with leading zeros to the same width\n", usage);
}

int wbtb_own_seq(int argc, char **argv)
{
    const char *format = NULL, *sep = "\n";
    int wide = 0, i;
    struct operand first, step, last;
    char fmtbuf[64];

    for (i = 1; i < argc; i++) {
        char *a = argv[i];
        /* A negative number is an operand, and so is all that follows. */
        if (a[0] != '-' || !a[1] || a[1] == '.' || isdigit((unsigned char)a[1]))
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "--help")) {
            help();
            return 0;
        } else if (!strcmp(a, "--equal-width")) {
            wide = 1;
        } else if (!strncmp(a, "--separator", 11) && (a[11] == '=' || !a[11])) {
            if (a[11]) sep = a + 12;
            else if (i + 1 < argc) sep = argv[++i];
            else fail("option '%s' requires an argument", a);
        } else if (!strncmp(a, "--format", 8) && (a[8] == '=' || !a[8])) {
            if (a[8]) format = a + 9;
            else if (i + 1 < argc) format = argv[++i];
            else fail("option '%s' requires an argument", a);
        } else if (a[1] == '-') {
            fail("unrecognized option '%s'", a);
        } else {
            for (char *o = a + 1; *o; o++) {
                if (*o == 'w') {
                    wide = 1;
                } else if (*o == 's' || *o == 'f') {
                    const char *v = o[1] ? o + 1 : (i + 1 < argc ? argv[++i] : NULL);
                    if (!v) {
                        char opt[2] = {*o, 0};
                        fail("option requires an argument -- '%s'", opt);
                    }
                    if (*o == 's') sep = v;
                    else format = v;
                    break;
                } else {
                    char opt[2] = {*o, 0};
                    fail("invalid option -- '%s'", opt);
                }
            }
        }
    }
    argc -= i;
    argv += i;
    if (argc < 1)
        fail("%s", "missing operand");
    if (argc > 3)
        fail("extra operand '%s'", argv[3]);
    if (format && wide) {
        fflush(stdout);
        fputs("seq: format string may not be specified when printing equal width strings\n"
              "Try 'seq --help' for more information.\n", stderr);
        exit(1);
    }
    if (format)
        check_format(format);
    last = scan(argv[argc - 1]);
    first = argc > 1 ? scan(argv[0]) : scan("1");
    step = argc > 2 ? scan(argv[1]) : scan("1");
    if (step.value == 0)
        fail("invalid Zero increment value: '%s'", argv[1]);

    int prec = first.precision > step.precision ? first.precision : step.precision;
    if (first.precision < 0 || step.precision < 0)
        prec = -1;
    int width = 0;
    if (!format && prec >= 0 && last.precision >= 0 && wide) {
        int fw = first.width + (prec - first.precision), lw = last.width + (prec - last.precision);
        if (last.precision && prec == 0)
            lw--;
        if (last.precision == 0 && prec)
            lw++;
        if (first.precision == 0 && prec)
            fw++;
        width = fw > lw ? fw : lw;
    }

    if (!format && prec == 0 && first.is_int && step.is_int && last.is_int) {
        long long x = first.ivalue, s = step.ivalue, l = last.ivalue;
        if (s > 0 ? x > l : x < l)
            return 0;
        for (;;) {
            printf("%0*lld", width, x);
            if (s > 0 ? l - x < s : x - l < -s)
                break;
            x += s;
            fputs(sep, stdout);
        }
        fputs("\n", stdout);
        return 0;
    }

    if (format)
        ;
    else if (prec < 0 || last.precision < 0)
        format = "%g";
    else if (wide)
        snprintf(fmtbuf, sizeof(fmtbuf), "%%0%d.%df", width, prec), format = fmtbuf;
    else
        snprintf(fmtbuf, sizeof(fmtbuf), "%%.%df", prec), format = fmtbuf;

    double f = first.value, s = step.value, l = last.value, x = f;
    if (s < 0 ? f < l : l < f)
        return 0;
    for (double n = 1;; n++) {
        double x0 = x;
        printf(format, x);
        x = f + n * s;
        if (s < 0 ? x < l : l < x) {
            /* Just past LAST by rounding: print it if it looks like LAST. */
            char *xs = fmt_num(format, x), *x0s;
            int extra = 0;
            if (strtod(xs, NULL) == l) {
                x0s = fmt_num(format, x0);
                extra = strcmp(x0s, xs) != 0;
                free(x0s);
            }
            free(xs);
            if (!extra)
                break;
            fputs(sep, stdout);
            printf(format, x);
            break;
        }
        fputs(sep, stdout);
    }
    fputs("\n", stdout);
    return 0;
}
