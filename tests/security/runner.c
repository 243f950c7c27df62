/* tests/security/runner.c — runs the hostile JavaScript cases in
 * tests/security/cases/ against the public API and checks, for each one:
 *
 *   1. the host survives: every case runs in a forked child, so a crash
 *      (a signal) or a hang past the limits is reported as a failure of
 *      that case instead of ending the runner;
 *   2. the run ends the way the case's header says: the exact wb_status,
 *      wb_errmsg() naming the limit and its value, the exit code, stderr,
 *      stdout and the value, within a wall-clock bound; stdout and stderr
 *      are valid UTF-8 whatever the script wrote;
 *   3. the sandbox goes on working: `1 + 1` gives 2 in the same sandbox,
 *      and a global set in the run before the hostile one is still there
 *      (graceful stops keep state, hard stops and traps roll back only the
 *      hostile run itself).
 *
 * Usage: runner [-j JOBS] [-v] CASE.js...
 * Prints "PASS security/NAME" or "FAIL security/NAME: why" per case and
 * ends with "N passed, N failed"; exits 1 on any failure.
 *
 * Case header: the leading "//" comment lines of the file.  A line
 * "// key: value" with one of the keys below is a header item; other lines
 * are prose (an unknown hyphenated key is an error: a typo).
 * " => " in after/fresh splits at its last occurrence.
 *   // expect: ETIMEOUT|EFUEL      allowed statuses (wb_status_name), default OK
 *   // exit: 1                     exit code when the status is OK (default 0)
 *   // stderr-contains: TEXT       (repeatable) the run's stderr has TEXT
 *   // stdout-contains: TEXT       (repeatable) the run's stdout has TEXT
 *   // errmsg-contains: TEXT       (repeatable) wb_errmsg() has TEXT
 *   // value: JSON                 the run's value, exactly; "none" for no value
 *   // value-contains: TEXT        the run's value (JSON text) has TEXT
 *   // value-length: N             the run's value is N bytes of JSON text
 *                                  (the value checks apply when the status
 *                                  is OK)
 *   // config: time=300 fuel=50000000 memory=32M output=64K policy=FILE
 *              clock=MS seed=N     (policy files are in ../policies/)
 *   // state: reset-ok             __before may be gone after the run
 *   // after: CODE => JSON         (repeatable) run next in the same sandbox
 *   // fresh: CODE => JSON         (repeatable) run in a new sandbox made
 *                                  from the same config
 *   // max-ms: N                   wall-clock bound for the hostile run
 *                                  (default: time limit + 2000)
 *   // note: ...                   free text
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wasmbox.h"

#define MAX_LIST 16

typedef struct {
    char *code, *json;
} check_pair;

typedef struct {
    char name[256];
    char path[1024];
    char *src;
    size_t src_len;
    /* header */
    wb_status expect[MAX_LIST];
    int n_expect;
    int exit_code;
    char *stderr_has[MAX_LIST];
    int n_stderr;
    char *stdout_has[MAX_LIST];
    int n_stdout;
    char *errmsg_has[MAX_LIST];
    int n_errmsg;
    char *value;          /* NULL: not checked; "none": no value */
    char *value_has[MAX_LIST];
    int n_value_has;
    long long value_length; /* -1: not checked */
    int reset_ok;
    check_pair after[MAX_LIST];
    int n_after;
    check_pair fresh[MAX_LIST];
    int n_fresh;
    long long max_ms;
    /* config */
    uint64_t time_ms, fuel, memory, output;
    int has_clock, has_seed;
    int64_t clock_ms;
    uint64_t seed;
    char policy[1024];
} test_case;

/* ---------------------------------------------------------------- helpers */

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d) {
        perror("malloc");
        exit(2);
    }
    memcpy(d, s, n);
    return d;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

static int status_by_name(const char *name, wb_status *out)
{
    for (int i = 0; i < 64; i++) {
        const char *n = wb_status_name((wb_status)i);
        if (n && !strcmp(n, name)) {
            *out = (wb_status)i;
            return 0;
        }
    }
    return -1;
}

/* "64M", "300", "1G", "64K": a number with an optional binary suffix. */
static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    uint64_t mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ull << 10, end++;
    else if (*end == 'M' || *end == 'm')
        mul = 1ull << 20, end++;
    else if (*end == 'G' || *end == 'g')
        mul = 1ull << 30, end++;
    if (*end)
        return -1;
    *out = (uint64_t)v * mul;
    return 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 4096 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t k = fread(buf + n, 1, cap - n - 1, f);
        if (k == 0)
            break;
        n += k;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

static int split_pair(char *text, check_pair *p)
{
    /* the last " => ": the code may contain arrow functions */
    char *arrow = NULL;
    for (char *q = strstr(text, " => "); q; q = strstr(q + 1, " => "))
        arrow = q;
    if (!arrow)
        return -1;
    *arrow = 0;
    p->code = xstrdup(trim(text));
    p->json = xstrdup(trim(arrow + 4));
    return 0;
}

/* Parses the header; returns NULL or an error message (static). */
static const char *parse_case(test_case *tc, const char *path)
{
    static char err[512];
    memset(tc, 0, sizeof *tc);
    snprintf(tc->path, sizeof tc->path, "%s", path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    snprintf(tc->name, sizeof tc->name, "%s", base);
    char *dot = strrchr(tc->name, '.');
    if (dot && !strcmp(dot, ".js"))
        *dot = 0;
    tc->src = read_file(path, &tc->src_len);
    if (!tc->src) {
        snprintf(err, sizeof err, "cannot read %s: %s", path, strerror(errno));
        return err;
    }
    tc->time_ms = 1000;
    tc->memory = 64ull << 20;
    tc->output = 64ull << 10;
    tc->max_ms = -1;
    tc->value_length = -1;
    int saw_expect = 0;

    const char *p = tc->src;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        if (n < 2 || p[0] != '/' || p[1] != '/')
            break;
        char line[4096];
        if (n >= sizeof line) {
            snprintf(err, sizeof err, "header line too long");
            return err;
        }
        memcpy(line, p + 2, n - 2);
        line[n - 2] = 0;
        p = eol ? eol + 1 : p + n;
        char *l = trim(line);
        char *colon = strchr(l, ':');
        if (!colon)
            continue; /* a plain comment */
        *colon = 0;
        char *key = trim(l), *val = trim(colon + 1);
        /* Header keys are the words below; any other line is prose, except
         * an unknown word with a '-' in it, which is taken for a typo. */
        static const char *const keys[] = { "expect", "exit", "stderr-contains", "stdout-contains",
                                            "errmsg-contains", "value", "value-contains", "value-length",
                                            "state", "after", "fresh", "max-ms", "config", "note" };
        int known = 0;
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            known |= !strcmp(key, keys[k]);
        if (!known) {
            if (*key && strchr(key, '-') && strspn(key, "abcdefghijklmnopqrstuvwxyz-") == strlen(key)) {
                snprintf(err, sizeof err, "unknown header key '%s'", key);
                return err;
            }
            continue;
        }
        if (!strcmp(key, "expect")) {
            saw_expect = 1;
            char *save = NULL;
            for (char *t = strtok_r(val, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
                t = trim(t);
                if (tc->n_expect == MAX_LIST || status_by_name(t, &tc->expect[tc->n_expect])) {
                    snprintf(err, sizeof err, "bad status '%s' in expect", t);
                    return err;
                }
                tc->n_expect++;
            }
        } else if (!strcmp(key, "exit")) {
            tc->exit_code = atoi(val);
        } else if (!strcmp(key, "stderr-contains") && tc->n_stderr < MAX_LIST) {
            tc->stderr_has[tc->n_stderr++] = xstrdup(val);
        } else if (!strcmp(key, "stdout-contains") && tc->n_stdout < MAX_LIST) {
            tc->stdout_has[tc->n_stdout++] = xstrdup(val);
        } else if (!strcmp(key, "errmsg-contains") && tc->n_errmsg < MAX_LIST) {
            tc->errmsg_has[tc->n_errmsg++] = xstrdup(val);
        } else if (!strcmp(key, "value")) {
            tc->value = xstrdup(val);
        } else if (!strcmp(key, "value-length")) {
            tc->value_length = atoll(val);
        } else if (!strcmp(key, "value-contains") && tc->n_value_has < MAX_LIST) {
            tc->value_has[tc->n_value_has++] = xstrdup(val);
        } else if (!strcmp(key, "state")) {
            if (strcmp(val, "reset-ok")) {
                snprintf(err, sizeof err, "unknown state '%s'", val);
                return err;
            }
            tc->reset_ok = 1;
        } else if (!strcmp(key, "after") || !strcmp(key, "fresh")) {
            int is_after = !strcmp(key, "after");
            check_pair *arr = is_after ? tc->after : tc->fresh;
            int *cnt = is_after ? &tc->n_after : &tc->n_fresh;
            if (*cnt == MAX_LIST || split_pair(val, &arr[*cnt])) {
                snprintf(err, sizeof err, "%s needs 'CODE => JSON'", key);
                return err;
            }
            (*cnt)++;
        } else if (!strcmp(key, "max-ms")) {
            tc->max_ms = atoll(val);
        } else if (!strcmp(key, "config")) {
            char *save = NULL;
            for (char *t = strtok_r(val, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
                char *eq = strchr(t, '=');
                if (!eq) {
                    snprintf(err, sizeof err, "config item '%s' needs KEY=VALUE", t);
                    return err;
                }
                *eq = 0;
                const char *k = t, *v = eq + 1;
                int bad = 0;
                if (!strcmp(k, "time"))
                    bad = parse_size(v, &tc->time_ms);
                else if (!strcmp(k, "fuel"))
                    bad = parse_size(v, &tc->fuel);
                else if (!strcmp(k, "memory"))
                    bad = parse_size(v, &tc->memory);
                else if (!strcmp(k, "output"))
                    bad = parse_size(v, &tc->output);
                else if (!strcmp(k, "seed")) {
                    bad = parse_size(v, &tc->seed);
                    tc->has_seed = 1;
                } else if (!strcmp(k, "clock")) {
                    tc->clock_ms = atoll(v);
                    tc->has_clock = 1;
                } else if (!strcmp(k, "policy")) {
                    /* relative to ../policies/ from the case file */
                    char dir[1024];
                    snprintf(dir, sizeof dir, "%s", path);
                    char *slash = strrchr(dir, '/');
                    if (slash)
                        *slash = 0;
                    else
                        snprintf(dir, sizeof dir, ".");
                    int k = snprintf(tc->policy, sizeof tc->policy, "%s/../policies/%s", dir, v);
                    bad = k < 0 || (size_t)k >= sizeof tc->policy;
                } else
                    bad = 1;
                if (bad) {
                    snprintf(err, sizeof err, "bad config item '%s=%s'", k, v);
                    return err;
                }
            }
        } else {
            /* "note": free text */
        }
    }
    if (!saw_expect) {
        tc->expect[0] = WB_OK;
        tc->n_expect = 1;
    }
    if (tc->max_ms < 0)
        tc->max_ms = (long long)tc->time_ms + 2000;
    return NULL;
}

/* ---------------------------------------------------------------- one case, in the child */

static char why[2048];

static int fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return 1;
}

/* Shortens s for a message: the first 200 bytes, newlines shown as \n. */
static const char *clip(const char *s)
{
    static char bufs[4][256];
    static int k;
    char *b = bufs[k++ & 3];
    if (!s)
        return "(null)";
    size_t j = 0;
    for (size_t i = 0; s[i] && j < 200; i++) {
        if (s[i] == '\n') {
            b[j++] = '\\';
            b[j++] = 'n';
        } else
            b[j++] = s[i];
    }
    if (strlen(s) > 200 && j < 250) {
        memcpy(b + j, "...", 3);
        j += 3;
    }
    b[j] = 0;
    return b;
}

/* Up to 16 bytes of s from offset at, non-ASCII bytes as \xNN. */
static const char *hex_clip(const char *s, size_t len, size_t at)
{
    static char b[128];
    size_t j = 0;
    for (size_t i = at; i < len && i < at + 16; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f)
            b[j++] = (char)c;
        else
            j += (size_t)snprintf(b + j, sizeof b - j, "\\x%02X", c);
    }
    b[j] = 0;
    return b;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int make_config(const test_case *tc, wb_config **out)
{
    wb_config *c = NULL;
    if (wb_config_new(&c) != WB_OK)
        return fail("wb_config_new failed");
    if (wb_config_set_time_limit(c, tc->time_ms) != WB_OK)
        return fail("time limit: %s", wb_config_errmsg(c));
    if (wb_config_set_memory_limit(c, tc->memory) != WB_OK)
        return fail("memory limit: %s", wb_config_errmsg(c));
    if (wb_config_set_output_limit(c, tc->output) != WB_OK)
        return fail("output limit: %s", wb_config_errmsg(c));
    if (tc->fuel && wb_config_set_fuel_limit(c, tc->fuel) != WB_OK)
        return fail("fuel limit: %s", wb_config_errmsg(c));
    if (tc->has_clock && wb_config_set_fixed_clock(c, tc->clock_ms) != WB_OK)
        return fail("clock: %s", wb_config_errmsg(c));
    if (tc->has_seed && wb_config_set_random_seed(c, tc->seed) != WB_OK)
        return fail("seed: %s", wb_config_errmsg(c));
    if (tc->policy[0] && wb_config_load_policy(c, tc->policy) != WB_OK)
        return fail("policy %s: %s", tc->policy, wb_config_errmsg(c));
    *out = c;
    return 0;
}

/* Runs code expecting WB_OK, exit 0 and the value json ("none": no value). */
static int expect_value(wb_sandbox *sb, const char *what, const char *code, const char *json)
{
    wb_result *r = NULL;
    wb_status st = wb_run(sb, WB_JS, code, strlen(code), &r);
    int rc = 0;
    const char *v = r ? wb_result_value(r) : NULL;
    if (st != WB_OK)
        rc = fail("%s: `%s` gave %s (%s)", what, clip(code), wb_status_name(st), clip(wb_errmsg(sb)));
    else if (wb_result_exit_code(r) != 0)
        rc = fail("%s: `%s` exit %d: %s", what, clip(code), wb_result_exit_code(r),
                  clip(wb_result_stderr(r, NULL)));
    else if (!strcmp(json, "none") ? v != NULL : (!v || strcmp(v, json)))
        rc = fail("%s: `%s` gave %s, want %s", what, clip(code), v ? clip(v) : "no value", clip(json));
    wb_result_free(r);
    return rc;
}

/* Whether s[0..n) is well-formed UTF-8 (no overlongs, surrogates or
 * values past U+10FFFF); *bad gets the offset of the first bad byte. */
static int valid_utf8(const unsigned char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, min = 0x80, c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, min = 0x800, c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, min = 0x10000, c &= 0x07;
        } else {
            *bad = i;
            return 0;
        }
        if (i + len > n) {
            *bad = i;
            return 0;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return 0;
            }
            c = (c << 6) | (s[i + k] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            *bad = i;
            return 0;
        }
        i += len;
    }
    return 1;
}

/* The message that names the limit for a stop status, or NULL. */
static void limit_phrase(const test_case *tc, wb_status st, char *buf, size_t n)
{
    buf[0] = 0;
    switch (st) {
    case WB_ETIMEOUT:
        snprintf(buf, n, "time limit %llu ms", (unsigned long long)tc->time_ms);
        break;
    case WB_EFUEL:
        snprintf(buf, n, "fuel limit %llu", (unsigned long long)tc->fuel);
        break;
    case WB_EOUTPUT:
        snprintf(buf, n, "output limit %llu bytes", (unsigned long long)tc->output);
        break;
    case WB_EMEMLIMIT:
        snprintf(buf, n, "memory limit %llu MiB", (unsigned long long)(tc->memory >> 20));
        break;
    default:
        break;
    }
}

static int run_case(const test_case *tc)
{
    wb_config *cfg = NULL;
    if (make_config(tc, &cfg))
        return 1;
    wb_sandbox *sb = NULL;
    wb_status st = wb_new(cfg, &sb);
    if (st != WB_OK)
        return fail("wb_new: %s: %s", wb_status_name(st), sb ? wb_errmsg(sb) : "");
    if (expect_value(sb, "setup", "globalThis.__before = 'kept'", "\"kept\""))
        return 1;

    /* The hostile run. */
    wb_result *r = NULL;
    double t0 = now_ms();
    st = wb_run(sb, WB_JS, tc->src, tc->src_len, &r);
    double took = now_ms() - t0;
    if (!r)
        return fail("no result (status %s: %s)", wb_status_name(st), clip(wb_errmsg(sb)));
    size_t out_len = 0, err_len = 0, bad = 0;
    const char *out = wb_result_stdout(r, &out_len), *err = wb_result_stderr(r, &err_len);
    const char *val = wb_result_value(r), *msg = wb_errmsg(sb);
    int code = wb_result_exit_code(r);

    int ok_status = 0;
    char want[256] = "";
    for (int i = 0; i < tc->n_expect; i++) {
        if (tc->expect[i] == st)
            ok_status = 1;
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", i ? "|" : "",
                 wb_status_name(tc->expect[i]));
    }
    if (!ok_status)
        return fail("status %s, want %s (errmsg: %s; exit %d; stderr: %s)", wb_status_name(st), want, clip(msg),
                    code, clip(err));
    if ((long long)took > tc->max_ms)
        return fail("the run took %.0f ms, over its bound of %lld ms (time limit %llu ms)", took, tc->max_ms,
                    (unsigned long long)tc->time_ms);
    if (st == WB_OK) {
        if (code != tc->exit_code)
            return fail("exit %d, want %d (stderr: %s)", code, tc->exit_code, clip(err));
    } else {
        /* A stopped run: never a success, the message names the limit. */
        if (code == 0)
            return fail("status %s but exit code 0", wb_status_name(st));
        char phrase[128];
        limit_phrase(tc, st, phrase, sizeof phrase);
        if (phrase[0] && !strstr(msg, phrase))
            return fail("errmsg does not name the limit (want \"%s\"): %s", phrase, clip(msg));
        if (!msg[0])
            return fail("status %s with an empty errmsg", wb_status_name(st));
    }
    /* Output is valid UTF-8 whatever the script wrote (lone surrogates
     * become U+FFFD), also where the output limit cut it. */
    if (!valid_utf8((const unsigned char *)out, out_len, &bad))
        return fail("stdout is not valid UTF-8 at byte %zu of %zu: %s", bad, out_len,
                    hex_clip(out, out_len, bad > 4 ? bad - 4 : 0));
    if (!valid_utf8((const unsigned char *)err, err_len, &bad))
        return fail("stderr is not valid UTF-8 at byte %zu of %zu: %s", bad, err_len,
                    hex_clip(err, err_len, bad > 4 ? bad - 4 : 0));
    for (int i = 0; i < tc->n_stderr; i++)
        if (!strstr(err, tc->stderr_has[i]))
            return fail("stderr lacks \"%s\": %s", clip(tc->stderr_has[i]), clip(err));
    for (int i = 0; i < tc->n_stdout; i++)
        if (!strstr(out, tc->stdout_has[i]))
            return fail("stdout lacks \"%s\": %s", clip(tc->stdout_has[i]), clip(out));
    for (int i = 0; i < tc->n_errmsg; i++)
        if (!strstr(msg, tc->errmsg_has[i]))
            return fail("errmsg lacks \"%s\": %s", clip(tc->errmsg_has[i]), clip(msg));
    if (st == WB_OK && tc->value) {
        if (!strcmp(tc->value, "none") ? val != NULL : (!val || strcmp(val, tc->value)))
            return fail("value %s, want %s (stderr: %s)", val ? clip(val) : "none", clip(tc->value), clip(err));
    }
    for (int i = 0; st == WB_OK && i < tc->n_value_has; i++)
        if (!val || !strstr(val, tc->value_has[i]))
            return fail("value lacks \"%s\": %s", clip(tc->value_has[i]), val ? clip(val) : "none");
    if (st == WB_OK && tc->value_length >= 0 && (!val || (long long)strlen(val) != tc->value_length))
        return fail("value is %lld bytes of JSON, want %lld: %s", val ? (long long)strlen(val) : -1LL,
                    tc->value_length, val ? clip(val + (strlen(val) > 100 ? strlen(val) - 100 : 0)) : "none");
    wb_result_free(r);

    /* The same sandbox goes on working. */
    if (expect_value(sb, "next run", "1 + 1", "2"))
        return 1;
    if (!tc->reset_ok && expect_value(sb, "state before the hostile run", "typeof __before", "\"string\""))
        return 1;
    for (int i = 0; i < tc->n_after; i++)
        if (expect_value(sb, "after", tc->after[i].code, tc->after[i].json))
            return 1;
    wb_free(sb);

    /* Nothing leaks into a new sandbox. */
    for (int i = 0; i < tc->n_fresh; i++) {
        wb_sandbox *s2 = NULL;
        st = wb_new(cfg, &s2);
        if (st != WB_OK)
            return fail("wb_new (fresh): %s", wb_status_name(st));
        int rc = expect_value(s2, "fresh sandbox", tc->fresh[i].code, tc->fresh[i].json);
        wb_free(s2);
        if (rc)
            return 1;
    }
    wb_config_free(cfg);
    return 0;
}

/* ---------------------------------------------------------------- parent: fork per case */

typedef struct {
    pid_t pid;
    int fd; /* read end of the child's report pipe */
    int idx;
    double start, deadline;
    char buf[2048];
    size_t len;
} job;

static int verbose;

static void drain(job *j)
{
    for (;;) {
        if (j->len >= sizeof j->buf - 1) {
            char sink[256];
            if (read(j->fd, sink, sizeof sink) <= 0)
                return;
            continue;
        }
        ssize_t k = read(j->fd, j->buf + j->len, sizeof j->buf - 1 - j->len);
        if (k <= 0)
            return;
        j->len += (size_t)k;
    }
}

int main(int argc, char **argv)
{
    int jobs = 1, first = 1;
    while (first < argc && argv[first][0] == '-') {
        if (!strcmp(argv[first], "-j") && first + 1 < argc) {
            jobs = atoi(argv[first + 1]);
            first += 2;
        } else if (!strncmp(argv[first], "-j", 2) && argv[first][2]) {
            jobs = atoi(argv[first] + 2);
            first++;
        } else if (!strcmp(argv[first], "-v")) {
            verbose = 1;
            first++;
        } else {
            fprintf(stderr, "usage: %s [-j JOBS] [-v] CASE.js...\n", argv[0]);
            return 2;
        }
    }
    if (jobs < 1)
        jobs = 1;
    if (jobs > 32)
        jobs = 32;
    int n = argc - first;
    if (n <= 0) {
        fprintf(stderr, "usage: %s [-j JOBS] [-v] CASE.js...\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    test_case *cases = calloc((size_t)n, sizeof *cases);
    const char **perr = calloc((size_t)n, sizeof *perr);
    for (int i = 0; i < n; i++) {
        const char *e = parse_case(&cases[i], argv[first + i]);
        perr[i] = e ? xstrdup(e) : NULL;
    }

    int passed = 0, failed = 0, next = 0, running = 0;
    job *js = calloc((size_t)jobs, sizeof *js);
    for (int k = 0; k < jobs; k++)
        js[k].pid = 0;
    fflush(stdout);
    while (next < n || running > 0) {
        /* start cases while there are free slots */
        for (int k = 0; k < jobs && next < n; k++) {
            if (js[k].pid)
                continue;
            int i = next++;
            if (perr[i]) {
                printf("FAIL security/%s: bad header: %s\n", cases[i].name, perr[i]);
                failed++;
                continue;
            }
            int fds[2];
            if (pipe(fds)) {
                perror("pipe");
                return 2;
            }
            fflush(stdout);
            pid_t pid = fork();
            if (pid < 0) {
                perror("fork");
                return 2;
            }
            if (pid == 0) {
                close(fds[0]);
                int rc = run_case(&cases[i]);
                if (rc) {
                    size_t l = strlen(why);
                    if (write(fds[1], why, l) < 0)
                        _exit(3);
                }
                close(fds[1]);
                _exit(rc ? 1 : 0);
            }
            close(fds[1]);
            js[k].pid = pid;
            js[k].fd = fds[0];
            js[k].idx = i;
            js[k].len = 0;
            js[k].start = now_ms();
            /* setup + hostile run + checks: generous, but finite */
            js[k].deadline = js[k].start + (double)cases[i].max_ms * 2 + 30000;
            running++;
        }
        /* wait for a report or an exit */
        struct pollfd pf[32];
        int np = 0;
        for (int k = 0; k < jobs; k++)
            if (js[k].pid && js[k].fd >= 0) {
                pf[np].fd = js[k].fd;
                pf[np].events = POLLIN;
                np++;
            }
        if (np)
            poll(pf, (nfds_t)np, 50);
        else
            poll(NULL, 0, 20);
        for (int k = 0; k < jobs; k++) {
            job *j = &js[k];
            if (!j->pid)
                continue;
            if (j->fd >= 0) {
                /* non-blocking drain: only read when poll said so */
                for (int q = 0; q < np; q++)
                    if (pf[q].fd == j->fd && (pf[q].revents & (POLLIN | POLLHUP))) {
                        ssize_t r = read(j->fd, j->buf + j->len, sizeof j->buf - 1 - j->len);
                        if (r > 0)
                            j->len += (size_t)r;
                        else {
                            close(j->fd);
                            j->fd = -1;
                        }
                    }
            }
            int wst;
            pid_t w = waitpid(j->pid, &wst, WNOHANG);
            const test_case *tc = &cases[j->idx];
            if (w == 0) {
                if (now_ms() > j->deadline) {
                    kill(j->pid, SIGKILL);
                    waitpid(j->pid, &wst, 0);
                    printf("FAIL security/%s: hung: killed after %.0f ms (time limit %llu ms)\n", tc->name,
                           now_ms() - j->start, (unsigned long long)tc->time_ms);
                    failed++;
                    if (j->fd >= 0)
                        close(j->fd);
                    j->pid = 0;
                    running--;
                    fflush(stdout);
                }
                continue;
            }
            if (j->fd >= 0) {
                drain(j);
                close(j->fd);
                j->fd = -1;
            }
            j->buf[j->len] = 0;
            double took = now_ms() - j->start;
            if (WIFSIGNALED(wst)) {
                printf("FAIL security/%s: host crashed (signal %d, %s)%s%s\n", tc->name, WTERMSIG(wst),
                       strsignal(WTERMSIG(wst)), j->len ? ": " : "", j->buf);
                failed++;
            } else if (WIFEXITED(wst) && WEXITSTATUS(wst) == 0) {
                if (verbose)
                    printf("PASS security/%s (%.0f ms)\n", tc->name, took);
                else
                    printf("PASS security/%s\n", tc->name);
                passed++;
            } else {
                printf("FAIL security/%s: %s\n", tc->name,
                       j->len ? j->buf : "the child exited without a report");
                failed++;
            }
            fflush(stdout);
            j->pid = 0;
            running--;
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
