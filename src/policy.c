/* Loading and validating a policy (format: docs/policy.md).
 *
 * Fail closed: every object's keys are checked against the keys allowed
 * there, every value's type is checked, and any surprise is an error that
 * names SOURCE:LINE:COLUMN, what was found and what is allowed.  Nothing is
 * ignored, so a typo in a constraint can never silently drop it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

typedef struct {
    const char *source;
    char *err;
    size_t errsz;
    wb__jdoc *doc;
    const struct wb__policy *pol; /* being loaded: its mcp_servers come first */
} loader;

static int lfail(loader *l, uint32_t line, uint32_t col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int lfail(loader *l, uint32_t line, uint32_t col, const char *fmt, ...)
{
    int n = snprintf(l->err, l->errsz, "%s:%u:%u: ", l->source, line, col);
    if (n >= 0 && (size_t)n < l->errsz) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(l->err + n, l->errsz - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

#define AT(v) (v)->line, (v)->col

/* The keys allowed in an object; an unknown one is an error at its position. */
static int check_keys(loader *l, const wb__json *obj, const char *const *allowed, const char *where)
{
    for (size_t i = 0; i < obj->u.obj.n; i++) {
        const wb__jmember *m = &obj->u.obj.m[i];
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (!strcmp(m->key, *a))
                ok = 1;
        if (!ok) {
            char list[256] = "";
            for (const char *const *a = allowed; *a; a++) {
                if (a != allowed)
                    strncat(list, ", ", sizeof list - strlen(list) - 1);
                strncat(list, *a, sizeof list - strlen(list) - 1);
            }
            return lfail(l, m->line, m->col, "unknown key \"%s\" in %s; expected one of: %s", m->key, where, list);
        }
    }
    return 0;
}

static int want_type(loader *l, const wb__json *v, wb__jtype t, const char *what)
{
    if (v->type == t)
        return 0;
    return lfail(l, AT(v), "%s must be %s %s, found %s", what, t == WB_JARR || t == WB_JOBJ ? "an" : "a",
                 wb__json_type_name(t), wb__json_type_name(v->type));
}

/* A non-negative integer no larger than max. */
static int want_count(loader *l, const wb__json *v, const char *what, int64_t max, int64_t *out)
{
    if (v->type != WB_JNUM || !v->u.num.is_int || v->u.num.d < 0 || v->u.num.d > (double)max) {
        wb__str found = {0};
        if (v->type != WB_JNUM)
            wb__str_addf(&found, "%s ", wb__json_type_name(v->type));
        wb__json_brief(&found, v, 40);
        lfail(l, AT(v), "%s must be a whole number from 0 to %lld, found %s", what, (long long)max,
              found.s ? found.s : "?");
        wb__str_free(&found);
        return -1;
    }
    *out = (int64_t)v->u.num.d;
    return 0;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ---------------------------------------------------------------- schemas */

static const char *const schema_types[] = { "string", "number", "integer", "boolean", "object", "array", "null", NULL };

static int load_schema(loader *l, const wb__json *s, const char *where, int depth);

static int schema_type_is(const wb__json *s, const char *t)
{
    const wb__json *ty = wb__json_get(s, "type");
    return ty && ty->type == WB_JSTR && !strcmp(ty->u.str.s, t);
}

static int load_schema(loader *l, const wb__json *s, const char *where, int depth)
{
    static const char *const keys[] = { "type", "description", "properties", "required", "enum", "items",
                                        "minimum", "maximum", "minLength", "maxLength", "minItems",
                                        "maxItems", "additionalProperties", NULL };
    char what[160];
    if (depth > 32)
        return lfail(l, AT(s), "schema of %s nests deeper than 32 levels", where);
    if (want_type(l, s, WB_JOBJ, where) || check_keys(l, s, keys, where))
        return -1;
    const wb__json *ty = wb__json_get(s, "type"), *en = wb__json_get(s, "enum");
    if (!ty && !en)
        return lfail(l, AT(s), "schema of %s needs \"type\" (one of string, number, integer, boolean, object, array, null) or \"enum\"", where);
    if (ty) {
        snprintf(what, sizeof what, "\"type\" of %s", where);
        if (want_type(l, ty, WB_JSTR, what))
            return -1;
        int ok = 0;
        for (const char *const *t = schema_types; *t; t++)
            if (!strcmp(ty->u.str.s, *t))
                ok = 1;
        if (!ok)
            return lfail(l, AT(ty), "unknown type \"%s\" for %s; expected one of: string, number, integer, boolean, object, array, null",
                         ty->u.str.s, where);
    }
    if (en) {
        snprintf(what, sizeof what, "\"enum\" of %s", where);
        if (want_type(l, en, WB_JARR, what))
            return -1;
        if (en->u.arr.n == 0)
            return lfail(l, AT(en), "\"enum\" of %s is empty: no value could ever be allowed", where);
    }
    const wb__json *d = wb__json_get(s, "description");
    if (d && want_type(l, d, WB_JSTR, "\"description\""))
        return -1;

    int is_num = schema_type_is(s, "number") || schema_type_is(s, "integer");
    int is_str = schema_type_is(s, "string"), is_arr = schema_type_is(s, "array"), is_obj = schema_type_is(s, "object");
    static const struct { const char *key; int kind; } bounds[] = {
        { "minimum", 'n' }, { "maximum", 'n' }, { "minLength", 's' }, { "maxLength", 's' },
        { "minItems", 'a' }, { "maxItems", 'a' },
    };
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
        const wb__json *b = wb__json_get(s, bounds[i].key);
        if (!b)
            continue;
        int fits = bounds[i].kind == 'n' ? is_num : bounds[i].kind == 's' ? is_str : is_arr;
        if (!fits)
            return lfail(l, AT(b), "\"%s\" of %s applies only to type %s", bounds[i].key, where,
                         bounds[i].kind == 'n' ? "number or integer" : bounds[i].kind == 's' ? "string" : "array");
        int64_t dummy;
        snprintf(what, sizeof what, "\"%s\" of %s", bounds[i].key, where);
        if (bounds[i].kind == 'n' ? want_type(l, b, WB_JNUM, what) : want_count(l, b, what, INT32_MAX, &dummy))
            return -1;
    }
    const wb__json *props = wb__json_get(s, "properties"), *req = wb__json_get(s, "required");
    const wb__json *addl = wb__json_get(s, "additionalProperties"), *items = wb__json_get(s, "items");
    if ((props || req || addl) && !is_obj) {
        const wb__json *w = props ? props : req ? req : addl;
        return lfail(l, AT(w), "\"%s\" of %s applies only to type object",
                     props ? "properties" : req ? "required" : "additionalProperties", where);
    }
    if (items && !is_arr)
        return lfail(l, AT(items), "\"items\" of %s applies only to type array", where);
    if (addl && want_type(l, addl, WB_JBOOL, "\"additionalProperties\""))
        return -1;
    if (props) {
        snprintf(what, sizeof what, "\"properties\" of %s", where);
        if (want_type(l, props, WB_JOBJ, what))
            return -1;
        for (size_t i = 0; i < props->u.obj.n; i++) {
            char sub[160];
            snprintf(sub, sizeof sub, "parameter \"%s\"", props->u.obj.m[i].key);
            if (load_schema(l, props->u.obj.m[i].val, sub, depth + 1))
                return -1;
        }
    }
    if (req) {
        snprintf(what, sizeof what, "\"required\" of %s", where);
        if (want_type(l, req, WB_JARR, what))
            return -1;
        for (size_t i = 0; i < req->u.arr.n; i++) {
            const wb__json *r = req->u.arr.v[i];
            if (want_type(l, r, WB_JSTR, "each entry of \"required\""))
                return -1;
            if (!wb__json_get(props, r->u.str.s))
                return lfail(l, AT(r), "required parameter \"%s\" of %s is not in its \"properties\"", r->u.str.s, where);
        }
    }
    if (items)
        return load_schema(l, items, "array items", depth + 1);
    return 0;
}

/* ---------------------------------------------------------------- constraints */

static const struct { const char *name; wb__op op; } ops[] = {
    { "==", WB__OP_EQ }, { "!=", WB__OP_NE }, { "<", WB__OP_LT }, { "<=", WB__OP_LE },
    { ">", WB__OP_GT }, { ">=", WB__OP_GE }, { "in", WB__OP_IN }, { "not_in", WB__OP_NOT_IN },
    { "starts_with", WB__OP_STARTS_WITH }, { "ends_with", WB__OP_ENDS_WITH },
    { "contains", WB__OP_CONTAINS }, { "exists", WB__OP_EXISTS }, { "not_exists", WB__OP_NOT_EXISTS },
};
#define OPS_LIST "==, !=, <, <=, >, >=, in, not_in, starts_with, ends_with, contains, exists, not_exists"

static void free_constraint(wb__constraint *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nkids; i++)
        free_constraint(c->kids[i]);
    for (size_t i = 0; i < c->nsegs; i++)
        free((char *)c->segs[i].key);
    free(c->kids);
    free(c->path);
    free(c->segs);
    free(c);
}

/* "order.items[0].sku" -> segments.  A key is any text without . [ ]. */
static int parse_path(loader *l, const wb__json *pv, wb__constraint *c)
{
    const char *s = pv->u.str.s, *p = s;
    size_t cap = 0;
    if (!(c->path = dup_str(s)))
        return lfail(l, AT(pv), "out of memory");
    if (!*p)
        return lfail(l, AT(pv), "empty path: name a parameter, e.g. \"amount\" or \"order.items[0].sku\"");
    for (;;) {
        if (c->nsegs == cap) {
            wb__pathseg *ns = realloc(c->segs, (cap = cap ? cap * 2 : 4) * sizeof *ns);
            if (!ns)
                return lfail(l, AT(pv), "out of memory");
            c->segs = ns;
        }
        wb__pathseg *seg = &c->segs[c->nsegs];
        if (*p == '[') {
            char *end;
            if (p[1] < '0' || p[1] > '9')
                return lfail(l, AT(pv), "bad path \"%s\": '[' must be followed by an index, like [0]", s);
            unsigned long long idx = strtoull(p + 1, &end, 10);
            if (*end != ']' || idx > 1000000)
                return lfail(l, AT(pv), "bad path \"%s\": an index is [N] with N from 0 to 1000000", s);
            seg->key = NULL;
            seg->index = (size_t)idx;
            c->nsegs++;
            p = end + 1;
        } else {
            const char *q = p;
            while (*p && *p != '.' && *p != '[' && *p != ']')
                p++;
            if (p == q)
                return lfail(l, AT(pv), "bad path \"%s\": expected a parameter name at \"%s\"", s, q);
            char *k = malloc((size_t)(p - q) + 1);
            if (!k)
                return lfail(l, AT(pv), "out of memory");
            memcpy(k, q, (size_t)(p - q));
            k[p - q] = 0;
            seg->key = k;
            seg->index = 0;
            c->nsegs++;
        }
        if (!*p)
            return 0;
        if (*p == '.') {
            p++;
            if (!*p || *p == '.' || *p == '[' || *p == ']')
                return lfail(l, AT(pv), "bad path \"%s\": a parameter name must follow '.'", s);
        } else if (*p != '[') {
            return lfail(l, AT(pv), "bad path \"%s\": unexpected '%c'", s, *p);
        }
    }
}

static wb__constraint *load_constraint(loader *l, const wb__json *v, int depth)
{
    static const char *const cmp_keys[] = { "path", "op", "value", NULL };
    if (depth > 32) {
        lfail(l, AT(v), "constraints nest deeper than 32 levels");
        return NULL;
    }
    if (want_type(l, v, WB_JOBJ, "a constraint"))
        return NULL;
    wb__constraint *c = calloc(1, sizeof *c);
    if (!c) {
        lfail(l, AT(v), "out of memory");
        return NULL;
    }
    const wb__json *all = wb__json_get(v, "all_of"), *any = wb__json_get(v, "any_of"), *not = wb__json_get(v, "not");
    if (all || any || not) {
        if (v->u.obj.n != 1) {
            lfail(l, AT(v), "a combinator constraint has exactly one key (all_of, any_of or not), found %zu keys",
                  v->u.obj.n);
            goto fail;
        }
        if (not) {
            c->kind = WB__C_NOT;
            c->kids = calloc(1, sizeof *c->kids);
            if (!c->kids || !(c->kids[0] = load_constraint(l, not, depth + 1)))
                goto fail;
            c->nkids = 1;
            return c;
        }
        const wb__json *list = all ? all : any;
        c->kind = all ? WB__C_ALL : WB__C_ANY;
        if (want_type(l, list, WB_JARR, all ? "\"all_of\"" : "\"any_of\""))
            goto fail;
        if (list->u.arr.n == 0) {
            lfail(l, AT(list), "\"%s\" needs at least one constraint", all ? "all_of" : "any_of");
            goto fail;
        }
        c->kids = calloc(list->u.arr.n, sizeof *c->kids);
        if (!c->kids)
            goto fail;
        for (size_t i = 0; i < list->u.arr.n; i++) {
            if (!(c->kids[i] = load_constraint(l, list->u.arr.v[i], depth + 1)))
                goto fail;
            c->nkids++;
        }
        return c;
    }
    c->kind = WB__C_CMP;
    if (check_keys(l, v, cmp_keys, "a constraint (or use all_of, any_of, not)"))
        goto fail;
    const wb__json *path = wb__json_get(v, "path"), *op = wb__json_get(v, "op"), *val = wb__json_get(v, "value");
    if (!path || !op) {
        lfail(l, AT(v), "a constraint needs \"path\" and \"op\" (and \"value\" unless op is exists or not_exists)");
        goto fail;
    }
    if (want_type(l, path, WB_JSTR, "\"path\"") || parse_path(l, path, c) || want_type(l, op, WB_JSTR, "\"op\""))
        goto fail;
    size_t k;
    for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
        if (!strcmp(op->u.str.s, ops[k].name))
            break;
    if (k == sizeof ops / sizeof ops[0]) {
        lfail(l, AT(op), "unknown op \"%s\"; expected one of: " OPS_LIST, op->u.str.s);
        goto fail;
    }
    c->op = ops[k].op;
    int unary = c->op == WB__OP_EXISTS || c->op == WB__OP_NOT_EXISTS;
    if (unary && val) {
        lfail(l, AT(val), "op \"%s\" takes no \"value\"", op->u.str.s);
        goto fail;
    }
    if (!unary && !val) {
        lfail(l, AT(op), "op \"%s\" needs a \"value\"", op->u.str.s);
        goto fail;
    }
    /* The value's type must fit the op, so a check can never be vacuous. */
    switch (c->op) {
    case WB__OP_LT: case WB__OP_LE: case WB__OP_GT: case WB__OP_GE:
        if (val->type != WB_JNUM) {
            lfail(l, AT(val), "op \"%s\" compares numbers: \"value\" must be a number, found %s%s", op->u.str.s,
                  wb__json_type_name(val->type), val->type == WB_JSTR ? " (write 1000, not \"1000\")" : "");
            goto fail;
        }
        break;
    case WB__OP_IN: case WB__OP_NOT_IN:
        if (want_type(l, val, WB_JARR, "\"value\" of in/not_in"))
            goto fail;
        break;
    case WB__OP_STARTS_WITH: case WB__OP_ENDS_WITH:
        if (want_type(l, val, WB_JSTR, "\"value\" of starts_with/ends_with"))
            goto fail;
        break;
    default:
        break;
    }
    c->value = val;
    return c;
fail:
    free_constraint(c);
    return NULL;
}

/* ---------------------------------------------------------------- providers */

static void free_list(char **v)
{
    if (!v)
        return;
    for (char **p = v; *p; p++)
        free(*p);
    free(v);
}

static char **string_list(loader *l, const wb__json *arr, const char *what)
{
    if (arr->type != WB_JARR) {
        lfail(l, AT(arr), "%s: expected an array of strings, found %s", what, wb__json_type_name(arr->type));
        return NULL;
    }
    /* NULL-terminated, so free_list() can drop a partly filled one. */
    char **v = calloc(arr->u.arr.n + 1, sizeof *v);
    if (!v) {
        lfail(l, AT(arr), "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < arr->u.arr.n; i++) {
        const wb__json *s = arr->u.arr.v[i];
        int bad = want_type(l, s, WB_JSTR, what);
        if (!bad && strlen(s->u.str.s) != s->u.str.len)
            bad = lfail(l, AT(s), "%s must not contain NUL characters", what);
        if (!bad && !(v[i] = dup_str(s->u.str.s)))
            bad = lfail(l, AT(s), "out of memory");
        if (bad) {
            free_list(v);
            return NULL;
        }
    }
    return v;
}

/* An "env" object as a NULL-terminated "K=V" list (*out owns it, also
 * when this fails part way). */
static int load_env(loader *l, const wb__json *env, char ***out)
{
    if (want_type(l, env, WB_JOBJ, "\"env\""))
        return -1;
    char **v = *out = calloc(env->u.obj.n + 1, sizeof *v);
    if (!v)
        return lfail(l, AT(env), "out of memory");
    for (size_t i = 0; i < env->u.obj.n; i++) {
        const wb__jmember *m = &env->u.obj.m[i];
        if (want_type(l, m->val, WB_JSTR, "each \"env\" value"))
            return -1;
        if (!m->keylen || strchr(m->key, '='))
            return lfail(l, m->line, m->col, "bad environment variable name \"%s\"", m->key);
        if (strlen(m->val->u.str.s) != m->val->u.str.len)
            return lfail(l, AT(m->val), "the value of \"%s\" must not contain NUL characters", m->key);
        size_t n = m->keylen + m->val->u.str.len + 2;
        if (!(v[i] = malloc(n)))
            return lfail(l, AT(env), "out of memory");
        snprintf(v[i], n, "%s=%s", m->key, m->val->u.str.s);
    }
    return 0;
}

static int load_provider(loader *l, const wb__json *v, wb__provider *pr, const char *tool)
{
    static const char *const keys[] = { "type", "argv", "env", "cwd", "timeout_ms", "max_output_bytes", "name", NULL };
    char where[128];
    snprintf(where, sizeof where, "the provider of tool \"%s\"", tool);
    if (want_type(l, v, WB_JOBJ, "\"provider\"") || check_keys(l, v, keys, where))
        return -1;
    const wb__json *type = wb__json_get(v, "type");
    if (!type)
        return lfail(l, AT(v), "%s needs \"type\": callback, exec or builtin", where);
    if (want_type(l, type, WB_JSTR, "provider \"type\""))
        return -1;
    const char *t = type->u.str.s;
    const wb__json *argv = wb__json_get(v, "argv"), *env = wb__json_get(v, "env"), *cwd = wb__json_get(v, "cwd");
    const wb__json *tmo = wb__json_get(v, "timeout_ms"), *mo = wb__json_get(v, "max_output_bytes");
    const wb__json *name = wb__json_get(v, "name");
    pr->timeout_ms = 10000;
    pr->max_output = 1 << 20;
    if (!strcmp(t, "exec")) {
        pr->kind = WB__PROV_EXEC;
        if (name)
            return lfail(l, AT(name), "\"name\" belongs to builtin providers, not exec");
        if (!argv)
            return lfail(l, AT(v), "an exec provider needs \"argv\": the program and its fixed arguments");
        if (!(pr->argv = string_list(l, argv, "\"argv\"")))
            return -1;
        if (!pr->argv[0] || pr->argv[0][0] != '/')
            return lfail(l, AT(argv), "\"argv\" must start with an absolute program path (no shell, no PATH lookup), found %s",
                         pr->argv[0] ? pr->argv[0] : "an empty list");
        if (env && load_env(l, env, &pr->env))
            return -1;
        if (cwd) {
            if (want_type(l, cwd, WB_JSTR, "\"cwd\""))
                return -1;
            if (cwd->u.str.s[0] != '/')
                return lfail(l, AT(cwd), "\"cwd\" must be an absolute path, found \"%s\"", cwd->u.str.s);
        }
        if (!(pr->cwd = dup_str(cwd ? cwd->u.str.s : "/")))
            return lfail(l, AT(v), "out of memory");
        int64_t n;
        if (tmo) {
            if (want_count(l, tmo, "\"timeout_ms\"", 3600000, &n))
                return -1;
            if (n == 0)
                return lfail(l, AT(tmo), "\"timeout_ms\" must be at least 1");
            pr->timeout_ms = (uint32_t)n;
        }
        if (mo) {
            if (want_count(l, mo, "\"max_output_bytes\"", (int64_t)1 << 30, &n))
                return -1;
            if (n == 0)
                return lfail(l, AT(mo), "\"max_output_bytes\" must be at least 1");
            pr->max_output = (uint64_t)n;
        }
        return 0;
    }
    const wb__json *stray = argv ? argv : env ? env : cwd ? cwd : tmo ? tmo : mo;
    if (stray)
        return lfail(l, AT(stray), "argv, env, cwd, timeout_ms and max_output_bytes belong to exec providers, not %s", t);
    if (!strcmp(t, "callback")) {
        pr->kind = WB__PROV_CALLBACK;
        if (name)
            return lfail(l, AT(name), "a callback provider is found by the tool's name; \"name\" is for builtin providers");
        return 0;
    }
    if (!strcmp(t, "mcp")) {
        /* Which server and tool: from the tool's name (load_tool). */
        pr->kind = WB__PROV_MCP;
        if (name)
            return lfail(l, AT(name), "an mcp provider is found by the tool's name (server.tool); \"name\" is for "
                         "builtin providers");
        return 0;
    }
    if (!strcmp(t, "builtin")) {
        pr->kind = WB__PROV_BUILTIN;
        if (!name)
            return lfail(l, AT(v), "a builtin provider needs \"name\": echo, fail or slow");
        if (want_type(l, name, WB_JSTR, "builtin \"name\""))
            return -1;
        if (!strcmp(name->u.str.s, "echo")) pr->builtin = WB__BUILTIN_ECHO;
        else if (!strcmp(name->u.str.s, "fail")) pr->builtin = WB__BUILTIN_FAIL;
        else if (!strcmp(name->u.str.s, "slow")) pr->builtin = WB__BUILTIN_SLOW;
        else
            return lfail(l, AT(name), "unknown builtin provider \"%s\"; expected one of: echo, fail, slow", name->u.str.s);
        return 0;
    }
    return lfail(l, AT(type), "unknown provider type \"%s\"; expected one of: callback, exec, builtin, mcp", t);
}

/* ---------------------------------------------------------------- tools */

static int valid_tool_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
            return 0;
    }
    return 1;
}

static void free_tool(wb__tool *t)
{
    free(t->name);
    free(t->description);
    free_list(t->prov.argv);
    free_list(t->prov.env);
    free(t->prov.cwd);
    free(t->prov.upstream);
    for (size_t i = 0; i < t->nconstraints; i++)
        free_constraint(t->constraints[i]);
    free(t->constraints);
    for (size_t i = 0; i < t->nredact; i++)
        free(t->redact[i]);
    free(t->redact);
}

static int load_tool(loader *l, const wb__jmember *m, wb__tool *t)
{
    static const char *const keys[] = { "description", "params", "provider", "max_calls", "max_calls_per_run",
                                        "constraints", "redact", NULL };
    const wb__json *v = m->val;
    char where[128];
    t->max_calls = t->max_calls_per_run = WB__UNLIMITED;
    if (!valid_tool_name(m->key))
        return lfail(l, m->line, m->col,
                     "bad tool name \"%s\": use 1-64 letters, digits, '_', '.' or '-', starting with a letter or '_'", m->key);
    if (!(t->name = dup_str(m->key)))
        return lfail(l, AT(v), "out of memory");
    snprintf(where, sizeof where, "tool \"%s\"", m->key);
    if (want_type(l, v, WB_JOBJ, where) || check_keys(l, v, keys, where))
        return -1;
    const wb__json *d = wb__json_get(v, "description"), *params = wb__json_get(v, "params");
    const wb__json *prov = wb__json_get(v, "provider"), *mc = wb__json_get(v, "max_calls");
    const wb__json *mcr = wb__json_get(v, "max_calls_per_run"), *cons = wb__json_get(v, "constraints");
    const wb__json *red = wb__json_get(v, "redact");
    if (d && want_type(l, d, WB_JSTR, "\"description\""))
        return -1;
    if (!(t->description = dup_str(d ? d->u.str.s : "")))
        return lfail(l, AT(v), "out of memory");
    /* "server.tool" of a server in mcp_servers is served by it. */
    const char *dot = strchr(m->key, '.');
    const wb__policy *pol = l->pol;
    size_t si = SIZE_MAX;
    for (size_t i = 0; dot && i < pol->nservers; i++)
        if (strlen(pol->servers[i].name) == (size_t)(dot - m->key) && !strncmp(pol->servers[i].name, m->key, (size_t)(dot - m->key)))
            si = i;
    if (si != SIZE_MAX) {
        if (prov && load_provider(l, prov, &t->prov, m->key))
            return -1;
        if (prov && t->prov.kind != WB__PROV_MCP)
            return lfail(l, AT(prov), "tool \"%s\" is served by MCP server \"%s\" (mcp_servers): leave out "
                         "\"provider\" or write {\"type\": \"mcp\"}", m->key, pol->servers[si].name);
        t->prov.kind = WB__PROV_MCP;
        t->prov.server = si;
        if (!(t->prov.upstream = dup_str(dot + 1)))
            return lfail(l, AT(v), "out of memory");
        /* Without "params" the upstream server's own schema applies: any
         * object passes here, the constraints still hold. */
        t->open_params = !params;
    } else {
        if (!prov)
            return lfail(l, AT(v), "%s needs a \"provider\" (callback, exec or builtin)", where);
        if (load_provider(l, prov, &t->prov, m->key))
            return -1;
        if (t->prov.kind == WB__PROV_MCP)
        {
            char list[256] = "";
            for (size_t i = 0; i < pol->nservers; i++) {
                if (i)
                    strncat(list, ", ", sizeof list - strlen(list) - 1);
                strncat(list, pol->servers[i].name, sizeof list - strlen(list) - 1);
            }
            return lfail(l, AT(prov), "an mcp provider serves tools named SERVER.TOOL where SERVER is listed in "
                         "\"mcp_servers\"; \"%s\" names no such server (servers: %s)", m->key,
                         pol->nservers ? list : "none");
        }
    }
    if (params) {
        snprintf(where, sizeof where, "the params of tool \"%s\"", m->key);
        if (load_schema(l, params, where, 0))
            return -1;
        if (!schema_type_is(params, "object"))
            return lfail(l, AT(params), "the params of tool \"%s\" must be a schema of type object", m->key);
        t->params = params;
    }
    if (mc && want_count(l, mc, "\"max_calls\"", INT32_MAX, &t->max_calls))
        return -1;
    if (mcr && want_count(l, mcr, "\"max_calls_per_run\"", INT32_MAX, &t->max_calls_per_run))
        return -1;
    if (cons) {
        if (want_type(l, cons, WB_JARR, "\"constraints\""))
            return -1;
        t->constraints = calloc(cons->u.arr.n ? cons->u.arr.n : 1, sizeof *t->constraints);
        if (!t->constraints)
            return lfail(l, AT(cons), "out of memory");
        for (size_t i = 0; i < cons->u.arr.n; i++) {
            if (!(t->constraints[i] = load_constraint(l, cons->u.arr.v[i], 0)))
                return -1;
            t->nconstraints++;
        }
    }
    if (red) {
        if (!(t->redact = string_list(l, red, "each entry of \"redact\"")))
            return -1;
        while (t->redact[t->nredact])
            t->nredact++;
    }
    return 0;
}

/* ---------------------------------------------------------------- mcp_servers */

static int valid_server_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 32 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static int load_server(loader *l, const wb__jmember *m, wb__mcp_server *sv)
{
    static const char *const keys[] = { "command", "args", "env", "cwd", "timeout_ms", NULL };
    const wb__json *v = m->val;
    char where[96];
    snprintf(where, sizeof where, "MCP server \"%s\"", m->key);
    sv->timeout_ms = 30000;
    if (!valid_server_name(m->key))
        return lfail(l, m->line, m->col, "bad MCP server name \"%s\": use 1-32 letters, digits, '_' or '-', starting "
                     "with a letter or '_' (its tools are named SERVER.TOOL)", m->key);
    if (!(sv->name = dup_str(m->key)))
        return lfail(l, AT(v), "out of memory");
    if (want_type(l, v, WB_JOBJ, where) || check_keys(l, v, keys, where))
        return -1;
    const wb__json *cmd = wb__json_get(v, "command"), *args = wb__json_get(v, "args"), *env = wb__json_get(v, "env");
    const wb__json *cwd = wb__json_get(v, "cwd"), *tmo = wb__json_get(v, "timeout_ms");
    if (!cmd)
        return lfail(l, AT(v), "%s needs \"command\": the absolute path of the program to start", where);
    if (want_type(l, cmd, WB_JSTR, "\"command\""))
        return -1;
    if (cmd->u.str.s[0] != '/' || strlen(cmd->u.str.s) != cmd->u.str.len)
        return lfail(l, AT(cmd), "\"command\" must be an absolute program path (no shell, no PATH lookup), e.g. "
                     "\"/usr/bin/node\"; found \"%s\"", cmd->u.str.s);
    char **rest = NULL;
    if (args && !(rest = string_list(l, args, "each entry of \"args\"")))
        return -1;
    size_t nrest = 0;
    while (rest && rest[nrest])
        nrest++;
    sv->argv = calloc(nrest + 2, sizeof *sv->argv);
    if (!sv->argv) {
        free_list(rest);
        return lfail(l, AT(v), "out of memory");
    }
    sv->argv[0] = dup_str(cmd->u.str.s);
    for (size_t i = 0; i < nrest; i++)
        sv->argv[i + 1] = rest[i];
    free(rest); /* its strings moved to argv */
    if (!sv->argv[0])
        return lfail(l, AT(v), "out of memory");
    if (env && load_env(l, env, &sv->env))
        return -1;
    if (!sv->env && !(sv->env = calloc(1, sizeof *sv->env)))
        return lfail(l, AT(v), "out of memory");
    if (cwd) {
        if (want_type(l, cwd, WB_JSTR, "\"cwd\""))
            return -1;
        if (cwd->u.str.s[0] != '/')
            return lfail(l, AT(cwd), "\"cwd\" must be an absolute path, found \"%s\"", cwd->u.str.s);
    }
    if (!(sv->cwd = dup_str(cwd ? cwd->u.str.s : "/")))
        return lfail(l, AT(v), "out of memory");
    if (tmo) {
        int64_t n;
        if (want_count(l, tmo, "\"timeout_ms\"", 3600000, &n))
            return -1;
        if (n == 0)
            return lfail(l, AT(tmo), "\"timeout_ms\" must be at least 1");
        sv->timeout_ms = (uint32_t)n;
    }
    return 0;
}

static int load_servers(loader *l, const wb__json *v, wb__policy *p)
{
    if (want_type(l, v, WB_JOBJ, "\"mcp_servers\""))
        return -1;
    p->servers = calloc(v->u.obj.n ? v->u.obj.n : 1, sizeof *p->servers);
    if (!p->servers)
        return lfail(l, AT(v), "out of memory");
    for (size_t i = 0; i < v->u.obj.n; i++) {
        p->nservers++;
        if (load_server(l, &v->u.obj.m[i], &p->servers[i]))
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- mounts */

/* "mounts": [{"host": "/abs/folder", "guest": "/data", "mode": "ro"|"rw"}]
 * (mode defaults to "ro"); each checked like wb_config_add_mount(). */
static int load_mounts(loader *l, const wb__json *ms, wb__fs_config *fs)
{
    static const char *const keys[] = { "host", "guest", "mode", NULL };
    if (!ms)
        return 0;
    if (want_type(l, ms, WB_JARR, "\"mounts\""))
        return -1;
    for (size_t i = 0; i < ms->u.arr.n; i++) {
        const wb__json *m = ms->u.arr.v[i];
        if (want_type(l, m, WB_JOBJ, "each entry of \"mounts\"") || check_keys(l, m, keys, "a mount"))
            return -1;
        const wb__json *host = wb__json_get(m, "host"), *guest = wb__json_get(m, "guest"), *mode = wb__json_get(m, "mode");
        if (!host || !guest)
            return lfail(l, AT(m), "a mount needs \"host\" (an absolute host folder) and \"guest\" (where it "
                         "appears in the sandbox, e.g. \"/data\")");
        if (want_type(l, host, WB_JSTR, "\"host\"") || want_type(l, guest, WB_JSTR, "\"guest\"") ||
            (mode && want_type(l, mode, WB_JSTR, "\"mode\"")))
            return -1;
        if (host->u.str.s[0] != '/')
            return lfail(l, AT(host), "mount \"host\" must be an absolute path, found \"%s\"", host->u.str.s);
        if (mode && strcmp(mode->u.str.s, "ro") && strcmp(mode->u.str.s, "rw"))
            return lfail(l, AT(mode), "mount \"mode\" must be \"ro\" or \"rw\", found \"%s\"", mode->u.str.s);
        char msg[300];
        if (wb__fs_config_add_mount(fs, host->u.str.s, guest->u.str.s, mode && !strcmp(mode->u.str.s, "rw"), msg,
                                    sizeof msg))
            return lfail(l, AT(m), "%s", msg);
    }
    return 0;
}

/* ---------------------------------------------------------------- policy */

wb__policy *wb__policy_ref(wb__policy *p)
{
    if (p)
        __atomic_add_fetch(&p->refs, 1, __ATOMIC_RELAXED);
    return p;
}

void wb__policy_unref(wb__policy *p)
{
    if (!p || __atomic_sub_fetch(&p->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    for (size_t i = 0; i < p->ntools; i++)
        free_tool(&p->tools[i]);
    free(p->tools);
    for (size_t i = 0; i < p->nservers; i++) {
        free(p->servers[i].name);
        free_list(p->servers[i].argv);
        free_list(p->servers[i].env);
        free(p->servers[i].cwd);
    }
    free(p->servers);
    free(p->source);
    wb__fs_config_free(&p->fs);
    wb__json_free(p->doc);
    free(p);
}

wb__policy *wb__policy_load(const char *text, size_t len, const char *source, char *err, size_t errsz)
{
    static const char *const keys[] = { "version", "tools", "budgets", "limits", "mcp_servers", "mounts", NULL };
    static const char *const budget_keys[] = { "max_calls", "max_calls_per_run", NULL };
    static const char *const limit_keys[] = { "time_ms", "fuel", "memory_bytes", "output_bytes", "fs_bytes",
                                               "fs_files", NULL };
    loader l = { source ? source : "policy", err, errsz, NULL, NULL };
    wb__policy *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errsz, "%s: out of memory", l.source);
        return NULL;
    }
    p->refs = 1;
    p->max_calls = p->max_calls_per_run = WB__UNLIMITED;
    if (!(p->source = dup_str(l.source)))
        goto fail;
    wb__json *root;
    char jerr[200];
    p->doc = wb__json_parse(text, len, &root, jerr, sizeof jerr);
    if (!p->doc) {
        /* jerr is "line L, column C: ..." -> "source:L:C: ..." */
        unsigned line = 0, col = 0;
        int off = 0;
        if (sscanf(jerr, "line %u, column %u: %n", &line, &col, &off) == 2 && off > 0)
            snprintf(err, errsz, "%s:%u:%u: invalid JSON: %s", l.source, line, col, jerr + off);
        else
            snprintf(err, errsz, "%s: invalid JSON: %s", l.source, jerr);
        goto fail;
    }
    p->root = root;
    if (want_type(&l, root, WB_JOBJ, "a policy") || check_keys(&l, root, keys, "the policy"))
        goto fail;
    const wb__json *ver = wb__json_get(root, "version"), *tools = wb__json_get(root, "tools");
    const wb__json *budgets = wb__json_get(root, "budgets");
    if (ver && (ver->type != WB_JNUM || ver->u.num.d != 1)) {
        lfail(&l, AT(ver), "unsupported policy \"version\" %s; this wasmbox reads version 1",
              ver->type == WB_JNUM ? ver->u.num.text : wb__json_type_name(ver->type));
        goto fail;
    }
    if (!tools) {
        lfail(&l, AT(root), "a policy needs \"tools\": an object of tool name -> definition ({} for none)");
        goto fail;
    }
    if (want_type(&l, tools, WB_JOBJ, "\"tools\""))
        goto fail;
    l.pol = p;
    const wb__json *servers = wb__json_get(root, "mcp_servers");
    if (servers && load_servers(&l, servers, p))
        goto fail;
    p->tools = calloc(tools->u.obj.n ? tools->u.obj.n : 1, sizeof *p->tools);
    if (!p->tools)
        goto fail;
    for (size_t i = 0; i < tools->u.obj.n; i++) {
        p->ntools++;
        if (load_tool(&l, &tools->u.obj.m[i], &p->tools[i]))
            goto fail;
    }
    if (budgets) {
        if (want_type(&l, budgets, WB_JOBJ, "\"budgets\"") || check_keys(&l, budgets, budget_keys, "\"budgets\""))
            goto fail;
        const wb__json *mc = wb__json_get(budgets, "max_calls"), *mcr = wb__json_get(budgets, "max_calls_per_run");
        if (mc && want_count(&l, mc, "\"max_calls\"", INT32_MAX, &p->max_calls))
            goto fail;
        if (mcr && want_count(&l, mcr, "\"max_calls_per_run\"", INT32_MAX, &p->max_calls_per_run))
            goto fail;
    }
    const wb__json *limits = wb__json_get(root, "limits");
    if (limits) {
        if (want_type(&l, limits, WB_JOBJ, "\"limits\"") || check_keys(&l, limits, limit_keys, "\"limits\""))
            goto fail;
        /* The same ranges as the wb_config setters. */
        static const struct { const char *key; int64_t lo, hi; size_t off; } lim[] = {
            { "time_ms", 1, 86400000, offsetof(wb__policy, time_ms) },
            { "fuel", 1, (int64_t)1 << 62, offsetof(wb__policy, fuel) },
            { "memory_bytes", (int64_t)16 << 20, ((int64_t)4 << 30) - 65536, offsetof(wb__policy, memory_bytes) },
            { "output_bytes", 1024, (int64_t)1 << 30, offsetof(wb__policy, output_bytes) },
            { "fs_bytes", (int64_t)WB_FS_QUOTA_BYTES_MIN, (int64_t)WB_FS_QUOTA_BYTES_MAX,
              offsetof(wb__policy, fs.quota_bytes) },
            { "fs_files", 1, (int64_t)WB_FS_QUOTA_FILES_MAX, offsetof(wb__policy, fs.quota_files) },
        };
        for (size_t i = 0; i < sizeof lim / sizeof lim[0]; i++) {
            const wb__json *v = wb__json_get(limits, lim[i].key);
            int64_t n;
            char what[64];
            snprintf(what, sizeof what, "\"%s\"", lim[i].key);
            if (!v)
                continue;
            if (want_count(&l, v, what, lim[i].hi, &n))
                goto fail;
            if (n < lim[i].lo) {
                lfail(&l, AT(v), "%s must be at least %lld, found %s", what, (long long)lim[i].lo, v->u.num.text);
                goto fail;
            }
            *(uint64_t *)((char *)p + lim[i].off) = (uint64_t)n;
        }
    }
    if (load_mounts(&l, wb__json_get(root, "mounts"), &p->fs))
        goto fail;
    return p;
fail:
    wb__policy_unref(p);
    return NULL;
}

const wb__tool *wb__policy_tool(const wb__policy *p, const char *name)
{
    for (size_t i = 0; p && i < p->ntools; i++)
        if (!strcmp(p->tools[i].name, name))
            return &p->tools[i];
    return NULL;
}
