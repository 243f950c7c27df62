/* Capability policy: which tools exist, what their arguments may be, how
 * many calls are allowed, and which provider runs them.  Loaded from JSON
 * (docs/policy.md), validated completely at load time: anything unknown is
 * an error naming the file, line and column and what was expected.  A
 * loaded policy is immutable and shared (reference-counted) by every
 * sandbox made from a config. */
#ifndef WB_POLICY_H
#define WB_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "vfs/vfs.h"

typedef enum {
    WB__OP_EQ, WB__OP_NE, WB__OP_LT, WB__OP_LE, WB__OP_GT, WB__OP_GE,
    WB__OP_IN, WB__OP_NOT_IN, WB__OP_STARTS_WITH, WB__OP_ENDS_WITH, WB__OP_CONTAINS,
    WB__OP_EXISTS, WB__OP_NOT_EXISTS,
} wb__op;

typedef struct {
    const char *key; /* NULL for an array index */
    size_t index;
} wb__pathseg;

typedef enum { WB__C_CMP, WB__C_ALL, WB__C_ANY, WB__C_NOT } wb__ckind;

typedef struct wb__constraint {
    wb__ckind kind;
    /* WB__C_CMP */
    wb__op op;
    char *path;       /* as written, for messages */
    wb__pathseg *segs;
    size_t nsegs;
    const wb__json *value; /* NULL for exists/not_exists */
    /* combinators */
    struct wb__constraint **kids;
    size_t nkids;
} wb__constraint;

typedef enum { WB__PROV_CALLBACK, WB__PROV_EXEC, WB__PROV_BUILTIN, WB__PROV_MCP } wb__prov_kind;

typedef enum { WB__BUILTIN_ECHO, WB__BUILTIN_FAIL, WB__BUILTIN_SLOW } wb__builtin;

typedef struct {
    wb__prov_kind kind;
    /* exec */
    char **argv; /* NULL-terminated */
    char **env;  /* NULL-terminated "K=V" */
    char *cwd;
    uint32_t timeout_ms;
    uint64_t max_output;
    /* builtin */
    wb__builtin builtin;
    /* mcp: the index in wb__policy.servers and the upstream tool's name */
    size_t server;
    char *upstream;
} wb__provider;

/* An upstream MCP server ("mcp_servers"): started without a shell with a
 * fixed argv, environment (nothing from the host's) and directory. */
typedef struct {
    char *name;
    char **argv; /* command, then args; NULL-terminated */
    char **env;  /* "K=V", NULL-terminated */
    char *cwd;
    uint32_t timeout_ms; /* per request, the handshake included */
} wb__mcp_server;

#define WB__UNLIMITED INT64_MAX

typedef struct {
    char *name;
    char *description;
    const wb__json *params; /* a validated schema of type object */
    wb__provider prov;
    int64_t max_calls, max_calls_per_run;
    wb__constraint **constraints; /* all must hold */
    size_t nconstraints;
    char **redact; /* top-level argument names hidden in the audit log */
    size_t nredact;
    int open_params; /* an upstream MCP tool without "params": any object */
} wb__tool;

typedef struct wb__policy {
    int refs;
    wb__jdoc *doc;
    const wb__json *root; /* the whole policy, in doc (its canonical text is hashed by journals) */
    char *source; /* file name for messages */
    wb__tool *tools;
    size_t ntools;
    wb__mcp_server *servers;
    size_t nservers;
    int64_t max_calls, max_calls_per_run;
    /* "limits": 0 where the policy does not set one. */
    uint64_t time_ms, fuel, memory_bytes, output_bytes;
    /* "mounts" and limits "fs_bytes"/"fs_files" (src/vfs/): the
     * config's own settings come first. */
    wb__fs_config fs;
} wb__policy;

/* Parses and validates a policy.  On failure returns NULL and err holds
 * "SOURCE:LINE:COLUMN: message".  OUT: release with wb__policy_unref(). */
wb__policy *wb__policy_load(const char *text, size_t len, const char *source, char *err, size_t errsz);
wb__policy *wb__policy_ref(wb__policy *p);
void wb__policy_unref(wb__policy *p);

const wb__tool *wb__policy_tool(const wb__policy *p, const char *name);

/* Checks args (a parsed JSON value) against a tool's schema and
 * constraints.  Returns 1 when allowed; 0 with why filled in (a message a
 * model can act on: which parameter or constraint, the value it got, what
 * is allowed). */
int wb__policy_check(const wb__tool *t, const wb__json *args, wb__str *why);

/* Writes the TypeScript-like signature of a tool's params into out, e.g.
 * "{ city: string; days?: number }" (for descriptions and .d.ts). */
void wb__schema_signature(wb__str *out, const wb__json *schema);

#endif
