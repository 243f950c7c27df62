/* The public setters for recording and replaying (wasmbox.h, "record and
 * replay"); the options live in the wb_config (config.c). */
#include <stdlib.h>
#include <string.h>

#include "journal.h"

void wb__journal_opts_free(wb__journal_opts *o)
{
    free(o->record_path);
    free(o->replay_path);
    memset(o, 0, sizeof *o);
}

static wb_status set_path(char **slot, const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return WB_ENOMEM;
    free(*slot);
    *slot = copy;
    return WB_OK;
}

wb_status wb_config_set_journal_file(wb_config *cfg, const char *path)
{
    wb__journal_opts *o = wb__config_journal(cfg);
    if (!o || !path)
        return WB_EMISUSE;
    wb_status st = set_path(&o->record_path, path);
    if (st == WB_OK)
        o->record_fn = NULL;
    return st;
}

wb_status wb_config_set_journal_sink(wb_config *cfg, wb_journal_fn fn, void *ud)
{
    wb__journal_opts *o = wb__config_journal(cfg);
    if (!o)
        return WB_EMISUSE;
    free(o->record_path);
    o->record_path = NULL;
    o->record_fn = fn;
    o->record_ud = ud;
    return WB_OK;
}

wb_status wb_config_set_replay_file(wb_config *cfg, const char *path, unsigned flags)
{
    wb__journal_opts *o = wb__config_journal(cfg);
    if (!o || !path)
        return WB_EMISUSE;
    if (flags & ~(WB_REPLAY_CONTINUE_LIVE | WB_REPLAY_IGNORE_CHAIN))
        return WB_EINVAL;
    wb_status st = set_path(&o->replay_path, path);
    if (st == WB_OK)
        o->replay_flags = flags;
    return st;
}
