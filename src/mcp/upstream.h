/* Code mode: upstream MCP servers listed in a policy's "mcp_servers",
 * started per sandbox, whose tools the sandbox calls as SERVER.TOOL
 * (src/mcp/upstream.c).  wasmbox is their client over stdio. */
#ifndef WB_MCP_UPSTREAM_H
#define WB_MCP_UPSTREAM_H

#include "tools.h"
#include "tools_ts.h"

/* Starts every server of t's policy, initializes it and lists its tools;
 * checks that each policy tool SERVER.TOOL is offered (fail closed: a
 * tool the policy does not list is never callable, and one the server
 * does not offer is an error here).  WB_OK, or a status with msg filled. */
wb_status wb__mcp_upstream_start(wb__tools *t, char *msg, size_t msgsz);
/* Ends the servers (close stdin, then SIGTERM, then SIGKILL). */
void wb__mcp_upstream_stop(wb__tools *t);
/* For an upstream tool: the server's description and input schema where
 * the policy gives none. */
void wb__mcp_upstream_decl(const wb__tools *t, const wb__tool *tool, wb__tool_decl *d);
/* Runs one allowed call (blocking; calls to one server are serialised). */
void wb__mcp_upstream_call(const wb__call *c, struct wb_tool_reply *r);

#endif
