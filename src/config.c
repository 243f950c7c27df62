/* wb_config: options for new sandboxes, each validated by its setter. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tools.h"
#include "journal/journal.h"
#include "vfs/vfs.h"

#define WB__CONFIG_MAGIC 0x77626366u /* "wbcf" */

struct wb_config {
    uint32_t magic;
    wb__options opt;
    wb__tool_opts tools;
    wb__journal_opts journal; /* record/replay: setters in src/journal/journal_config.c */
    wb__fs_config fs;
    char errmsg[WB__ERRMSG_MAX];
};

static wb_status cfail(wb_config *cfg, wb_status st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static wb_status cfail(wb_config *cfg, wb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cfg->errmsg, sizeof cfg->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

void wb__options_default(wb__options *o)
{
    o->memory_limit = WB_DEFAULT_MEMORY_LIMIT;
    o->output_limit = WB_DEFAULT_OUTPUT_LIMIT;
    o->time_limit_ms = WB_DEFAULT_TIME_LIMIT_MS;
    o->fixed_clock = 0;
    o->clock_ms = 0;
    o->seeded = 0;
    o->seed = 0;
    o->set = 0;
}

const wb__options *wb__config_options(const wb_config *cfg)
{
    return cfg && cfg->magic == WB__CONFIG_MAGIC ? &cfg->opt : NULL;
}

wb_status wb_config_new(wb_config **out)
{
    if (!out)
        return WB_EMISUSE;
    wb_config *c = calloc(1, sizeof *c);
    *out = c;
    if (!c)
        return WB_ENOMEM;
    c->magic = WB__CONFIG_MAGIC;
    wb__options_default(&c->opt);
    return WB_OK;
}

void wb_config_free(wb_config *cfg)
{
    if (cfg && cfg->magic == WB__CONFIG_MAGIC) {
        cfg->magic = 0;
        wb__tool_opts_free(&cfg->tools);
        wb__journal_opts_free(&cfg->journal);
        wb__fs_config_free(&cfg->fs);
        free(cfg);
    }
}

static int ok(const wb_config *cfg)
{
    return cfg && cfg->magic == WB__CONFIG_MAGIC;
}

const wb__tool_opts *wb__config_tools(const wb_config *cfg)
{
    return ok(cfg) ? &cfg->tools : NULL;
}

wb__journal_opts *wb__config_journal(const wb_config *cfg)
{
    return ok(cfg) ? (wb__journal_opts *)&cfg->journal : NULL;
}

const char *wb_config_errmsg(const wb_config *cfg)
{
    if (!ok(cfg))
        return "not a live wb_config (freed, or not from wb_config_new())";
    return cfg->errmsg;
}

wb_status wb_config_set_memory_limit(wb_config *cfg, uint64_t bytes)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (bytes < ((uint64_t)16 << 20) || bytes > ((uint64_t)4 << 30) - 65536)
        return cfail(cfg, WB_EINVAL, "memory limit %llu bytes is outside 16 MiB .. 4 GiB - 64 KiB",
                     (unsigned long long)bytes);
    cfg->opt.memory_limit = bytes & ~(uint64_t)65535;
    cfg->opt.set |= WB__SET_MEMORY;
    return WB_OK;
}

wb_status wb_config_set_output_limit(wb_config *cfg, uint64_t bytes)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (bytes < 1024 || bytes > ((uint64_t)1 << 30))
        return cfail(cfg, WB_EINVAL, "output limit %llu bytes is outside 1 KiB .. 1 GiB", (unsigned long long)bytes);
    cfg->opt.output_limit = bytes;
    cfg->opt.set |= WB__SET_OUTPUT;
    return WB_OK;
}

wb_status wb_config_set_time_limit(wb_config *cfg, uint64_t ms)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (ms < 1 || ms > 86400000)
        return cfail(cfg, WB_EINVAL, "time limit %llu ms is outside 1 .. 86400000 (a day)", (unsigned long long)ms);
    cfg->opt.time_limit_ms = ms;
    cfg->opt.set |= WB__SET_TIME;
    return WB_OK;
}

wb_status wb_config_set_fuel_limit(wb_config *cfg, uint64_t fuel)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (fuel > ((uint64_t)1 << 62))
        return cfail(cfg, WB_EINVAL, "fuel limit %llu is above 2^62", (unsigned long long)fuel);
    cfg->opt.fuel_limit = fuel;
    cfg->opt.set |= WB__SET_FUEL;
    return WB_OK;
}

wb_status wb_config_set_fixed_clock(wb_config *cfg, int64_t epoch_ms)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (epoch_ms < 0 || epoch_ms > 253402300799999LL)
        return cfail(cfg, WB_EINVAL, "fixed clock %lld ms is outside 0 .. 253402300799999 (1970 to 9999)",
                     (long long)epoch_ms);
    cfg->opt.fixed_clock = 1;
    cfg->opt.clock_ms = epoch_ms;
    return WB_OK;
}

wb_status wb_config_set_random_seed(wb_config *cfg, uint64_t seed)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    cfg->opt.seeded = 1;
    cfg->opt.seed = seed;
    return WB_OK;
}

/* ---------------------------------------------------------------- tools */

wb_status wb_config_set_policy(wb_config *cfg, const char *json, size_t len, const char *source)
{
    if (!ok(cfg) || (!json && len))
        return WB_EMISUSE;
    wb__policy *p = wb__policy_load(json ? json : "", len, source, cfg->errmsg, sizeof cfg->errmsg);
    if (!p)
        return WB_EPOLICY;
    wb__policy_unref(cfg->tools.policy);
    cfg->tools.policy = p;
    cfg->errmsg[0] = 0;
    return WB_OK;
}

wb_status wb_config_load_policy(wb_config *cfg, const char *path)
{
    if (!ok(cfg) || !path)
        return WB_EMISUSE;
    wb__str b = {0};
    int e = wb__str_read_file(&b, path);
    if (e) {
        wb__str_free(&b);
        return cfail(cfg, WB_EIO, "cannot open policy %s: %s", path, strerror(e));
    }
    wb_status st = wb_config_set_policy(cfg, b.s ? b.s : "", b.len, path);
    wb__str_free(&b);
    return st;
}

wb_status wb_config_add_tool(wb_config *cfg, const char *name, wb_tool_fn fn, void *ud, unsigned flags)
{
    if (!ok(cfg) || !name || !fn)
        return WB_EMISUSE;
    if (flags & ~WB_TOOL_CONCURRENT)
        return cfail(cfg, WB_EINVAL, "wb_config_add_tool: unknown flags 0x%x (allowed: WB_TOOL_CONCURRENT)", flags);
    for (size_t i = 0; i < cfg->tools.ncbs; i++)
        if (!strcmp(cfg->tools.cbs[i].name, name))
            return cfail(cfg, WB_EINVAL, "a callback for tool \"%s\" is already registered", name);
    wb__toolcb *n = realloc(cfg->tools.cbs, (cfg->tools.ncbs + 1) * sizeof *n);
    if (!n)
        return WB_ENOMEM;
    cfg->tools.cbs = n;
    size_t len = strlen(name) + 1;
    char *copy = malloc(len);
    if (!copy)
        return WB_ENOMEM;
    memcpy(copy, name, len);
    n[cfg->tools.ncbs++] = (wb__toolcb){ copy, fn, ud, flags };
    return WB_OK;
}

wb_status wb_config_set_audit_file(wb_config *cfg, const char *path)
{
    if (!ok(cfg) || !path)
        return WB_EMISUSE;
    size_t len = strlen(path) + 1;
    char *copy = malloc(len);
    if (!copy)
        return WB_ENOMEM;
    memcpy(copy, path, len);
    free(cfg->tools.audit_path);
    cfg->tools.audit_path = copy;
    return WB_OK;
}

wb_status wb_config_set_audit_callback(wb_config *cfg, wb_audit_fn fn, void *ud)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    cfg->tools.audit_fn = fn;
    cfg->tools.audit_ud = ud;
    return WB_OK;
}

/* ---------------------------------------------------------------- filesystem (src/vfs/) */

const wb__fs_config *wb__config_fs(const wb_config *cfg)
{
    return ok(cfg) ? &cfg->fs : NULL;
}

wb_status wb_config_set_fs_quota(wb_config *cfg, uint64_t bytes, uint64_t files)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (bytes && (bytes < WB_FS_QUOTA_BYTES_MIN || bytes > WB_FS_QUOTA_BYTES_MAX))
        return cfail(cfg, WB_EINVAL, "filesystem quota of %llu bytes is out of range: allowed %llu (4 KiB) to %llu "
                     "(16 GiB), or 0 for the default %llu (64 MiB)", (unsigned long long)bytes,
                     (unsigned long long)WB_FS_QUOTA_BYTES_MIN, (unsigned long long)WB_FS_QUOTA_BYTES_MAX,
                     (unsigned long long)WB__VFS_DEFAULT_QUOTA_BYTES);
    if (files > WB_FS_QUOTA_FILES_MAX)
        return cfail(cfg, WB_EINVAL, "file quota of %llu is out of range: allowed 1 to %llu, or 0 for the default %u",
                     (unsigned long long)files, (unsigned long long)WB_FS_QUOTA_FILES_MAX,
                     WB__VFS_DEFAULT_QUOTA_FILES);
    cfg->fs.quota_bytes = bytes;
    cfg->fs.quota_files = files;
    return WB_OK;
}

wb_status wb_config_add_mount(wb_config *cfg, const char *host, const char *guest, int writable)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    int e = wb__fs_config_add_mount(&cfg->fs, host, guest, writable, cfg->errmsg, sizeof cfg->errmsg);
    return e == 0 ? WB_OK : e == WB__VFS_ENOMEM ? WB_ENOMEM : WB_EINVAL;
}
