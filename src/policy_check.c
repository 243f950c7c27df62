/* Checking one tool call's arguments against its tool's schema and
 * constraints.  The arguments are the parsed form of the exact bytes the
 * provider will receive.  Messages are written for a model that must fix
 * its call: the parameter, the value it sent, what is allowed. */
#include <math.h>
#include <string.h>

#include "policy.h"
#include "tools_ts.h"

/* Integers past 2^53 cannot be compared exactly as doubles: a checker and
 * a provider could disagree about them, so they are refused outright. */
#define WB__MAX_SAFE 9007199254740991.0

static void path_push(wb__str *path, const char *key, size_t index, int is_index)
{
    if (is_index)
        wb__str_addf(path, "[%zu]", index);
    else if (path->len == 0)
        wb__str_addz(path, key);
    else
        wb__str_addf(path, ".%s", key);
}

static const char *path_name(const wb__str *path)
{
    return path->len ? path->s : "(arguments)";
}

static size_t utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static int type_ok(const char *type, const wb__json *v)
{
    if (!strcmp(type, "string")) return v->type == WB_JSTR;
    if (!strcmp(type, "number")) return v->type == WB_JNUM;
    if (!strcmp(type, "integer"))
        return v->type == WB_JNUM && v->u.num.d == floor(v->u.num.d);
    if (!strcmp(type, "boolean")) return v->type == WB_JBOOL;
    if (!strcmp(type, "object")) return v->type == WB_JOBJ;
    if (!strcmp(type, "array")) return v->type == WB_JARR;
    if (!strcmp(type, "null")) return v->type == WB_JNULL;
    return 0;
}

static void got(wb__str *why, const wb__json *v)
{
    if (v->type == WB_JNULL)
        wb__str_addz(why, "got null");
    else {
        wb__str_addf(why, "got %s ", wb__json_type_name(v->type));
        wb__json_brief(why, v, 80);
    }
}

static int check_schema(const wb__json *s, const wb__json *v, wb__str *path, wb__str *why)
{
    const wb__json *type = wb__json_get(s, "type");
    if (type && !type_ok(type->u.str.s, v)) {
        wb__str_addf(why, "parameter %s: expected %s, ", path_name(path), type->u.str.s);
        got(why, v);
        if (v->type == WB_JSTR && (!strcmp(type->u.str.s, "number") || !strcmp(type->u.str.s, "integer")))
            wb__str_addz(why, " (a string is not a number: pass it without quotes)");
        return 0;
    }
    if (type && !strcmp(type->u.str.s, "integer") && fabs(v->u.num.d) > WB__MAX_SAFE) {
        wb__str_addf(why, "parameter %s: integer %s is beyond ±2^53-1", path_name(path), v->u.num.text ? v->u.num.text : "");
        return 0;
    }
    const wb__json *en = wb__json_get(s, "enum");
    if (en) {
        int found = 0;
        for (size_t i = 0; i < en->u.arr.n && !found; i++)
            found = wb__json_equal(en->u.arr.v[i], v);
        if (!found) {
            wb__str_addf(why, "parameter %s: ", path_name(path));
            got(why, v);
            wb__str_addz(why, ", allowed values: ");
            wb__json_brief(why, en, 200);
            return 0;
        }
    }
    const wb__json *b;
    if (v->type == WB_JNUM) {
        if ((b = wb__json_get(s, "minimum")) && v->u.num.d < b->u.num.d) {
            wb__str_addf(why, "parameter %s: %s is below the minimum %s", path_name(path), v->u.num.text, b->u.num.text);
            return 0;
        }
        if ((b = wb__json_get(s, "maximum")) && v->u.num.d > b->u.num.d) {
            wb__str_addf(why, "parameter %s: %s is above the maximum %s", path_name(path), v->u.num.text, b->u.num.text);
            return 0;
        }
    }
    if (v->type == WB_JSTR) {
        size_t n = utf8_count(v->u.str.s, v->u.str.len);
        if ((b = wb__json_get(s, "minLength")) && (double)n < b->u.num.d) {
            wb__str_addf(why, "parameter %s: %zu characters, at least %s needed", path_name(path), n, b->u.num.text);
            return 0;
        }
        if ((b = wb__json_get(s, "maxLength")) && (double)n > b->u.num.d) {
            wb__str_addf(why, "parameter %s: %zu characters, at most %s allowed", path_name(path), n, b->u.num.text);
            return 0;
        }
    }
    if (v->type == WB_JARR) {
        if ((b = wb__json_get(s, "minItems")) && (double)v->u.arr.n < b->u.num.d) {
            wb__str_addf(why, "parameter %s: %zu items, at least %s needed", path_name(path), v->u.arr.n, b->u.num.text);
            return 0;
        }
        if ((b = wb__json_get(s, "maxItems")) && (double)v->u.arr.n > b->u.num.d) {
            wb__str_addf(why, "parameter %s: %zu items, at most %s allowed", path_name(path), v->u.arr.n, b->u.num.text);
            return 0;
        }
        const wb__json *items = wb__json_get(s, "items");
        for (size_t i = 0; items && i < v->u.arr.n; i++) {
            size_t mark = path->len;
            path_push(path, NULL, i, 1);
            int ok = check_schema(items, v->u.arr.v[i], path, why);
            path->len = mark;
            if (path->s)
                path->s[mark] = 0;
            if (!ok)
                return 0;
        }
    }
    if (v->type == WB_JOBJ) {
        const wb__json *props = wb__json_get(s, "properties"), *req = wb__json_get(s, "required");
        const wb__json *addl = wb__json_get(s, "additionalProperties");
        for (size_t i = 0; req && i < req->u.arr.n; i++) {
            if (!wb__json_get(v, req->u.arr.v[i]->u.str.s)) {
                size_t mark = path->len;
                path_push(path, req->u.arr.v[i]->u.str.s, 0, 0);
                wb__str_addf(why, "missing required parameter %s", path->s);
                path->len = mark;
                return 0;
            }
        }
        for (size_t i = 0; i < v->u.obj.n; i++) {
            const wb__jmember *m = &v->u.obj.m[i];
            const wb__json *ps = props ? wb__json_get(props, m->key) : NULL;
            size_t mark = path->len;
            path_push(path, m->key, 0, 0);
            int ok = 1;
            if (!ps && !(addl && addl->u.b)) {
                wb__str_addf(why, "unexpected parameter %s", path->s);
                if (props && props->u.obj.n) {
                    wb__str_addz(why, "; the parameters are: ");
                    for (size_t k = 0; k < props->u.obj.n; k++)
                        wb__str_addf(why, "%s%s", k ? ", " : "", props->u.obj.m[k].key);
                } else {
                    wb__str_addz(why, "; this tool takes no parameters");
                }
                ok = 0;
            } else if (ps) {
                ok = check_schema(ps, m->val, path, why);
            }
            path->len = mark;
            if (path->s)
                path->s[mark] = 0;
            if (!ok)
                return 0;
        }
    }
    return 1;
}

/* ---------------------------------------------------------------- constraints */

static const wb__json *resolve(const wb__constraint *c, const wb__json *args)
{
    const wb__json *v = args;
    for (size_t i = 0; v && i < c->nsegs; i++) {
        const wb__pathseg *s = &c->segs[i];
        if (s->key)
            v = wb__json_get(v, s->key);
        else
            v = v->type == WB_JARR && s->index < v->u.arr.n ? v->u.arr.v[s->index] : NULL;
    }
    return v;
}

static const char *op_text(wb__op op)
{
    static const char *const t[] = { "==", "!=", "<", "<=", ">", ">=", "in", "not_in", "starts_with",
                                     "ends_with", "contains", "exists", "not_exists" };
    return t[op];
}

static void describe_constraint(wb__str *b, const wb__constraint *c)
{
    switch (c->kind) {
    case WB__C_CMP:
        wb__str_addf(b, "%s %s", c->path, op_text(c->op));
        if (c->value) {
            wb__str_addz(b, " ");
            wb__json_brief(b, c->value, 120);
        }
        break;
    case WB__C_NOT:
        wb__str_addz(b, "not (");
        describe_constraint(b, c->kids[0]);
        wb__str_addz(b, ")");
        break;
    case WB__C_ALL:
    case WB__C_ANY:
        wb__str_addz(b, c->kind == WB__C_ALL ? "all_of [" : "any_of [");
        for (size_t i = 0; i < c->nkids; i++) {
            if (i)
                wb__str_addz(b, ", ");
            describe_constraint(b, c->kids[i]);
        }
        wb__str_addz(b, "]");
        break;
    }
}

static int str_has(const wb__json *hay, const wb__json *needle, int where)
{
    size_t hn = hay->u.str.len, nn = needle->u.str.len;
    if (nn > hn)
        return 0;
    if (where < 0)
        return !memcmp(hay->u.str.s, needle->u.str.s, nn);
    if (where > 0)
        return !memcmp(hay->u.str.s + hn - nn, needle->u.str.s, nn);
    if (nn == 0)
        return 1;
    for (size_t i = 0; i + nn <= hn; i++)
        if (!memcmp(hay->u.str.s + i, needle->u.str.s, nn))
            return 1;
    return 0;
}

/* 1 if c holds for args; on 0, why says what the value was. */
static int eval(const wb__constraint *c, const wb__json *args, wb__str *why)
{
    if (c->kind == WB__C_NOT) {
        wb__str scratch = {0};
        int r = eval(c->kids[0], args, &scratch);
        wb__str_free(&scratch);
        if (r) {
            wb__str_addz(why, "constraint ");
            describe_constraint(why, c);
            wb__str_addz(why, " failed: the inner constraint holds");
        }
        return !r;
    }
    if (c->kind == WB__C_ALL) {
        for (size_t i = 0; i < c->nkids; i++)
            if (!eval(c->kids[i], args, why))
                return 0;
        return 1;
    }
    if (c->kind == WB__C_ANY) {
        wb__str reasons = {0};
        for (size_t i = 0; i < c->nkids; i++) {
            size_t mark = reasons.len;
            if (eval(c->kids[i], args, &reasons)) {
                wb__str_free(&reasons);
                return 1;
            }
            if (reasons.len > mark && i + 1 < c->nkids)
                wb__str_addz(&reasons, "; ");
        }
        wb__str_addz(why, "none of ");
        describe_constraint(why, c);
        wb__str_addz(why, " holds (");
        wb__str_addz(why, reasons.s ? reasons.s : "");
        wb__str_addz(why, ")");
        wb__str_free(&reasons);
        return 0;
    }

    const wb__json *v = resolve(c, args), *want = c->value;
    if (c->op == WB__OP_EXISTS || c->op == WB__OP_NOT_EXISTS) {
        int ok = (v != NULL) == (c->op == WB__OP_EXISTS);
        if (!ok)
            wb__str_addf(why, "constraint %s %s failed: %s is %s", c->path, op_text(c->op), c->path,
                         v ? "present" : "missing");
        return ok;
    }
    int ok = 0;
    const char *mismatch = NULL;
    if (!v) {
        wb__str_addz(why, "constraint ");
        describe_constraint(why, c);
        wb__str_addf(why, " failed: %s is missing", c->path);
        return 0;
    }
    switch (c->op) {
    case WB__OP_EQ: ok = wb__json_equal(v, want); break;
    case WB__OP_NE: ok = !wb__json_equal(v, want); break;
    case WB__OP_LT: case WB__OP_LE: case WB__OP_GT: case WB__OP_GE:
        if (v->type != WB_JNUM) {
            mismatch = "a number";
            break;
        }
        if (c->op == WB__OP_LT) ok = v->u.num.d < want->u.num.d;
        if (c->op == WB__OP_LE) ok = v->u.num.d <= want->u.num.d;
        if (c->op == WB__OP_GT) ok = v->u.num.d > want->u.num.d;
        if (c->op == WB__OP_GE) ok = v->u.num.d >= want->u.num.d;
        break;
    case WB__OP_IN: case WB__OP_NOT_IN: {
        int found = 0;
        for (size_t i = 0; i < want->u.arr.n && !found; i++)
            found = wb__json_equal(v, want->u.arr.v[i]);
        ok = c->op == WB__OP_IN ? found : !found;
        break;
    }
    case WB__OP_STARTS_WITH: case WB__OP_ENDS_WITH:
        if (v->type != WB_JSTR) {
            mismatch = "a string";
            break;
        }
        ok = str_has(v, want, c->op == WB__OP_STARTS_WITH ? -1 : 1);
        break;
    case WB__OP_CONTAINS:
        if (v->type == WB_JSTR && want->type == WB_JSTR) {
            ok = str_has(v, want, 0);
        } else if (v->type == WB_JARR) {
            for (size_t i = 0; i < v->u.arr.n && !ok; i++)
                ok = wb__json_equal(v->u.arr.v[i], want);
        } else {
            mismatch = want->type == WB_JSTR ? "a string or an array" : "an array";
        }
        break;
    default:
        break;
    }
    if (!ok) {
        wb__str_addz(why, "constraint ");
        describe_constraint(why, c);
        wb__str_addf(why, " failed: %s is ", c->path);
        wb__json_brief(why, v, 120);
        if (mismatch)
            wb__str_addf(why, " (a %s, but the op needs %s)", wb__json_type_name(v->type), mismatch);
    }
    return ok;
}

/* Integers written past ±2^53-1 anywhere in the arguments: a provider
 * may read them exactly while every comparison here rounds them. */
static int numbers_exact(const wb__json *v, wb__str *path, wb__str *why)
{
    int ok = 1;
    if (v->type == WB_JNUM && v->u.num.is_int && fabs(v->u.num.d) > WB__MAX_SAFE) {
        wb__str_addf(why, "parameter %s: integer %s is beyond ±2^53-1 (9007199254740991) and cannot be checked "
                     "exactly; send it as a string", path_name(path), v->u.num.text ? v->u.num.text : "");
        return 0;
    }
    for (size_t i = 0; ok && v->type == WB_JARR && i < v->u.arr.n; i++) {
        size_t mark = path->len;
        path_push(path, NULL, i, 1);
        ok = numbers_exact(v->u.arr.v[i], path, why);
        path->len = mark;
        if (path->s)
            path->s[mark] = 0;
    }
    for (size_t i = 0; ok && v->type == WB_JOBJ && i < v->u.obj.n; i++) {
        size_t mark = path->len;
        path_push(path, v->u.obj.m[i].key, 0, 0);
        ok = numbers_exact(v->u.obj.m[i].val, path, why);
        path->len = mark;
        if (path->s)
            path->s[mark] = 0;
    }
    return ok;
}

int wb__policy_check(const wb__tool *t, const wb__json *args, wb__str *why)
{
    if (args->type != WB_JOBJ) {
        wb__str_addf(why, "arguments must be an object, got %s", wb__json_type_name(args->type));
        return 0;
    }
    wb__str path = {0};
    int ok = numbers_exact(args, &path, why);
    if (!ok) {
        wb__str_free(&path);
        return 0;
    }
    if (t->params) {
        ok = check_schema(t->params, args, &path, why);
    } else if (args->u.obj.n && !t->open_params) {
        /* No schema: the tool takes no parameters, fail closed. */
        wb__str_addf(why, "unexpected parameter %s; this tool takes no parameters", args->u.obj.m[0].key);
        ok = 0;
    }
    wb__str_free(&path);
    for (size_t i = 0; ok && i < t->nconstraints; i++)
        ok = eval(t->constraints[i], args, why);
    return ok;
}

/* ---------------------------------------------------------------- signatures */

void wb__schema_signature(wb__str *out, const wb__json *s)
{
    /* One generator for policy and upstream schemas: src/tools_ts.c. */
    wb__ts_type(out, s, 0);
}
