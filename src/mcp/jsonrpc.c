/* JSON-RPC 2.0 messages and newline-delimited framing (see jsonrpc.h). */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "jsonrpc.h"

void wb__rpc_classify(const wb__json *v, wb__rpc_msg *m)
{
    memset(m, 0, sizeof *m);
    m->kind = WB__RPC_INVALID;
    if (!v || v->type != WB_JOBJ) {
        m->why = "a JSON-RPC message must be an object";
        return;
    }
    const wb__json *ver = wb__json_get(v, "jsonrpc"), *id = wb__json_get(v, "id");
    const wb__json *method = wb__json_get(v, "method"), *params = wb__json_get(v, "params");
    /* MCP ids are strings or integers; null is not allowed. */
    if (id && (id->type == WB_JSTR || (id->type == WB_JNUM && id->u.num.is_int)))
        m->id = id;
    if (!ver || ver->type != WB_JSTR || strcmp(ver->u.str.s, "2.0")) {
        m->why = "\"jsonrpc\" must be \"2.0\"";
        return;
    }
    if (id && !m->id) {
        m->why = "\"id\" must be a string or an integer";
        return;
    }
    if (!method) {
        m->result = wb__json_get(v, "result");
        m->error = wb__json_get(v, "error");
        if (!id || !!m->result == !!m->error) {
            m->why = "a message needs \"method\" (a request or notification) or \"id\" with \"result\" or \"error\"";
            return;
        }
        m->kind = WB__RPC_RESPONSE;
        return;
    }
    if (method->type != WB_JSTR) {
        m->why = "\"method\" must be a string";
        return;
    }
    if (params && params->type != WB_JOBJ && params->type != WB_JARR) {
        m->why = "\"params\" must be an object or an array";
        return;
    }
    m->method = method->u.str.s;
    m->params = params;
    m->kind = id ? WB__RPC_REQUEST : WB__RPC_NOTIFICATION;
}

static void write_id(wb__str *out, const wb__json *id)
{
    if (id)
        wb__json_write(out, id);
    else
        wb__str_addz(out, "null");
}

void wb__rpc_write_result(wb__str *out, const wb__json *id, const char *result, size_t len)
{
    wb__str_addz(out, "{\"jsonrpc\":\"2.0\",\"id\":");
    write_id(out, id);
    wb__str_addz(out, ",\"result\":");
    wb__str_add(out, result, len);
    wb__str_addz(out, "}\n");
}

void wb__rpc_write_error(wb__str *out, const wb__json *id, int code, const char *message)
{
    wb__str_addz(out, "{\"jsonrpc\":\"2.0\",\"id\":");
    write_id(out, id);
    wb__str_addf(out, ",\"error\":{\"code\":%d,\"message\":", code);
    wb__json_write_str(out, message, strlen(message));
    wb__str_addz(out, "}}\n");
}

void wb__rpc_write_call(wb__str *out, uint64_t id, const char *method, const char *params)
{
    wb__str_addz(out, "{\"jsonrpc\":\"2.0\",");
    if (id)
        wb__str_addf(out, "\"id\":%llu,", (unsigned long long)id);
    wb__str_addz(out, "\"method\":");
    wb__json_write_str(out, method, strlen(method));
    if (params) {
        wb__str_addz(out, ",\"params\":");
        wb__str_addz(out, params);
    }
    wb__str_addz(out, "}\n");
}

/* ---------------------------------------------------------------- framing */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int wb__lines_next(wb__lines *r, char **line, size_t *len, double deadline_ms, size_t max)
{
    /* Drop the line handed out last time. */
    if (r->skip) {
        memmove(r->buf, r->buf + r->skip, r->len - r->skip);
        r->len -= r->skip;
        r->skip = 0;
    }
    for (;;) {
        char *nl = r->len ? memchr(r->buf, '\n', r->len) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - r->buf);
            r->skip = n + 1;
            if (r->discarding) {
                r->discarding = 0;
                memmove(r->buf, r->buf + r->skip, r->len - r->skip);
                r->len -= r->skip;
                r->skip = 0;
                continue;
            }
            if (n > max)
                return WB__LINE_TOO_LONG; /* skip was set: the next call drops it */
            *nl = 0;
            if (n && r->buf[n - 1] == '\r') /* tolerate CRLF */
                r->buf[--n] = 0;
            *line = r->buf;
            *len = n;
            return WB__LINE_OK;
        }
        if (r->len > max) {
            /* Too long: forget what we have, skip to the next newline. */
            int first = !r->discarding;
            r->len = 0;
            r->discarding = 1;
            if (first)
                return WB__LINE_TOO_LONG;
        }
        if (r->eof) {
            if (r->len && !r->discarding) {
                /* A last line without its newline still counts. */
                if (r->len + 1 > r->cap) {
                    char *b = realloc(r->buf, r->len + 1);
                    if (!b)
                        return WB__LINE_ERROR;
                    r->buf = b;
                    r->cap = r->len + 1;
                }
                r->buf[r->len] = 0;
                *line = r->buf;
                *len = r->len;
                r->skip = r->len;
                return WB__LINE_OK;
            }
            return WB__LINE_EOF;
        }
        if (deadline_ms > 0) {
            double left = deadline_ms - now_ms();
            if (left <= 0)
                return WB__LINE_TIMEOUT;
            struct pollfd pf = { r->fd, POLLIN, 0 };
            int k = poll(&pf, 1, (int)left + 1);
            if (k < 0 && errno != EINTR)
                return WB__LINE_ERROR;
            if (k <= 0)
                continue;
        }
        if (r->cap - r->len < 65536) {
            size_t cap = r->cap ? r->cap * 2 : 131072;
            char *b = realloc(r->buf, cap);
            if (!b)
                return WB__LINE_ERROR;
            r->buf = b;
            r->cap = cap;
        }
        ssize_t k = read(r->fd, r->buf + r->len, r->cap - r->len - 1);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        /* A peer that closed with our bytes unread resets the socket:
         * for us that is its end, like EOF. */
        if (k < 0 && errno != ECONNRESET)
            return WB__LINE_ERROR;
        if (k <= 0) {
            r->eof = 1;
            k = 0;
        }
        r->len += (size_t)k;
    }
}

void wb__lines_free(wb__lines *r)
{
    free(r->buf);
    r->buf = NULL;
    r->len = r->cap = r->skip = 0;
}

int wb__write_all(int fd, const char *buf, size_t len)
{
    int sock = 1;
    while (len) {
        ssize_t k = sock ? send(fd, buf, len, MSG_NOSIGNAL) : write(fd, buf, len);
        if (k < 0 && errno == ENOTSOCK && sock) {
            sock = 0;
            continue;
        }
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return errno;
        buf += k;
        len -= (size_t)k;
    }
    return 0;
}
