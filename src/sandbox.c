/* The public sandbox API: wb_new, wb_run, results, errors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "runtime/rt.h"
#include "../guest/rt/host.h"

#define WB__SANDBOX_MAGIC 0x77627362u /* "wbsb" */

struct wb_sandbox {
    uint32_t magic;
    int failed; /* wb_new failed: only wb_errmsg and wb_free are allowed */
    wb__host host;
    wb__guest *guest;
    char errmsg[WB__ERRMSG_MAX];
};

struct wb_result {
    wb__buf out, err;
    char *value;
    int exit_code;
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
    wb_status st = wb__guest_new(&sb->host, &sb->guest, sb->errmsg, sizeof sb->errmsg);
    if (st != WB_OK)
        sb->failed = 1;
    return st;
}

void wb_free(wb_sandbox *sb)
{
    if (!sb || sb->magic != WB__SANDBOX_MAGIC)
        return;
    wb__guest_free(sb->guest);
    wb__host_end_run(&sb->host);
    sb->magic = 0;
    free(sb);
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

wb_status wb_run(wb_sandbox *sb, wb_lang lang, const char *code, size_t len, wb_result **out)
{
    if (out)
        *out = NULL;
    if (!live(sb))
        return WB_EMISUSE;
    if (!out || (!code && len))
        return fail(sb, WB_EMISUSE, "wb_run: %s is NULL", out ? "code" : "out");
    if (lang != WB_JS)
        return fail(sb, WB_ELANG, "wb_run: language %d is not available; this build has WB_JS (%d)",
                    (int)lang, (int)WB_JS);
    wb_result *r = calloc(1, sizeof *r);
    if (!r)
        return fail(sb, WB_ENOMEM, "wb_run: out of host memory for the result");
    sb->errmsg[0] = 0;

    wb__host *h = &sb->host;
    wb__host_begin_run(h);
    wb__guest_outcome o;
    wb_status st = wb__guest_run(sb->guest, WB_GUEST_JS, code ? code : "", len, &o);
    if (st != WB_OK) {
        free(r);
        return fail(sb, st, "wb_run: code of %zu bytes is too large (at most 4 GiB - 64 KiB)", len);
    }

    /* The result takes the run's buffers. */
    r->out = h->out;
    r->err = h->err;
    memset(&h->out, 0, sizeof h->out);
    memset(&h->err, 0, sizeof h->err);
    r->exit_code = -1;

    if (o.trap) {
        int e = wb__guest_reset(sb->guest);
        st = fail(sb, WB_ETRAP, "guest trap: %s (%s); the sandbox was reset to its initial state, "
                  "so globals from earlier runs are gone%s",
                  wasm_rt_strerror((wasm_rt_trap_t)o.trap), trap_advice(o.trap),
                  e ? "; resetting failed too, the sandbox is unusable" : "");
        if (e)
            sb->failed = 1;
    } else if (o.exited) {
        r->exit_code = h->exit_code;
    } else if (o.status == WB_GUEST_OK || o.status == WB_GUEST_THREW) {
        r->exit_code = o.status == WB_GUEST_OK ? 0 : 1;
        if (o.status == WB_GUEST_OK) {
            r->value = h->value;
            h->value = NULL;
        }
    } else {
        st = fail(sb, WB_ENOMEM, "the guest could not allocate %zu bytes for the script", len);
    }
    if (o.grow_denied && r->exit_code != 0) {
        st = fail(sb, WB_EMEMLIMIT,
                  "memory limit %llu MiB reached (the guest asked for %.1f MiB); raise it with "
                  "wb_config_set_memory_limit() or --memory",
                  (unsigned long long)(h->opt.memory_limit >> 20),
                  (double)o.grow_denied * WB__WASM_PAGE / (1024.0 * 1024.0));
    }
    wb__host_end_run(h);
    *out = r;
    return st;
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

void wb_result_free(wb_result *r)
{
    if (!r)
        return;
    wb__buf_free(&r->out);
    wb__buf_free(&r->err);
    free(r->value);
    free(r);
}
