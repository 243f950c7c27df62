/* TypeScript declarations of tools, from their parameter schemas
 * (src/tools_ts.c).  Reusable: the MCP server's tool descriptions, the
 * catalog's signatures, and .d.ts files for /tools use the same text. */
#ifndef WB_TOOLS_TS_H
#define WB_TOOLS_TS_H

#include <stddef.h>

#include "json.h"
#include "policy.h"

/* One tool to declare; all borrowed.  params NULL: no parameters. */
typedef struct {
    const char *name; /* may be dotted: "server.tool" nests as tools.server.tool */
    const char *description;
    const wb__json *params;
} wb__tool_decl;

/* Appends the TypeScript type of a JSON schema (any JSON Schema: forms it
 * does not know become `unknown`), e.g. "{ city: string; days?: number }".
 * docs: put property descriptions in JSDoc comments.  NULL gives "{}". */
void wb__ts_type(wb__str *out, const wb__json *schema, int docs);

/* Appends "declare const tools: { ... };" with a method per tool (JSDoc
 * from its description), dotted names nested as objects. */
void wb__tools_to_ts(wb__str *out, const wb__tool_decl *d, size_t n);

/* The same for every tool of a policy (p may be NULL: no tools). */
void wb__policy_to_ts(wb__str *out, const wb__policy *p);

#endif
