/* Tool calls on the host: deciding each call of a batch against the
 * policy and budgets, running providers, auditing, and answering the
 * guest.  One wb__tools per sandbox. */
#ifndef WB_TOOLS_H
#define WB_TOOLS_H

#include <spawn.h>
#include <stdint.h>
#include <stdio.h>

#include "../include/wasmbox.h"
#include "json.h"
#include "policy.h"

typedef struct {
    char *name;
    wb_tool_fn fn;
    void *ud;
    unsigned flags;
} wb__toolcb;

/* What a wb_config carries for tools (copied into each sandbox). */
typedef struct {
    wb__policy *policy; /* shared reference */
    wb__toolcb *cbs;
    size_t ncbs;
    char *audit_path;
    wb_audit_fn audit_fn;
    void *audit_ud;
    int no_providers; /* a strict replay: no provider runs, callbacks need not be registered */
} wb__tool_opts;

void wb__tool_opts_free(wb__tool_opts *o);
/* cfg's tool options, or NULL when cfg is not a live config (config.c). */
const wb__tool_opts *wb__config_tools(const wb_config *cfg);
/* Deep copy (the policy is shared). 0 or ENOMEM. */
int wb__tool_opts_copy(wb__tool_opts *dst, const wb__tool_opts *src);

enum { WB__CALL_WAITING, WB__CALL_ANSWERED };

struct wb_tool_reply {
    int done;
    int ok;
    char *value; /* JSON, when ok */
    size_t value_len;
    char *error; /* message, when !ok */
};

typedef struct {
    uint64_t id;          /* the guest's id for the call */
    const wb__tool *tool;
    const wb__toolcb *cb;
    char *name;
    char *args;           /* canonical JSON text the policy checked */
    size_t args_len;
    const wb__json *args_v; /* in the batch's document (wb__tools.batch_doc) */
    int state;
    int hidden;           /* denied by the policy: not shown to the step API */
    const char *error_name; /* "ToolDeniedError" or "ToolError" */
    struct wb__mcp_conn *upstream; /* an upstream MCP tool's server (code mode) */
    struct wb_tool_reply reply;
    double t0;            /* when the call was allowed (ms, monotonic) */
} wb__call;

typedef struct wb__tools {
    wb__tool_opts opt;
    FILE *audit;
    int64_t *used_session, *used_run; /* per policy tool */
    int64_t total_session, total_run;
    char *catalog; /* JSON for the guest's tools object */
    char *dts;     /* TypeScript declarations of the tools (wb_tools_dts) */
    struct wb__mcp_conn **upstream; /* per policy mcp_servers entry (src/mcp/upstream.c) */
    size_t nupstream;
    size_t catalog_len;
    /* The batch in flight. */
    wb__call *calls;
    size_t ncalls;
    wb__jdoc *batch_doc; /* the parsed batch: the calls' arguments point into it */
    /* Answers for calls settled without the embedder (denials), in batch
     * order; allowed calls are appended when answered. */
} wb__tools;

/* Sets up a sandbox's tools from the config's.  0, or a wb_status with
 * msg filled. */
wb_status wb__tools_init(wb__tools *t, const wb__tool_opts *o, char *msg, size_t msgsz);
void wb__tools_free(wb__tools *t);
void wb__tools_begin_run(wb__tools *t);

/* Takes a batch the guest sent (JSON text): decides every call; denied
 * calls are answered at once.  Returns the number of allowed calls now
 * waiting. */
size_t wb__tools_take_batch(wb__tools *t, const char *json, size_t len);

/* posix_spawn attributes for tool programs: their own process group (so
 * stopping one stops what it started) and a clean signal state. */
void wb__spawnattr_init(posix_spawnattr_t *at);

/* Runs the provider of waiting call i (blocking). */
void wb__tools_run_call(wb__tools *t, size_t i);
/* Runs every waiting call, concurrently where the provider allows. */
void wb__tools_run_all(wb__tools *t);

/* Index of the i-th waiting call in t->calls, or SIZE_MAX. */
size_t wb__tools_waiting(const wb__tools *t, size_t i);
size_t wb__tools_waiting_count(const wb__tools *t);

/* Answers waiting call i (an index into t->calls). */
wb_status wb__tools_answer(wb__tools *t, size_t i, int ok, const char *json_or_msg, size_t len, int denied);

/* The answers to the batch as the guest's resume JSON; clears the batch.
 * OUT: free out->s. */
void wb__tools_results(wb__tools *t, wb__str *out);

/* The shell's `tool NAME --key value ...` (tool_argv.c): req holds the
 * words NUL-separated; runs the call now and appends the answer ('0' +
 * JSON, '1' + error, '2' + usage message) to out.  0, or -1 when out of
 * memory. */
struct wb__host;
int wb__tool_argv(struct wb__host *h, const char *req, size_t len, wb__str *out);

#endif
