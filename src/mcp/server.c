/* The MCP server behind `wasmbox mcp`.
 *
 * Threads: the reader (the caller's thread) reads one message per line and
 * answers everything quick itself (initialize, ping, tools/list, errors),
 * so a client can ping or cancel while code runs; tools/call requests and
 * batches go to a FIFO that one worker thread runs in the connection's
 * sandbox, in order.  notifications/cancelled drops a queued call, or stops
 * the running one with wb_interrupt() (no answer is sent for a cancelled
 * request, as the protocol asks).  Writes to out_fd are serialised, one
 * whole line each. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "jsonrpc.h"
#include "server.h"

#define WB__MCP_MAX_MESSAGE ((size_t)64 << 20)

const char *const wb__mcp_versions[] = { "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05", NULL };

const char *wb__mcp_negotiate(const char *client_version)
{
    for (size_t i = 0; client_version && wb__mcp_versions[i]; i++)
        if (!strcmp(client_version, wb__mcp_versions[i]))
            return wb__mcp_versions[i];
    return wb__mcp_versions[0];
}

int wb__mcp_batches_allowed(const char *version)
{
    return version && !strcmp(version, "2025-03-26");
}

/* Structured output (outputSchema, structuredContent) came in 2025-06-18. */
static int structured_version(const char *version)
{
    return version && strcmp(version, "2025-06-18") >= 0;
}

/* ---------------------------------------------------------------- results */

/* Appends JSON text if it parses, else the text as a JSON string: the
 * protocol stream must stay valid whatever a result holds. */
static void add_json_or_string(wb__str *out, const char *text)
{
    wb__json *root;
    char err[80];
    wb__jdoc *d = wb__json_parse(text, strlen(text), &root, err, sizeof err);
    if (d)
        wb__str_addz(out, text);
    else
        wb__json_write_str(out, text, strlen(text));
    wb__json_free(d);
}

void wb__mcp_run_result(wb__str *out, wb_status st, const wb_result *r, const char *errmsg, int structured)
{
    size_t olen = 0, elen = 0;
    const char *o = r ? wb_result_stdout(r, &olen) : "", *e = r ? wb_result_stderr(r, &elen) : "";
    const char *value = r ? wb_result_value(r) : NULL;
    int code = r ? wb_result_exit_code(r) : -1;
    int failed = st != WB_OK || code != 0;

    /* The text a model reads: only the parts there are. */
    wb__str text = {0};
    if (olen)
        wb__str_addf(&text, "stdout:\n%.*s%s", (int)olen, o, o[olen - 1] == '\n' ? "" : "\n");
    if (elen)
        wb__str_addf(&text, "stderr:\n%.*s%s", (int)elen, e, e[elen - 1] == '\n' ? "" : "\n");
    if (value)
        wb__str_addf(&text, "value: %s\n", value);
    if (st != WB_OK)
        wb__str_addf(&text, "error (%s): %s\n", wb_status_name(st), errmsg && *errmsg ? errmsg : wb_strerror(st));
    else if (code != 0)
        wb__str_addf(&text, "exit code %d: the code threw (see stderr)\n", code);
    if (!text.len)
        wb__str_addz(&text, "(no output and no value: the code ran to the end)\n");

    wb__str_addz(out, "{\"content\":[{\"type\":\"text\",\"text\":");
    wb__json_write_str(out, text.s ? text.s : "", text.len);
    wb__str_addz(out, "}]");
    wb__str_free(&text);
    if (structured) {
        wb__str_addz(out, ",\"structuredContent\":{\"stdout\":");
        wb__json_write_str(out, o, olen);
        wb__str_addz(out, ",\"stderr\":");
        wb__json_write_str(out, e, elen);
        wb__str_addz(out, ",\"value\":");
        if (value)
            add_json_or_string(out, value);
        else
            wb__str_addz(out, "null");
        wb__str_addf(out, ",\"status\":\"%s\",\"exit_code\":%d", wb_status_name(st), code);
        if (st != WB_OK) {
            const char *m = errmsg && *errmsg ? errmsg : wb_strerror(st);
            wb__str_addz(out, ",\"error\":");
            wb__json_write_str(out, m, strlen(m));
        }
        wb__str_addz(out, "}");
    }
    wb__str_addf(out, ",\"isError\":%s}", failed ? "true" : "false");
}

/* ---------------------------------------------------------------- server */

typedef struct job {
    struct job *next;
    int batch;          /* root is an array of messages */
    wb__jdoc *doc;
    const wb__json *root;
    char *id;           /* canonical JSON of the request id (single calls) */
    int cancelled;
} job;

typedef struct {
    wb_sandbox *sb;
    int out_fd;
    int out_failed;
    pthread_mutex_t out_mu;
    pthread_mutex_t mu; /* the queue, running, version */
    pthread_cond_t cv;
    job *head, *tail, *running;
    int closing;
    char version[16];
    uint64_t time_limit_ms; /* the sandbox's own, the most a call may ask */
    int has_shell;
    char *js_desc, *sh_desc;
} server;

static void send_line(server *s, const wb__str *b)
{
    if (b->oom || !b->len)
        return;
    pthread_mutex_lock(&s->out_mu);
    if (!s->out_failed && wb__write_all(s->out_fd, b->s, b->len))
        s->out_failed = 1;
    pthread_mutex_unlock(&s->out_mu);
}

static void send_error(server *s, const wb__json *id, int code, const char *msg)
{
    wb__str b = {0};
    wb__rpc_write_error(&b, id, code, msg);
    send_line(s, &b);
    wb__str_free(&b);
}

static void job_free(job *j)
{
    if (!j)
        return;
    wb__json_free(j->doc);
    free(j->id);
    free(j);
}

static void current_version(server *s, char *v, size_t n)
{
    pthread_mutex_lock(&s->mu);
    snprintf(v, n, "%s", s->version[0] ? s->version : wb__mcp_versions[0]);
    pthread_mutex_unlock(&s->mu);
}

static char *describe(const char *lead, const char *dts, const wb__options *o, int shell)
{
    wb__str b = {0};
    wb__str_addz(&b, lead);
    wb__str_addf(&b, "\n\nLimits per call: %llu ms of wall-clock time (tool calls included; the timeout argument "
                     "can only lower it), %llu MiB of memory, %llu bytes of stdout+stderr",
                 (unsigned long long)o->time_limit_ms, (unsigned long long)(o->memory_limit >> 20),
                 (unsigned long long)o->output_limit);
    if (o->fuel_limit)
        wb__str_addf(&b, ", %llu executed instructions (fuel)", (unsigned long long)o->fuel_limit);
    wb__str_addz(&b, ". A limit stops the run with an error; the sandbox keeps its state.");
    if (dts && *dts && shell)
        wb__str_addf(&b, "\n\nHost tools the script may call, as: tool NAME --json '{...}' (prints the JSON "
                         "result; a non-zero exit status when the call failed or the policy refused it). Their arguments, "
                         "as TypeScript:\n```ts\n%s```", dts);
    else if (dts && *dts)
        wb__str_addf(&b, "\n\nHost tools the code may call (each returns a Promise; calls started together, e.g. "
                         "with Promise.all, run as one batch). Every call is checked against a policy; a refused "
                         "call rejects with a ToolDeniedError saying why, a failed one with a ToolError:\n"
                         "```ts\n%s```", dts);
    else
        wb__str_addz(&b, "\n\nNo host tools are available.");
    if (b.oom) {
        wb__str_free(&b);
        return NULL;
    }
    return b.s;
}

static void tool_entry(wb__str *b, const char *name, const char *title, const char *desc, const char *arg,
                       const char *arg_desc, int structured)
{
    wb__str_addf(b, "{\"name\":\"%s\",\"title\":\"%s\",\"description\":", name, title);
    wb__json_write_str(b, desc, strlen(desc));
    wb__str_addf(b, ",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"%s\":{\"type\":\"string\","
                    "\"description\":\"%s\"},\"timeout\":{\"type\":\"integer\",\"minimum\":1,\"description\":"
                    "\"milliseconds this call may take at most (lower than the server's limit only)\"}},"
                    "\"required\":[\"%s\"],\"additionalProperties\":false}", arg, arg_desc, arg);
    if (structured)
        wb__str_addz(b, ",\"outputSchema\":{\"type\":\"object\",\"properties\":{"
                        "\"stdout\":{\"type\":\"string\"},\"stderr\":{\"type\":\"string\"},\"value\":{},"
                        "\"status\":{\"type\":\"string\"},\"exit_code\":{\"type\":\"integer\"},"
                        "\"error\":{\"type\":\"string\"}},"
                        "\"required\":[\"stdout\",\"stderr\",\"value\",\"status\",\"exit_code\"]}");
    wb__str_addz(b, ",\"annotations\":{\"readOnlyHint\":false,\"destructiveHint\":false,\"openWorldHint\":false}}");
}

static void tools_list(server *s, wb__str *b)
{
    char v[16];
    current_version(s, v, sizeof v);
    int st = structured_version(v);
    wb__str_addz(b, "{\"tools\":[");
    tool_entry(b, "run_javascript", "Run JavaScript in a sandbox", s->js_desc, "code",
               "JavaScript (ES2023) to run; the value of the last expression is returned", st);
    if (s->has_shell) {
        wb__str_addz(b, ",");
        tool_entry(b, "run_shell", "Run a shell script in a sandbox", s->sh_desc, "script",
                   "POSIX shell script (bash subset) to run", st);
    }
    wb__str_addz(b, "]}");
}

/* tools/call: checks the params (-32602 when wrong), runs the code.  The
 * answer (result or error) is appended to out. */
static void tools_call(server *s, const wb__rpc_msg *m, wb__str *out)
{
    const wb__json *p = m->params;
    const wb__json *name = p && p->type == WB_JOBJ ? wb__json_get(p, "name") : NULL;
    const wb__json *args = p && p->type == WB_JOBJ ? wb__json_get(p, "arguments") : NULL;
    char why[300];
    if (!name || name->type != WB_JSTR) {
        wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, "tools/call needs params.name: the tool to call "
                            "(run_javascript or run_shell)");
        return;
    }
    int shell = !strcmp(name->u.str.s, "run_shell");
    if (!shell && strcmp(name->u.str.s, "run_javascript")) {
        snprintf(why, sizeof why, "unknown tool \"%.100s\"; the tools are: run_javascript%s", name->u.str.s,
                 s->has_shell ? ", run_shell" : "");
        wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, why);
        return;
    }
    if (shell && !s->has_shell) {
        wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, "unknown tool \"run_shell\": this build has no shell; "
                            "the tools are: run_javascript");
        return;
    }
    const char *key = shell ? "script" : "code";
    if (args && args->type != WB_JOBJ) {
        wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, "params.arguments must be an object");
        return;
    }
    const wb__json *code = args ? wb__json_get(args, key) : NULL, *tmo = args ? wb__json_get(args, "timeout") : NULL;
    for (size_t i = 0; args && i < args->u.obj.n; i++) {
        if (strcmp(args->u.obj.m[i].key, key) && strcmp(args->u.obj.m[i].key, "timeout")) {
            snprintf(why, sizeof why, "unknown argument \"%.100s\" for %s; it takes %s and timeout",
                     args->u.obj.m[i].key, name->u.str.s, key);
            wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, why);
            return;
        }
    }
    if (!code || code->type != WB_JSTR) {
        if (code)
            snprintf(why, sizeof why, "%s: \"%s\" must be a string, found %s", name->u.str.s, key,
                     wb__json_type_name(code->type));
        else
            snprintf(why, sizeof why, "%s needs \"%s\": a string with the %s to run", name->u.str.s, key,
                     shell ? "script" : "code");
        wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, why);
        return;
    }
    uint64_t limit = s->time_limit_ms;
    if (tmo) {
        if (tmo->type != WB_JNUM || !tmo->u.num.is_int || tmo->u.num.d < 1 || tmo->u.num.d > 86400000) {
            snprintf(why, sizeof why, "\"timeout\" must be whole milliseconds from 1 to 86400000, found %.40s",
                     tmo->type == WB_JNUM ? tmo->u.num.text : wb__json_type_name(tmo->type));
            wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS, why);
            return;
        }
        if ((uint64_t)tmo->u.num.d < limit)
            limit = (uint64_t)tmo->u.num.d;
    }
    /* Cancelled while it waited to run: nothing to do, no answer. */
    pthread_mutex_lock(&s->mu);
    int cancelled = s->running && s->running->cancelled;
    pthread_mutex_unlock(&s->mu);
    if (cancelled)
        return;
    wb_set_time_limit(s->sb, limit);
    wb_result *r = NULL;
    wb_status st = wb_run(s->sb, shell ? WB_SH : WB_JS, code->u.str.s, code->u.str.len, &r);
    wb_set_time_limit(s->sb, s->time_limit_ms);
    char v[16];
    current_version(s, v, sizeof v);
    wb__str res = {0};
    wb__mcp_run_result(&res, st, r, wb_errmsg(s->sb), structured_version(v));
    wb_result_free(r);
    if (res.oom)
        wb__rpc_write_error(out, m->id, WB__RPC_INTERNAL_ERROR, "out of host memory writing the result");
    else
        wb__rpc_write_result(out, m->id, res.s, res.len);
    wb__str_free(&res);
}

static void cancel(server *s, const wb__rpc_msg *m)
{
    const wb__json *rid = m->params && m->params->type == WB_JOBJ ? wb__json_get(m->params, "requestId") : NULL;
    if (!rid)
        return;
    wb__str id = {0};
    wb__json_write(&id, rid);
    if (id.oom || !id.s)
        return;
    pthread_mutex_lock(&s->mu);
    if (s->running && s->running->id && !strcmp(s->running->id, id.s)) {
        s->running->cancelled = 1;
        wb_interrupt(s->sb);
        fprintf(stderr, "wasmbox mcp: request %s cancelled: stopping its run\n", id.s);
    }
    for (job **pp = &s->head; *pp; pp = &(*pp)->next) {
        job *j = *pp;
        if (j->id && !strcmp(j->id, id.s)) {
            *pp = j->next;
            if (s->tail == j) {
                s->tail = NULL;
                for (job *k = s->head; k; k = k->next)
                    s->tail = k;
            }
            job_free(j);
            fprintf(stderr, "wasmbox mcp: request %s cancelled before it ran\n", id.s);
            break;
        }
    }
    pthread_mutex_unlock(&s->mu);
    wb__str_free(&id);
}

static void initialize(server *s, const wb__rpc_msg *m, wb__str *out)
{
    const wb__json *pv = m->params && m->params->type == WB_JOBJ ? wb__json_get(m->params, "protocolVersion") : NULL;
    if (!pv || pv->type != WB_JSTR) {
        wb__rpc_write_error(out, m->id, WB__RPC_INVALID_PARAMS,
                            "initialize needs params.protocolVersion (a string such as \"2025-06-18\")");
        return;
    }
    const char *v = wb__mcp_negotiate(pv->u.str.s);
    pthread_mutex_lock(&s->mu);
    snprintf(s->version, sizeof s->version, "%s", v);
    pthread_mutex_unlock(&s->mu);
    wb__str r = {0};
    wb__str_addf(&r, "{\"protocolVersion\":\"%s\",\"capabilities\":{\"tools\":{\"listChanged\":false}},"
                     "\"serverInfo\":{\"name\":\"wasmbox\",\"title\":\"wasmbox sandbox\",\"version\":\"%s\"},"
                     "\"instructions\":",
                 v, wb_version());
    const char *ins = "Runs code in a WebAssembly sandbox with no network or host files. One sandbox per "
                      "connection: variables and functions defined by one call are there for the next.";
    wb__json_write_str(&r, ins, strlen(ins));
    wb__str_addz(&r, "}");
    if (!r.oom)
        wb__rpc_write_result(out, m->id, r.s, r.len);
    wb__str_free(&r);
}

/* One message that is not a tools/call to queue: its answer (if any) is
 * appended to out.  queue_calls: tools/call is queued (returns 1) instead
 * of run here. */
static int handle(server *s, const wb__json *v, wb__str *out, int queue_calls)
{
    wb__rpc_msg m;
    wb__rpc_classify(v, &m);
    switch (m.kind) {
    case WB__RPC_INVALID:
        wb__rpc_write_error(out, m.id, WB__RPC_INVALID_REQUEST, m.why);
        return 0;
    case WB__RPC_RESPONSE:
        return 0; /* we send no requests: nothing to match */
    case WB__RPC_NOTIFICATION:
        if (!strcmp(m.method, "notifications/cancelled"))
            cancel(s, &m);
        return 0;
    case WB__RPC_REQUEST:
        break;
    }
    if (m.params && m.params->type != WB_JOBJ) {
        wb__rpc_write_error(out, m.id, WB__RPC_INVALID_PARAMS, "params must be an object");
        return 0;
    }
    if (!strcmp(m.method, "tools/call")) {
        if (queue_calls)
            return 1;
        tools_call(s, &m, out);
    } else if (!strcmp(m.method, "initialize")) {
        initialize(s, &m, out);
    } else if (!strcmp(m.method, "ping")) {
        wb__rpc_write_result(out, m.id, "{}", 2);
    } else if (!strcmp(m.method, "tools/list")) {
        wb__str r = {0};
        tools_list(s, &r);
        if (!r.oom)
            wb__rpc_write_result(out, m.id, r.s, r.len);
        wb__str_free(&r);
    } else {
        char why[200];
        snprintf(why, sizeof why, "method \"%.100s\" not found; this server offers initialize, ping, tools/list, "
                 "tools/call", m.method);
        wb__rpc_write_error(out, m.id, WB__RPC_METHOD_NOT_FOUND, why);
    }
    return 0;
}

static void run_batch(server *s, const wb__json *arr)
{
    wb__str all = {0};
    size_t n = 0;
    wb__str_addz(&all, "[");
    for (size_t i = 0; i < arr->u.arr.n; i++) {
        wb__str one = {0};
        handle(s, arr->u.arr.v[i], &one, 0);
        if (one.len) {
            if (n++)
                wb__str_addz(&all, ",");
            wb__str_add(&all, one.s, one.len - 1); /* without its newline */
        }
        wb__str_free(&one);
    }
    wb__str_addz(&all, "]\n");
    if (n) /* only notifications: no answer at all */
        send_line(s, &all);
    wb__str_free(&all);
}

static void *worker(void *arg)
{
    server *s = arg;
    for (;;) {
        pthread_mutex_lock(&s->mu);
        while (!s->head && !s->closing)
            pthread_cond_wait(&s->cv, &s->mu);
        job *j = s->head;
        if (!j) {
            pthread_mutex_unlock(&s->mu);
            return NULL;
        }
        s->head = j->next;
        if (!s->head)
            s->tail = NULL;
        s->running = j;
        pthread_mutex_unlock(&s->mu);

        if (j->batch) {
            run_batch(s, j->root);
        } else {
            wb__str out = {0};
            handle(s, j->root, &out, 0);
            pthread_mutex_lock(&s->mu);
            int cancelled = j->cancelled;
            pthread_mutex_unlock(&s->mu);
            if (!cancelled)
                send_line(s, &out);
            wb__str_free(&out);
        }
        pthread_mutex_lock(&s->mu);
        s->running = NULL;
        pthread_mutex_unlock(&s->mu);
        job_free(j);
    }
}

static void enqueue(server *s, wb__jdoc *doc, const wb__json *root, int batch)
{
    job *j = calloc(1, sizeof *j);
    if (!j) {
        wb__json_free(doc);
        send_error(s, NULL, WB__RPC_INTERNAL_ERROR, "out of host memory queueing the request");
        return;
    }
    j->doc = doc;
    j->root = root;
    j->batch = batch;
    if (!batch) {
        wb__str id = {0};
        wb__json_write(&id, wb__json_get(root, "id"));
        j->id = id.oom ? NULL : id.s;
    }
    pthread_mutex_lock(&s->mu);
    if (s->tail)
        s->tail->next = j;
    else
        s->head = j;
    s->tail = j;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* Whether sb runs shell scripts: an empty one either runs or is refused
 * as a language this build lacks. */
static int probe_shell(wb_sandbox *sb)
{
    wb_result *r = NULL;
    wb_status st = wb_run(sb, WB_SH, "", 0, &r);
    wb_result_free(r);
    return st != WB_ELANG;
}

int wb__mcp_serve(wb_sandbox *sb, int in_fd, int out_fd)
{
    server s;
    memset(&s, 0, sizeof s);
    s.sb = sb;
    s.out_fd = out_fd;
    pthread_mutex_init(&s.out_mu, NULL);
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    const wb__options *o = wb__sandbox_options(sb);
    if (!o) {
        fprintf(stderr, "wasmbox mcp: the sandbox is not usable: %s\n", wb_errmsg(sb));
        return 1;
    }
    s.time_limit_ms = o->time_limit_ms;
    s.has_shell = probe_shell(sb);
    const char *dts = wb_tools_dts(sb);
    s.js_desc = describe("Runs JavaScript (ES2023, QuickJS) in a WebAssembly sandbox: no network, no files, no "
                         "process, no require. State persists between calls: globals and functions defined in one "
                         "call are there in the next. console.log goes to stdout, console.error to stderr; the "
                         "value of the last expression comes back as JSON. Top-level await works.",
                         dts, o, 0);
    s.sh_desc = describe("Runs a POSIX shell script (bash subset, no fork) in a WebAssembly sandbox: no network, "
                         "no host files. State (variables, functions, files) persists between calls.",
                         dts, o, 1);
    if (!s.js_desc || !s.sh_desc) {
        fprintf(stderr, "wasmbox mcp: out of memory\n");
        free(s.js_desc);
        free(s.sh_desc);
        return 1;
    }
    pthread_t th;
    if (pthread_create(&th, NULL, worker, &s)) {
        fprintf(stderr, "wasmbox mcp: cannot start the worker thread\n");
        free(s.js_desc);
        free(s.sh_desc);
        return 1;
    }
    fprintf(stderr, "wasmbox mcp: ready (protocol versions %s, %s, %s, %s; shell %s)\n", wb__mcp_versions[0],
            wb__mcp_versions[1], wb__mcp_versions[2], wb__mcp_versions[3], s.has_shell ? "on" : "not in this build");

    wb__lines rd = { .fd = in_fd };
    for (;;) {
        char *line;
        size_t len;
        int k = wb__lines_next(&rd, &line, &len, 0, WB__MCP_MAX_MESSAGE);
        if (k == WB__LINE_EOF || k == WB__LINE_ERROR)
            break;
        if (k == WB__LINE_TOO_LONG) {
            send_error(&s, NULL, WB__RPC_PARSE_ERROR, "Parse error: message longer than 64 MiB");
            continue;
        }
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == len)
            continue; /* blank line */
        wb__json *root;
        char err[200];
        wb__jdoc *doc = wb__json_parse(line, len, &root, err, sizeof err);
        if (!doc) {
            char msg[260];
            snprintf(msg, sizeof msg, "Parse error: %s", err);
            send_error(&s, NULL, WB__RPC_PARSE_ERROR, msg);
            continue;
        }
        if (root->type == WB_JARR) {
            char v[16];
            current_version(&s, v, sizeof v);
            if (!root->u.arr.n || !wb__mcp_batches_allowed(v)) {
                char msg[200];
                snprintf(msg, sizeof msg, !root->u.arr.n ? "Invalid Request: an empty batch"
                         : "Invalid Request: batches (JSON arrays) are part of protocol version 2025-03-26 only; "
                           "this connection uses %s", v);
                send_error(&s, NULL, WB__RPC_INVALID_REQUEST, msg);
                wb__json_free(doc);
                continue;
            }
            enqueue(&s, doc, root, 1);
            continue;
        }
        wb__str out = {0};
        if (handle(&s, root, &out, 1)) {
            enqueue(&s, doc, root, 0);
        } else {
            send_line(&s, &out);
            wb__json_free(doc);
        }
        wb__str_free(&out);
    }
    wb__lines_free(&rd);
    /* stdin ended: answer what was sent (a script piping requests in
     * gets every answer), then stop.  A client that wants out sooner
     * cancels or kills us, as the stdio transport says. */
    pthread_mutex_lock(&s.mu);
    s.closing = 1;
    pthread_cond_signal(&s.cv);
    pthread_mutex_unlock(&s.mu);
    pthread_join(th, NULL);
    free(s.js_desc);
    free(s.sh_desc);
    pthread_mutex_destroy(&s.out_mu);
    pthread_mutex_destroy(&s.mu);
    pthread_cond_destroy(&s.cv);
    return s.out_failed;
}
