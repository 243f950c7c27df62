/* date(1) as GNU coreutils' (ours, not toybox's): toybox parses absolute
 * dates only (its xparsedate), and agents write GNU's relative dates
 * ('2024-03-01 +14 days', '1 week ago', 'next monday'), GNU's format
 * flags (%-d, %_H, %3N, %::z) and -R / -I / --rfc-3339.  A hook in
 * toybox's date would have left only its option parsing, so the whole
 * command is here (own_date_parse.c holds the -d grammar).
 *
 * Time zones: the sandbox has no zone database.  TZ is read as a POSIX
 * fixed offset ("UTC0", "EST5", "JST-9", "<+0530>-5:30"); a DST rule
 * after it is ignored and a zone name (Europe/Paris) means UTC.  Without
 * TZ, local time is UTC. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "own_date.h"

static const char usage[] =
    "date [-uR] [-d STRING] [-r FILE] [-f FILE] [-I[FMT]] [--rfc-3339=FMT] [+FORMAT]";

static _Noreturn void die(const char *fmt, const char *arg)
{
    fflush(stdout);
    fputs("date: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static _Noreturn void usage_error(const char *fmt, const char *arg)
{
    fflush(stdout);
    fputs("date: ", stderr);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nusage: %s (date --help for more)\n", usage);
    exit(1);
}

static void help(void)
{
    printf("usage: %s\n\n"
           "Show the current time, or the one -d STRING describes, as +FORMAT says.\n\n"
           "-d, --date=STRING    a date as GNU date reads it: '2024-03-01 14:00',\n"
           "                     '2024-03-01T08:05:09Z', '@1709251200', '+2 hours',\n"
           "                     '2024-03-01 +14 days', '3 days ago', 'yesterday',\n"
           "                     'next monday', 'last friday', 'Mar 1 2024', ...\n"
           "-f, --file=FILE      like -d for each line of FILE\n"
           "-r, --reference=FILE the modification time of FILE\n"
           "-u, --utc            UTC (input and output)\n"
           "-R, --rfc-email      'Fri, 01 Mar 2024 00:00:00 +0000'\n"
           "-I[FMT], --iso-8601[=FMT]  FMT: date (default), hours, minutes, seconds, ns\n"
           "--rfc-3339=FMT       FMT: date, seconds, ns\n\n"
           "FORMAT: strftime's conversions plus GNU's: %%N nanoseconds (%%3N millis),\n"
           "%%s epoch seconds, %%:z %%::z %%:::z, %%q quarter, %%P am/pm; flags after %%:\n"
           "- no padding, _ pad with spaces, 0 pad with zeros, ^ upper case, # swap case,\n"
           "and a width (%%-d, %%_H, %%10s).\n\n"
           "The sandbox has no time zone database: TZ is read as a fixed offset\n"
           "(TZ=UTC0, TZ=EST5, TZ=JST-9); zone names and DST rules mean UTC.\n"
           "The clock cannot be set.\n", usage);
}

/* ---- time zones */

/* Reads a POSIX TZ ("NAME[+-]hh[:mm[:ss]]", name alphabetic or <quoted>).
 * West of Greenwich is positive in TZ, so the offset's sign flips. */
int wbtb_date_tz_parse(const char *tz, struct wbtb_date_zone *z)
{
    const char *p = tz, *name;
    size_t nlen;
    int sign = 1;
    long h = 0, m = 0, s = 0;

    z->offset = 0;
    snprintf(z->name, sizeof(z->name), "UTC");
    if (!p || !*p)
        return 0;
    if (*p == ':')
        p++;
    if (*p == '<') {
        name = ++p;
        while (*p && *p != '>')
            p++;
        if (!*p)
            return -1;
        nlen = (size_t)(p++ - name);
    } else {
        name = p;
        while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            p++;
        nlen = (size_t)(p - name);
        if (*p == '/' || *p == '_' || nlen < 3)
            return 0; /* a database name (Europe/Paris, UTC...): UTC */
    }
    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    if (*p < '0' || *p > '9')
        return 0; /* no offset (not POSIX): UTC */
    char *end;
    h = strtol(p, &end, 10);
    if (*end == ':') {
        m = strtol(end + 1, &end, 10);
        if (*end == ':')
            s = strtol(end + 1, &end, 10);
    }
    if (h > 24 || m > 59 || s > 59)
        return -1;
    z->offset = -sign * (h * 3600 + m * 60 + s);
    snprintf(z->name, sizeof(z->name), "%.*s", (int)(nlen < 15 ? nlen : 15), name);
    return 0;
}

/* ---- civil calendar (proleptic Gregorian; days since 1970-01-01) */

long long wbtb_date_days(long long y, long long m, long long d)
{
    long long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void wbtb_date_civil(long long days, long long *y, int *m, int *d)
{
    long long z = days + 719468, era, doe, yoe, doy, mp;

    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static long long floordiv(long long a, long long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Broken-down time of t (UTC seconds) in zone z. */
struct btime {
    long long year, t;
    int mon, mday, hour, min, sec, wday, yday;
    long nsec;
    const struct wbtb_date_zone *z;
};

static int wday_of(long long days);

static void breakdown(long long t, long nsec, const struct wbtb_date_zone *z, struct btime *b)
{
    long long local = t + z->offset, days = floordiv(local, 86400), secs = local - days * 86400;

    wbtb_date_civil(days, &b->year, &b->mon, &b->mday);
    b->hour = (int)(secs / 3600);
    b->min = (int)(secs / 60 % 60);
    b->sec = (int)(secs % 60);
    b->wday = wday_of(days);
    b->yday = (int)(days - wbtb_date_days(b->year, 1, 1));
    b->nsec = nsec;
    b->t = t;
    b->z = z;
}

static int wday_of(long long days)
{
    return (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
}

static int iso_weeks_in(long long y)
{
    int jan1 = wday_of(wbtb_date_days(y, 1, 1));
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return jan1 == 4 || (leap && jan1 == 3) ? 53 : 52;
}

/* ISO 8601 week-based year and week (%G, %V): weeks start on Monday, and
 * week 1 is the one with the year's first Thursday. */
static void iso_week(const struct btime *b, long long *year, int *week)
{
    int isowd = b->wday ? b->wday : 7;
    int w = (b->yday + 1 - isowd + 10) / 7;

    *year = b->year;
    if (w < 1) {
        *year = b->year - 1;
        w = iso_weeks_in(*year);
    } else if (w > iso_weeks_in(b->year)) {
        *year = b->year + 1;
        w = 1;
    }
    *week = w;
}

/* ---- output: strftime with GNU's flags */

struct out { char *s; size_t len, cap; };

static void put(struct out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        while (o->len + n + 1 > o->cap)
            o->cap = o->cap ? o->cap * 2 : 256;
        if (!(o->s = realloc(o->s, o->cap)))
            die("%s", "out of memory");
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = 0;
}

static const char *const wday_names[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
static const char *const mon_names[] = {"January", "February", "March", "April", "May",
                                        "June", "July", "August", "September", "October",
                                        "November", "December"};

/* One string conversion: pad (' ' unless flag '0'), case flags. */
static void put_str(struct out *o, const char *s, size_t n, int pad, int width, int upper,
                    int swap)
{
    char buf[64];
    n = n < sizeof(buf) ? n : sizeof(buf) - 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (upper || swap) {
            if (swap && c >= 'A' && c <= 'Z' && !upper)
                c = (char)(c - 'A' + 'a');
            else if (c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
        }
        buf[i] = c;
    }
    if (pad != '-')
        for (int w = (int)n; w < width; w++)
            put(o, pad == '0' ? "0" : " ", 1);
    put(o, buf, n);
}

/* One number: default padding defpad ('0' or '_') to defwidth digits. */
static void put_num(struct out *o, long long v, int pad, int width, int defpad, int defwidth)
{
    char digits[32];
    int neg = v < 0, n;
    unsigned long long u = neg ? 0ULL - (unsigned long long)v : (unsigned long long)v;

    n = snprintf(digits, sizeof(digits), "%llu", u);
    if (!pad)
        pad = defpad;
    if (width < 0)
        width = defwidth;
    if (pad == '-')
        width = 0;
    width -= neg;
    if (pad == '_') {
        for (int i = n; i < width; i++)
            put(o, " ", 1);
        if (neg)
            put(o, "-", 1);
    } else {
        if (neg)
            put(o, "-", 1);
        for (int i = n; i < width; i++)
            put(o, "0", 1);
    }
    put(o, digits, (size_t)n);
}

static void put_zone(struct out *o, long off, int colons)
{
    char buf[16];
    long a = off < 0 ? -off : off;
    int h = (int)(a / 3600), m = (int)(a / 60 % 60), s = (int)(a % 60);
    char sign = off < 0 ? '-' : '+';

    if (colons == 0)
        snprintf(buf, sizeof(buf), "%c%02d%02d", sign, h, m);
    else if (colons == 1)
        snprintf(buf, sizeof(buf), "%c%02d:%02d", sign, h, m);
    else if (colons == 2)
        snprintf(buf, sizeof(buf), "%c%02d:%02d:%02d", sign, h, m, s);
    else if (s)
        snprintf(buf, sizeof(buf), "%c%02d:%02d:%02d", sign, h, m, s);
    else if (m)
        snprintf(buf, sizeof(buf), "%c%02d:%02d", sign, h, m);
    else
        snprintf(buf, sizeof(buf), "%c%02d", sign, h);
    put(o, buf, strlen(buf));
}

static void format(struct out *o, const char *f, const struct btime *b);

static void format_sub(struct out *o, const char *sub, const struct btime *b, int pad,
                       int width, int upper)
{
    struct out tmp = {0};
    format(&tmp, sub, b);
    put_str(o, tmp.s ? tmp.s : "", tmp.len, pad ? pad : ' ', width, upper, 0);
    free(tmp.s);
}

static void format(struct out *o, const char *f, const struct btime *b)
{
    while (*f) {
        const char *start = f;
        int pad = 0, upper = 0, swap = 0, width = -1, colons = 0;
        if (*f != '%') {
            const char *e = strchr(f, '%');
            size_t n = e ? (size_t)(e - f) : strlen(f);
            put(o, f, n);
            f += n;
            continue;
        }
        f++;
        for (;; f++) {
            if (*f == '-' || *f == '_' || *f == '0' || *f == '+')
                pad = *f == '+' ? '0' : *f;
            else if (*f == '^')
                upper = 1;
            else if (*f == '#')
                swap = 1;
            else
                break;
        }
        if (*f >= '0' && *f <= '9') {
            width = 0;
            while (*f >= '0' && *f <= '9')
                width = width < 1000 ? width * 10 + (*f++ - '0') : width;
        }
        while (*f == ':')
            colons++, f++;
        if (*f == 'E' || *f == 'O')
            f++;
        if (colons && *f != 'z') {
            put(o, start, (size_t)(f - start));
            continue;
        }
        char c = *f ? *f++ : 0;
        long long iy;
        int iw;
        switch (c) {
        case 'a': put_str(o, wday_names[b->wday], 3, pad, width, upper || swap, 0); break;
        case 'A': put_str(o, wday_names[b->wday], strlen(wday_names[b->wday]), pad, width,
                          upper || swap, 0); break;
        case 'b': case 'h':
            put_str(o, mon_names[b->mon - 1], 3, pad, width, upper || swap, 0); break;
        case 'B': put_str(o, mon_names[b->mon - 1], strlen(mon_names[b->mon - 1]), pad, width,
                          upper || swap, 0); break;
        case 'c': format_sub(o, "%a %b %e %H:%M:%S %Y", b, pad, width, upper); break;
        case 'C': put_num(o, floordiv(b->year, 100), pad, width, '0', 2); break;
        case 'd': put_num(o, b->mday, pad, width, '0', 2); break;
        case 'D': format_sub(o, "%m/%d/%y", b, pad, width, upper); break;
        case 'e': put_num(o, b->mday, pad, width, '_', 2); break;
        case 'F': format_sub(o, "%Y-%m-%d", b, pad, width, upper); break;
        case 'g': iso_week(b, &iy, &iw); put_num(o, ((iy % 100) + 100) % 100, pad, width, '0', 2); break;
        case 'G': iso_week(b, &iy, &iw); put_num(o, iy, pad, width, '0', 1); break;
        case 'H': put_num(o, b->hour, pad, width, '0', 2); break;
        case 'I': put_num(o, (b->hour + 11) % 12 + 1, pad, width, '0', 2); break;
        case 'j': put_num(o, b->yday + 1, pad, width, '0', 3); break;
        case 'k': put_num(o, b->hour, pad, width, '_', 2); break;
        case 'l': put_num(o, (b->hour + 11) % 12 + 1, pad, width, '_', 2); break;
        case 'm': put_num(o, b->mon, pad, width, '0', 2); break;
        case 'M': put_num(o, b->min, pad, width, '0', 2); break;
        case 'n': put(o, "\n", 1); break;
        case 'N': {
            char ns[16];
            int digits = width > 0 ? width : 9;
            snprintf(ns, sizeof(ns), "%09ld", b->nsec);
            put(o, ns, (size_t)(digits < 9 ? digits : 9));
            for (int i = 9; i < digits; i++)
                put(o, "0", 1);
            break;
        }
        case 'p': put_str(o, b->hour < 12 ? (swap ? "am" : "AM") : (swap ? "pm" : "PM"), 2, pad,
                          width, upper, 0); break;
        case 'P': put_str(o, b->hour < 12 ? "am" : "pm", 2, pad, width, upper, 0); break;
        case 'q': put_num(o, (b->mon + 2) / 3, pad, width, '0', 1); break;
        case 'r': format_sub(o, "%I:%M:%S %p", b, pad, width, upper); break;
        case 'R': format_sub(o, "%H:%M", b, pad, width, upper); break;
        case 's': put_num(o, b->t, pad, width, '0', 1); break;
        case 'S': put_num(o, b->sec, pad, width, '0', 2); break;
        case 't': put(o, "\t", 1); break;
        case 'T': format_sub(o, "%H:%M:%S", b, pad, width, upper); break;
        case 'u': put_num(o, b->wday ? b->wday : 7, pad, width, '0', 1); break;
        case 'U': put_num(o, (b->yday + 7 - b->wday) / 7, pad, width, '0', 2); break;
        case 'V': iso_week(b, &iy, &iw); put_num(o, iw, pad, width, '0', 2); break;
        case 'w': put_num(o, b->wday, pad, width, '0', 1); break;
        case 'W': put_num(o, (b->yday + 7 - (b->wday + 6) % 7) / 7, pad, width, '0', 2); break;
        case 'x': format_sub(o, "%m/%d/%y", b, pad, width, upper); break;
        case 'X': format_sub(o, "%H:%M:%S", b, pad, width, upper); break;
        case 'y': put_num(o, ((b->year % 100) + 100) % 100, pad, width, '0', 2); break;
        case 'Y': put_num(o, b->year, pad, width, '0', 1); break;
        case 'z': put_zone(o, b->z->offset, colons); break;
        case 'Z': put_str(o, b->z->name, strlen(b->z->name), pad, width, upper, swap); break;
        case '%': put(o, "%", 1); break;
        default: put(o, start, (size_t)(f - start)); break;
        }
    }
}

/* ---- the command */

static int show(const char *fmt, long long t, long nsec, const struct wbtb_date_zone *z)
{
    struct btime b;
    struct out o = {0};

    breakdown(t, nsec, z, &b);
    format(&o, fmt, &b);
    put(&o, "\n", 1);
    fwrite(o.s, 1, o.len, stdout);
    free(o.s);
    return 0;
}

/* Matches a long option NAME (an unambiguous prefix is enough, as with
 * getopt_long) and returns its "=VALUE" part, "" without one, or NULL. */
static const char *long_opt(const char *arg, const char *name, size_t minlen)
{
    size_t n = strcspn(arg, "=");
    if (n < minlen || n > strlen(name) || strncmp(arg, name, n))
        return NULL;
    return arg + n;
}

/* An argument of -I / --iso-8601 / --rfc-3339: a prefix of one of words. */
static int pick(const char *v, const char *const *words, const char *opt)
{
    size_t n = strlen(v);
    for (int i = 0; words[i]; i++)
        if (n && !strncmp(v, words[i], n))
            return i;
    fflush(stdout);
    fprintf(stderr, "date: invalid argument '%s' for '%s'\nValid arguments are:", v, opt);
    for (int i = 0; words[i]; i++)
        fprintf(stderr, " '%s'", words[i]);
    fputc('\n', stderr);
    exit(1);
}

int wbtb_own_date(int argc, char **argv)
{
    static const char *const iso_words[] = {"date", "hours", "minutes", "seconds", "ns", NULL};
    static const char *const iso_fmts[] = {"%Y-%m-%d", "%Y-%m-%dT%H%:z", "%Y-%m-%dT%H:%M%:z",
                                           "%Y-%m-%dT%H:%M:%S%:z", "%Y-%m-%dT%H:%M:%S,%N%:z"};
    static const char *const rfc_words[] = {"date", "seconds", "ns", NULL};
    static const char *const rfc_fmts[] = {"%Y-%m-%d", "%Y-%m-%d %H:%M:%S%:z",
                                           "%Y-%m-%d %H:%M:%S.%N%:z"};
    const char *date = NULL, *file = NULL, *ref = NULL, *fmt = NULL, *set = NULL;
    int utc = 0, nfmt = 0, i;
    struct wbtb_date_zone zone;

    /* Options may follow operands (`date +%F -d yesterday`), as with
     * GNU's getopt; "--" ends them. */
    char **operands = calloc((size_t)argc + 1, sizeof(*operands));
    int nops = 0, dashdash = 0;
    if (!operands)
        die("%s", "out of memory");
    for (i = 1; i < argc; i++) {
        char *a = argv[i];
        const char *v;
        if (dashdash || a[0] != '-' || !a[1]) {
            operands[nops++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            dashdash = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *l = a + 2;
#define NEEDARG(opt) \
    (*v == '=' ? v + 1 : (i + 1 < argc ? argv[++i] : (usage_error("option '--%s' needs an argument", opt), "")))
            if (!strcmp(l, "help")) {
                help();
                return 0;
            } else if (!strcmp(l, "version")) {
                puts("date (wasmbox) GNU-compatible");
                return 0;
            } else if ((v = long_opt(l, "date", 1))) {
                date = NEEDARG("date");
            } else if ((v = long_opt(l, "file", 1))) {
                file = NEEDARG("file");
            } else if ((v = long_opt(l, "reference", 3))) {
                ref = NEEDARG("reference");
            } else if ((v = long_opt(l, "set", 2))) {
                set = NEEDARG("set");
            } else if ((v = long_opt(l, "utc", 2)) || (v = long_opt(l, "universal", 2))) {
                utc = 1;
            } else if ((v = long_opt(l, "rfc-email", 5)) || (v = long_opt(l, "rfc-2822", 5)) ||
                       (v = long_opt(l, "rfc-822", 5))) {
                fmt = "%a, %d %b %Y %H:%M:%S %z", nfmt++;
            } else if ((v = long_opt(l, "rfc-3339", 5))) {
                if (*v != '=')
                    usage_error("option '--%s' needs an argument: date, seconds or ns", "rfc-3339");
                fmt = rfc_fmts[pick(v + 1, rfc_words, "--rfc-3339")], nfmt++;
            } else if ((v = long_opt(l, "iso-8601", 1))) {
                fmt = iso_fmts[*v == '=' ? pick(v + 1, iso_words, "--iso-8601") : 0], nfmt++;
            } else if ((v = long_opt(l, "debug", 2))) {
                /* accepted; nothing to report */
            } else {
                usage_error("unknown option '%s'", a);
            }
#undef NEEDARG
            continue;
        }
        for (char *o = a + 1; *o; o++) {
            char *arg = NULL;
            if (strchr("dfrsI", *o)) {
                if (*o == 'I') {
                    fmt = iso_fmts[o[1] ? pick(o + 1, iso_words, "--iso-8601") : 0], nfmt++;
                    break;
                }
                if (o[1])
                    arg = o + 1;
                else if (i + 1 < argc)
                    arg = argv[++i];
                else {
                    char opt[2] = {*o, 0};
                    usage_error("option '-%s' needs an argument", opt);
                }
                if (*o == 'd') date = arg;
                else if (*o == 'f') file = arg;
                else if (*o == 'r') ref = arg;
                else set = arg;
                break;
            } else if (*o == 'u') {
                utc = 1;
            } else if (*o == 'R') {
                fmt = "%a, %d %b %Y %H:%M:%S %z", nfmt++;
            } else {
                char opt[2] = {*o, 0};
                usage_error("unknown option '-%s'", opt);
            }
        }
    }
    for (i = 0; i < nops; i++) {
        if (operands[i][0] == '+' && !fmt) {
            fmt = operands[i] + 1, nfmt++;
        } else if (operands[i][0] == '+') {
            die("%s", "multiple output formats specified");
        } else if (!set && !date && !file && !ref && i + 1 == nops) {
            set = operands[i];
        } else {
            die("extra operand '%s'", operands[i]);
        }
    }
    if (nfmt > 1)
        die("%s", "multiple output formats specified");
    if ((date != NULL) + (file != NULL) + (ref != NULL) > 1)
        die("%s", "the options to specify dates for printing are mutually exclusive");
    if (set)
        die("cannot set the date to '%s': the sandbox's clock is read-only", set);
    if (!fmt)
        fmt = "%a %b %e %H:%M:%S %Z %Y";

    if (utc) {
        zone.offset = 0;
        strcpy(zone.name, "UTC");
    } else if (wbtb_date_tz_parse(getenv("TZ"), &zone)) {
        zone.offset = 0;
        strcpy(zone.name, "UTC");
    }

    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (ref) {
        struct stat st;
        if (stat(ref, &st)) {
            fflush(stdout);
            fprintf(stderr, "date: %s: %s\n", ref, strerror(errno));
            return 1;
        }
        return show(fmt, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, &zone);
    }
    if (file) {
        FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        int rc = 0;
        if (!f) {
            fflush(stdout);
            fprintf(stderr, "date: %s: %s\n", file, strerror(errno));
            return 1;
        }
        while ((n = getline(&line, &cap, f)) >= 0) {
            long long t;
            long ns;
            if (n && line[n - 1] == '\n')
                line[--n] = 0;
            if (wbtb_date_parse(line, now.tv_sec, now.tv_nsec, &zone, &t, &ns)) {
                fflush(stdout);
                fprintf(stderr, "date: invalid date '%s'\n", line);
                rc = 1;
                continue;
            }
            show(fmt, t, ns, &zone);
        }
        return rc;
    }
    if (date) {
        long long t;
        long ns;
        if (wbtb_date_parse(date, now.tv_sec, now.tv_nsec, &zone, &t, &ns))
            die("invalid date '%s'", date);
        return show(fmt, t, ns, &zone);
    }
    return show(fmt, now.tv_sec, now.tv_nsec, &zone);
}
