/* The journal's lifecycle and its runs: opening it for recording or
 * replay, the "run" and "end" lines, and the public replay accessors. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "journal_impl.h"

wb_status wb__journal_new(wb__journal **out, const wb__journal_opts *jo, wb__options *opt,
                          const wb__tool_opts **tools, wb__tool_opts *tools_buf, char *msg, size_t msgsz)
{
    *out = NULL;
    int record = jo && (jo->record_path || jo->record_fn), replay = jo && jo->replay_path;
    if (!record && !replay)
        return WB_OK;
    if (record && replay) {
        snprintf(msg, msgsz, "a sandbox cannot record a journal and replay one at once: set either "
                 "wb_config_set_journal_file/_sink or wb_config_set_replay_file");
        return WB_EINVAL;
    }
    wb__journal *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(msg, msgsz, "out of host memory for the journal");
        return WB_ENOMEM;
    }
    *out = j;
    if (record) {
        j->mode = WB__JR_RECORD;
        j->fn = jo->record_fn;
        j->ud = jo->record_ud;
        if (jo->record_path && !(j->file = fopen(jo->record_path, "w"))) {
            snprintf(msg, msgsz, "cannot create the journal %s: %s", jo->record_path, strerror(errno));
            return WB_EIO;
        }
        wb__jr_write_header(j, opt, (*tools)->policy);
        if (j->write_failed) {
            snprintf(msg, msgsz, "cannot write the journal %s", jo->record_path ? jo->record_path : "(sink)");
            return WB_EIO;
        }
        return WB_OK;
    }
    j->mode = WB__JR_REPLAY;
    j->flags = jo->replay_flags;
    wb_status st = wb__jr_load(j, jo->replay_path, msg, msgsz);
    int use_policy = 0;
    if (st == WB_OK)
        st = wb__jr_apply_header(j, opt, (*tools)->policy, &use_policy, msg, msgsz);
    if (st != WB_OK)
        return st;
    *tools_buf = **tools;
    if (use_policy)
        tools_buf->policy = j->policy;
    /* A strict replay runs no provider: callback tools need no callback. */
    tools_buf->no_providers = !(j->flags & WB_REPLAY_CONTINUE_LIVE);
    *tools = tools_buf;
    return WB_OK;
}

void wb__journal_free(wb__journal *j)
{
    if (!j)
        return;
    if (j->file)
        fclose(j->file);
    wb__str_free(&j->batch);
    for (size_t i = 0; i < j->nlines; i++) {
        free(j->lines[i].code);
        wb__json_free(j->lines[i].doc);
    }
    free(j->lines);
    free(j->text);
    free(j->runs);
    free(j->source);
    wb__policy_unref(j->policy);
    free(j);
}

const char *wb__journal_report(const wb__journal *j)
{
    return j ? j->report : "";
}

/* ---------------------------------------------------------------- runs */

/* The "run" line: code as a JSON string when it survives the trip (valid
 * UTF-8, no NUL), else as base64, so replay runs the very same bytes. */
static void write_run(wb__journal *j, int lang, const char *code, size_t len, const char *hex)
{
    wb__str b = {0};
    wb__str_addf(&b, "{\"kind\":\"run\",\"run\":%zu,\"lang\":%d,\"code_sha256\":\"%s\",", j->run, lang, hex);
    wb__str s = {0};
    wb__json_write_str(&s, code, len);
    wb__json *root = NULL;
    char err[160];
    wb__jdoc *d = s.oom ? NULL : wb__json_parse(s.s, s.len, &root, err, sizeof err);
    if (d && root->u.str.len == len && !memcmp(root->u.str.s, code, len)) {
        wb__str_addz(&b, "\"code\":");
        wb__str_add(&b, s.s, s.len);
    } else {
        char *b64 = wb__b64_encode(code, len, NULL);
        wb__str_addz(&b, "\"code_base64\":\"");
        wb__str_addz(&b, b64 ? b64 : "");
        wb__str_addz(&b, "\"");
        b.oom |= !b64;
        free(b64);
    }
    wb__json_free(d);
    wb__str_free(&s);
    wb__jr_emit(j, &b);
}

wb_status wb__journal_run_begin(wb__journal *j, int lang, const char *code, size_t len, char *msg, size_t msgsz)
{
    if (!j)
        return WB_OK;
    j->run++;
    j->in_run = 1;
    j->checks = 0;
    j->time_level = 0;
    j->interrupt_level = 0;
    j->diverged_this_run = 0;
    char hex[65];
    wb__sha256_of(code, len, hex);
    if (j->mode == WB__JR_RECORD) {
        write_run(j, lang, code, len, hex);
        return WB_OK;
    }
    if (j->mode == WB__JR_DEAD) {
        snprintf(msg, msgsz, "this sandbox's replay already diverged, nothing more can be replayed: %s", j->report);
        j->in_run = 0;
        return WB_EDIVERGED;
    }
    if (j->mode != WB__JR_REPLAY)
        return WB_OK;
    char now[200];
    snprintf(now, sizeof now, "run %zu: lang %d, code sha256 %.16s... (%zu bytes)", j->run, lang, hex, len);
    const wb__jline *l = wb__jr_line(j, j->pos);
    if (!l || strcmp(l->kind, "run")) {
        const char *r = l ? l->text : "(the journal ends here)";
        wb__jr_diverge(j, j->pos, j->run > j->nruns ? "the journal has no more runs" : "a run starts here in the replay, "
                       "not in the recording", r, strlen(r), now, strlen(now));
    } else {
        uint64_t rl = 0;
        const wb__json *ch = wb__jr_get(l, "code_sha256");
        char rec[200];
        rl = l->lang;
        snprintf(rec, sizeof rec, "run %zu: lang %llu, code sha256 %.16s... (%zu bytes)", j->run,
                 (unsigned long long)rl, ch && ch->type == WB_JSTR ? ch->u.str.s : "?", l->code_len);
        char chk[65];
        wb__sha256_of(l->code, l->code_len, chk);
        if (rl != (uint64_t)lang || !ch || ch->type != WB_JSTR || strcmp(ch->u.str.s, hex) || strcmp(chk, hex))
            wb__jr_diverge(j, j->pos, strcmp(chk, ch && ch->type == WB_JSTR ? ch->u.str.s : "")
                               ? "the recorded code does not match its code_sha256 (the journal was edited)"
                               : "different code or language", rec, strlen(rec), now, strlen(now));
        else
            j->pos++;
    }
    if (j->mode == WB__JR_DEAD) {
        snprintf(msg, msgsz, "%s", j->report);
        j->in_run = 0;
        return WB_EDIVERGED;
    }
    return WB_OK;
}

static void side(char *buf, size_t sz, size_t bytes, const char *hex)
{
    snprintf(buf, sz, "%zu bytes, sha256 %.16s...", bytes, hex);
}

/* Compares one trailer field; the first difference is the divergence. */
static int differs(wb__journal *j, size_t li, const char *what, const char *rec, const char *now)
{
    if (!strcmp(rec, now))
        return 0;
    char w[120];
    snprintf(w, sizeof w, "the run ended differently: %s differs", what);
    wb__jr_diverge(j, li, w, rec, strlen(rec), now, strlen(now));
    return 1;
}

static void check_end(wb__journal *j, const wb__journal_end *e)
{
    const wb__jline *l = wb__jr_line(j, j->pos);
    if (!l || strcmp(l->kind, "end")) {
        const char *r = l ? l->text : "(the journal ends inside this run: the recording was cut short)";
        wb__jr_diverge(j, j->pos, l ? "the recording has more events in this run; the replay's run ended "
                       "without asking for them" : "the journal ends without this run's \"end\" line",
                       r, strlen(r), "end of run", 10);
        return;
    }
    size_t li = j->pos++;
    char rec[200], now[200], oh[65], eh[65];
    const wb__json *st = wb__jr_get(l, "status"), *val = wb__jr_get(l, "value");
    snprintf(rec, sizeof rec, "%s", st && st->type == WB_JSTR ? st->u.str.s : "?");
    if (differs(j, li, "status", rec, wb_status_name(e->status)))
        return;
    const wb__json *ec = wb__jr_get(l, "exit_code");
    snprintf(rec, sizeof rec, "%s", ec && ec->type == WB_JNUM ? ec->u.num.text : "?");
    snprintf(now, sizeof now, "%d", e->exit_code);
    if (differs(j, li, "exit code", rec, now))
        return;
    wb__sha256_of(e->out, e->out_len, oh);
    wb__sha256_of(e->err, e->err_len, eh);
    static const char *const names[2] = { "stdout", "stderr" };
    for (int k = 0; k < 2; k++) {
        const wb__json *o = wb__jr_get(l, names[k]);
        const wb__json *b = o ? wb__json_get(o, "bytes") : NULL, *h = o ? wb__json_get(o, "sha256") : NULL;
        uint64_t n = 0;
        side(rec, sizeof rec, wb__jr_u64(b, &n) ? (size_t)n : 0, h && h->type == WB_JSTR ? h->u.str.s : "?");
        side(now, sizeof now, k ? e->err_len : e->out_len, k ? eh : oh);
        if (differs(j, li, names[k], rec, now))
            return;
    }
    const char *rv = val && val->type == WB_JSTR ? val->u.str.s : "(none)";
    if (differs(j, li, "value", rv, e->value ? e->value : "(none)"))
        return;
    const wb__json *fu = wb__jr_get(l, "fuel");
    snprintf(rec, sizeof rec, "fuel %s", fu && fu->type == WB_JNUM ? fu->u.num.text : "?");
    snprintf(now, sizeof now, "fuel %llu", (unsigned long long)e->fuel);
    /* Fuel is exact for one build; another version's guest may count
     * differently without behaving differently. */
    if (j->same_version)
        differs(j, li, "fuel (instructions executed)", rec, now);
}

static void write_end(wb__journal *j, const wb__journal_end *e)
{
    char oh[65], eh[65];
    wb__sha256_of(e->out, e->out_len, oh);
    wb__sha256_of(e->err, e->err_len, eh);
    wb__str b = {0};
    wb__str_addf(&b, "{\"kind\":\"end\",\"run\":%zu,\"status\":\"%s\",\"exit_code\":%d,\"value\":", j->run,
                 wb_status_name(e->status), e->exit_code);
    if (e->value)
        wb__json_write_str(&b, e->value, strlen(e->value));
    else
        wb__str_addz(&b, "null");
    wb__str_addf(&b, ",\"stdout\":{\"bytes\":%zu,\"sha256\":\"%s\"},\"stderr\":{\"bytes\":%zu,\"sha256\":\"%s\"},"
                 "\"fuel\":%llu", e->out_len, oh, e->err_len, eh, (unsigned long long)e->fuel);
    wb__jr_emit(j, &b);
    if (j->file && fflush(j->file))
        j->write_failed = 1;
}

wb_status wb__journal_run_end(wb__journal *j, const wb__journal_end *e, char *msg, size_t msgsz)
{
    if (!j || !j->in_run)
        return e->status;
    j->in_run = 0;
    if (j->mode == WB__JR_RECORD) {
        write_end(j, e);
        if (j->write_failed && e->status == WB_OK) {
            snprintf(msg, msgsz, "the journal could not be written completely (disk full, or out of memory): "
                     "the run's record is incomplete");
            return WB_EIO;
        }
        return e->status;
    }
    if (j->mode == WB__JR_REPLAY && e->status != WB_EDIVERGED)
        check_end(j, e);
    if (j->diverged_this_run && j->mode == WB__JR_DEAD) {
        if (e->status != WB_EDIVERGED)
            snprintf(msg, msgsz, "%s", j->report);
        return WB_EDIVERGED;
    }
    return e->status;
}
