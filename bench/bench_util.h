/* Helpers shared by the benchmark programs: monotonic time, medians,
 * reading the JS inputs, printing "name value unit" result lines. */
#ifndef WB_BENCH_UTIL_H
#define WB_BENCH_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The workloads: bench/js/NAME.setup.js runs once, untimed; NAME.run.js
 * is the timed part and returns a string that NAME.expect holds. */
static const char *const bench_workloads[] = { "fib", "json", "sort" };
#define BENCH_NWORKLOADS (sizeof bench_workloads / sizeof bench_workloads[0])

static inline double bench_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* CPU time of the calling thread: unlike the wall clock it leaves out the
 * time other processes had the CPU, so ratios from it hold up on a busy
 * machine.  Guest code runs on the calling thread (on its own stack). */
static inline double bench_cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of v[0..n) (sorts v). */
static inline double bench_median(double *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static inline __attribute__((noreturn, format(printf, 1, 2))) void bench_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "bench: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

/* The whole file, NUL-terminated (JS_Eval needs the NUL); *len excludes it. */
static inline char *bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        bench_die("cannot open %s", path);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            bench_die("out of memory reading %s", path);
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    if (ferror(f))
        bench_die("cannot read %s", path);
    fclose(f);
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
}

/* dir/name.suffix read whole; for .expect the trailing newline is dropped. */
static inline char *bench_read_js(const char *dir, const char *name, const char *suffix, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.%s", dir, name, suffix);
    size_t n;
    char *s = bench_read_file(path, &n);
    if (!strcmp(suffix, "expect"))
        while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
            s[--n] = 0;
    if (len)
        *len = n;
    return s;
}

static inline void bench_result(const char *name, double value, const char *unit)
{
    printf("%s %.6g %s\n", name, value, unit);
    fflush(stdout);
}

#endif
