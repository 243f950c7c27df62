/* Policies: every malformed policy is refused with the file, line, column
 * and what was expected; the constraint and schema checks over every
 * operator, value type and edge value; messages a model can act on. */
#include "unit.h"
#include "policy.h"

/* ---- malformed policies: the exact message for each */

static const struct {
    const char *text, *error;
} bad[] = {
    { "",
      "p.json:1:1: invalid JSON: expected a value, found end of input" },
    { "[]",
      "p.json:1:1: a policy must be an object, found array" },
    { "{\"tools\": {}, \"tools\": {}}",
      "p.json:1:15: invalid JSON: duplicate key \"tools\" (first at line 1, column 2)" },
    { "{\"tool\": {}}",
      "p.json:1:2: unknown key \"tool\" in the policy; expected one of: version, tools, budgets, limits, mcp_servers, mounts" },
    { "{}",
      "p.json:1:1: a policy needs \"tools\": an object of tool name -> definition ({} for none)" },
    { "{\"version\": 2, \"tools\": {}}",
      "p.json:1:13: unsupported policy \"version\" 2; this wasmbox reads version 1" },
    { "{\"tools\": []}",
      "p.json:1:11: \"tools\" must be an object, found array" },
    { "{\"tools\": {\"x\": {}}}",
      "p.json:1:17: tool \"x\" needs a \"provider\" (callback, exec or builtin)" },
    { "{\"tools\": {\"9x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}}}}",
      "p.json:1:12: bad tool name \"9x\": use 1-64 letters, digits, '_', '.' or '-', starting with a letter or '_'" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"magic\"}}}}",
      "p.json:1:39: unknown provider type \"magic\"; expected one of: callback, exec, builtin, mcp" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"cat\"}}}}",
      "p.json:1:58: unknown builtin provider \"cat\"; expected one of: echo, fail, slow" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"exec\"}}}}",
      "p.json:1:30: an exec provider needs \"argv\": the program and its fixed arguments" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"cat\"]}}}}",
      "p.json:1:55: \"argv\" must start with an absolute program path (no shell, no PATH lookup), found cat" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/cat\"], \"timeout_ms\": 0}}}}",
      "p.json:1:83: \"timeout_ms\" must be at least 1" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"callback\", \"argv\": []}}}}",
      "p.json:1:59: argv, env, cwd, timeout_ms and max_output_bytes belong to exec providers, not callback" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"maxcalls\": 3}}}",
      "p.json:1:67: unknown key \"maxcalls\" in tool \"x\"; expected one of: description, params, provider, max_calls, max_calls_per_run, constraints, redact" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"max_calls\": -1}}}",
      "p.json:1:80: \"max_calls\" must be a whole number from 0 to 2147483647, found -1" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"max_calls\": \"3\"}}}",
      "p.json:1:80: \"max_calls\" must be a whole number from 0 to 2147483647, found string \"3\"" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"string\"}}}}",
      "p.json:1:77: the params of tool \"x\" must be a schema of type object" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"float\"}}}}}}",
      "p.json:1:125: unknown type \"float\" for parameter \"a\"; expected one of: string, number, integer, boolean, object, array, null" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"minimum\": 1}}}}}}",
      "p.json:1:146: \"minimum\" of parameter \"a\" applies only to type number or integer" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"object\", \"required\": [\"a\"], \"properties\": {}}}}}",
      "p.json:1:109: required parameter \"a\" of the params of tool \"x\" is not in its \"properties\"" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"format\": \"email\"}}}}}}",
      "p.json:1:135: unknown key \"format\" in parameter \"a\"; expected one of: type, description, properties, required, enum, items, minimum, maximum, minLength, maxLength, minItems, maxItems, additionalProperties" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a\", \"op\": \"~=\", \"value\": 1}]}}}",
      "p.json:1:103: unknown op \"~=\"; expected one of: ==, !=, <, <=, >, >=, in, not_in, starts_with, ends_with, contains, exists, not_exists" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a\", \"op\": \"<=\", \"value\": \"1000\"}]}}}",
      "p.json:1:118: op \"<=\" compares numbers: \"value\" must be a number, found string (write 1000, not \"1000\")" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a\", \"op\": \"exists\", \"value\": 1}]}}}",
      "p.json:1:122: op \"exists\" takes no \"value\"" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a\", \"op\": \"==\"}]}}}",
      "p.json:1:103: op \"==\" needs a \"value\"" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a..b\", \"op\": \"exists\"}]}}}",
      "p.json:1:92: bad path \"a..b\": a parameter name must follow '.'" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a[x]\", \"op\": \"exists\"}]}}}",
      "p.json:1:92: bad path \"a[x]\": '[' must be followed by an index, like [0]" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"any_of\": []}]}}}",
      "p.json:1:94: \"any_of\" needs at least one constraint" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"all_of\": [{\"path\": \"a\", \"op\": \"exists\"}], \"not\": {\"path\": \"a\", \"op\": \"exists\"}}]}}}",
      "p.json:1:83: a combinator constraint has exactly one key (all_of, any_of or not), found 2 keys" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a\", \"op\": \"in\", \"value\": \"abc\"}]}}}",
      "p.json:1:118: \"value\" of in/not_in must be an array, found string" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"pth\": \"a\", \"op\": \"exists\"}]}}}",
      "p.json:1:84: unknown key \"pth\" in a constraint (or use all_of, any_of, not); expected one of: path, op, value" },
    { "{\"tools\": {}, \"budgets\": {\"max_call\": 3}}",
      "p.json:1:27: unknown key \"max_call\" in \"budgets\"; expected one of: max_calls, max_calls_per_run" },
    { "{\"tools\": {}, \"budgets\": {\"max_calls\": 1.5}}",
      "p.json:1:40: \"max_calls\" must be a whole number from 0 to 2147483647, found 1.5" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"object\", \"properties\": {\"a\": {\"enum\": []}}}}}}",
      "p.json:1:125: \"enum\" of parameter \"a\" is empty: no value could ever be allowed" },
    { "{\"tools\": {}, \"extra\": 1}",
      "p.json:1:15: unknown key \"extra\" in the policy; expected one of: version, tools, budgets, limits, mcp_servers, mounts" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": [{\"path\": \"a\", \"op\": \"<\", \"value\": NaN}]}}}",
      "p.json:1:117: invalid JSON: NaN and Infinity are not JSON numbers" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\",}}}}",
      "p.json:1:65: invalid JSON: trailing comma before '}': JSON does not allow one" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/cat\"], \"cwd\": \"tmp\"}}}}",
      "p.json:1:76: \"cwd\" must be an absolute path, found \"tmp\"" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/cat\"], \"env\": {\"A=B\": \"c\"}}}}}",
      "p.json:1:77: bad environment variable name \"A=B\"" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"redact\": [1]}}}",
      "p.json:1:78: each entry of \"redact\" must be a string, found number" },
    { "{\"tools\": {\"x\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"constraints\": {\"path\": \"a\", \"op\": \"exists\"}}}}",
      "p.json:1:82: \"constraints\" must be an array, found object" },
    /* Positions count lines and columns in multi-line files. */
    { "{\n  \"tools\": {\n    \"ok\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}},\n"
      "    \"bad\": {\n      \"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},\n"
      "      \"constraints\": [\n        {\"path\": \"amount\", \"op\": \"=<\", \"value\": 5}\n      ]\n    }\n  }\n}\n",
      "p.json:7:34: unknown op \"=<\"; expected one of: ==, !=, <, <=, >, >=, in, not_in, starts_with, ends_with, contains, exists, not_exists" },
};

static void test_malformed_policies(void **state)
{
    (void)state;
    assert_true(sizeof bad / sizeof bad[0] >= 25);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[512] = "";
        wb__policy *p = wb__policy_load(bad[i].text, strlen(bad[i].text), "p.json", err, sizeof err);
        if (p || strcmp(err, bad[i].error) != 0)
            fprintf(stderr, "case %zu: %s\n  want: %s\n  got:  %s\n", i, bad[i].text, bad[i].error,
                    p ? "(loaded)" : err);
        assert_null(p);
        assert_string_equal(err, bad[i].error);
    }
}

static void test_valid_policy_loads(void **state)
{
    (void)state;
    const char *text =
        "{\"version\": 1, \"budgets\": {\"max_calls\": 10, \"max_calls_per_run\": 4},\n"
        " \"tools\": {\n"
        "  \"get_weather\": {\"description\": \"Weather\", \"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},\n"
        "    \"params\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"maxLength\": 40},\n"
        "      \"days\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 7},\n"
        "      \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"maxItems\": 3}}, \"required\": [\"city\"]},\n"
        "    \"max_calls\": 3, \"constraints\": [{\"any_of\": [{\"path\": \"city\", \"op\": \"==\", \"value\": \"Paris\"},\n"
        "      {\"not\": {\"path\": \"city\", \"op\": \"ends_with\", \"value\": \"x\"}}]}], \"redact\": [\"city\"]},\n"
        "  \"run\": {\"provider\": {\"type\": \"exec\", \"argv\": [\"/bin/cat\", \"-u\"], \"env\": {\"A\": \"1\"},\n"
        "    \"cwd\": \"/tmp\", \"timeout_ms\": 500, \"max_output_bytes\": 100}}}}";
    char err[512] = "";
    wb__policy *p = wb__policy_load(text, strlen(text), "ok.json", err, sizeof err);
    if (!p)
        fprintf(stderr, "%s\n", err);
    assert_non_null(p);
    assert_int_equal(p->ntools, 2);
    assert_int_equal(p->max_calls, 10);
    assert_int_equal(p->max_calls_per_run, 4);
    const wb__tool *t = wb__policy_tool(p, "get_weather");
    assert_non_null(t);
    assert_int_equal(t->max_calls, 3);
    assert_true(t->max_calls_per_run == WB__UNLIMITED);
    assert_int_equal(t->nconstraints, 1);
    assert_int_equal(t->nredact, 1);
    const wb__tool *r = wb__policy_tool(p, "run");
    assert_int_equal(r->prov.kind, WB__PROV_EXEC);
    assert_string_equal(r->prov.argv[1], "-u");
    assert_null(r->prov.argv[2]);
    assert_string_equal(r->prov.env[0], "A=1");
    assert_string_equal(r->prov.cwd, "/tmp");
    assert_int_equal(r->prov.timeout_ms, 500);
    assert_null(wb__policy_tool(p, "nope"));
    wb__str sig = {0};
    wb__schema_signature(&sig, t->params);
    assert_string_equal(sig.s, "{ city: string; days?: number; tags?: Array<string> }");
    wb__str_free(&sig);
    wb__policy_unref(p);
}

/* ---- the constraint matrix */

/* A policy with one tool "t" taking any arguments and one constraint. */
static wb__policy *one_constraint(const char *constraint)
{
    char text[2048], err[512];
    snprintf(text, sizeof text,
             "{\"tools\": {\"t\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},"
             " \"params\": {\"type\": \"object\", \"additionalProperties\": true},"
             " \"constraints\": [%s]}}}", constraint);
    wb__policy *p = wb__policy_load(text, strlen(text), "m.json", err, sizeof err);
    if (!p)
        fprintf(stderr, "constraint %s: %s\n", constraint, err);
    assert_non_null(p);
    return p;
}

static int allowed(const wb__policy *p, const char *args, char *why, size_t whysz)
{
    wb__json *root;
    char err[200];
    wb__jdoc *d = wb__json_parse(args, strlen(args), &root, err, sizeof err);
    assert_non_null(d);
    wb__str w = {0};
    int ok = wb__policy_check(&p->tools[0], root, &w);
    snprintf(why, whysz, "%s", w.s ? w.s : "");
    wb__str_free(&w);
    wb__json_free(d);
    return ok;
}

static const struct {
    const char *constraint, *args;
    int ok;
} matrix[] = {
    /* == and != : strict types, numbers by value */
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":5}", "{\"v\":5}", 1 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":5}", "{\"v\":5.0}", 1 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":5}", "{\"v\":\"5\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":0}", "{\"v\":-0}", 1 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":true}", "{\"v\":1}", 0 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":null}", "{\"v\":null}", 1 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":null}", "{}", 0 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":\"a\"}", "{\"v\":\"A\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":[1,2]}", "{\"v\":[1,2]}", 1 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":[1,2]}", "{\"v\":[2,1]}", 0 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":{\"a\":1,\"b\":2}}", "{\"v\":{\"b\":2,\"a\":1}}", 1 },
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":{\"a\":1}}", "{\"v\":{\"a\":1,\"b\":2}}", 0 },
    { "{\"path\":\"v\",\"op\":\"!=\",\"value\":\"root\"}", "{\"v\":\"admin\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"!=\",\"value\":\"root\"}", "{\"v\":\"root\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"!=\",\"value\":\"root\"}", "{}", 0 },
    /* unicode look-alikes are different strings */
    { "{\"path\":\"v\",\"op\":\"==\",\"value\":\"paris\"}", "{\"v\":\"p\\u0430ris\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"!=\",\"value\":\"admin\"}", "{\"v\":\"\\u0430dmin\"}", 1 },
    /* ordering: numbers only, edges */
    { "{\"path\":\"v\",\"op\":\"<\",\"value\":10}", "{\"v\":9.999}", 1 },
    { "{\"path\":\"v\",\"op\":\"<\",\"value\":10}", "{\"v\":10}", 0 },
    { "{\"path\":\"v\",\"op\":\"<=\",\"value\":10}", "{\"v\":10}", 1 },
    { "{\"path\":\"v\",\"op\":\"<=\",\"value\":1000}", "{\"v\":\"1\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"<=\",\"value\":1000}", "{\"v\":1e3}", 1 },
    { "{\"path\":\"v\",\"op\":\"<=\",\"value\":1000}", "{\"v\":1000.0000001}", 0 },
    { "{\"path\":\"v\",\"op\":\">\",\"value\":0}", "{\"v\":-0}", 0 },
    { "{\"path\":\"v\",\"op\":\">\",\"value\":0}", "{\"v\":5e-324}", 1 },
    { "{\"path\":\"v\",\"op\":\">=\",\"value\":-1}", "{\"v\":-1}", 1 },
    { "{\"path\":\"v\",\"op\":\">=\",\"value\":-1}", "{\"v\":null}", 0 },
    { "{\"path\":\"v\",\"op\":\"<\",\"value\":1e308}", "{\"v\":1.7e308}", 0 },
    { "{\"path\":\"v\",\"op\":\"<=\",\"value\":9007199254740991}", "{\"v\":9007199254740991}", 1 },
    /* 2^53+1 rounds to 2^53 as a double: refused, never compared */
    { "{\"path\":\"v\",\"op\":\">\",\"value\":0}", "{\"v\":9007199254740993}", 0 },
    { "{\"path\":\"v\",\"op\":\"<\",\"value\":0}", "{\"v\":-9007199254740993}", 0 },
    { "{\"path\":\"v\",\"op\":\"<=\",\"value\":1}", "{\"v\":[1]}", 0 },
    /* in / not_in */
    { "{\"path\":\"v\",\"op\":\"in\",\"value\":[\"a\",\"b\"]}", "{\"v\":\"b\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"in\",\"value\":[\"a\",\"b\"]}", "{\"v\":\"c\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"in\",\"value\":[1,2]}", "{\"v\":\"1\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"in\",\"value\":[]}", "{\"v\":1}", 0 },
    { "{\"path\":\"v\",\"op\":\"in\",\"value\":[null]}", "{\"v\":null}", 1 },
    { "{\"path\":\"v\",\"op\":\"not_in\",\"value\":[\"rm\",\"dd\"]}", "{\"v\":\"ls\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"not_in\",\"value\":[\"rm\",\"dd\"]}", "{\"v\":\"rm\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"not_in\",\"value\":[\"rm\"]}", "{}", 0 },
    /* strings */
    { "{\"path\":\"v\",\"op\":\"starts_with\",\"value\":\"/tmp/\"}", "{\"v\":\"/tmp/x\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"starts_with\",\"value\":\"/tmp/\"}", "{\"v\":\"/tmp\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"starts_with\",\"value\":\"/tmp/\"}", "{\"v\":[\"/tmp/x\"]}", 0 },
    { "{\"path\":\"v\",\"op\":\"starts_with\",\"value\":\"\"}", "{\"v\":\"\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"ends_with\",\"value\":\".csv\"}", "{\"v\":\"a.csv\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"ends_with\",\"value\":\".csv\"}", "{\"v\":\"a.csv.exe\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"ends_with\",\"value\":\".csv\"}", "{\"v\":5}", 0 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":\"@corp.com\"}", "{\"v\":\"a@corp.com\"}", 1 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":\"@corp.com\"}", "{\"v\":\"a@corp.co\"}", 0 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":\"x\"}", "{\"v\":[\"x\",\"y\"]}", 1 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":3}", "{\"v\":[1,2,3]}", 1 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":3}", "{\"v\":[\"3\"]}", 0 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":3}", "{\"v\":3}", 0 },
    { "{\"path\":\"v\",\"op\":\"contains\",\"value\":\"\"}", "{\"v\":\"abc\"}", 1 },
    /* exists / not_exists, with null */
    { "{\"path\":\"v\",\"op\":\"exists\"}", "{\"v\":null}", 1 },
    { "{\"path\":\"v\",\"op\":\"exists\"}", "{}", 0 },
    { "{\"path\":\"v\",\"op\":\"not_exists\"}", "{}", 1 },
    { "{\"path\":\"v\",\"op\":\"not_exists\"}", "{\"v\":false}", 0 },
    /* nested paths */
    { "{\"path\":\"order.items[0].sku\",\"op\":\"starts_with\",\"value\":\"SKU-\"}",
      "{\"order\":{\"items\":[{\"sku\":\"SKU-1\"},{\"sku\":\"bad\"}]}}", 1 },
    { "{\"path\":\"order.items[1].sku\",\"op\":\"starts_with\",\"value\":\"SKU-\"}",
      "{\"order\":{\"items\":[{\"sku\":\"SKU-1\"},{\"sku\":\"bad\"}]}}", 0 },
    { "{\"path\":\"order.items[2].sku\",\"op\":\"exists\"}", "{\"order\":{\"items\":[{\"sku\":\"a\"}]}}", 0 },
    { "{\"path\":\"order.items[0]\",\"op\":\"==\",\"value\":1}", "{\"order\":{\"items\":{\"0\":1}}}", 0 },
    { "{\"path\":\"m[0][1]\",\"op\":\"==\",\"value\":4}", "{\"m\":[[3,4]]}", 1 },
    { "{\"path\":\"a.b.c\",\"op\":\"not_exists\"}", "{\"a\":\"string\"}", 1 },
    /* combinators */
    { "{\"all_of\":[{\"path\":\"v\",\"op\":\">\",\"value\":0},{\"path\":\"v\",\"op\":\"<\",\"value\":10}]}", "{\"v\":5}", 1 },
    { "{\"all_of\":[{\"path\":\"v\",\"op\":\">\",\"value\":0},{\"path\":\"v\",\"op\":\"<\",\"value\":10}]}", "{\"v\":10}", 0 },
    { "{\"any_of\":[{\"path\":\"v\",\"op\":\"==\",\"value\":\"a\"},{\"path\":\"w\",\"op\":\"exists\"}]}", "{\"w\":0}", 1 },
    { "{\"any_of\":[{\"path\":\"v\",\"op\":\"==\",\"value\":\"a\"},{\"path\":\"w\",\"op\":\"exists\"}]}", "{\"v\":\"b\"}", 0 },
    { "{\"not\":{\"path\":\"v\",\"op\":\"contains\",\"value\":\"..\"}}", "{\"v\":\"a/b\"}", 1 },
    { "{\"not\":{\"path\":\"v\",\"op\":\"contains\",\"value\":\"..\"}}", "{\"v\":\"a/../b\"}", 0 },
    { "{\"not\":{\"not\":{\"path\":\"v\",\"op\":\"exists\"}}}", "{\"v\":1}", 1 },
    { "{\"any_of\":[{\"all_of\":[{\"path\":\"r\",\"op\":\"==\",\"value\":\"admin\"}]},{\"path\":\"n\",\"op\":\"<=\",\"value\":3}]}",
      "{\"r\":\"user\",\"n\":4}", 0 },
    { "{\"any_of\":[{\"all_of\":[{\"path\":\"r\",\"op\":\"==\",\"value\":\"admin\"}]},{\"path\":\"n\",\"op\":\"<=\",\"value\":3}]}",
      "{\"r\":\"admin\",\"n\":4}", 1 },
};

static void test_constraint_matrix(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof matrix / sizeof matrix[0]; i++) {
        wb__policy *p = one_constraint(matrix[i].constraint);
        char why[600];
        int ok = allowed(p, matrix[i].args, why, sizeof why);
        if (ok != matrix[i].ok)
            fprintf(stderr, "row %zu: %s on %s: want %s, got %s (%s)\n", i, matrix[i].constraint, matrix[i].args,
                    matrix[i].ok ? "allow" : "deny", ok ? "allow" : "deny", why);
        assert_int_equal(ok, matrix[i].ok);
        /* A denial always explains itself. */
        if (!ok)
            assert_true(strlen(why) > 10);
        wb__policy_unref(p);
    }
}

static void test_denial_messages(void **state)
{
    (void)state;
    char why[600];
    wb__policy *p = one_constraint("{\"path\":\"amount\",\"op\":\"<=\",\"value\":1000}");
    assert_false(allowed(p, "{\"amount\":5000}", why, sizeof why));
    assert_string_equal(why, "constraint amount <= 1000 failed: amount is 5000");
    assert_false(allowed(p, "{\"amount\":\"5\"}", why, sizeof why));
    assert_string_equal(why, "constraint amount <= 1000 failed: amount is \"5\" (a string, but the op needs a number)");
    assert_false(allowed(p, "{}", why, sizeof why));
    assert_string_equal(why, "constraint amount <= 1000 failed: amount is missing");
    assert_false(allowed(p, "{\"amount\":9007199254740993}", why, sizeof why));
    assert_string_equal(why, "parameter amount: integer 9007199254740993 is beyond ±2^53-1 (9007199254740991) and "
                             "cannot be checked exactly; send it as a string");
    wb__policy_unref(p);

    p = one_constraint("{\"any_of\":[{\"path\":\"city\",\"op\":\"==\",\"value\":\"Paris\"},"
                       "{\"path\":\"city\",\"op\":\"==\",\"value\":\"Rome\"}]}");
    assert_false(allowed(p, "{\"city\":\"Oslo\"}", why, sizeof why));
    assert_string_equal(why, "none of any_of [city == \"Paris\", city == \"Rome\"] holds (constraint city == \"Paris\" "
                             "failed: city is \"Oslo\"; constraint city == \"Rome\" failed: city is \"Oslo\")");
    wb__policy_unref(p);
}

static void test_schema_checks(void **state)
{
    (void)state;
    const char *text =
        "{\"tools\": {\"t\": {\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"},"
        " \"params\": {\"type\": \"object\", \"required\": [\"city\"], \"properties\": {"
        "  \"city\": {\"type\": \"string\", \"minLength\": 2, \"maxLength\": 5},"
        "  \"days\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 7},"
        "  \"unit\": {\"enum\": [\"C\", \"F\"]},"
        "  \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 1, \"maxItems\": 2},"
        "  \"opts\": {\"type\": \"object\", \"properties\": {\"fast\": {\"type\": \"boolean\"}}}}}}}}";
    char err[512];
    wb__policy *p = wb__policy_load(text, strlen(text), "s.json", err, sizeof err);
    assert_non_null(p);
    static const struct { const char *args, *why; } rows[] = {
        { "{\"city\":\"Oslo\"}", NULL },
        { "{\"city\":\"Oslo\",\"days\":7,\"unit\":\"C\",\"tags\":[\"a\"],\"opts\":{\"fast\":true}}", NULL },
        { "{}", "missing required parameter city" },
        { "{\"city\":5}", "parameter city: expected string, got number 5" },
        { "{\"city\":\"O\"}", "parameter city: 1 characters, at least 2 needed" },
        { "{\"city\":\"Zürich\"}", "parameter city: 6 characters, at most 5 allowed" },
        { "{\"city\":\"Oslo\",\"days\":\"3\"}",
          "parameter days: expected integer, got string \"3\" (a string is not a number: pass it without quotes)" },
        { "{\"city\":\"Oslo\",\"days\":2.5}", "parameter days: expected integer, got number 2.5" },
        { "{\"city\":\"Oslo\",\"days\":0}", "parameter days: 0 is below the minimum 1" },
        { "{\"city\":\"Oslo\",\"days\":8}", "parameter days: 8 is above the maximum 7" },
        { "{\"city\":\"Oslo\",\"unit\":\"K\"}", "parameter unit: got string \"K\", allowed values: [\"C\",\"F\"]" },
        { "{\"city\":\"Oslo\",\"tags\":[]}", "parameter tags: 0 items, at least 1 needed" },
        { "{\"city\":\"Oslo\",\"tags\":[\"a\",2]}", "parameter tags[1]: expected string, got number 2" },
        { "{\"city\":\"Oslo\",\"opts\":{\"slow\":1}}",
          "unexpected parameter opts.slow; the parameters are: fast" },
        { "{\"city\":\"Oslo\",\"extra\":1}",
          "unexpected parameter extra; the parameters are: city, days, unit, tags, opts" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char why[600];
        int ok = allowed(p, rows[i].args, why, sizeof why);
        if (ok != !rows[i].why || (rows[i].why && strcmp(why, rows[i].why)))
            fprintf(stderr, "row %zu: %s\n  want: %s\n  got:  %s\n", i, rows[i].args,
                    rows[i].why ? rows[i].why : "(allowed)", ok ? "(allowed)" : why);
        assert_int_equal(ok, !rows[i].why);
        if (rows[i].why)
            assert_string_equal(why, rows[i].why);
    }
    wb__policy_unref(p);
}

static void test_json_strictness(void **state)
{
    (void)state;
    static const struct { const char *text, *error; } rows[] = {
        { "{\"a\":1,\"a\":2}", "line 1, column 8: duplicate key \"a\" (first at line 1, column 2)" },
        { "[1,]", "line 1, column 4: trailing comma before ']': JSON does not allow one" },
        { "{\"a\":01}", "line 1, column 6: numbers must not have leading zeros" },
        { "[NaN]", "line 1, column 2: NaN and Infinity are not JSON numbers" },
        { "[-Infinity]", "line 1, column 2: NaN and Infinity are not JSON numbers" },
        { "[1e400]", "line 1, column 2: number 1e400 is out of range" },
        { "[\"\\ud800\"]", "line 1, column 3: lone UTF-16 surrogate \\uD800" },
        { "[\"a\xff\"]", "line 1, column 4: invalid UTF-8 in a string" },
        { "[\"a\nb\"]", "line 1, column 4: control character 0x0a in a string: escape it as \\u000a" },
        { "{\"a\\u0000b\":1}", "line 1, column 2: a key must not contain \\u0000" },
        { "[1] [2]", "line 1, column 5: unexpected text after the JSON value" },
        { "// c\n{}", "line 1, column 1: expected a value (object, array, string, number, true, false or null), found an unexpected character" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        wb__json *root;
        char err[300] = "";
        wb__jdoc *d = wb__json_parse(rows[i].text, strlen(rows[i].text), &root, err, sizeof err);
        if (d || strcmp(err, rows[i].error))
            fprintf(stderr, "row %zu: want %s\n  got %s\n", i, rows[i].error, d ? "(parsed)" : err);
        assert_null(d);
        assert_string_equal(err, rows[i].error);
    }
    /* Deep nesting is bounded, not a stack overflow. */
    char deep[4096];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = 0;
    wb__json *root;
    char err[300];
    assert_null(wb__json_parse(deep, strlen(deep), &root, err, sizeof err));
    assert_non_null(strstr(err, "nesting deeper than 128 levels"));
    /* Numbers keep their exact text for the provider. */
    const char *t = "{\"n\":1.50,\"big\":12345678901234567890e-10,\"s\":\"\\u00e9\\n\"}";
    wb__jdoc *d = wb__json_parse(t, strlen(t), &root, err, sizeof err);
    assert_non_null(d);
    wb__str out = {0};
    wb__json_write(&out, root);
    assert_string_equal(out.s, "{\"n\":1.50,\"big\":12345678901234567890e-10,\"s\":\"é\\n\"}");
    wb__str_free(&out);
    wb__json_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_malformed_policies),
        cmocka_unit_test(test_valid_policy_loads),
        cmocka_unit_test(test_constraint_matrix),
        cmocka_unit_test(test_denial_messages),
        cmocka_unit_test(test_schema_checks),
        cmocka_unit_test(test_json_strictness),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
