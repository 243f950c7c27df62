/* The shell's tool builtin on the host: words to typed arguments from the
 * policy's schema, then one synchronous call (src/tool_argv.c). */
#include "unit.h"

#include "internal.h"
#include "tools.h"

static const char policy_text[] =
    "{\"version\":1,\"tools\":{"
    "\"weather\":{\"description\":\"w\",\"params\":{\"type\":\"object\",\"required\":[\"city\"],"
    "\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"},\"metric\":{\"type\":\"boolean\"},"
    "\"tags\":{\"type\":\"array\"}}},"
    "\"constraints\":[{\"path\":\"days\",\"op\":\"<=\",\"value\":7}],"
    "\"provider\":{\"type\":\"builtin\",\"name\":\"echo\"}},"
    "\"broken\":{\"description\":\"b\",\"params\":{\"type\":\"object\"},\"provider\":{\"type\":\"builtin\",\"name\":\"fail\"}}}}";

typedef struct {
    wb__host h;
    wb__tools t;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    char err[256];
    wb__tool_opts o = {0};
    o.policy = wb__policy_load(policy_text, strlen(policy_text), "test.json", err, sizeof err);
    if (!o.policy) {
        fprintf(stderr, "policy: %s\n", err);
        return -1;
    }
    if (wb__tools_init(&f->t, &o, err, sizeof err) != WB_OK)
        return -1;
    wb__policy_unref(o.policy);
    wb__tools_begin_run(&f->t);
    f->h.tools = &f->t;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    wb__tools_free(&f->t);
    free(f);
    return 0;
}

/* Runs words (space-separated here, NUL-separated on the wire) and returns
 * the answer, malloc'd. */
static char *call(fixture *f, const char *const *words)
{
    char req[1024];
    size_t n = 0;
    for (; *words; words++) {
        size_t l = strlen(*words) + 1;
        assert_true(n + l <= sizeof req);
        memcpy(req + n, *words, l);
        n += l;
    }
    wb__str out = {0};
    assert_int_equal(wb__tool_argv(&f->h, req, n, &out), 0);
    wb__str_addz(&out, "");
    assert_false(out.oom);
    return out.s;
}

#define CHECK(expect, ...)                                   \
    do {                                                     \
        const char *w_[] = { __VA_ARGS__, NULL };            \
        char *got_ = call(f, w_);                            \
        assert_string_equal(got_, expect);                   \
        free(got_);                                          \
    } while (0)

static void test_words_become_typed_arguments(void **state)
{
    fixture *f = *state;
    CHECK("0{\"city\":\"Paris\",\"days\":3}", "weather", "--city", "Paris", "--days", "3");
    CHECK("0{\"city\":\"3\",\"days\":1}", "weather", "--city=3", "--days=1");
    CHECK("0{\"city\":\"Oslo\",\"metric\":true,\"days\":2}", "weather", "--city", "Oslo", "--metric", "--days", "2");
    CHECK("0{\"metric\":false,\"city\":\"Rome\",\"days\":1}", "weather", "--metric", "false", "--city", "Rome",
          "--days", "1");
    CHECK("0{\"city\":\"A\",\"tags\":[\"x\",1],\"days\":7}", "weather", "--city", "A", "--tags", "[\"x\",1]",
          "--days", "7");
    CHECK("0{\"city\":\"Oslo\",\"days\":2}", "weather", "--json", "{\"city\":\"Oslo\",\"days\":2}");
}

static void test_bad_words_are_usage_errors(void **state)
{
    fixture *f = *state;
    CHECK("2tool weather: --days: 'three' is not an integer", "weather", "--city", "Paris", "--days", "three");
    CHECK("2tool weather: --days: '2.5' is not an integer", "weather", "--days", "2.5");
    CHECK("2tool weather: --tags: 'x' is not an array (write it as JSON)", "weather", "--tags", "x");
    CHECK("2tool weather: option --city needs a value", "weather", "--city");
    CHECK("2tool weather: expected an option --NAME, got 'Paris'; write tool weather --key value ... or tool "
          "weather --json '{...}'", "weather", "Paris");
    CHECK("2tool weather: --json: the arguments must be a JSON object, got array", "weather", "--json", "[1]");
    CHECK("2tool weather: --json takes exactly one argument, the arguments object as JSON, and no other options",
          "weather", "--json", "{}", "--city", "x");
}

static void test_denials_and_failures(void **state)
{
    fixture *f = *state;
    char *got;
    const char *w1[] = { "weather", "--city", "Paris", "--days", "30", NULL };
    got = call(f, w1);
    assert_true(!strncmp(got, "1ToolDeniedError: ", 18));
    assert_non_null(strstr(got, "days"));
    free(got);
    CHECK("1ToolDeniedError: no tool named \"mail\" in the policy; the tools are: weather, broken", "mail", "--to", "x");
    const char *w2[] = { "broken", NULL };
    got = call(f, w2);
    assert_true(!strncmp(got, "1ToolError: ", 12));
    free(got);
    /* Malformed requests from the guest. */
    wb__str out = {0};
    assert_int_equal(wb__tool_argv(&f->h, "weather", 7, &out), 0);
    assert_true(out.len > 0 && out.s[0] == '2');
    wb__str_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_words_become_typed_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_words_are_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_denials_and_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
