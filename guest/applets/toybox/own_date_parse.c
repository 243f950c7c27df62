/* The -d STRING grammar of GNU date (gnulib's parse-datetime), the parts
 * agents write:
 *   @EPOCH[.FRAC]                     alone
 *   2024-03-01, 2024-3-1, 03/01/2024, 2024/03/01, 20240301,
 *   1 Mar 2024, 01-Mar-2024, Mar 1 2024, March 1, 2024
 *   14:00, 14:00:05.5, 2pm, 2:30 pm, 2024-03-01T14:00:05Z
 *   zones: Z UTC GMT UT, EST EDT CST CDT MST MDT PST PDT, +0200 +02:00 -5
 *   relative: [+-]N UNIT (year month fortnight week day hour minute min
 *     second sec, plural or not), UNIT alone, N UNIT ago, next/last/this
 *     UNIT, yesterday tomorrow today now
 *   weekdays: monday, mon, next monday, last friday
 *   TZ="UTC0" prefix: the zone of the input
 * Combination follows parse-datetime: the absolute parts give a date and
 * time (the time of day is midnight unless a time, or only relative
 * items, were given); a weekday moves forward to that day; then years,
 * months and days are added on the calendar (Jan 31 + 1 month = Mar 2, as
 * mktime normalises); hours, minutes and seconds are added last. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "own_date.h"

enum { R_YEAR, R_MON, R_DAY, R_HOUR, R_MIN, R_SEC, NREL };

struct pc {
    const char *p;
    int dates_seen, times_seen, days_seen, rels_seen, zones_seen, year_seen;
    long long year;
    int year_digits, mon, mday, hour, min, sec, meridian; /* 1 am, 2 pm */
    long nsec, zone;
    int day_ordinal, day_number;
    long long rel[NREL];
    int last_rel, last_rel_ok; /* for "ago" */
    int overflow;              /* a relative amount past 64 bits */
    long long last_rel_n;
};

static void skip(struct pc *c)
{
    while (*c->p && (isspace((unsigned char)*c->p) || *c->p == ','))
        c->p++;
}

/* Digits at p: the value (saturating) and their count. */
static long long number(const char **p, int *ndigits)
{
    long long v = 0;
    int n = 0;
    while (isdigit((unsigned char)**p)) {
        if (v < 100000000000000000LL)
            v = v * 10 + (**p - '0');
        (*p)++, n++;
    }
    if (ndigits)
        *ndigits = n;
    return v;
}

/* A word at p (letters and dots), lowercased without dots, into w. */
static size_t word(const char *p, char *w, size_t cap, size_t *used)
{
    size_t n = 0, i = 0;
    while (isalpha((unsigned char)p[i]) || (p[i] == '.' && i && isalpha((unsigned char)p[i - 1]))) {
        if (p[i] != '.' && n + 1 < cap)
            w[n++] = (char)tolower((unsigned char)p[i]);
        i++;
    }
    w[n] = 0;
    *used = i;
    return n;
}

static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december"};
static const char *const wdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday",
                                    "friday", "saturday"};

/* Full name, three-letter abbreviation, or one of GNU's extra ones. */
static int name_index(const char *w, const char *const *names, int n)
{
    size_t len = strlen(w);
    for (int i = 0; i < n; i++)
        if (!strcmp(w, names[i]) || (len == 3 && !strncmp(w, names[i], 3)))
            return i;
    if (names == months && !strcmp(w, "sept"))
        return 8;
    if (names == wdays) {
        if (!strcmp(w, "tues")) return 2;
        if (!strcmp(w, "wednes")) return 3;
        if (!strcmp(w, "thur") || !strcmp(w, "thurs")) return 4;
    }
    return -1;
}

/* A relative unit: its slot and multiplier; -1 if w is none. */
static int unit(const char *w, long long *mult)
{
    static const struct { const char *name; int slot; long long mult; } units[] = {
        {"year", R_YEAR, 1}, {"month", R_MON, 1}, {"fortnight", R_DAY, 14},
        {"week", R_DAY, 7}, {"day", R_DAY, 1}, {"hour", R_HOUR, 1}, {"minute", R_MIN, 1},
        {"min", R_MIN, 1}, {"second", R_SEC, 1}, {"sec", R_SEC, 1},
    };
    size_t len = strlen(w);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++) {
            size_t n = strlen(units[i].name);
            if ((pass == 0 && !strcmp(w, units[i].name)) ||
                (pass == 1 && len == n + 1 && w[n] == 's' && !strncmp(w, units[i].name, n))) {
                *mult = units[i].mult;
                return units[i].slot;
            }
        }
    }
    return -1;
}

static int zone_name(const char *w, long *off)
{
    static const struct { const char *name; int hours; } zones[] = {
        {"utc", 0}, {"gmt", 0}, {"ut", 0}, {"z", 0}, {"wet", 0}, {"est", -5}, {"edt", -4},
        {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7},
        {"cet", 1}, {"cest", 2}, {"eet", 2}, {"eest", 3}, {"bst", 1},
    };
    for (size_t i = 0; i < sizeof(zones) / sizeof(*zones); i++)
        if (!strcmp(w, zones[i].name)) {
            *off = zones[i].hours * 3600L;
            return 0;
        }
    return -1;
}

static int ordinal(const char *w, int *n)
{
    static const char *const words[] = {"last", "this", "next", "first", NULL, "third",
                                        "fourth", "fifth", "sixth", "seventh", "eighth",
                                        "ninth", "tenth", "eleventh", "twelfth"};
    for (int i = 0; i < (int)(sizeof(words) / sizeof(*words)); i++)
        if (words[i] && !strcmp(w, words[i])) {
            *n = i <= 2 ? i - 1 : i - 2;
            return 0;
        }
    return -1;
}

static void add_rel(struct pc *c, int slot, long long n)
{
    if (__builtin_add_overflow(c->rel[slot], n, &c->rel[slot]))
        c->overflow = 1;
    c->rels_seen = 1;
    c->last_rel = slot;
    c->last_rel_n = n;
    c->last_rel_ok = 1;
}

/* After a number or ordinal: a unit word (skipping blanks) adds n units. */
static int try_unit(struct pc *c, long long n)
{
    const char *q = c->p;
    char w[32];
    size_t used;
    long long mult;
    int slot;

    while (*q == ' ' || *q == '\t')
        q++;
    if (!word(q, w, sizeof(w), &used) || (slot = unit(w, &mult)) < 0)
        return 0;
    if (__builtin_mul_overflow(n, mult, &n))
        c->overflow = 1;
    add_rel(c, slot, n);
    c->p = q + used;
    return 1;
}

/* Fraction of a second after '.' or ',' at p: nanoseconds. */
static long fraction(const char **p)
{
    long ns = 0;
    int n = 0;
    if ((**p != '.' && **p != ',') || !isdigit((unsigned char)(*p)[1]))
        return 0;
    for ((*p)++; isdigit((unsigned char)**p); (*p)++, n++)
        if (n < 9)
            ns = ns * 10 + (**p - '0');
    for (; n < 9; n++)
        ns *= 10;
    return ns;
}

/* A zone offset at p: +hh, +hhmm, +hh:mm (sign included). */
static int zone_offset(struct pc *c)
{
    const char *q = c->p;
    int sign = *q == '-' ? -1 : 1, nd, nd2;
    long long h, m = 0;

    q++;
    q += strspn(q, " \t"); /* GNU's tokens may have blanks between: '+ 8 : 8' */
    h = number(&q, &nd);
    if (nd == 0 || nd > 4)
        return -1;
    if (nd > 2) {
        m = h % 100;
        h /= 100;
    } else if (q[strspn(q, " \t")] == ':' && isdigit((unsigned char)q[strspn(q, " \t") + 1 + strspn(q + strspn(q, " \t") + 1, " \t")])) {
        q += strspn(q, " \t") + 1;
        q += strspn(q, " \t");
        m = number(&q, &nd2);
        if (nd2 < 1 || nd2 > 2)
            return -1;
    }
    if (h > 24 || m > 59 || c->zones_seen)
        return -1;
    c->zone = sign * (long)(h * 3600 + m * 60);
    c->zones_seen = 1;
    c->p = q;
    return 0;
}

/* hh:mm[:ss[.frac]] at p (hour already read), then am/pm. */
static int time_of_day(struct pc *c, long long hour)
{
    const char *q = c->p;
    int nd;

    if (c->times_seen || hour > 99)
        return -1;
    c->hour = (int)hour;
    q++; /* ':' */
    c->min = (int)number(&q, &nd);
    if (nd != 2)
        return -1;
    if (*q == ':') {
        q++;
        c->sec = (int)number(&q, &nd);
        if (nd != 2)
            return -1;
        c->nsec = fraction(&q);
    }
    c->times_seen = 1;
    c->p = q;
    /* A signed number right after the time is its zone, even when a unit
     * follows: GNU reads '14:00 +2 hours' as 14:00 at UTC+2, plus 1 hour
     * (13:00 UTC), and so do we. */
    while (*q == ' ' || *q == '\t')
        q++;
    if ((*q == '+' || *q == '-') && isdigit((unsigned char)q[1 + strspn(q + 1, " \t")])) {
        c->p = q;
        if (zone_offset(c))
            return -1;
    }
    return 0;
}

static int set_date(struct pc *c, long long y, int ydigits, long long m, long long d)
{
    if (c->dates_seen)
        return -1;
    c->dates_seen = 1;
    if (ydigits) {
        c->year = y;
        c->year_digits = ydigits;
        c->year_seen = 1;
    }
    c->mon = (int)(m > 99 ? 99 : m);
    c->mday = (int)(d > 99 ? 99 : d);
    return 0;
}

/* The year after a month-name date, if the next item is a number that is
 * not a time. */
static void maybe_year(struct pc *c)
{
    const char *q = c->p;
    int nd;
    long long y;

    while (*q == ' ' || *q == '\t' || *q == ',' || *q == '-')
        q++;
    if (!isdigit((unsigned char)*q))
        return;
    y = number(&q, &nd);
    if (*q == ':' || isalpha((unsigned char)*q))
        return;
    {
        const char *r = q;
        char w[32];
        size_t used;
        long long mult;
        while (*r == ' ')
            r++;
        if (word(r, w, sizeof(w), &used) && (unit(w, &mult) >= 0 || !strcmp(w, "am") ||
                                             !strcmp(w, "pm")))
            return;
    }
    c->year = y;
    c->year_digits = nd;
    c->year_seen = 1;
    c->p = q;
}

static int item_number(struct pc *c)
{
    const char *start = c->p;
    int nd, nd2, nd3;
    long long n = number(&c->p, &nd), n2, n3;
    char w[32];
    size_t used;
    int i;

    if (*c->p == '-' && isdigit((unsigned char)c->p[1])) {
        /* YYYY-MM-DD (then maybe Thh:mm) */
        c->p++;
        n2 = number(&c->p, &nd2);
        if (*c->p != '-' || !isdigit((unsigned char)c->p[1]))
            return -1;
        c->p++;
        n3 = number(&c->p, &nd3);
        if (set_date(c, n, nd, n2, n3))
            return -1;
        if ((*c->p == 'T' || *c->p == 't') && isdigit((unsigned char)c->p[1])) {
            c->p++;
            n = number(&c->p, &nd);
            if (*c->p != ':')
                return -1;
            return time_of_day(c, n);
        }
        return 0;
    }
    if (*c->p == '-' && word(c->p + 1, w, sizeof(w), &used) &&
        (i = name_index(w, months, 12)) >= 0) {
        /* DD-Mon-YYYY */
        c->p += 1 + used;
        if (set_date(c, 0, 0, i + 1, n))
            return -1;
        maybe_year(c);
        return 0;
    }
    if (*c->p == '/') {
        c->p++;
        n2 = number(&c->p, &nd2);
        if (!nd2)
            return -1;
        if (*c->p == '/' && isdigit((unsigned char)c->p[1])) {
            c->p++;
            n3 = number(&c->p, &nd3);
            return nd >= 3 ? set_date(c, n, nd, n2, n3) : set_date(c, n3, nd3, n, n2);
        }
        return set_date(c, 0, 0, n, n2);
    }
    if (*c->p == ':')
        return time_of_day(c, n);
    if (try_unit(c, n))
        return 0;
    {
        const char *q = c->p;
        while (*q == ' ' || *q == '\t')
            q++;
        if (word(q, w, sizeof(w), &used)) {
            if ((i = name_index(w, months, 12)) >= 0) {
                c->p = q + used;
                if (set_date(c, 0, 0, i + 1, n))
                    return -1;
                maybe_year(c);
                return 0;
            }
            if ((!strcmp(w, "am") || !strcmp(w, "pm")) && !c->times_seen && n <= 99) {
                c->hour = (int)n;
                c->min = c->sec = 0;
                c->times_seen = 1;
                c->meridian = w[0] == 'a' ? 1 : 2;
                c->p = q + used;
                return 0;
            }
        }
    }
    /* A bare number. */
    if (nd == 8 && !c->dates_seen)
        return set_date(c, n / 10000, 4, n / 100 % 100, n % 100);
    if (c->dates_seen && !c->year_seen && nd >= 3 && !c->rels_seen) {
        c->year = n;
        c->year_digits = nd;
        c->year_seen = 1;
        return 0;
    }
    if (c->dates_seen && !c->times_seen && !c->rels_seen && nd <= 4) {
        c->hour = (int)(nd <= 2 ? n : n / 100);
        c->min = (int)(nd <= 2 ? 0 : n % 100);
        c->sec = 0;
        c->times_seen = 1;
        return 0;
    }
    (void)start;
    return -1;
}

static int item_word(struct pc *c)
{
    char w[32];
    size_t used;
    int i, ord;
    long long mult;
    long off;

    if (!word(c->p, w, sizeof(w), &used))
        return -1;
    c->p += used;
    if (!strcmp(w, "ago")) {
        if (!c->last_rel_ok)
            return -1;
        if (__builtin_mul_overflow(c->last_rel_n, 2, &c->last_rel_n) ||
            __builtin_sub_overflow(c->rel[c->last_rel], c->last_rel_n, &c->rel[c->last_rel]))
            c->overflow = 1;
        c->last_rel_ok = 0;
        return 0;
    }
    c->last_rel_ok = 0;
    if (!strcmp(w, "now") || !strcmp(w, "today")) {
        c->rels_seen = 1;
        return 0;
    }
    if (!strcmp(w, "yesterday") || !strcmp(w, "tomorrow")) {
        add_rel(c, R_DAY, w[0] == 'y' ? -1 : 1);
        c->last_rel_ok = 0;
        return 0;
    }
    if ((i = unit(w, &mult)) >= 0) {
        add_rel(c, i, mult);
        return 0;
    }
    if (!ordinal(w, &ord)) {
        const char *q = c->p;
        while (*q == ' ' || *q == '\t')
            q++;
        if (word(q, w, sizeof(w), &used) && (i = name_index(w, wdays, 7)) >= 0) {
            if (c->days_seen)
                return -1;
            c->days_seen = 1;
            c->day_number = i;
            c->day_ordinal = ord;
            c->p = q + used;
            return 0;
        }
        return try_unit(c, ord) ? 0 : -1;
    }
    if ((i = name_index(w, wdays, 7)) >= 0) {
        if (c->days_seen)
            return -1;
        c->days_seen = 1;
        c->day_number = i;
        c->day_ordinal = 0;
        return 0;
    }
    if ((i = name_index(w, months, 12)) >= 0) {
        const char *q = c->p;
        int nd;
        long long d;
        while (*q == ' ' || *q == '\t' || *q == '-')
            q++;
        if (!isdigit((unsigned char)*q))
            return -1;
        d = number(&q, &nd);
        if (*q == ':')
            return -1;
        c->p = q;
        if (set_date(c, 0, 0, i + 1, d))
            return -1;
        maybe_year(c);
        return 0;
    }
    if ((!strcmp(w, "am") || !strcmp(w, "pm")) && c->times_seen && !c->meridian) {
        c->meridian = w[0] == 'a' ? 1 : 2;
        return 0;
    }
    if (!zone_name(w, &off)) {
        if (c->zones_seen)
            return -1;
        c->zone = off;
        c->zones_seen = 1;
        /* UTC+2, GMT-05:00 */
        if ((*c->p == '+' || *c->p == '-') && isdigit((unsigned char)c->p[1])) {
            const char *r = c->p + 1;
            char w2[32];
            size_t u2;
            number(&r, NULL);
            while (*r == ' ')
                r++;
            if (!word(r, w2, sizeof(w2), &u2) || unit(w2, &mult) < 0) {
                c->zones_seen = 0;
                if (zone_offset(c))
                    return -1;
                c->zone += off;
            }
        }
        return 0;
    }
    return -1;
}

static long long floordiv(long long a, long long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int days_in_month(long long y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dim[m - 1];
}

static int parse_epoch(const char *p, long long *t, long *nsec)
{
    int neg = 0, nd;
    long long s;
    long ns;

    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (!isdigit((unsigned char)*p))
        return -1;
    s = number(&p, &nd);
    if (nd > 15)
        return -1;
    ns = fraction(&p);
    while (isspace((unsigned char)*p))
        p++;
    if (*p)
        return -1;
    if (neg && ns) {
        s += 1;
        ns = 1000000000L - ns;
    }
    *t = neg ? -s : s;
    *nsec = ns;
    return 0;
}

int wbtb_date_parse(const char *s, long long now, long now_nsec,
                    const struct wbtb_date_zone *local, long long *t, long *nsec)
{
    struct pc c;
    struct wbtb_date_zone tz = *local;
    long long days, local_now, y;
    int m, d, hour, min, sec;
    long ns;

    memset(&c, 0, sizeof(c));
    c.p = s;
    while (isspace((unsigned char)*c.p))
        c.p++;
    if (!strncmp(c.p, "TZ=\"", 4)) {
        const char *e = strchr(c.p + 4, '"');
        char buf[64];
        if (!e || (size_t)(e - c.p - 4) >= sizeof(buf))
            return -1;
        memcpy(buf, c.p + 4, (size_t)(e - c.p - 4));
        buf[e - c.p - 4] = 0;
        if (wbtb_date_tz_parse(buf, &tz))
            return -1;
        c.p = e + 1;
        while (isspace((unsigned char)*c.p))
            c.p++;
    }
    if (*c.p == '@')
        return parse_epoch(c.p + 1, t, nsec);

    for (;;) {
        skip(&c);
        if (!*c.p)
            break;
        if (isdigit((unsigned char)*c.p)) {
            if (item_number(&c))
                return -1;
        } else if ((*c.p == '+' || *c.p == '-') && isdigit((unsigned char)c.p[strspn(c.p + 1, " \t") + 1])) {
            /* (GNU lets blanks follow the sign: '+ 1 day') */
            int neg = *c.p == '-';
            const char *save = c.p;
            long long n;
            c.p++;
            c.p += strspn(c.p, " \t");
            n = number(&c.p, NULL);
            if (!try_unit(&c, neg ? -n : n)) {
                c.p = save;
                if (!c.times_seen || zone_offset(&c))
                    return -1;
            }
        } else if (isalpha((unsigned char)*c.p)) {
            if (item_word(&c))
                return -1;
        } else {
            return -1;
        }
    }

    if (c.overflow)
        return -1;
    /* Now, in the input's zone: the fields not given. */
    local_now = now + tz.offset;
    days = floordiv(local_now, 86400);
    wbtb_date_civil(days, &y, &m, &d);
    hour = (int)((local_now - days * 86400) / 3600);
    min = (int)((local_now - days * 86400) / 60 % 60);
    sec = (int)((local_now - days * 86400) % 60);
    ns = now_nsec;

    if (c.dates_seen) {
        if (c.year_seen)
            y = c.year_digits <= 2 ? c.year + (c.year < 69 ? 2000 : 1900) : c.year;
        if (y > 100000000) /* GNU's years end where a struct tm's do */
            return -1;
        m = c.mon;
        d = c.mday;
        if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
            return -1;
    }
    if (c.times_seen) {
        hour = c.hour;
        if (c.meridian) {
            if (hour < 1 || hour > 12)
                return -1;
            hour = hour % 12 + (c.meridian == 2 ? 12 : 0);
        }
        min = c.min;
        sec = c.sec;
        ns = c.nsec;
        if (hour > 23 || min > 59 || sec > 59)
            return -1;
    } else if (!(c.rels_seen && !c.dates_seen && !c.days_seen)) {
        hour = min = sec = 0;
        ns = 0;
    }
    days = wbtb_date_days(y, m, d);
    if (c.days_seen && !c.dates_seen) {
        int wday = (int)(((days % 7) + 11) % 7);
        int ord = c.day_ordinal;
        days += (c.day_number - wday + 7) % 7 + 7 * (ord - (ord > 0 && wday != c.day_number));
    }
    if (c.rel[R_YEAR] || c.rel[R_MON]) {
        long long mm;
        wbtb_date_civil(days, &y, &m, &d);
        if (c.rel[R_YEAR] > 100000 || c.rel[R_YEAR] < -100000 || c.rel[R_MON] > 1200000 ||
            c.rel[R_MON] < -1200000)
            return -1;
        mm = m - 1 + c.rel[R_MON];
        y += c.rel[R_YEAR] + floordiv(mm, 12);
        mm -= floordiv(mm, 12) * 12;
        days = wbtb_date_days(y, mm + 1, 1) + d - 1;
    }
    for (int i = R_DAY; i < NREL; i++)
        if (c.rel[i] > 1000000000000LL || c.rel[i] < -1000000000000LL)
            return -1;
    days += c.rel[R_DAY];
    *t = days * 86400 + hour * 3600LL + min * 60LL + sec - (c.zones_seen ? c.zone : tz.offset) +
         c.rel[R_HOUR] * 3600 + c.rel[R_MIN] * 60 + c.rel[R_SEC];
    *nsec = ns;
    return 0;
}
