/* The public replay accessors (wasmbox.h, "record and replay"): kept
 * apart from journal.c, which must not need the sandbox (the fuzz targets
 * link the journal without it). */
#include "journal_impl.h"

wb_status wb_replay_next(const wb_sandbox *sb, wb_lang *lang, const char **code, size_t *len)
{
    wb__journal *j = wb__sandbox_journal(sb);
    if (!j || j->mode == WB__JR_RECORD || !lang || !code || !len)
        return WB_EMISUSE;
    if (j->run >= j->nruns)
        return WB_ESTATE;
    const wb__jline *l = &j->lines[j->runs[j->run]];
    *lang = (wb_lang)l->lang;
    *code = l->code;
    *len = l->code_len;
    return WB_OK;
}

const char *wb_replay_report(const wb_sandbox *sb)
{
    return wb__journal_report(wb__sandbox_journal(sb));
}
