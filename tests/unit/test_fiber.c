/* Host-assisted guest runtime features, driven through the guest's
 * self-tests (guest/rt/selftest.c): wb_try/wb_throw and fibers, including
 * traps inside a fiber and the sandbox working afterwards. */
#include "unit.h"

#include "internal.h"

static char *selftest(wb_sandbox *sb, const char *name, wb_status want)
{
    wb_result *r = NULL;
    wb_status st = wb__run_selftest(sb, name, &r);
    if (st != want)
        fprintf(stderr, "%s: %s (%s)\n", name, wb_status_name(st), wb_errmsg(sb));
    assert_int_equal(st, want);
    char *out = dup_or_null(wb_result_stdout(r, NULL));
    wb_result_free(r);
    return out;
}

static void expect(wb_sandbox *sb, const char *name, wb_status want, const char *out)
{
    char *got = selftest(sb, name, want);
    assert_string_equal(got, out);
    free(got);
}

static void test_try_throw(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect(sb, "try", WB_OK, "nested throw: 6\nnormal return: 0 0\n");
    wb_free(sb);
}

static void test_fibers_stream(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    for (int i = 0; i < 3; i++)
        expect(sb, "pipe", WB_OK, "consumed 100000 sum 5000050000 free 0\n");
    expect(sb, "suspend", WB_OK,
           "fiber 1 caught 9\nfree while suspended: -1\nfiber resumed\nfree when done: 0, switch to freed: -1\n");
    /* At most 63 at once; the next run starts with none. */
    expect(sb, "many", WB_OK, "made 63\n");
    expect(sb, "many", WB_OK, "made 63\n");
    wb_free(sb);
}

/* The applet arenas' debugging check (guest/rt/arena_check.c) sees a
 * block written and freed after its arena was released. */
static void test_arena_check(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect(sb, "arena-check", WB_OK, "clean release: 0\nafter a write: 1\nafter a free: 2\n");
    wb_free(sb);
}

static void test_traps_inside_fibers(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    free(selftest(sb, "throw-out", WB_ETRAP));
    free(selftest(sb, "overflow", WB_ETRAP));
    free(selftest(sb, "shadow", WB_ETRAP));
    assert_non_null(strstr(wb_errmsg(sb), "unreachable"));
    /* The sandbox and its fibers still work. */
    expect(sb, "pipe", WB_OK, "consumed 100000 sum 5000050000 free 0\n");
    run_out o = run_js(sb, "console.log(6 * 7)");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.out, "42\n");
    run_free(&o);
    wb_free(sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_try_throw),
        cmocka_unit_test(test_fibers_stream),
        cmocka_unit_test(test_arena_check),
        cmocka_unit_test(test_traps_inside_fibers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
