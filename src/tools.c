/* Tool calls: decisions, budgets, answers and the audit log.  Providers
 * live in tool_providers.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tools.h"
#include "tools_ts.h"
#include "mcp/upstream.h"

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---------------------------------------------------------------- options */

void wb__tool_opts_free(wb__tool_opts *o)
{
    wb__policy_unref(o->policy);
    for (size_t i = 0; i < o->ncbs; i++)
        free(o->cbs[i].name);
    free(o->cbs);
    free(o->audit_path);
    memset(o, 0, sizeof *o);
}

int wb__tool_opts_copy(wb__tool_opts *dst, const wb__tool_opts *src)
{
    memset(dst, 0, sizeof *dst);
    dst->audit_fn = src->audit_fn;
    dst->audit_ud = src->audit_ud;
    dst->no_providers = src->no_providers;
    if (src->audit_path && !(dst->audit_path = dup_n(src->audit_path, strlen(src->audit_path))))
        goto fail;
    if (src->ncbs) {
        if (!(dst->cbs = calloc(src->ncbs, sizeof *dst->cbs)))
            goto fail;
        for (size_t i = 0; i < src->ncbs; i++) {
            dst->cbs[i] = src->cbs[i];
            if (!(dst->cbs[i].name = dup_n(src->cbs[i].name, strlen(src->cbs[i].name))))
                goto fail;
            dst->ncbs++;
        }
    }
    dst->policy = wb__policy_ref(src->policy);
    return 0;
fail:
    wb__tool_opts_free(dst);
    return ENOMEM;
}

/* ---------------------------------------------------------------- setup */

static void build_catalog(const wb__tool_decl *d, size_t n, wb__str *b)
{
    wb__str_addz(b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            wb__str_addz(b, ",");
        wb__str_addz(b, "{\"name\":");
        wb__json_write_str(b, d[i].name, strlen(d[i].name));
        wb__str_addz(b, ",\"description\":");
        wb__json_write_str(b, d[i].description, strlen(d[i].description));
        wb__str_addz(b, ",\"params\":");
        if (d[i].params)
            wb__json_write(b, d[i].params);
        else
            wb__str_addz(b, "{\"type\":\"object\",\"properties\":{}}");
        wb__str sig = {0};
        wb__str_addf(&sig, "%s(args: ", d[i].name);
        wb__ts_type(&sig, d[i].params, 0);
        wb__str_addz(&sig, "): Promise<any>");
        wb__str_addz(b, ",\"signature\":");
        wb__json_write_str(b, sig.s ? sig.s : "", sig.len);
        wb__str_free(&sig);
        wb__str_addz(b, "}");
    }
    wb__str_addz(b, "]");
}

/* The catalog the guest reads and the TypeScript declarations, from the
 * policy's tools (code mode fills in upstream descriptions and schemas). */
static int describe_tools(wb__tools *t)
{
    const wb__policy *p = t->opt.policy;
    size_t n = p ? p->ntools : 0;
    wb__tool_decl *d = calloc(n ? n : 1, sizeof *d);
    if (!d)
        return -1;
    for (size_t i = 0; i < n; i++) {
        d[i] = (wb__tool_decl){ p->tools[i].name, p->tools[i].description, p->tools[i].params };
        wb__mcp_upstream_decl(t, &p->tools[i], &d[i]);
    }
    wb__str cat = {0}, dts = {0};
    build_catalog(d, n, &cat);
    if (n)
        wb__tools_to_ts(&dts, d, n);
    free(d);
    if (cat.oom || dts.oom) {
        wb__str_free(&cat);
        wb__str_free(&dts);
        return -1;
    }
    t->catalog = cat.s;
    t->catalog_len = cat.len;
    t->dts = dts.s;
    return 0;
}

wb_status wb__tools_init(wb__tools *t, const wb__tool_opts *o, char *msg, size_t msgsz)
{
    memset(t, 0, sizeof *t);
    if (wb__tool_opts_copy(&t->opt, o)) {
        snprintf(msg, msgsz, "out of host memory setting up tools");
        return WB_ENOMEM;
    }
    const wb__policy *p = t->opt.policy;
    /* Every callback tool has its callback and every callback its tool. */
    for (size_t i = 0; i < t->opt.ncbs; i++) {
        const wb__tool *tool = wb__policy_tool(p, t->opt.cbs[i].name);
        if (!tool || tool->prov.kind != WB__PROV_CALLBACK) {
            snprintf(msg, msgsz, "a callback is registered for tool \"%s\" but the policy %s", t->opt.cbs[i].name,
                     !p ? "is not set (wb_config_set_policy)"
                        : !tool ? "has no tool of that name"
                                : "gives that tool another provider (use {\"type\": \"callback\"})");
            return WB_EPOLICY;
        }
    }
    for (size_t i = 0; p && i < p->ntools; i++) {
        if (p->tools[i].prov.kind != WB__PROV_CALLBACK || t->opt.no_providers)
            continue;
        int found = 0;
        for (size_t k = 0; k < t->opt.ncbs; k++)
            found |= !strcmp(t->opt.cbs[k].name, p->tools[i].name);
        if (!found) {
            snprintf(msg, msgsz, "policy tool \"%s\" has provider callback but no callback is registered for it "
                     "(wb_config_add_tool)", p->tools[i].name);
            return WB_EPOLICY;
        }
    }
    size_t n = p ? p->ntools : 0;
    t->used_session = calloc(n ? n : 1, sizeof *t->used_session);
    t->used_run = calloc(n ? n : 1, sizeof *t->used_run);
    if (!t->used_session || !t->used_run) {
        snprintf(msg, msgsz, "out of host memory setting up tools");
        return WB_ENOMEM;
    }
    wb_status st = wb__mcp_upstream_start(t, msg, msgsz);
    if (st != WB_OK)
        return st;
    if (describe_tools(t)) {
        snprintf(msg, msgsz, "out of host memory setting up tools");
        return WB_ENOMEM;
    }
    if (t->opt.audit_path) {
        t->audit = fopen(t->opt.audit_path, "a");
        if (!t->audit) {
            snprintf(msg, msgsz, "cannot open the audit log %s: %s", t->opt.audit_path, strerror(errno));
            return WB_EIO;
        }
    }
    return WB_OK;
}

static void clear_batch(wb__tools *t)
{
    for (size_t i = 0; i < t->ncalls; i++) {
        wb__call *c = &t->calls[i];
        free(c->name);
        free(c->args);
        free(c->reply.value);
        free(c->reply.error);
    }
    free(t->calls);
    t->calls = NULL;
    t->ncalls = 0;
    wb__json_free(t->batch_doc);
    t->batch_doc = NULL;
}

void wb__tools_free(wb__tools *t)
{
    clear_batch(t);
    if (t->audit)
        fclose(t->audit);
    free(t->used_session);
    free(t->used_run);
    free(t->catalog);
    free(t->dts);
    wb__mcp_upstream_stop(t);
    wb__tool_opts_free(&t->opt);
    memset(t, 0, sizeof *t);
}

void wb__tools_begin_run(wb__tools *t)
{
    clear_batch(t);
    size_t n = t->opt.policy ? t->opt.policy->ntools : 0;
    memset(t->used_run, 0, (n ? n : 1) * sizeof *t->used_run);
    t->total_run = 0;
}

/* ---------------------------------------------------------------- audit */

static void audit(wb__tools *t, const wb__call *c, const char *decision, const char *reason)
{
    if (!t->audit && !t->opt.audit_fn)
        return;
    wb__str b = {0};
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char when[40];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    wb__str_addf(&b, "{\"time\":\"%s.%03ldZ\",\"tool\":", when, ts.tv_nsec / 1000000);
    wb__json_write_str(&b, c->name, strlen(c->name));
    wb__str_addz(&b, ",\"args\":");
    const wb__json *a = c->args_v;
    if (a && a->type == WB_JOBJ && c->tool && c->tool->nredact) {
        wb__str_addz(&b, "{");
        for (size_t i = 0; i < a->u.obj.n; i++) {
            const wb__jmember *m = &a->u.obj.m[i];
            int hide = 0;
            for (size_t k = 0; k < c->tool->nredact; k++)
                hide |= !strcmp(c->tool->redact[k], m->key);
            if (i)
                wb__str_addz(&b, ",");
            wb__json_write_str(&b, m->key, m->keylen);
            wb__str_addz(&b, ":");
            if (hide)
                wb__str_addz(&b, "\"[redacted]\"");
            else
                wb__json_write(&b, m->val);
        }
        wb__str_addz(&b, "}");
    } else if (a) {
        wb__json_write(&b, a);
    } else {
        wb__str_addz(&b, "null");
    }
    wb__str_addf(&b, ",\"decision\":\"%s\",\"reason\":", decision);
    if (reason)
        wb__json_write_str(&b, reason, strlen(reason));
    else
        wb__str_addz(&b, "null");
    if (!strcmp(decision, "allow")) {
        wb__str_addf(&b, ",\"duration_ms\":%.3f", now_ms() - c->t0);
        if (c->reply.ok)
            wb__str_addf(&b, ",\"result_bytes\":%zu", c->reply.value_len);
        else {
            wb__str_addz(&b, ",\"error\":");
            wb__json_write_str(&b, c->reply.error ? c->reply.error : "", c->reply.error ? strlen(c->reply.error) : 0);
        }
    }
    wb__str_addz(&b, "}\n");
    if (!b.oom) {
        if (t->audit) {
            fwrite(b.s, 1, b.len, t->audit);
            fflush(t->audit);
        }
        if (t->opt.audit_fn)
            t->opt.audit_fn(t->opt.audit_ud, b.s, b.len);
    }
    wb__str_free(&b);
}

/* ---------------------------------------------------------------- decisions */

static void budget_left(wb__str *b, const wb__tools *t, size_t ti)
{
    const wb__policy *p = t->opt.policy;
    const wb__tool *tool = &p->tools[ti];
    wb__str_addz(b, " (calls left:");
    int any = 0;
    if (tool->max_calls != WB__UNLIMITED) {
        wb__str_addf(b, " %s %lld of %lld this session", tool->name,
                     (long long)(tool->max_calls - t->used_session[ti]), (long long)tool->max_calls);
        any = 1;
    }
    if (tool->max_calls_per_run != WB__UNLIMITED) {
        wb__str_addf(b, "%s %s %lld of %lld this run", any ? "," : "", tool->name,
                     (long long)(tool->max_calls_per_run - t->used_run[ti]), (long long)tool->max_calls_per_run);
        any = 1;
    }
    if (p->max_calls != WB__UNLIMITED) {
        wb__str_addf(b, "%s all tools %lld of %lld this session", any ? "," : "",
                     (long long)(p->max_calls - t->total_session), (long long)p->max_calls);
        any = 1;
    }
    if (p->max_calls_per_run != WB__UNLIMITED) {
        wb__str_addf(b, "%s all tools %lld of %lld this run", any ? "," : "",
                     (long long)(p->max_calls_per_run - t->total_run), (long long)p->max_calls_per_run);
        any = 1;
    }
    wb__str_addz(b, any ? ")" : " unlimited)");
}

/* Which budget a new call of tool ti would exceed, or NULL. */
static const char *over_budget(const wb__tools *t, size_t ti, int64_t *limit)
{
    const wb__policy *p = t->opt.policy;
    const wb__tool *tool = &p->tools[ti];
    if (t->used_session[ti] >= tool->max_calls) { *limit = tool->max_calls; return "max_calls of this tool per session"; }
    if (t->used_run[ti] >= tool->max_calls_per_run) { *limit = tool->max_calls_per_run; return "max_calls_per_run of this tool"; }
    if (t->total_session >= p->max_calls) { *limit = p->max_calls; return "budgets.max_calls for all tools per session"; }
    if (t->total_run >= p->max_calls_per_run) { *limit = p->max_calls_per_run; return "budgets.max_calls_per_run for all tools"; }
    return NULL;
}

static void deny(wb__tools *t, wb__call *c, const char *reason)
{
    c->state = WB__CALL_ANSWERED;
    c->hidden = 1;
    c->error_name = "ToolDeniedError";
    c->reply.ok = 0;
    c->reply.error = dup_n(reason, strlen(reason));
    audit(t, c, "deny", reason);
}

static void decide(wb__tools *t, wb__call *c, const wb__json *args)
{
    const wb__policy *p = t->opt.policy;
    wb__str why = {0};
    size_t ti = 0;
    c->tool = wb__policy_tool(p, c->name);
    if (!c->tool) {
        wb__str_addf(&why, "tool \"%s\" denied: there is no such tool; the tools are: ", c->name);
        for (size_t i = 0; p && i < p->ntools; i++)
            wb__str_addf(&why, "%s%s", i ? ", " : "", p->tools[i].name);
        if (!p || !p->ntools)
            wb__str_addz(&why, "(none: the sandbox has no policy that grants tools)");
        deny(t, c, why.s ? why.s : "denied");
        wb__str_free(&why);
        return;
    }
    ti = (size_t)(c->tool - p->tools);
    /* The provider gets exactly these bytes: the canonical writing of the
     * tree that is checked (json.c writes numbers' own text and strings
     * byte for byte, so the two cannot disagree). */
    wb__str canon = {0};
    wb__json_write(&canon, args);
    if (canon.oom || !canon.s) {
        wb__str_free(&canon);
        deny(t, c, "denied: the arguments could not be written (out of host memory)");
        return;
    }
    c->args = canon.s;
    c->args_len = canon.len;
    c->args_v = args;
    const wb__json *root = args;

    wb__str_addf(&why, "tool \"%s\" denied: ", c->name);
    size_t head = why.len;
    int64_t limit = 0;
    const char *budget;
    if (!wb__policy_check(c->tool, root, &why)) {
        budget_left(&why, t, ti);
    } else if ((budget = over_budget(t, ti, &limit)) != NULL) {
        wb__str_addf(&why, "budget exhausted: %s is %lld", budget, (long long)limit);
        budget_left(&why, t, ti);
    }
    if (why.len > head) {
        deny(t, c, why.oom ? "denied" : why.s);
        wb__str_free(&why);
        return;
    }
    wb__str_free(&why);
    t->used_session[ti]++;
    t->used_run[ti]++;
    t->total_session++;
    t->total_run++;
    for (size_t k = 0; k < t->opt.ncbs; k++)
        if (!strcmp(t->opt.cbs[k].name, c->name))
            c->cb = &t->opt.cbs[k];
    if (c->tool->prov.kind == WB__PROV_MCP && c->tool->prov.server < t->nupstream)
        c->upstream = t->upstream[c->tool->prov.server];
    c->state = WB__CALL_WAITING;
    c->t0 = now_ms();
}

size_t wb__tools_take_batch(wb__tools *t, const char *json, size_t len)
{
    clear_batch(t);
    wb__json *root;
    char err[160];
    wb__jdoc *doc = wb__json_parse(json, len, &root, err, sizeof err);
    if (!doc || root->type != WB_JARR) {
        wb__json_free(doc);
        return 0; /* the guest's own bridge wrote it: nothing to answer */
    }
    t->calls = calloc(root->u.arr.n ? root->u.arr.n : 1, sizeof *t->calls);
    if (!t->calls) {
        wb__json_free(doc);
        return 0;
    }
    size_t waiting = 0;
    for (size_t i = 0; i < root->u.arr.n; i++) {
        const wb__json *e = root->u.arr.v[i];
        const wb__json *id = wb__json_get(e, "id"), *tool = wb__json_get(e, "tool"), *args = wb__json_get(e, "args");
        /* ids are the guest bridge's counter: whole numbers from 1 up. */
        /* A name with a NUL would be looked up as its first part: such a
         * call is left unanswered, and the guest rejects it. */
        if (!id || id->type != WB_JNUM || !id->u.num.is_int || id->u.num.d < 0 || id->u.num.d > 9007199254740991.0 ||
            !tool || tool->type != WB_JSTR || memchr(tool->u.str.s, 0, tool->u.str.len) || !args)
            continue;
        wb__call *c = &t->calls[t->ncalls++];
        c->id = (uint64_t)id->u.num.d;
        c->name = dup_n(tool->u.str.s, tool->u.str.len);
        if (!c->name) {
            t->ncalls--;
            continue;
        }
        decide(t, c, args);
        waiting += c->state == WB__CALL_WAITING;
    }
    /* The calls' checked arguments live in this document until the
     * batch is answered (clear_batch). */
    t->batch_doc = doc;
    return waiting;
}

/* ---------------------------------------------------------------- answers */

size_t wb__tools_waiting_count(const wb__tools *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->ncalls; i++)
        n += t->calls[i].state == WB__CALL_WAITING;
    return n;
}

/* Calls allowed by the policy, in batch order (the step API's indices). */
size_t wb__tools_waiting(const wb__tools *t, size_t i)
{
    for (size_t k = 0; k < t->ncalls; k++) {
        if (t->calls[k].hidden)
            continue;
        if (i-- == 0)
            return k;
    }
    return SIZE_MAX;
}

wb_status wb__tools_answer(wb__tools *t, size_t i, int ok, const char *text, size_t len, int denied)
{
    wb__call *c = &t->calls[i];
    if (c->state != WB__CALL_WAITING)
        return WB_ESTATE;
    if (ok) {
        wb__json *root;
        char err[160];
        wb__jdoc *d = wb__json_parse(text, len, &root, err, sizeof err);
        if (!d) {
            char msg[300];
            snprintf(msg, sizeof msg, "tool \"%s\" returned invalid JSON (%s)", c->name, err);
            return wb__tools_answer(t, i, 0, msg, strlen(msg), 0);
        }
        /* The guest gets the value rewritten canonically: no byte-order
         * mark or odd spacing from the provider can spoil the answers. */
        wb__str canon = {0};
        wb__json_write(&canon, root);
        wb__json_free(d);
        if (canon.oom || !canon.s) {
            wb__str_free(&canon);
            return WB_ENOMEM;
        }
        c->reply.value = canon.s;
        c->reply.value_len = canon.len;
        c->reply.ok = 1;
    } else {
        if (!(c->reply.error = dup_n(text, len)))
            return WB_ENOMEM;
        c->reply.ok = 0;
        c->error_name = denied ? "ToolDeniedError" : "ToolError";
    }
    c->state = WB__CALL_ANSWERED;
    audit(t, c, denied ? "deny" : "allow", denied ? c->reply.error : NULL);
    return WB_OK;
}

void wb__tools_results(wb__tools *t, wb__str *out)
{
    wb__str_addz(out, "[");
    for (size_t i = 0; i < t->ncalls; i++) {
        const wb__call *c = &t->calls[i];
        if (i)
            wb__str_addz(out, ",");
        wb__str_addf(out, "{\"id\":%llu,", (unsigned long long)c->id);
        if (c->state == WB__CALL_ANSWERED && c->reply.ok) {
            wb__str_addz(out, "\"ok\":true,\"value\":");
            wb__str_add(out, c->reply.value, c->reply.value_len);
        } else {
            const char *msg = c->state == WB__CALL_ANSWERED && c->reply.error ? c->reply.error
                                                                              : "the call was never answered";
            wb__str_addf(out, "\"ok\":false,\"error\":{\"name\":\"%s\",\"message\":",
                         c->error_name ? c->error_name : "ToolError");
            wb__json_write_str(out, msg, strlen(msg));
            wb__str_addz(out, "}");
        }
        wb__str_addz(out, "}");
    }
    wb__str_addz(out, "]");
    clear_batch(t);
}
