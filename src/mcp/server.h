/* The MCP server behind `wasmbox mcp` (src/mcp/server.c): MCP over stdio
 * (newline-delimited JSON-RPC 2.0) with the tools run_javascript and
 * run_shell, all calls of a connection in one persistent sandbox. */
#ifndef WB_MCP_SERVER_H
#define WB_MCP_SERVER_H

#include <stddef.h>

#include "../include/wasmbox.h"
#include "json.h"

/* Protocol versions this server speaks, newest first. */
extern const char *const wb__mcp_versions[];
/* The version to answer an initialize with: the client's when supported,
 * else our newest.  Static text. */
const char *wb__mcp_negotiate(const char *client_version);
/* JSON-RPC batches (arrays of messages) exist only in 2025-03-26. */
int wb__mcp_batches_allowed(const char *version);

/* Appends the CallToolResult of a run as JSON: text content with stdout,
 * stderr, value and error; isError when the code threw or a limit stopped
 * it; structuredContent {stdout, stderr, value, status, exit_code[, error]}
 * when structured (protocol 2025-06-18 and later). */
void wb__mcp_run_result(wb__str *out, wb_status st, const wb_result *r, const char *errmsg, int structured);

/* Serves one connection on in_fd/out_fd with sb (borrowed; every call runs
 * in it) until in_fd ends.  Logs go to stderr, never to out_fd.  Returns 0
 * at a clean end, 1 when out_fd failed. */
int wb__mcp_serve(wb_sandbox *sb, int in_fd, int out_fd);

#endif
