/* wb_config: options for new sandboxes, each validated by its setter. */
#include <stdlib.h>

#include "internal.h"

#define WB__CONFIG_MAGIC 0x77626366u /* "wbcf" */

struct wb_config {
    uint32_t magic;
    wb__options opt;
};

void wb__options_default(wb__options *o)
{
    o->memory_limit = WB_DEFAULT_MEMORY_LIMIT;
    o->output_limit = WB_DEFAULT_OUTPUT_LIMIT;
    o->fixed_clock = 0;
    o->clock_ms = 0;
    o->seeded = 0;
    o->seed = 0;
}

const wb__options *wb__config_options(const wb_config *cfg)
{
    return cfg && cfg->magic == WB__CONFIG_MAGIC ? &cfg->opt : NULL;
}

wb_status wb_config_new(wb_config **out)
{
    if (!out)
        return WB_EMISUSE;
    wb_config *c = malloc(sizeof *c);
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
        free(cfg);
    }
}

static int ok(const wb_config *cfg)
{
    return cfg && cfg->magic == WB__CONFIG_MAGIC;
}

wb_status wb_config_set_memory_limit(wb_config *cfg, uint64_t bytes)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (bytes < ((uint64_t)16 << 20) || bytes > ((uint64_t)4 << 30) - 65536)
        return WB_EINVAL;
    cfg->opt.memory_limit = bytes & ~(uint64_t)65535;
    return WB_OK;
}

wb_status wb_config_set_output_limit(wb_config *cfg, uint64_t bytes)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (bytes < 1024 || bytes > ((uint64_t)1 << 30))
        return WB_EINVAL;
    cfg->opt.output_limit = bytes;
    return WB_OK;
}

wb_status wb_config_set_fixed_clock(wb_config *cfg, int64_t epoch_ms)
{
    if (!ok(cfg))
        return WB_EMISUSE;
    if (epoch_ms < 0 || epoch_ms > 253402300799999LL)
        return WB_EINVAL;
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
