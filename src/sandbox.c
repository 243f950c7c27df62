/* The public sandbox API: wb_new, wb_run, results, errors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "runtime/rt.h"
#include "tools.h"
#include "vfs/vfs.h"
#include "vfs/vfs_sandbox.h"
#include "journal/journal.h"
#include "../guest/rt/host.h"

#define WB__SANDBOX_MAGIC 0x77627362u /* "wbsb" */

struct wb_sandbox {
    uint32_t magic;
    int failed;  /* wb_new failed: only wb_errmsg and wb_free are allowed */
    int pending; /* a step-API run waits for answers */
    wb__host host;
    wb__tools tools;
    wb__guest *guest;
    size_t code_len;
    char errmsg[WB__ERRMSG_MAX];
};

struct wb_result {
    wb__buf out, err;
    char *value;
    int exit_code;
    uint64_t fuel;
};

static wb_status fail(wb_sandbox *sb, wb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sb->errmsg, sizeof sb->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

static int live(const wb_sandbox *sb)
{
    return sb && sb->magic == WB__SANDBOX_MAGIC && !sb->failed;
}

wb_status wb_new(const wb_config *cfg, wb_sandbox **out)
{
    if (!out)
        return WB_EMISUSE;
    wb_sandbox *sb = calloc(1, sizeof *sb);
    *out = sb;
    if (!sb)
        return WB_ENOMEM;
    sb->magic = WB__SANDBOX_MAGIC;
    if (cfg) {
        const wb__options *o = wb__config_options(cfg);
        if (!o) {
            sb->failed = 1;
            return fail(sb, WB_EMISUSE, "wb_new: cfg is not a live wb_config (freed, or not from wb_config_new())");
        }
        sb->host.opt = *o;
    } else {
        wb__options_default(&sb->host.opt);
    }
    if (sb->host.opt.seeded)
        wb__host_seed(&sb->host, sb->host.opt.seed);
    static const wb__tool_opts no_tools;
    const wb__tool_opts *to = cfg ? wb__config_tools(cfg) : &no_tools;
    /* The policy's limits, where the embedder did not set its own. */
    const wb__policy *pol = to ? to->policy : NULL;
    wb__options *o = &sb->host.opt;
    if (pol) {
        if (pol->time_ms && !(o->set & WB__SET_TIME)) o->time_limit_ms = pol->time_ms;
        if (pol->fuel && !(o->set & WB__SET_FUEL)) o->fuel_limit = pol->fuel;
        if (pol->memory_bytes && !(o->set & WB__SET_MEMORY)) o->memory_limit = pol->memory_bytes & ~(uint64_t)65535;
        if (pol->output_bytes && !(o->set & WB__SET_OUTPUT)) o->output_limit = pol->output_bytes;
    }
    /* Record or replay: a replay takes the recorded limits, clock and
     * seed options, and the recorded policy when cfg has none. */
    wb__tool_opts jtools;
    wb_status st = wb__journal_new(&sb->host.journal, cfg ? wb__config_journal(cfg) : NULL, o, &to, &jtools,
                                   sb->errmsg, sizeof sb->errmsg);
    if (st == WB_OK && sb->host.journal && o->seeded)
        wb__host_seed(&sb->host, o->seed);
    if (st == WB_OK)
        st = wb__tools_init(&sb->tools, to, sb->errmsg, sizeof sb->errmsg);
    sb->host.tools = &sb->tools;
    if (st == WB_OK && sb->tools.opt.policy) {
        sb->host.catalog = sb->tools.catalog;
        sb->host.catalog_len = sb->tools.catalog_len;
    }
    if (st == WB_OK)
        st = wb__sandbox_vfs_init(&sb->host, cfg, sb->errmsg, sizeof sb->errmsg);
    if (st == WB_OK)
        st = wb__guest_new(&sb->host, &sb->guest, sb->errmsg, sizeof sb->errmsg);
    if (st != WB_OK)
        sb->failed = 1;
    return st;
}

void wb_free(wb_sandbox *sb)
{
    if (!sb || sb->magic != WB__SANDBOX_MAGIC)
        return;
    wb__guest_free(sb->guest);
    wb__vfs_free(sb->host.vfs);
    wb__tools_free(&sb->tools);
    wb__host_end_run(&sb->host);
    wb__journal_free(sb->host.journal);
    wb__stdin_free(&sb->host);
    sb->magic = 0;
    free(sb);
}

/* wb_fs_* (src/vfs/vfs_public.c): the sandbox's VFS and its message buffer. */
wb_status wb__sandbox_fs(wb_sandbox *sb, struct wb__vfs **v, char **errbuf, size_t *errsz)
{
    if (!live(sb))
        return WB_EMISUSE;
    *errbuf = sb->errmsg;
    *errsz = sizeof sb->errmsg;
    if (sb->pending)
        return fail(sb, WB_ESTATE, "the files cannot change while a run waits for tool call answers: "
                    "finish the run with wb_step() first");
    *v = sb->host.vfs;
    return WB_OK;
}

const char *wb_errmsg(const wb_sandbox *sb)
{
    if (!sb)
        return "sandbox is NULL (wb_new failed to allocate it)";
    if (sb->magic != WB__SANDBOX_MAGIC)
        return "not a live sandbox (freed, or not from wb_new())";
    return sb->errmsg;
}

static const char *trap_advice(int trap)
{
    switch (trap) {
    case WASM_RT_TRAP_EXHAUSTION:
        return "the guest used up its 64 MiB native stack: recursion too deep for the engine to stop it";
    case WASM_RT_TRAP_OOB:
        return "the guest touched memory outside its linear memory";
    default:
        return "the guest hit a fatal error";
    }
}

/* Undoes the run in progress: memory and files as they were before it.
 * 0: restored; 1: the undo failed and the sandbox was reset to the
 * template; -1: even that failed (the sandbox is marked failed). */
static int undo_run(wb_sandbox *sb)
{
    int e = wb__guest_rollback(sb->guest);
    int e2 = e ? wb__guest_reset(sb->guest) : 0;
    wb__vfs_rollback(sb->host.vfs); /* files too: the guest's fds must match its memory */
    if (e)
        wb__vfs_close_fds(sb->host.vfs); /* the template's libc knows only the preopen */
    if (e && e2)
        sb->failed = 1;
    return !e ? 0 : !e2 ? 1 : -1;
}

/* Ends a run: the result takes the output; traps reset the sandbox. */
static wb_status finish(wb_sandbox *sb, const wb__guest_outcome *o, wb_result **out)
{
    wb__host *h = &sb->host;
    wb_status st = WB_OK;
    wb_result *r = calloc(1, sizeof *r);
    sb->pending = 0;
    if (!r) {
        wb__host_end_run(h);
        return fail(sb, WB_ENOMEM, "wb_run: out of host memory for the result");
    }
    r->out = h->out;
    r->err = h->err;
    memset(&h->out, 0, sizeof h->out);
    memset(&h->err, 0, sizeof h->err);
    r->exit_code = -1;
    wb__fuel_settle(h);
    r->fuel = h->fuel_used;

    if (o->trap == WB__RT_TRAP_STOP) {
        /* A hard stop: the guest ignored the graceful one, or was in code
         * that cannot be interrupted.  Its heap may be mid-operation: put
         * the sandbox back as it was before the run. */
        int e = undo_run(sb);
        const char *restored = e ? "; the sandbox could not be restored and was reset to its initial state"
                                 : "; the sandbox was restored to its state before this run";
        if (h->hard_stop == WB__STOP_DIVERGED)
            st = fail(sb, WB_EDIVERGED, "%s%s", wb__journal_report(h->journal), restored);
        else if (h->hard_stop == WB__STOP_INTERRUPT)
            st = fail(sb, WB_EINTERRUPT, "the run was interrupted by the host (wb_interrupt) and stopped hard in "
                      "code that does not check for stops%s", restored);
        else if (h->hard_stop == WB__STOP_FUEL)
            st = fail(sb, WB_EFUEL, "fuel limit %llu reached (%llu instructions executed): the run was stopped "
                      "hard%s; raise it with wb_config_set_fuel_limit() or --fuel",
                      (unsigned long long)h->opt.fuel_limit, (unsigned long long)h->fuel_used, restored);
        else
            st = fail(sb, WB_ETIMEOUT, "time limit %llu ms reached: the run was stopped hard in code that does "
                      "not check for stops%s; raise it with wb_config_set_time_limit() or --time-limit",
                      (unsigned long long)h->opt.time_limit_ms, restored);
    } else if (o->trap) {
        /* The guest stopped mid-operation: put it back as it was before
         * the run; if even that fails, back to the template. */
        int e = undo_run(sb);
        st = fail(sb, WB_ETRAP, "guest trap: %s (%s); %s", wasm_rt_strerror((wasm_rt_trap_t)o->trap),
                  trap_advice(o->trap),
                  e == 0 ? "the sandbox was restored to its state before this run"
                  : e == 1 ? "the sandbox was reset to its initial state: globals from earlier runs are gone"
                           : "the sandbox could not be restored and is unusable");
    } else if (h->stop) {
        /* A soft stop: the script unwound, the sandbox keeps its state. */
        if (h->stop == WB__STOP_FUEL)
            st = fail(sb, WB_EFUEL, "fuel limit %llu reached (%llu instructions executed): the run was stopped "
                      "(a loop that never ends, or too much work for one run); raise it with "
                      "wb_config_set_fuel_limit() or --fuel",
                      (unsigned long long)h->opt.fuel_limit, (unsigned long long)h->fuel_used);
        else if (h->stop == WB__STOP_INTERRUPT)
            st = fail(sb, WB_EINTERRUPT, "the run was interrupted by the host (wb_interrupt, e.g. a cancelled "
                      "request); the sandbox keeps its state from before the stopped statement");
        else if (h->stop == WB__STOP_TIME)
            st = fail(sb, WB_ETIMEOUT, "time limit %llu ms reached: the run was stopped (a loop that never ends, or "
                      "too much work for one run); raise it with wb_config_set_time_limit() or --time-limit",
                      (unsigned long long)h->opt.time_limit_ms);
        else
            st = fail(sb, WB_EOUTPUT, "output limit %llu bytes reached: the run was stopped (print less, or raise it "
                      "with wb_config_set_output_limit() or --max-output)", (unsigned long long)h->opt.output_limit);
    } else if (o->exited) {
        r->exit_code = h->exit_code;
    } else if (o->status == WB_GUEST_OK || o->status == WB_GUEST_THREW) {
        r->exit_code = o->status == WB_GUEST_OK ? 0 : 1;
        if (o->status == WB_GUEST_OK) {
            r->value = h->value;
            h->value = NULL;
        }
    } else if (o->status == WB_GUEST_BADLANG) {
        st = fail(sb, WB_ELANG, "wb_run: this build's guest does not have the language asked for (WB_SH needs the "
                  "shell built in); WB_JS is always there");
    } else {
        st = fail(sb, WB_ENOMEM, "the guest could not allocate %zu bytes for the script", sb->code_len);
    }
    int rolled_back = 0;
    if (o->grow_denied && r->exit_code != 0) {
        /* The script failed at the memory limit.  Whatever filled the
         * memory (a global it kept growing) would stay and fail every
         * later run, so the run is undone even when the engine failed
         * gracefully; out of memory inside the engine can also end in a
         * trap, which was rolled back already. */
        if (!o->trap) {
            undo_run(sb);
            rolled_back = 1;
        }
        st = fail(sb, WB_EMEMLIMIT,
                  "memory limit %llu MiB reached (the guest asked for %.1f MiB)%s; raise it with "
                  "wb_config_set_memory_limit() or --memory",
                  (unsigned long long)(h->opt.memory_limit >> 20),
                  (double)o->grow_denied * WB__WASM_PAGE / (1024.0 * 1024.0),
                  sb->failed ? ", the guest failed and the sandbox could not be restored"
                             : ", and the sandbox was restored to its state before this run");
    }
    if (!o->trap && !rolled_back) {
        wb__guest_commit(sb->guest);
        wb__vfs_commit(h->vfs);
    }
    wb__journal_end je = { st, r->exit_code, r->out.data ? r->out.data : "", r->err.data ? r->err.data : "",
                           r->value, r->out.len, r->err.len, r->fuel };
    st = wb__journal_run_end(h->journal, &je, sb->errmsg, sizeof sb->errmsg);
    h->hard_stop = WB__STOP_NONE;
    wb__host_end_run(h);
    *out = r;
    return st;
}

/* Hands the batch's answers to the guest, which carries on into *o.  If
 * the answers cannot even be written down, the run ends as out of memory. */
static void answer_guest(wb_sandbox *sb, wb__guest_outcome *o)
{
    wb__str res = {0};
    wb__tools_results(&sb->tools, &res);
    if (res.oom) {
        wb__str_free(&res);
        *o = (wb__guest_outcome){ 0, WB_GUEST_NOMEM, 0, 0 };
        return;
    }
    if (wb__journal_batch_done(sb->host.journal, res.s, res.len) != WB_OK) {
        wb__str_free(&res);
        sb->host.hard_stop = WB__STOP_DIVERGED; /* a replay's answers differ: stop */
        *o = (wb__guest_outcome){ WB__RT_TRAP_STOP, 0, 0, 0 };
        return;
    }
    wb__guest_resume(sb->guest, res.s, res.len, o);
    wb__str_free(&res);
}

/* Runs the guest until it finishes or, in step mode, until a batch has
 * calls the embedder must answer.  automatic: run providers ourselves. */
static wb_status drive(wb_sandbox *sb, wb__guest_outcome *o, int automatic, wb_result **out)
{
    wb__host *h = &sb->host;
    for (;;) {
        if (o->trap || o->exited || o->status != WB_GUEST_PENDING)
            return finish(sb, o, out);
        size_t waiting = wb__tools_take_batch(&sb->tools, h->batch ? h->batch : "[]", h->batch ? h->batch_len : 2);
        if (wb__journal_batch(h->journal, h->batch ? h->batch : "[]", h->batch ? h->batch_len : 2, &sb->tools,
                              &waiting) != WB_OK) {
            h->hard_stop = WB__STOP_DIVERGED; /* the replay differs at this batch: stop */
            *o = (wb__guest_outcome){ WB__RT_TRAP_STOP, 0, 0, 0 };
            continue;
        }
        free(h->batch);
        h->batch = NULL;
        if (waiting && !automatic) {
            sb->pending = 1;
            return WB_PENDING;
        }
        if (waiting)
            wb__tools_run_all(&sb->tools);
        answer_guest(sb, o);
    }
}

/* begin()'s automatic argument for the guest's runtime self-tests. */
#define SELFTEST 2

static wb_status begin(wb_sandbox *sb, wb_lang lang, const char *code, size_t len, wb_result **out, int automatic)
{
    if (out)
        *out = NULL;
    if (!live(sb))
        return WB_EMISUSE;
    if (!out || (!code && len))
        return fail(sb, WB_EMISUSE, "wb_run: %s is NULL", out ? "code" : "out");
    if (sb->pending)
        return fail(sb, WB_ESTATE, "a run is waiting for tool call answers: finish it with wb_step() first");
    if (lang != WB_JS && lang != WB_SH && !(lang == (wb_lang)WB__LANG_SELFTEST && automatic == SELFTEST))
        return fail(sb, WB_ELANG, "wb_run: language %d is not available; this build has WB_JS (%d) and WB_SH (%d)",
                    (int)lang, (int)WB_JS, (int)WB_SH);
    if (len > UINT32_MAX - 65536)
        return fail(sb, WB_EINVAL, "wb_run: code of %zu bytes is too large (at most 4 GiB - 64 KiB)", len);
    sb->errmsg[0] = 0;
    sb->code_len = len;
    wb_status jst = wb__journal_run_begin(sb->host.journal, (int)lang, code ? code : "", len, sb->errmsg,
                                          sizeof sb->errmsg);
    if (jst != WB_OK)
        return jst;
    int e = wb__guest_begin(sb->guest);
    if (e) {
        wb__journal_end je = { WB_ENOMEM, -1, "", "", NULL, 0, 0, 0 }; /* the journal's run ends too */
        wb__journal_run_end(sb->host.journal, &je, sb->errmsg, sizeof sb->errmsg);
        return fail(sb, WB_ENOMEM, "wb_run: cannot prepare the run's undo log: %s", strerror(e));
    }
    wb__vfs_begin(sb->host.vfs);
    wb__host_begin_run(&sb->host);
    wb__fuel_begin(&sb->host);
    wb__tools_begin_run(&sb->tools);
    wb__guest_outcome o;
    wb__guest_run(sb->guest, (int)lang, code ? code : "", len, &o);
    return drive(sb, &o, automatic, out);
}

wb_status wb__run_selftest(wb_sandbox *sb, const char *code, wb_result **out)
{
    return begin(sb, (wb_lang)WB__LANG_SELFTEST, code, strlen(code), out, SELFTEST);
}

wb_status wb_run(wb_sandbox *sb, wb_lang lang, const char *code, size_t len, wb_result **out)
{
    return begin(sb, lang, code, len, out, 1);
}

wb_status wb_start(wb_sandbox *sb, wb_lang lang, const char *code, size_t len, wb_result **out)
{
    return begin(sb, lang, code, len, out, 0);
}

wb_status wb_step(wb_sandbox *sb, wb_result **out)
{
    if (out)
        *out = NULL;
    if (!live(sb) || !out)
        return WB_EMISUSE;
    if (!sb->pending)
        return fail(sb, WB_ESTATE, "wb_step: no run is waiting (start one with wb_start())");
    /* Every call the embedder sees (answered or not) by its index. */
    size_t k;
    for (size_t i = 0; (k = wb__tools_waiting(&sb->tools, i)) != SIZE_MAX; i++) {
        if (sb->tools.calls[k].state == WB__CALL_WAITING)
            return fail(sb, WB_ESTATE, "wb_step: call %zu (tool \"%s\") has no answer yet: use wb_submit_*()", i,
                        sb->tools.calls[k].name);
    }
    wb__guest_outcome o;
    answer_guest(sb, &o);
    return drive(sb, &o, 0, out);
}

wb__journal *wb__sandbox_journal(const wb_sandbox *sb)
{
    return live(sb) ? sb->host.journal : NULL;
}

/* ---------------------------------------------------------------- control */

wb_status wb_interrupt(wb_sandbox *sb)
{
    /* Only the atomic flag: another thread may be inside wb_run. */
    if (!sb || sb->magic != WB__SANDBOX_MAGIC)
        return WB_EMISUSE;
    atomic_store(&sb->host.interrupt, 1);
    return WB_OK;
}

wb_status wb_set_time_limit(wb_sandbox *sb, uint64_t ms)
{
    if (!live(sb))
        return WB_EMISUSE;
    if (ms < 1 || ms > 86400000)
        return fail(sb, WB_EINVAL, "time limit %llu ms is outside 1 .. 86400000 (a day)", (unsigned long long)ms);
    sb->host.opt.time_limit_ms = ms;
    return WB_OK;
}

const wb__options *wb__sandbox_options(const wb_sandbox *sb)
{
    return live(sb) ? &sb->host.opt : NULL;
}

const char *wb_tools_dts(const wb_sandbox *sb)
{
    return live(sb) && sb->tools.dts ? sb->tools.dts : "";
}

/* ---------------------------------------------------------------- step API */

static size_t pending_index(const wb_sandbox *sb, size_t i)
{
    return live(sb) && sb->pending ? wb__tools_waiting(&sb->tools, i) : SIZE_MAX;
}

size_t wb_pending_count(const wb_sandbox *sb)
{
    if (!live(sb) || !sb->pending)
        return 0;
    size_t n = 0;
    while (wb__tools_waiting(&sb->tools, n) != SIZE_MAX)
        n++;
    return n;
}

const char *wb_pending_tool(const wb_sandbox *sb, size_t i)
{
    size_t k = pending_index(sb, i);
    return k == SIZE_MAX ? NULL : sb->tools.calls[k].name;
}

const char *wb_pending_args(const wb_sandbox *sb, size_t i)
{
    size_t k = pending_index(sb, i);
    return k == SIZE_MAX ? NULL : sb->tools.calls[k].args;
}

static wb_status submit(wb_sandbox *sb, size_t i, int ok, const char *text, size_t len, int denied)
{
    size_t k = pending_index(sb, i);
    if (!live(sb))
        return WB_EMISUSE;
    if (k == SIZE_MAX)
        return fail(sb, WB_EINVAL, "wb_submit: no pending call %zu (there are %zu)", i, wb_pending_count(sb));
    if (sb->tools.calls[k].state != WB__CALL_WAITING)
        return fail(sb, WB_ESTATE, "wb_submit: call %zu (tool \"%s\") was already answered", i, sb->tools.calls[k].name);
    return wb__tools_answer(&sb->tools, k, ok, text, len, denied);
}

wb_status wb_submit_result(wb_sandbox *sb, size_t i, const char *json, size_t len)
{
    if (!json)
        return WB_EMISUSE;
    return submit(sb, i, 1, json, len, 0);
}

wb_status wb_submit_error(wb_sandbox *sb, size_t i, const char *message)
{
    if (!message)
        return WB_EMISUSE;
    return submit(sb, i, 0, message, strlen(message), 0);
}

wb_status wb_submit_deny(wb_sandbox *sb, size_t i, const char *reason)
{
    if (!reason)
        return WB_EMISUSE;
    size_t k = pending_index(sb, i);
    char msg[WB__ERRMSG_MAX];
    snprintf(msg, sizeof msg, "tool \"%s\" denied by the host: %s", k == SIZE_MAX ? "?" : sb->tools.calls[k].name, reason);
    return submit(sb, i, 0, msg, strlen(msg), 1);
}

wb_status wb_submit_run(wb_sandbox *sb, size_t i)
{
    size_t k = pending_index(sb, i);
    if (!live(sb))
        return WB_EMISUSE;
    if (k == SIZE_MAX)
        return fail(sb, WB_EINVAL, "wb_submit_run: no pending call %zu (there are %zu)", i, wb_pending_count(sb));
    if (sb->tools.calls[k].state != WB__CALL_WAITING)
        return fail(sb, WB_ESTATE, "wb_submit_run: call %zu was already answered", i);
    wb__tools_run_call(&sb->tools, k);
    return WB_OK;
}

const char *wb_result_stdout(const wb_result *r, size_t *len)
{
    if (len)
        *len = r && r->out.data ? r->out.len : 0;
    return r && r->out.data ? r->out.data : "";
}

const char *wb_result_stderr(const wb_result *r, size_t *len)
{
    if (len)
        *len = r && r->err.data ? r->err.len : 0;
    return r && r->err.data ? r->err.data : "";
}

const char *wb_result_value(const wb_result *r)
{
    return r ? r->value : NULL;
}

int wb_result_exit_code(const wb_result *r)
{
    return r ? r->exit_code : -1;
}

uint64_t wb_result_fuel(const wb_result *r)
{
    return r ? r->fuel : 0;
}

void wb_result_free(wb_result *r)
{
    if (!r)
        return;
    wb__buf_free(&r->out);
    wb__buf_free(&r->err);
    free(r->value);
    free(r);
}

/* ---------------------------------------------------------------- snapshots
 * Internals src/session/ needs (declared in internal.h). */

wb__guest *wb__sandbox_guest(wb_sandbox *sb)
{
    return sb->guest;
}

wb__host *wb__sandbox_host(wb_sandbox *sb)
{
    return &sb->host;
}

wb_status wb__sandbox_fail(wb_sandbox *sb, wb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sb->errmsg, sizeof sb->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

wb_status wb__sandbox_check_idle(wb_sandbox *sb, const char *fn)
{
    if (!live(sb))
        return WB_EMISUSE;
    if (sb->pending)
        return fail(sb, WB_ESTATE, "%s: a run is waiting for tool call answers: finish it with wb_step() first", fn);
    sb->errmsg[0] = 0;
    return WB_OK;
}

wb_status wb__sandbox_clone(wb_sandbox *sb, wb_sandbox **out)
{
    wb_sandbox *c = calloc(1, sizeof *c);
    *out = c;
    if (!c)
        return WB_ENOMEM;
    c->magic = WB__SANDBOX_MAGIC;
    c->host.opt = sb->host.opt;
    memcpy(c->host.rng, sb->host.rng, sizeof c->host.rng);
    wb_status st = wb__tools_init(&c->tools, &sb->tools.opt, c->errmsg, sizeof c->errmsg);
    c->host.tools = &c->tools;
    if (st == WB_OK) {
        /* Budgets are per session: the clone has used what its parent has. */
        size_t n = sb->tools.opt.policy ? sb->tools.opt.policy->ntools : 0;
        memcpy(c->tools.used_session, sb->tools.used_session, n * sizeof *c->tools.used_session);
        c->tools.total_session = sb->tools.total_session;
        if (c->tools.opt.policy) {
            c->host.catalog = c->tools.catalog;
            c->host.catalog_len = c->tools.catalog_len;
        }
        st = wb__guest_new(&c->host, &c->guest, c->errmsg, sizeof c->errmsg);
    }
    if (st != WB_OK)
        c->failed = 1;
    return st;
}
