/* Code mode: wasmbox as the client of upstream MCP servers.
 *
 * Each server of the policy's "mcp_servers" is started per sandbox (in
 * wb_new) with posix_spawn, no shell, only the policy's environment: its
 * credentials live in that process and in the host's memory, never in the
 * sandbox, which sees only what the server's tools return.  stdin and
 * stdout are one socketpair (MSG_NOSIGNAL: a server that dies cannot kill
 * the host with SIGPIPE); stderr is inherited (the host's log).
 *
 * Which tools the sandbox may call is the policy's business: only tools
 * listed as SERVER.TOOL exist in the sandbox, checked like any other tool
 * (schema, constraints, budgets).  A listed tool the server does not offer
 * is a startup error, so a renamed upstream tool cannot silently vanish. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jsonrpc.h"
#include "upstream.h"

#define WB__MCP_CLIENT_VERSION "2025-06-18"
#define WB__MCP_MAX_LINE ((size_t)64 << 20)
#define WB__MCP_MAX_PAGES 64

struct wb__mcp_conn {
    const wb__mcp_server *spec;
    pid_t pid;
    int fd; /* our end of the socketpair: the server's stdin and stdout */
    wb__lines rd;
    uint64_t next_id;
    pthread_mutex_t mu; /* one request at a time per server */
    int dead;           /* a request failed in a way that leaves the stream unusable */
    wb__jdoc *pages[WB__MCP_MAX_PAGES]; /* tools/list answers */
    size_t npages;
    const wb__json **tools; /* each {name, description?, inputSchema} */
    size_t ntools;
};

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void say(char *msg, size_t msgsz, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *msg, size_t msgsz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msgsz, fmt, ap);
    va_end(ap);
}

static int spawn_server(struct wb__mcp_conn *c, char *msg, size_t msgsz)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
        say(msg, msgsz, "MCP server \"%s\": cannot create a socket pair: %s", c->spec->name, strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    wb__spawnattr_init(&at); /* own process group, clean signal state */
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 1);
    posix_spawn_file_actions_addchdir_np(&fa, c->spec->cwd);
    /* Nothing else of the host's: no audit log, no other server's socket. */
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    int e = posix_spawn(&c->pid, c->spec->argv[0], &fa, &at, c->spec->argv, c->spec->env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    close(sv[1]);
    if (e) {
        close(sv[0]);
        c->pid = 0;
        say(msg, msgsz, "MCP server \"%s\": cannot start %s: %s", c->spec->name, c->spec->argv[0], strerror(e));
        return -1;
    }
    c->fd = sv[0];
    c->rd.fd = sv[0];
    return 0;
}

/* Answers a request the server sent us: ping, or "not supported" (we
 * offer no sampling, roots or elicitation). */
static void answer_server(struct wb__mcp_conn *c, const wb__rpc_msg *m)
{
    wb__str out = {0};
    if (!strcmp(m->method, "ping"))
        wb__rpc_write_result(&out, m->id, "{}", 2);
    else
        wb__rpc_write_error(&out, m->id, WB__RPC_METHOD_NOT_FOUND, "wasmbox offers no client features");
    if (!out.oom)
        wb__write_all(c->fd, out.s, out.len);
    wb__str_free(&out);
}

/* Sends a request and waits for its answer.  0 with *doc (free it) and
 * *result set, or -1 with msg filled.  Caller holds c->mu. */
static int request(struct wb__mcp_conn *c, const char *method, const char *params, wb__jdoc **doc,
                   const wb__json **result, char *msg, size_t msgsz)
{
    *doc = NULL;
    if (c->dead) {
        say(msg, msgsz, "MCP server \"%s\" is not usable after an earlier failure", c->spec->name);
        return -1;
    }
    uint64_t id = ++c->next_id;
    wb__str out = {0};
    wb__rpc_write_call(&out, id, method, params);
    int e = out.oom ? ENOMEM : wb__write_all(c->fd, out.s, out.len);
    wb__str_free(&out);
    if (e) {
        c->dead = 1;
        say(msg, msgsz, "MCP server \"%s\": cannot send %s: %s (did it exit?)", c->spec->name, method, strerror(e));
        return -1;
    }
    double deadline = mono_ms() + c->spec->timeout_ms;
    for (;;) {
        char *line;
        size_t len;
        int k = wb__lines_next(&c->rd, &line, &len, deadline, WB__MCP_MAX_LINE);
        if (k != WB__LINE_OK) {
            c->dead = 1;
            say(msg, msgsz, "MCP server \"%s\": %s while waiting for the answer to %s", c->spec->name,
                k == WB__LINE_TIMEOUT ? "no answer within timeout_ms" : k == WB__LINE_EOF ? "the server exited"
                : k == WB__LINE_TOO_LONG ? "an answer longer than 64 MiB" : "a read error", method);
            if (k == WB__LINE_TIMEOUT)
                say(msg + strlen(msg), msgsz - strlen(msg), " (%u ms)", c->spec->timeout_ms);
            return -1;
        }
        if (!len)
            continue;
        wb__json *root;
        char err[160];
        wb__jdoc *d = wb__json_parse(line, len, &root, err, sizeof err);
        if (!d)
            continue; /* not ours to fix: a server's stray output line */
        wb__rpc_msg m;
        wb__rpc_classify(root, &m);
        if (m.kind == WB__RPC_REQUEST) {
            answer_server(c, &m);
        } else if (m.kind == WB__RPC_RESPONSE && m.id->type == WB_JNUM && m.id->u.num.d == (double)id) {
            if (m.error) {
                const wb__json *em = wb__json_get(m.error, "message"), *code = wb__json_get(m.error, "code");
                say(msg, msgsz, "MCP server \"%s\" answered %s with error %s: %s", c->spec->name, method,
                    code && code->type == WB_JNUM ? code->u.num.text : "?",
                    em && em->type == WB_JSTR ? em->u.str.s : "(no message)");
                wb__json_free(d);
                return -1;
            }
            *doc = d;
            *result = m.result;
            return 0;
        }
        wb__json_free(d); /* notifications (logging, progress) and stale answers */
    }
}

static int handshake(struct wb__mcp_conn *c, char *msg, size_t msgsz)
{
    wb__jdoc *d;
    const wb__json *res;
    if (request(c, "initialize",
                "{\"protocolVersion\":\"" WB__MCP_CLIENT_VERSION "\",\"capabilities\":{},"
                "\"clientInfo\":{\"name\":\"wasmbox\",\"version\":\"" WB_VERSION "\"}}",
                &d, &res, msg, msgsz))
        return -1;
    wb__json_free(d);
    wb__str out = {0};
    wb__rpc_write_call(&out, 0, "notifications/initialized", NULL);
    int e = out.oom ? ENOMEM : wb__write_all(c->fd, out.s, out.len);
    wb__str_free(&out);
    if (e) {
        say(msg, msgsz, "MCP server \"%s\": cannot send notifications/initialized: %s", c->spec->name, strerror(e));
        return -1;
    }
    /* tools/list, following nextCursor page by page. */
    wb__str params = {0};
    wb__str_addz(&params, "{}");
    for (;;) {
        if (c->npages == WB__MCP_MAX_PAGES) {
            wb__str_free(&params);
            say(msg, msgsz, "MCP server \"%s\": tools/list has more than %d pages", c->spec->name, WB__MCP_MAX_PAGES);
            return -1;
        }
        if (params.oom || request(c, "tools/list", params.s, &d, &res, msg, msgsz)) {
            wb__str_free(&params);
            return -1;
        }
        c->pages[c->npages++] = d;
        const wb__json *tools = wb__json_get(res, "tools"), *next = wb__json_get(res, "nextCursor");
        if (!tools || tools->type != WB_JARR) {
            wb__str_free(&params);
            say(msg, msgsz, "MCP server \"%s\": tools/list answered without a \"tools\" array", c->spec->name);
            return -1;
        }
        const wb__json **grown = realloc(c->tools, (c->ntools + tools->u.arr.n + 1) * sizeof *grown);
        if (!grown) {
            wb__str_free(&params);
            say(msg, msgsz, "out of host memory listing the tools of MCP server \"%s\"", c->spec->name);
            return -1;
        }
        c->tools = grown;
        for (size_t i = 0; i < tools->u.arr.n; i++) {
            const wb__json *name = wb__json_get(tools->u.arr.v[i], "name");
            if (name && name->type == WB_JSTR)
                c->tools[c->ntools++] = tools->u.arr.v[i];
        }
        if (!next || next->type != WB_JSTR)
            break;
        params.len = 0;
        wb__str_addz(&params, "{\"cursor\":");
        wb__json_write_str(&params, next->u.str.s, next->u.str.len);
        wb__str_addz(&params, "}");
    }
    wb__str_free(&params);
    return 0;
}

static const wb__json *find_tool(const struct wb__mcp_conn *c, const char *name)
{
    for (size_t i = 0; c && i < c->ntools; i++)
        if (!strcmp(wb__json_get(c->tools[i], "name")->u.str.s, name))
            return c->tools[i];
    return NULL;
}

static void conn_free(struct wb__mcp_conn *c)
{
    if (!c)
        return;
    if (c->pid > 0) {
        /* A polite end first: stdin closes, the server exits. */
        shutdown(c->fd, SHUT_WR);
        int st;
        pid_t got = 0;
        for (int i = 0; i < 100 && (got = waitpid(c->pid, &st, WNOHANG)) == 0; i++) {
            struct timespec ts = { 0, 10 * 1000000 };
            nanosleep(&ts, NULL);
            if (i == 50)
                kill(-c->pid, SIGTERM);
        }
        if (got == 0) {
            kill(-c->pid, SIGKILL);
            while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
                ;
        }
    }
    if (c->fd >= 0)
        close(c->fd);
    wb__lines_free(&c->rd);
    for (size_t i = 0; i < c->npages; i++)
        wb__json_free(c->pages[i]);
    free(c->tools);
    pthread_mutex_destroy(&c->mu);
    free(c);
}

wb_status wb__mcp_upstream_start(wb__tools *t, char *msg, size_t msgsz)
{
    const wb__policy *p = t->opt.policy;
    if (!p || !p->nservers)
        return WB_OK;
    t->upstream = calloc(p->nservers, sizeof *t->upstream);
    if (!t->upstream) {
        say(msg, msgsz, "out of host memory starting MCP servers");
        return WB_ENOMEM;
    }
    for (size_t i = 0; i < p->nservers; i++) {
        struct wb__mcp_conn *c = calloc(1, sizeof *c);
        if (!c) {
            say(msg, msgsz, "out of host memory starting MCP servers");
            return WB_ENOMEM;
        }
        c->spec = &p->servers[i];
        c->fd = -1;
        pthread_mutex_init(&c->mu, NULL);
        t->upstream[t->nupstream++] = c;
        if (spawn_server(c, msg, msgsz))
            return WB_EIO;
        if (handshake(c, msg, msgsz))
            return WB_EIO;
    }
    /* Every tool the policy lists must exist upstream. */
    for (size_t i = 0; i < p->ntools; i++) {
        const wb__tool *tool = &p->tools[i];
        if (tool->prov.kind != WB__PROV_MCP)
            continue;
        const struct wb__mcp_conn *c = t->upstream[tool->prov.server];
        if (find_tool(c, tool->prov.upstream))
            continue;
        wb__str list = {0};
        for (size_t k = 0; k < c->ntools; k++)
            wb__str_addf(&list, "%s%s", k ? ", " : "", wb__json_get(c->tools[k], "name")->u.str.s);
        say(msg, msgsz, "%s: policy tool \"%s\" is not offered by MCP server \"%s\"; it offers: %s", p->source,
            tool->name, c->spec->name, list.s && list.len ? list.s : "(no tools)");
        wb__str_free(&list);
        return WB_EPOLICY;
    }
    return WB_OK;
}

void wb__mcp_upstream_stop(wb__tools *t)
{
    for (size_t i = 0; i < t->nupstream; i++)
        conn_free(t->upstream[i]);
    free(t->upstream);
    t->upstream = NULL;
    t->nupstream = 0;
}

void wb__mcp_upstream_decl(const wb__tools *t, const wb__tool *tool, wb__tool_decl *d)
{
    if (tool->prov.kind != WB__PROV_MCP || tool->prov.server >= t->nupstream)
        return;
    const wb__json *up = find_tool(t->upstream[tool->prov.server], tool->prov.upstream);
    if (!up)
        return;
    const wb__json *desc = wb__json_get(up, "description"), *schema = wb__json_get(up, "inputSchema");
    if (!*d->description && desc && desc->type == WB_JSTR)
        d->description = desc->u.str.s;
    if (!d->params && schema && schema->type == WB_JOBJ)
        d->params = schema;
}

/* The text of a result's content items, joined by newlines. */
static void content_text(wb__str *out, const wb__json *content)
{
    for (size_t i = 0; content && content->type == WB_JARR && i < content->u.arr.n; i++) {
        const wb__json *text = wb__json_get(content->u.arr.v[i], "text");
        if (text && text->type == WB_JSTR) {
            if (out->len)
                wb__str_addz(out, "\n");
            wb__str_add(out, text->u.str.s, text->u.str.len);
        }
    }
}

void wb__mcp_upstream_call(const wb__call *c, struct wb_tool_reply *r)
{
    struct wb__mcp_conn *conn = c->upstream;
    char msg[1024];
    if (!conn) {
        wb_tool_reply_error(r, "the tool's MCP server is not running");
        return;
    }
    wb__str params = {0};
    wb__str_addz(&params, "{\"name\":");
    wb__json_write_str(&params, c->tool->prov.upstream, strlen(c->tool->prov.upstream));
    wb__str_addz(&params, ",\"arguments\":");
    wb__str_add(&params, c->args, c->args_len);
    wb__str_addz(&params, "}");
    if (params.oom) {
        wb__str_free(&params);
        wb_tool_reply_error(r, "out of host memory");
        return;
    }
    wb__jdoc *d = NULL;
    const wb__json *res = NULL;
    pthread_mutex_lock(&conn->mu);
    int bad = request(conn, "tools/call", params.s, &d, &res, msg, sizeof msg);
    pthread_mutex_unlock(&conn->mu);
    wb__str_free(&params);
    if (bad) {
        char full[1200];
        snprintf(full, sizeof full, "tool \"%s\" failed: %s", c->name, msg);
        wb_tool_reply_error(r, full);
        return;
    }
    /* The value: structuredContent when the server gives it, else the one
     * text item as a string, else the content list as it came. */
    const wb__json *is_error = wb__json_get(res, "isError"), *sc = wb__json_get(res, "structuredContent");
    const wb__json *content = wb__json_get(res, "content");
    wb__str out = {0};
    if (is_error && is_error->type == WB_JBOOL && is_error->u.b) {
        wb__str_addf(&out, "tool \"%s\" failed: ", c->name);
        size_t head = out.len;
        wb__str text = {0};
        content_text(&text, content);
        wb__str_add(&out, text.s ? text.s : "", text.len);
        wb__str_free(&text);
        if (out.len == head)
            wb__str_addz(&out, "the MCP server reported an error without a message");
        if (!out.oom)
            wb_tool_reply_error(r, out.s);
    } else {
        if (sc)
            wb__json_write(&out, sc);
        else if (content && content->type == WB_JARR && content->u.arr.n == 1 &&
                 wb__json_get(content->u.arr.v[0], "text") &&
                 wb__json_get(content->u.arr.v[0], "text")->type == WB_JSTR) {
            const wb__json *text = wb__json_get(content->u.arr.v[0], "text");
            wb__json_write_str(&out, text->u.str.s, text->u.str.len);
        } else if (content)
            wb__json_write(&out, content);
        else
            wb__str_addz(&out, "null");
        if (!out.oom)
            wb_tool_reply_json(r, out.s, out.len);
    }
    if (out.oom)
        wb_tool_reply_error(r, "out of host memory");
    wb__str_free(&out);
    wb__json_free(d);
}
