/* The journal: every nondeterministic event that enters the guest, in
 * order, so a run can be replayed exactly (format: docs/replay.md).
 *
 * One wb__journal per sandbox, in one of these modes:
 *   RECORD  each event is written as a JSON line as it happens;
 *   REPLAY  each event is taken from a recorded journal instead of the
 *           host (clock, randomness, reads, tool results), and compared
 *           with what the guest asks for now: the first difference is a
 *           divergence;
 *   LIVE    a replay diverged with WB_REPLAY_CONTINUE_LIVE: the rest runs
 *           against the real host and providers;
 *   DEAD    a replay diverged without it: the run was stopped.
 *
 * Hooks are one call per event site (WASI, host_call, the tool-batch
 * driver, time checks).  Each takes the host's journal (h->journal, NULL
 * when the sandbox neither records nor replays: then it does nothing).
 * When a replay diverges inside a guest call (clock, random, read, time
 * check) the hook stops the guest hard: the run is rolled back and
 * wb_run returns WB_EDIVERGED (sandbox.c, finish()).
 *
 * Thread: the sandbox's; tool providers on other threads never touch it. */
#ifndef WB_JOURNAL_H
#define WB_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "../internal.h"
#include "../tools.h"

#define WB__JOURNAL_FORMAT 1

typedef struct wb__journal wb__journal;

/* What a wb_config carries for the journal (config.c holds one). */
typedef struct {
    char *record_path;
    wb_journal_fn record_fn;
    void *record_ud;
    char *replay_path;
    unsigned replay_flags;
} wb__journal_opts;

void wb__journal_opts_free(wb__journal_opts *o);
/* The config's journal options, or NULL when cfg is not live (config.c). */
wb__journal_opts *wb__config_journal(const wb_config *cfg);

/* Sets up a sandbox's journal from the config's options (*out NULL when
 * there is nothing to record or replay).  Recording writes the header
 * now.  Replaying loads and checks the whole journal, replaces *opt with
 * the recorded limits and clock/seed options, and when the config has no
 * policy points *tools at a copy of tools_in whose policy is the recorded
 * one (tools_buf holds it).  WB_OK, or a status with msg filled. */
wb_status wb__journal_new(wb__journal **out, const wb__journal_opts *jo, wb__options *opt,
                          const wb__tool_opts **tools, wb__tool_opts *tools_buf, char *msg, size_t msgsz);
void wb__journal_free(wb__journal *j);

/* ------------------------------------------------------------ runs */

/* A run starts: RECORD writes its "run" line; REPLAY checks it against
 * the next recorded run.  WB_OK, or WB_EDIVERGED with msg filled. */
wb_status wb__journal_run_begin(wb__journal *j, int lang, const char *code, size_t len, char *msg, size_t msgsz);

/* What a run produced, for its "end" line. */
typedef struct {
    wb_status status;
    int exit_code;
    const char *out, *err, *value;
    size_t out_len, err_len;
    uint64_t fuel;
} wb__journal_end;

/* A run ended with e->status: RECORD writes the trailer; REPLAY checks
 * that no recorded event is left over and compares the outcome with the
 * trailer.  Returns the run's status, or WB_EDIVERGED (msg filled) when a
 * strict replay differs, or WB_EIO when the journal could not be written. */
wb_status wb__journal_run_end(wb__journal *j, const wb__journal_end *e, char *msg, size_t msgsz);

/* The sandbox's journal, or NULL (sandbox.c). */
wb__journal *wb__sandbox_journal(const wb_sandbox *sb);

/* The first divergence of this sandbox's replay ("" when none). */
const char *wb__journal_report(const wb__journal *j);

/* ------------------------------------------------------------ events */

/* Inside a guest call: a strict replay that diverged since the run began
 * stops the guest hard (does not return).  For event sites that must
 * free their memory first (the shell's synchronous tool calls). */
void wb__journal_stop_if_diverged(wb__host *h);

/* Clock read: *ns is the host's value; REPLAY replaces it. */
void wb__journal_clock(wb__host *h, uint32_t clock_id, uint64_t *ns);

/* Random bytes: buf holds the host's bytes; REPLAY replaces them. */
void wb__journal_random(wb__host *h, void *buf, size_t len);

/* Reads of outside data (stdin, host mounts).  live reads up to cap bytes
 * into buf and returns the count or a negative errno; NULL reads nothing.
 * name (not NULL) names what is read, e.g. the guest path of a mounted
 * file.  RECORD calls live and records the outcome; REPLAY returns the
 * recorded outcome without calling live (the file may be gone).  Returns
 * what live would.  Like every hook called from inside a guest call, a
 * strict replay that diverges here does not return (the guest is stopped
 * with a trap): hold no host memory or locks across the call. */
enum { WB__JR_STDIN = 0, WB__JR_MOUNT = 1 };
typedef long (*wb__journal_reader)(void *ud, void *buf, size_t cap);
long wb__journal_read(wb__host *h, int source, const char *name, void *buf, size_t cap,
                      wb__journal_reader live, void *ud);

/* Time checks (the deadline): returns 0 before the deadline, 1 past it,
 * 2 past it by more than grace_ms (grace_ms 0: never 2).  RECORD notes
 * each new level with the check's ordinal; REPLAY returns the recorded
 * level at the same check, so a time stop lands at the same place. */
int wb__journal_time(wb__host *h, double grace_ms);

/* Interrupt checks (wb_interrupt from another thread): live is 0, 1 (an
 * interrupt is pending) or 2 (the run has ignored it for the grace).
 * Returns the level to act on: RECORD notes each new level at the time
 * check it follows; REPLAY returns the recorded level at the same check
 * (or the live one, if the replay itself is interrupted). */
int wb__journal_interrupt(wb__host *h, int live);

/* A batch of tool calls was decided (wb__tools_take_batch).  RECORD keeps
 * the calls and decisions for the batch's line; REPLAY compares them and
 * answers every allowed call from the journal (*waiting becomes 0).
 * WB_OK or WB_EDIVERGED (stop the run: drive() finishes it). */
wb_status wb__journal_batch(wb__journal *j, const char *batch, size_t len, wb__tools *t, size_t *waiting);

/* The answers the guest is about to get (wb__tools_results): RECORD
 * writes the batch's line; REPLAY checks them.  WB_OK or WB_EDIVERGED. */
wb_status wb__journal_batch_done(wb__journal *j, const char *results, size_t len);

#endif
