/* JSON-RPC 2.0 as MCP uses it over stdio: one message per line, no
 * embedded newlines (src/mcp/jsonrpc.c).  Shared by the server (wasmbox
 * mcp) and the client that talks to upstream servers (code mode); kept
 * free of I/O policy so the unit tests can drive it with strings. */
#ifndef WB_MCP_JSONRPC_H
#define WB_MCP_JSONRPC_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"

enum {
    WB__RPC_PARSE_ERROR = -32700,
    WB__RPC_INVALID_REQUEST = -32600,
    WB__RPC_METHOD_NOT_FOUND = -32601,
    WB__RPC_INVALID_PARAMS = -32602,
    WB__RPC_INTERNAL_ERROR = -32603,
};

typedef enum { WB__RPC_REQUEST, WB__RPC_NOTIFICATION, WB__RPC_RESPONSE, WB__RPC_INVALID } wb__rpc_kind;

/* One message, pointing into its parsed document. */
typedef struct {
    wb__rpc_kind kind;
    const wb__json *id;     /* requests and responses; for INVALID, the id if it was usable */
    const char *method;     /* requests and notifications */
    const wb__json *params; /* NULL when absent */
    const wb__json *result, *error; /* responses: exactly one is set */
    const char *why;        /* INVALID: what is wrong (static text) */
} wb__rpc_msg;

/* Sorts a parsed message into m.  INVALID when it is not a JSON-RPC 2.0
 * request, notification or response (m->why says what is wrong). */
void wb__rpc_classify(const wb__json *v, wb__rpc_msg *m);

/* Appends one whole response line ("...\n").  id NULL writes null. */
void wb__rpc_write_result(wb__str *out, const wb__json *id, const char *result, size_t len);
void wb__rpc_write_error(wb__str *out, const wb__json *id, int code, const char *message);
/* Appends a request (id != 0) or a notification (id == 0) line; params
 * is JSON text or NULL. */
void wb__rpc_write_call(wb__str *out, uint64_t id, const char *method, const char *params);

/* Newline-delimited reading from a file descriptor, with a cap on the
 * line length (a peer cannot make us buffer without end). */
typedef struct {
    int fd;
    char *buf;
    size_t len, cap; /* bytes buffered */
    size_t skip;     /* consumed from the front by the last line */
    int eof;
    int discarding;  /* inside a line past the cap: drop to its newline */
} wb__lines;

enum { WB__LINE_OK = 1, WB__LINE_EOF = 0, WB__LINE_TIMEOUT = -1, WB__LINE_TOO_LONG = -2, WB__LINE_ERROR = -3 };

/* The next line (without its "\n", NUL-terminated, borrowed until the next
 * call) into *line and *len.  deadline_ms: monotonic milliseconds (0: wait
 * without end).  A line longer than max is skipped and reported as
 * WB__LINE_TOO_LONG once. */
int wb__lines_next(wb__lines *r, char **line, size_t *len, double deadline_ms, size_t max);
void wb__lines_free(wb__lines *r);

/* Writes all of buf (EINTR and short writes handled; no SIGPIPE: sockets
 * get MSG_NOSIGNAL, others rely on SIGPIPE being ignored).  0 or errno. */
int wb__write_all(int fd, const char *buf, size_t len);

#endif
