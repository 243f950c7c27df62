/* Shared by own_date.c (the command) and own_date_parse.c (its -d
 * grammar): a fixed-offset time zone and civil-calendar arithmetic. */
#ifndef WBTB_OWN_DATE_H
#define WBTB_OWN_DATE_H

struct wbtb_date_zone {
    long offset;   /* seconds east of UTC */
    char name[16]; /* for %Z */
};

/* Reads TZ's POSIX form into z (UTC for NULL, "", or a database name);
 * -1 when it is malformed. */
int wbtb_date_tz_parse(const char *tz, struct wbtb_date_zone *z);

/* Days since 1970-01-01 of a proleptic Gregorian date (month and day may
 * be out of range only as far as days_from_civil allows: 1..12, 1..31). */
long long wbtb_date_days(long long y, long long m, long long d);
void wbtb_date_civil(long long days, long long *y, int *m, int *d);

/* Parses a GNU date -d STRING relative to now (UTC seconds, nanoseconds),
 * local times in zone local.  0 and *t, *nsec set; -1 if invalid. */
int wbtb_date_parse(const char *s, long long now, long now_nsec,
                    const struct wbtb_date_zone *local, long long *t, long *nsec);

#endif
