/* The shell's `tool NAME --key value ...`: command-line words to a tool
 * call, answered synchronously (OP_TOOL_ARGV).
 *
 * The words become JSON arguments here, on the host, because the types
 * live in the policy's schema: `--days 3` is the number 3 when the tool's
 * "days" is a number, and the string "3" when it is a string.  A word that
 * cannot be the declared type is a usage error naming the option, the word
 * and the type, rather than a guess the policy would then refuse.
 *
 * Answer format (read with OP_READ): one status byte, then text.
 *   '0' + the result's JSON          the call succeeded
 *   '1' + "ErrorName: message"       denied or failed (exit status 1)
 *   '2' + message                    the words were wrong (exit status 2) */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tools.h"
#include "journal/journal.h"

static const wb__json *param_schema(const wb__tool *t, const char *key)
{
    const wb__json *props = t->params ? wb__json_get(t->params, "properties") : NULL;
    return props ? wb__json_get(props, key) : NULL;
}

static const char *schema_type(const wb__json *s)
{
    const wb__json *ty = s ? wb__json_get(s, "type") : NULL;
    return ty && ty->type == WB_JSTR ? ty->u.str.s : NULL;
}

/* Appends word as a JSON value of the declared type; 0, or -1 with why. */
static int add_value(wb__str *o, const char *key, const char *word, const char *type, wb__str *why)
{
    if (!type || !strcmp(type, "string")) {
        wb__json_write_str(o, word, strlen(word));
        return 0;
    }
    char err[128];
    wb__json *v;
    wb__jdoc *d = wb__json_parse(word, strlen(word), &v, err, sizeof err);
    int ok = d && ((!strcmp(type, "number") && v->type == WB_JNUM) ||
                   (!strcmp(type, "integer") && v->type == WB_JNUM && v->u.num.is_int) ||
                   (!strcmp(type, "boolean") && v->type == WB_JBOOL) ||
                   (!strcmp(type, "array") && v->type == WB_JARR) ||
                   (!strcmp(type, "object") && v->type == WB_JOBJ));
    if (ok)
        wb__json_write(o, v);
    else
        wb__str_addf(why, "--%s: '%s' is not %s %s%s", key, word, strchr("aeiou", type[0]) ? "an" : "a", type,
                     !strcmp(type, "array") || !strcmp(type, "object") ? " (write it as JSON)" : "");
    wb__json_free(d);
    return ok ? 0 : -1;
}

static int is_bool_word(const char *s)
{
    return s && (!strcmp(s, "true") || !strcmp(s, "false"));
}

/* words: n NUL-terminated strings, the tool's name first.  Fills args with
 * the JSON object; 0, or -1 with why filled in. */
static int words_to_args(const wb__tool *t, char **w, size_t n, wb__str *args, wb__str *why)
{
    if (n >= 2 && !strcmp(w[1], "--json")) {
        if (n != 3) {
            wb__str_addz(why, "--json takes exactly one argument, the arguments object as JSON, and no other options");
            return -1;
        }
        char err[160];
        wb__json *v;
        wb__jdoc *d = wb__json_parse(w[2], strlen(w[2]), &v, err, sizeof err);
        int ok = d && v->type == WB_JOBJ;
        if (!d)
            wb__str_addf(why, "--json: not valid JSON: %s", err);
        else if (!ok)
            wb__str_addf(why, "--json: the arguments must be a JSON object, got %s", wb__json_type_name(v->type));
        else
            wb__str_addz(args, w[2]);
        wb__json_free(d);
        return ok ? 0 : -1;
    }
    wb__str_addz(args, "{");
    for (size_t i = 1; i < n; i++) {
        const char *a = w[i];
        if (strncmp(a, "--", 2) || !a[2]) {
            wb__str_addf(why, "expected an option --NAME, got '%s'; write tool %s --key value ... or tool %s --json '{...}'",
                         a, t->name, t->name);
            return -1;
        }
        char key[256];
        const char *eq = strchr(a + 2, '=');
        size_t kl = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        if (kl == 0 || kl >= sizeof key) {
            wb__str_addf(why, "option '%s' has no usable name", a);
            return -1;
        }
        memcpy(key, a + 2, kl);
        key[kl] = 0;
        const char *type = schema_type(param_schema(t, key));
        const char *val;
        if (eq)
            val = eq + 1;
        else if (type && !strcmp(type, "boolean") && !is_bool_word(i + 1 < n ? w[i + 1] : NULL))
            val = "true"; /* --flag alone */
        else if (i + 1 < n)
            val = w[++i];
        else {
            wb__str_addf(why, "option --%s needs a value", key);
            return -1;
        }
        if (args->len > 1)
            wb__str_addz(args, ",");
        wb__json_write_str(args, key, kl);
        wb__str_addz(args, ":");
        if (add_value(args, key, val, type, why))
            return -1;
    }
    wb__str_addz(args, "}");
    return 0;
}

/* The one answer of a one-call batch, in the format above. */
static void simple_answer(const char *results, size_t len, wb__str *out)
{
    char err[128];
    wb__json *root;
    wb__jdoc *d = wb__json_parse(results, len, &root, err, sizeof err);
    const wb__json *r = d && root->type == WB_JARR && root->u.arr.n == 1 ? root->u.arr.v[0] : NULL;
    const wb__json *ok = r ? wb__json_get(r, "ok") : NULL;
    if (ok && ok->type == WB_JBOOL && ok->u.b) {
        const wb__json *v = wb__json_get(r, "value");
        wb__str_addz(out, "0");
        if (v)
            wb__json_write(out, v);
        else
            wb__str_addz(out, "null");
    } else {
        const wb__json *e = r ? wb__json_get(r, "error") : NULL;
        const wb__json *name = e ? wb__json_get(e, "name") : NULL, *msg = e ? wb__json_get(e, "message") : NULL;
        wb__str_addf(out, "1%s: ", name && name->type == WB_JSTR ? name->u.str.s : "ToolError");
        if (msg && msg->type == WB_JSTR)
            wb__str_add(out, msg->u.str.s, msg->u.str.len);
        else
            wb__str_addz(out, "the host gave no answer for the call");
    }
    wb__json_free(d);
}

int wb__tool_argv(wb__host *h, const char *req, size_t len, wb__str *out)
{
    /* NUL-separated words, the last one terminated too. */
    if (len == 0 || req[len - 1] != 0) {
        wb__str_addz(out, "2tool: malformed request from the shell");
        return 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += req[i] == 0;
    char **w = calloc(n, sizeof *w);
    if (!w)
        return -1;
    const char *p = req;
    for (size_t i = 0; i < n; i++, p += strlen(p) + 1)
        w[i] = (char *)p;
    const wb__policy *pol = h->tools ? h->tools->opt.policy : NULL;
    const wb__tool *t = pol ? wb__policy_tool(pol, w[0]) : NULL;
    wb__str args = {0}, why = {0}, batch = {0};
    if (!t) {
        wb__str_addf(out, "1ToolDeniedError: no tool named \"%s\" in the policy; the tools are: ", w[0]);
        for (size_t i = 0; pol && i < pol->ntools; i++)
            wb__str_addf(out, "%s%s", i ? ", " : "", pol->tools[i].name);
        if (!pol || pol->ntools == 0)
            wb__str_addz(out, "(none)");
    } else if (words_to_args(t, w, n, &args, &why)) {
        wb__str_addf(out, "2tool %s: ", t->name);
        wb__str_add(out, why.s ? why.s : "", why.len);
    } else {
        wb__str_addz(&batch, "[{\"id\":1,\"tool\":");
        wb__json_write_str(&batch, t->name, strlen(t->name));
        wb__str_addz(&batch, ",\"args\":");
        wb__str_add(&batch, args.s, args.len);
        wb__str_addz(&batch, "}]");
        wb__str res = {0};
        size_t waiting = batch.oom ? 0 : wb__tools_take_batch(h->tools, batch.s, batch.len);
        /* Recorded, or answered from a replay's journal (host_call.c stops
         * the guest if that replay diverged). */
        if (!batch.oom && wb__journal_batch(h->journal, batch.s, batch.len, h->tools, &waiting) == WB_OK && waiting)
            wb__tools_run_all(h->tools);
        wb__tools_results(h->tools, &res);
        wb__journal_batch_done(h->journal, res.s ? res.s : "[]", res.s ? res.len : 2);
        simple_answer(res.s ? res.s : "", res.len, out);
        wb__str_free(&res);
    }
    int oom = args.oom || why.oom || batch.oom;
    wb__str_free(&args);
    wb__str_free(&why);
    wb__str_free(&batch);
    free(w);
    return oom ? -1 : 0;
}
