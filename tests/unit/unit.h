/* Shared helpers for the C unit tests (cmocka). */
#ifndef WB_TEST_UNIT_H
#define WB_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "wasmbox.h"

/* One run's outcome, copied out of the wb_result. */
typedef struct {
    wb_status status;
    int exit_code;
    char *out, *err, *value; /* malloc'd copies; value NULL when none */
} run_out;

static inline char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    assert_non_null(d);
    memcpy(d, s, n);
    return d;
}

static inline run_out run_lang(wb_sandbox *sb, wb_lang lang, const char *code)
{
    wb_result *r = NULL;
    run_out o;
    o.status = wb_run(sb, lang, code, strlen(code), &r);
    o.exit_code = wb_result_exit_code(r);
    o.out = dup_or_null(wb_result_stdout(r, NULL));
    o.err = dup_or_null(wb_result_stderr(r, NULL));
    o.value = dup_or_null(wb_result_value(r));
    wb_result_free(r);
    return o;
}

static inline run_out run_js(wb_sandbox *sb, const char *code) { return run_lang(sb, WB_JS, code); }

static inline void run_free(run_out *o)
{
    free(o->out);
    free(o->err);
    free(o->value);
}

/* Runs code and checks it succeeded with the given value (JSON text). */
static inline void expect_js(wb_sandbox *sb, const char *code, const char *value)
{
    run_out o = run_js(sb, code);
    if (o.status != WB_OK || o.exit_code != 0)
        fprintf(stderr, "code: %s\nstatus %s exit %d\nstderr: %s\nerrmsg: %s\n", code,
                wb_status_name(o.status), o.exit_code, o.err, wb_errmsg(sb));
    assert_int_equal(o.status, WB_OK);
    assert_int_equal(o.exit_code, 0);
    if (value) {
        assert_non_null(o.value);
        assert_string_equal(o.value, value);
    } else {
        assert_null(o.value);
    }
    run_free(&o);
}

/* cmocka installs its own SIGSEGV handler before every test body, over
 * ours; sandboxes need ours on top (it passes foreign faults on).  An
 * internal of the library (src/runtime/rt_trap.c). */
void wb__rt_reinstall_handlers(void);

static inline wb_sandbox *new_sandbox(const wb_config *cfg)
{
    wb_sandbox *sb = NULL;
    wb__rt_reinstall_handlers();
    wb_status st = wb_new(cfg, &sb);
    if (st != WB_OK)
        fprintf(stderr, "wb_new: %s: %s\n", wb_status_name(st), wb_errmsg(sb));
    assert_int_equal(st, WB_OK);
    assert_non_null(sb);
    return sb;
}

#endif
