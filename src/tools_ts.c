/* TypeScript declarations of the tools a sandbox may call, generated from
 * their parameter schemas, so that a model writes correct calls: the MCP
 * server puts them in run_javascript's description, the catalog gives each
 * tool's signature, and a /tools .d.ts can be written from them.
 *
 * Schemas come from two places: the policy (validated, our subset) and
 * upstream MCP servers (any JSON Schema, unchecked).  So every form not
 * understood here becomes `unknown` instead of failing: a declaration is a
 * hint for the model, the policy check on the host is the authority. */
#include <stdlib.h>
#include <string.h>

#include "tools_ts.h"

#define TS_MAX_DEPTH 12

static int is_ident(const char *s, size_t n)
{
    if (!n || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$'))
            return 0;
    }
    return 1;
}

/* A property or method name: bare when it is an identifier, else quoted. */
static void ts_key(wb__str *out, const char *s, size_t n)
{
    if (is_ident(s, n))
        wb__str_add(out, s, n);
    else
        wb__json_write_str(out, s, n);
}

/* A JSDoc comment on one line; "*" followed by "/" would end it early. */
static void ts_doc(wb__str *out, const char *text, const char *indent)
{
    if (!text || !*text)
        return;
    wb__str_addf(out, "%s/** ", indent);
    for (const char *p = text; *p; p++) {
        if (*p == '\n' || *p == '\r')
            wb__str_addz(out, " ");
        else if (p[0] == '*' && p[1] == '/')
            wb__str_addz(out, "*\\");
        else
            wb__str_add(out, p, 1);
    }
    wb__str_addz(out, " */\n");
}

static int has_type(const wb__json *s, const char *t)
{
    const wb__json *type = wb__json_get(s, "type");
    if (type && type->type == WB_JSTR)
        return !strcmp(type->u.str.s, t);
    for (size_t i = 0; type && type->type == WB_JARR && i < type->u.arr.n; i++)
        if (type->u.arr.v[i]->type == WB_JSTR && !strcmp(type->u.arr.v[i]->u.str.s, t))
            return 1;
    return 0;
}

static void ts_type(wb__str *out, const wb__json *s, int docs, int depth);

static void ts_union(wb__str *out, const wb__json *arr, int docs, int depth)
{
    if (!arr->u.arr.n) {
        wb__str_addz(out, "never");
        return;
    }
    for (size_t i = 0; i < arr->u.arr.n; i++) {
        if (i)
            wb__str_addz(out, " | ");
        ts_type(out, arr->u.arr.v[i], docs, depth + 1);
    }
}

static void ts_object(wb__str *out, const wb__json *s, int docs, int depth)
{
    const wb__json *props = wb__json_get(s, "properties"), *req = wb__json_get(s, "required");
    const wb__json *extra = wb__json_get(s, "additionalProperties");
    int open = extra && (extra->type == WB_JOBJ || (extra->type == WB_JBOOL && extra->u.b));
    size_t n = props && props->type == WB_JOBJ ? props->u.obj.n : 0;
    if (!n && !open) {
        wb__str_addz(out, "{}");
        return;
    }
    wb__str_addz(out, "{ ");
    for (size_t i = 0; i < n; i++) {
        const wb__jmember *m = &props->u.obj.m[i];
        int required = 0;
        for (size_t k = 0; req && req->type == WB_JARR && k < req->u.arr.n; k++)
            if (req->u.arr.v[k]->type == WB_JSTR && !strcmp(req->u.arr.v[k]->u.str.s, m->key))
                required = 1;
        if (i)
            wb__str_addz(out, "; ");
        const wb__json *d = docs ? wb__json_get(m->val, "description") : NULL;
        if (d && d->type == WB_JSTR && d->u.str.len) {
            /* Inline: "/ ** text * / key: T" keeps the type on one line. */
            wb__str sub = {0};
            ts_doc(&sub, d->u.str.s, "");
            if (sub.s)
                wb__str_add(out, sub.s, sub.len - 1); /* without its newline */
            wb__str_addz(out, " ");
            wb__str_free(&sub);
        }
        ts_key(out, m->key, m->keylen);
        wb__str_addf(out, "%s: ", required ? "" : "?");
        ts_type(out, m->val, docs, depth + 1);
    }
    if (open) {
        wb__str_addz(out, n ? "; [key: string]: " : "[key: string]: ");
        if (extra->type == WB_JOBJ)
            ts_type(out, extra, docs, depth + 1);
        else
            wb__str_addz(out, "unknown");
    }
    wb__str_addz(out, " }");
}

static void ts_type(wb__str *out, const wb__json *s, int docs, int depth)
{
    if (!s || s->type != WB_JOBJ || depth > TS_MAX_DEPTH) {
        wb__str_addz(out, s && s->type == WB_JBOOL && !s->u.b ? "never" : "unknown");
        return;
    }
    const wb__json *en = wb__json_get(s, "enum"), *cst = wb__json_get(s, "const");
    const wb__json *any = wb__json_get(s, "anyOf");
    if (!any)
        any = wb__json_get(s, "oneOf");
    if (en && en->type == WB_JARR && en->u.arr.n) {
        for (size_t i = 0; i < en->u.arr.n; i++) {
            if (i)
                wb__str_addz(out, " | ");
            wb__json_write(out, en->u.arr.v[i]);
        }
        return;
    }
    if (cst) {
        wb__json_write(out, cst);
        return;
    }
    if (any && any->type == WB_JARR) {
        ts_union(out, any, docs, depth);
        return;
    }
    static const char *const order[] = { "string", "number", "integer", "boolean", "null", "array", "object" };
    int n = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *t = order[i];
        if (!has_type(s, t))
            continue;
        if (!strcmp(t, "integer") && has_type(s, "number"))
            continue;
        if (n++)
            wb__str_addz(out, " | ");
        if (!strcmp(t, "integer")) {
            wb__str_addz(out, "number");
        } else if (!strcmp(t, "array")) {
            const wb__json *items = wb__json_get(s, "items");
            if (items && items->type == WB_JOBJ) {
                wb__str_addz(out, "Array<");
                ts_type(out, items, docs, depth + 1);
                wb__str_addz(out, ">");
            } else {
                wb__str_addz(out, "unknown[]");
            }
        } else if (!strcmp(t, "object")) {
            ts_object(out, s, docs, depth);
        } else {
            wb__str_addz(out, t);
        }
    }
    if (!n) {
        /* No type: an object if it has properties, else anything. */
        if (wb__json_get(s, "properties"))
            ts_object(out, s, docs, depth);
        else
            wb__str_addz(out, "unknown");
    }
}

void wb__ts_type(wb__str *out, const wb__json *schema, int docs)
{
    if (!schema) {
        wb__str_addz(out, "{}");
        return;
    }
    ts_type(out, schema, docs, 0);
}

/* The tools whose names continue prefix (length plen, ending in '.' or
 * empty), nested one object per dotted segment. */
static void ts_members(wb__str *out, const wb__tool_decl *d, size_t n, const char *prefix, size_t plen, int depth)
{
    char indent[64];
    int w = 2 * (depth + 1) < (int)sizeof indent - 1 ? 2 * (depth + 1) : (int)sizeof indent - 1;
    memset(indent, ' ', (size_t)w);
    indent[w] = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = d[i].name;
        if (strncmp(name, prefix, plen))
            continue;
        const char *rest = name + plen, *dot = strchr(rest, '.');
        if (!dot) {
            ts_doc(out, d[i].description, indent);
            wb__str_addz(out, indent);
            ts_key(out, rest, strlen(rest));
            wb__str_addz(out, "(args");
            /* No parameters: the argument may be left out. */
            const wb__json *p = d[i].params;
            const wb__json *props = p ? wb__json_get(p, "properties") : NULL;
            int none = !p || !props || props->type != WB_JOBJ || !props->u.obj.n;
            wb__str_addz(out, none ? "?: " : ": ");
            wb__ts_type(out, d[i].params, 1);
            wb__str_addz(out, "): Promise<any>;\n");
            continue;
        }
        /* A namespace: emitted once, where its first tool is. */
        size_t seg = (size_t)(dot - rest);
        int first = 1;
        for (size_t k = 0; k < i && first; k++)
            if (!strncmp(d[k].name, prefix, plen) && !strncmp(d[k].name + plen, rest, seg + 1))
                first = 0;
        if (!first)
            continue;
        wb__str_addz(out, indent);
        ts_key(out, rest, seg);
        wb__str_addz(out, ": {\n");
        size_t sub_len = plen + seg + 1;
        char sub[256];
        if (sub_len < sizeof sub) {
            memcpy(sub, name, sub_len);
            sub[sub_len] = 0;
            ts_members(out, d, n, sub, sub_len, depth + 1);
        }
        wb__str_addf(out, "%s};\n", indent);
    }
}

void wb__tools_to_ts(wb__str *out, const wb__tool_decl *d, size_t n)
{
    wb__str_addz(out, "declare const tools: {\n");
    ts_members(out, d, n, "", 0, 0);
    wb__str_addz(out, "};\n");
}

void wb__policy_to_ts(wb__str *out, const wb__policy *p)
{
    size_t n = p ? p->ntools : 0;
    wb__tool_decl one[1], *d = n ? calloc(n, sizeof *d) : one;
    if (!d) {
        out->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        d[i] = (wb__tool_decl){ p->tools[i].name, p->tools[i].description, p->tools[i].params };
    wb__tools_to_ts(out, d, n);
    if (d != one)
        free(d);
}
