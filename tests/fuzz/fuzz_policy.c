/* libFuzzer target: the policy loader and checker (src/policy.c,
 * src/policy_check.c).
 *
 * Input: POLICY [\0 ARGS [\0 ARGS ...]].  The policy text goes to
 * wb__policy_load.  On failure the message must be non-empty,
 * NUL-terminated inside its buffer and start with the source name (also
 * with a buffer too small for it).  When it loads:
 *  - every tool is found by name, and wb__schema_signature works for its
 *    params;
 *  - wb__policy_check runs for every tool against argument objects derived
 *    from the input: {} ; the ARGS segments after the policy; one object
 *    per constraint that puts the constraint's value (and near misses) at
 *    the constraint's path; one object filling every declared parameter
 *    with a value of its type or its first enum value;
 *  - a denial always says why, an allowed call never has a reason, the
 *    answer is the same twice and for the canonical re-serialisation of the
 *    arguments (which is what tools.c checks and providers receive).
 * Any violation aborts. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "policy.h"
#include "fuzz_util.h"

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_policy: check failed: %s\n  ", #cond);       \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)

#define SOURCE "fuzz.json"
#define MAX_ARGS 64
#define MAX_CHECKS 400

typedef struct {
    char *text[MAX_ARGS];
    size_t len[MAX_ARGS];
    size_t n;
} arglist;

static void add_arg(arglist *a, const char *s, size_t n)
{
    if (a->n == MAX_ARGS || n > 1 << 16)
        return;
    char *d = malloc(n ? n : 1);
    if (!d)
        return;
    memcpy(d, s, n);
    a->text[a->n] = d;
    a->len[a->n++] = n;
}

static void add_str(arglist *a, wb__str *s)
{
    if (!s->oom && s->s)
        add_arg(a, s->s, s->len);
}

/* {"k": ...} and [null, ..., X] around inner, following c's path from
 * segment `from` on.  0 when the path has an index too long to spell out. */
static int wrap(wb__str *out, const wb__constraint *c, size_t from, const char *inner, size_t inner_len)
{
    wb__str cur = {0};
    wb__str_add(&cur, inner, inner_len);
    for (size_t i = c->nsegs; i-- > from;) {
        const wb__pathseg *s = &c->segs[i];
        wb__str next = {0};
        if (s->key) {
            wb__str_addz(&next, "{");
            wb__json_write_str(&next, s->key, strlen(s->key));
            wb__str_addz(&next, ":");
        } else {
            if (s->index > 16) {
                wb__str_free(&cur);
                return 0;
            }
            wb__str_addz(&next, "[");
            for (size_t k = 0; k < s->index; k++)
                wb__str_addz(&next, "null,");
        }
        wb__str_add(&next, cur.s ? cur.s : "", cur.len);
        wb__str_addz(&next, s->key ? "}" : "]");
        wb__str_free(&cur);
        cur = next;
    }
    *out = cur;
    return !cur.oom;
}

static void wrap_path(arglist *a, const wb__constraint *c, const char *inner, size_t inner_len)
{
    wb__str cur = {0};
    if (wrap(&cur, c, 0, inner, inner_len) && cur.len && cur.s[0] == '{')
        add_str(a, &cur);
    wb__str_free(&cur);
}

/* One object meant to satisfy every constraint at once (constraints are
 * checked in order, so later ones are reached only when earlier ones
 * hold): each constraint's value at its path, one member per top-level
 * name; any_of takes its first branch, not and not_exists add nothing. */
typedef struct {
    wb__str obj;
    const char *used[64];
    size_t nused;
} merged;

static void merge_constraint(merged *m, const wb__constraint *c, int depth)
{
    if (depth > 40)
        return;
    if (c->kind == WB__C_ALL) {
        for (size_t i = 0; i < c->nkids; i++)
            merge_constraint(m, c->kids[i], depth + 1);
        return;
    }
    if (c->kind == WB__C_ANY) {
        merge_constraint(m, c->kids[0], depth + 1);
        return;
    }
    if (c->kind != WB__C_CMP || c->op == WB__OP_NOT_EXISTS || !c->nsegs || !c->segs[0].key || m->nused == 64)
        return;
    for (size_t i = 0; i < m->nused; i++)
        if (!strcmp(m->used[i], c->segs[0].key))
            return;
    wb__str v = {0}, w = {0};
    if (!c->value)
        wb__str_addz(&v, "1");
    else if (c->op == WB__OP_IN && c->value->type == WB_JARR && c->value->u.arr.n)
        wb__json_write(&v, c->value->u.arr.v[0]);
    else if (c->op == WB__OP_CONTAINS && c->value->type != WB_JSTR) {
        wb__str_addz(&v, "[");
        wb__json_write(&v, c->value);
        wb__str_addz(&v, "]");
    } else
        wb__json_write(&v, c->value);
    if (!v.oom && v.s && wrap(&w, c, 1, v.s, v.len) && w.s) {
        wb__str_addz(&m->obj, m->nused ? "," : "{");
        wb__json_write_str(&m->obj, c->segs[0].key, strlen(c->segs[0].key));
        wb__str_addz(&m->obj, ":");
        wb__str_add(&m->obj, w.s, w.len);
        m->used[m->nused++] = c->segs[0].key;
    }
    wb__str_free(&w);
    wb__str_free(&v);
}

/* The constraint's own value at its path, and values just beside it. */
static void from_constraint(arglist *a, const wb__constraint *c, int depth)
{
    if (depth > 40)
        return;
    for (size_t i = 0; i < c->nkids; i++)
        from_constraint(a, c->kids[i], depth + 1);
    if (c->kind != WB__C_CMP)
        return;
    wb__str v = {0};
    if (!c->value) {
        wrap_path(a, c, "1", 1);
        return;
    }
    wb__json_write(&v, c->value);
    if (!v.oom && v.s)
        wrap_path(a, c, v.s, v.len);
    wb__str_free(&v);
    const wb__json *val = c->value;
    char buf[64];
    switch (val->type) {
    case WB_JNUM:
        for (int d = -1; d <= 1; d += 2) {
            double x = val->u.num.d + d;
            if (isfinite(x)) {
                int n = snprintf(buf, sizeof buf, "%.17g", x);
                wrap_path(a, c, buf, (size_t)n);
            }
        }
        wrap_path(a, c, "\"1\"", 3);
        break;
    case WB_JSTR: {
        wb__str s = {0}, t = {0};
        wb__str_addz(&s, "x");
        wb__str_add(&s, val->u.str.s, val->u.str.len);
        wb__str_addz(&s, "x");
        if (!s.oom && s.s) {
            wb__json_write_str(&t, s.s, s.len);
            if (!t.oom && t.s)
                wrap_path(a, c, t.s, t.len);
            wb__str_free(&t);
            wb__json_write_str(&t, s.s + 1, s.len - 1); /* a prefix match only */
            if (!t.oom && t.s)
                wrap_path(a, c, t.s, t.len);
            wb__str_free(&t);
            /* The same string inside an array, for contains. */
            wb__str_addz(&t, "[");
            wb__json_write_str(&t, val->u.str.s, val->u.str.len);
            wb__str_addz(&t, "]");
            if (!t.oom && t.s)
                wrap_path(a, c, t.s, t.len);
            wb__str_free(&t);
        }
        wb__str_free(&s);
        break;
    }
    case WB_JARR:
        if (val->u.arr.n) {
            wb__json_write(&v, val->u.arr.v[0]);
            if (!v.oom && v.s)
                wrap_path(a, c, v.s, v.len);
            wb__str_free(&v);
            wb__json_write(&v, val->u.arr.v[val->u.arr.n - 1]);
            if (!v.oom && v.s)
                wrap_path(a, c, v.s, v.len);
            wb__str_free(&v);
        }
        wrap_path(a, c, "null", 4);
        break;
    default:
        wrap_path(a, c, "[]", 2);
        break;
    }
}

/* A value for schema s.  FIT: its type, first enum value, inside its
 * bounds.  EDGE: just outside a bound (or a value not in the enum).  TYPE:
 * the wrong type.  In objects, member `only` (or every member when
 * SIZE_MAX) gets the variant and the others FIT; member `skip` is left out
 * (a missing required parameter).  The top-level object with TYPE and no
 * `only` is every member FIT plus an unexpected one. */
enum { FIT, EDGE, TYPE };

static void sample(wb__str *out, const wb__json *s, int depth, int variant, size_t only, size_t skip)
{
    const wb__json *en = wb__json_get(s, "enum"), *ty = wb__json_get(s, "type");
    const wb__json *mn = NULL, *mx = NULL;
    const char *t = ty && ty->type == WB_JSTR ? ty->u.str.s : "";
    char buf[64];
    if (variant == TYPE && depth > 0) {
        if (!strcmp(t, "string")) wb__str_addz(out, "1");
        else if (!strcmp(t, "number") || !strcmp(t, "integer")) wb__str_addz(out, "\"1\"");
        else if (!strcmp(t, "boolean")) wb__str_addz(out, "null");
        else if (!strcmp(t, "array")) wb__str_addz(out, "{}");
        else if (!strcmp(t, "object")) wb__str_addz(out, "[]");
        else wb__str_addz(out, "0");
        return;
    }
    if (en && en->type == WB_JARR && en->u.arr.n) {
        if (variant == EDGE && depth > 0)
            wb__str_addz(out, "\"\\u0000not in the enum\"");
        else
            wb__json_write(out, en->u.arr.v[0]);
        return;
    }
    int edge = variant == EDGE && depth > 0;
    if (!strcmp(t, "string")) {
        mn = wb__json_get(s, "minLength"), mx = wb__json_get(s, "maxLength");
        size_t n = 1;
        if (edge && mx && mx->u.num.d < 300) n = (size_t)mx->u.num.d + 1;
        else if (edge && mn) n = mn->u.num.d > 0 ? (size_t)mn->u.num.d - 1 : 0;
        else if (mn && mn->u.num.d < 300) n = (size_t)mn->u.num.d;
        wb__str_addz(out, "\"");
        for (size_t i = 0; i < n; i++)
            wb__str_addz(out, i % 3 == 2 ? "\xc3\xa9" : "x");
        wb__str_addz(out, "\"");
    } else if (!strcmp(t, "number") || !strcmp(t, "integer")) {
        mn = wb__json_get(s, "minimum"), mx = wb__json_get(s, "maximum");
        double v = !strcmp(t, "integer") ? 2 : 1.5;
        if (edge)
            v = mx ? mx->u.num.d + 1 : mn ? mn->u.num.d - 1 : 1e300;
        else if (mn)
            v = mn->u.num.d;
        else if (mx)
            v = mx->u.num.d;
        if (!strcmp(t, "integer") && !edge)
            v = v < 0 ? -floor(-v) : floor(v) + (mn && floor(v) < mn->u.num.d);
        snprintf(buf, sizeof buf, "%.17g", isfinite(v) ? v : 0);
        wb__str_addz(out, buf);
    } else if (!strcmp(t, "boolean")) {
        wb__str_addz(out, "true");
    } else if (!strcmp(t, "array")) {
        const wb__json *items = wb__json_get(s, "items");
        mn = wb__json_get(s, "minItems"), mx = wb__json_get(s, "maxItems");
        size_t n = 1;
        if (edge && mx && mx->u.num.d < 50) n = (size_t)mx->u.num.d + 1;
        else if (edge && mn) n = mn->u.num.d > 0 ? (size_t)mn->u.num.d - 1 : 0;
        else if (mn && mn->u.num.d < 50) n = (size_t)mn->u.num.d;
        else if (mx && mx->u.num.d < 1) n = 0;
        wb__str_addz(out, "[");
        for (size_t i = 0; i < n && depth < 40; i++) {
            if (i)
                wb__str_addz(out, ",");
            if (items)
                sample(out, items, depth + 1, edge && !mx && !mn ? EDGE : FIT, SIZE_MAX, SIZE_MAX);
            else
                wb__str_addz(out, "0");
        }
        wb__str_addz(out, "]");
    } else if (!strcmp(t, "object")) {
        const wb__json *props = wb__json_get(s, "properties");
        int first = 1;
        wb__str_addz(out, "{");
        for (size_t i = 0; props && props->type == WB_JOBJ && i < props->u.obj.n && depth < 40; i++) {
            if (i == skip)
                continue;
            if (!first)
                wb__str_addz(out, ",");
            first = 0;
            wb__json_write_str(out, props->u.obj.m[i].key, props->u.obj.m[i].keylen);
            wb__str_addz(out, ":");
            int v = only == SIZE_MAX ? (depth == 0 && variant == TYPE ? FIT : variant) : only == i ? variant : FIT;
            sample(out, props->u.obj.m[i].val, depth + 1, v == FIT ? FIT : v, SIZE_MAX, SIZE_MAX);
        }
        if (variant == TYPE && depth == 0 && only == SIZE_MAX)
            wb__str_addf(out, "%s\"zz_unexpected\":1", first ? "" : ",");
        wb__str_addz(out, "}");
    } else {
        wb__str_addz(out, "null");
    }
}


static int check_once(const wb__tool *t, const wb__json *args, wb__str *why)
{
    int ok = wb__policy_check(t, args, why);
    CHECK(ok == 0 || ok == 1, "wb__policy_check returned %d", ok);
    CHECK(!why->oom, "reason ran out of memory");
    if (ok)
        CHECK(why->len == 0, "tool \"%s\": allowed, yet a reason was written: %s", t->name, why->s);
    else
        CHECK(why->len > 0 && why->s, "tool \"%s\": denied without a reason", t->name);
    if (why->s) {
        CHECK(strlen(why->s) == why->len, "reason contains a NUL byte");
        CHECK(valid_utf8((const unsigned char *)why->s, why->len), "reason is not valid UTF-8: %s", why->s);
    }
    return ok;
}

static void check_args(const wb__policy *p, const char *text, size_t len, int *budget)
{
    wb__json *root;
    char err[200];
    wb__jdoc *d = wb__json_parse(text, len, &root, err, sizeof err);
    if (!d)
        return;
    wb__str canon = {0};
    wb__json_write(&canon, root);
    wb__json *root2 = NULL;
    wb__jdoc *d2 = canon.oom ? NULL : wb__json_parse(canon.s, canon.len, &root2, err, sizeof err);
    CHECK(d2, "canonical arguments do not parse: %s", err);
    for (size_t i = 0; i < p->ntools && (*budget)-- > 0; i++) {
        const wb__tool *t = &p->tools[i];
        wb__str w1 = {0}, w2 = {0}, w3 = {0};
        int a = check_once(t, root, &w1);
        int b = check_once(t, root, &w2);
        int c = check_once(t, root2, &w3);
        CHECK(a == b && w1.len == w2.len && (!w1.len || !memcmp(w1.s, w2.s, w1.len)),
              "tool \"%s\": the same arguments checked twice differ", t->name);
        CHECK(a == c, "tool \"%s\": %s as written but %s in canonical form %s\n  reasons: %s | %s", t->name,
              a ? "allowed" : "denied", c ? "allowed" : "denied", canon.s, w1.s ? w1.s : "", w3.s ? w3.s : "");
        wb__str_free(&w1);
        wb__str_free(&w2);
        wb__str_free(&w3);
    }
    wb__json_free(d2);
    wb__str_free(&canon);
    wb__json_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t plen = nul ? (size_t)(nul - data) : size;
    char *text = malloc(plen ? plen : 1);
    if (!text)
        return 0;
    if (plen)
        memcpy(text, data, plen);

    size_t errsz = 512;
    char *err = malloc(errsz);
    memset(err, 'X', errsz);
    wb__policy *p = wb__policy_load(text, plen, SOURCE, err, errsz);
    if (!p) {
        size_t n = strnlen(err, errsz);
        CHECK(n < errsz, "error message not NUL-terminated");
        CHECK(n > 0, "empty error message");
        CHECK(!strncmp(err, SOURCE ":", strlen(SOURCE) + 1), "error does not name the source: %s", err);
        /* Too small a buffer: cut, but still terminated. */
        size_t small = 1 + (plen ? (unsigned char)text[0] % 24 : 0);
        char *e2 = malloc(small);
        memset(e2, 'X', small);
        wb__policy *p2 = wb__policy_load(text, plen, SOURCE, e2, small);
        CHECK(!p2, "second load of the same text succeeded");
        CHECK(strnlen(e2, small) < small, "short error buffer not NUL-terminated");
        free(e2);
        free(err);
        free(text);
        return 0;
    }
    CHECK(p->refs == 1, "a new policy has %d references", p->refs);
    CHECK(wb__policy_ref(p) == p && p->refs == 2, "wb__policy_ref");
    wb__policy_unref(p);

    arglist a = {0};
    add_arg(&a, "{}", 2);
    /* ARGS segments from the input. */
    for (const uint8_t *s = nul; s && s < data + size;) {
        s++;
        const uint8_t *e = memchr(s, 0, (size_t)(data + size - s));
        size_t n = e ? (size_t)(e - s) : (size_t)(data + size - s);
        add_arg(&a, (const char *)s, n);
        s = e;
    }
    for (size_t i = 0; i < p->ntools; i++) {
        const wb__tool *t = &p->tools[i];
        CHECK(t->name && wb__policy_tool(p, t->name) == t, "tool \"%s\" not found by name", t->name);
        CHECK(t->description, "tool without a description string");
        CHECK(t->max_calls >= 0 && t->max_calls_per_run >= 0, "negative budget");
        merged mg = { .nused = 0 };
        for (size_t k = 0; k < t->nconstraints; k++)
            merge_constraint(&mg, t->constraints[k], 0);
        if (mg.nused) {
            wb__str_addz(&mg.obj, "}");
            add_str(&a, &mg.obj);
        }
        wb__str_free(&mg.obj);
        wb__str sig = {0};
        wb__schema_signature(&sig, t->params);
        CHECK(!sig.oom && sig.s && sig.len > 0 && strlen(sig.s) == sig.len, "bad signature for tool \"%s\"", t->name);
        wb__str_free(&sig);
        if (t->params) {
            CHECK(t->params->type == WB_JOBJ, "params is not an object");
            const wb__json *props = wb__json_get(t->params, "properties");
            size_t np = props && props->type == WB_JOBJ ? props->u.obj.n : 0;
            wb__str s = {0};
            sample(&s, t->params, 0, FIT, SIZE_MAX, SIZE_MAX);
            add_str(&a, &s);
            wb__str_free(&s);
            sample(&s, t->params, 0, TYPE, SIZE_MAX, SIZE_MAX); /* fits, plus an unexpected member */
            add_str(&a, &s);
            wb__str_free(&s);
            /* Each parameter just out of bounds, of the wrong type, missing. */
            for (size_t k = 0; k < np && k < 8; k++) {
                for (int v = EDGE; v <= TYPE; v++) {
                    sample(&s, t->params, 0, v, k, SIZE_MAX);
                    add_str(&a, &s);
                    wb__str_free(&s);
                }
                sample(&s, t->params, 0, FIT, SIZE_MAX, k);
                add_str(&a, &s);
                wb__str_free(&s);
            }
        }
        if (t->prov.kind == WB__PROV_EXEC)
            CHECK(t->prov.argv && t->prov.argv[0] && t->prov.argv[0][0] == '/' && t->prov.cwd, "exec provider");
    }
    CHECK(p->max_calls >= 0 && p->max_calls_per_run >= 0, "negative global budget");
    /* Then each constraint alone, with near misses, while there is room. */
    for (size_t i = 0; i < p->ntools; i++)
        for (size_t k = 0; k < p->tools[i].nconstraints; k++)
            from_constraint(&a, p->tools[i].constraints[k], 0);

    int budget = MAX_CHECKS;
    for (size_t i = 0; i < a.n; i++)
        check_args(p, a.text[i], a.len[i], &budget);

    for (size_t i = 0; i < a.n; i++)
        free(a.text[i]);
    wb__policy_unref(p);
    free(err);
    free(text);
    return 0;
}
