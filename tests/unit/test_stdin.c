/* The sandbox's stdin: wb_set_stdin (bytes) and wb_set_stdin_fd (a host
 * fd read on demand, given up at the deadline), for JS and the shell. */
#include "unit.h"

#include <unistd.h>

static run_out run_sh(wb_sandbox *sb, const char *code) { return run_lang(sb, WB_SH, code); }

static void empty_by_default(void **state)
{
    (void)state;
    wb_sandbox *sb;
    assert_int_equal(wb_new(NULL, &sb), WB_OK);
    run_out o = run_sh(sb, "wc -c; read x || echo eof");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.out, "0\neof\n");
    run_free(&o);
    wb_free(sb);
}

static void bytes_are_a_stream(void **state)
{
    (void)state;
    wb_sandbox *sb;
    assert_int_equal(wb_new(NULL, &sb), WB_OK);
    static const char in[] = "b\na\nb\nrest\n";
    assert_int_equal(wb_set_stdin(sb, in, 6), WB_OK); /* only "b\na\nb\n" */
    run_out o = run_sh(sb, "sort | uniq -c");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.out, "      1 a\n      2 b\n");
    run_free(&o);
    /* consumed: the next run sees the end */
    o = run_sh(sb, "cat; echo end");
    assert_string_equal(o.out, "end\n");
    run_free(&o);
    /* replaced; JS reads fd 0 too */
    assert_int_equal(wb_set_stdin(sb, in + 6, 5), WB_OK);
    o = run_js(sb, "require('fs').readFileSync(0, 'utf8').trim()");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.value, "\"rest\"");
    run_free(&o);
    assert_int_equal(wb_set_stdin(sb, NULL, 3), WB_EMISUSE);
    wb_free(sb);
}

static void host_fd(void **state)
{
    (void)state;
    wb_sandbox *sb;
    assert_int_equal(wb_new(NULL, &sb), WB_OK);
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(write(p[1], "one\ntwo\n", 8), 8);
    close(p[1]);
    assert_int_equal(wb_set_stdin_fd(sb, p[0]), WB_OK);
    run_out o = run_sh(sb, "read a; echo \"first=$a\"; tr a-z A-Z");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.out, "first=one\nTWO\n");
    run_free(&o);
    close(p[0]);
    assert_int_equal(wb_set_stdin_fd(sb, -1), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "fd -1"));
    wb_free(sb);
}

/* A writer that never writes nor closes: the read gives up at the time
 * limit and the run ends with WB_ETIMEOUT, the sandbox usable after. */
static void waiting_read_stops_at_deadline(void **state)
{
    (void)state;
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_time_limit(cfg, 300), WB_OK);
    wb_sandbox *sb;
    assert_int_equal(wb_new(cfg, &sb), WB_OK);
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(wb_set_stdin_fd(sb, p[0]), WB_OK);
    run_out o = run_sh(sb, "x=before; cat; x=after; echo never");
    assert_int_equal(o.status, WB_ETIMEOUT);
    assert_null(strstr(o.out, "never"));
    run_free(&o);
    o = run_js(sb, "require('fs').readFileSync(0, 'utf8')");
    assert_int_equal(o.status, WB_ETIMEOUT);
    run_free(&o);
    assert_int_equal(wb_set_stdin(sb, "ok", 2), WB_OK);
    o = run_sh(sb, "cat");
    assert_int_equal(o.status, WB_OK);
    assert_string_equal(o.out, "ok");
    run_free(&o);
    close(p[0]);
    close(p[1]);
    wb_free(sb);
    wb_config_free(cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_by_default),
        cmocka_unit_test(bytes_are_a_stream),
        cmocka_unit_test(host_fd),
        cmocka_unit_test(waiting_read_stops_at_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
