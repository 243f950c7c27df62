/* The event hooks: what each nondeterministic input does when recording
 * (write a line) and when replaying (take the recorded line, compare, feed
 * it to the guest), and how a divergence is reported. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "journal_impl.h"
#include "../runtime/rt.h"

/* How much of each side a report shows. */
#define SIDE_MAX 160

static void clip(wb__str *b, const char *s, size_t n)
{
    if (n > SIDE_MAX) {
        wb__str_add(b, s, SIDE_MAX);
        wb__str_addf(b, "... (%zu bytes)", n);
    } else {
        wb__str_add(b, s, n);
    }
}

void wb__jr_diverge(wb__journal *j, size_t li, const char *what, const char *rec, size_t rlen, const char *now,
                    size_t nlen)
{
    if (j->mode != WB__JR_REPLAY)
        return;
    /* A recorded line is shown without its chain field. */
    if (rlen > WB__CHAIN_SUFFIX_LEN && li < j->nlines && rec == j->lines[li].text)
        rlen -= WB__CHAIN_SUFFIX_LEN;
    wb__str b = {0};
    if (li < j->nlines)
        wb__str_addf(&b, "replay diverged at event %zu (%s line %zu, %s", li, j->source, li + 1, j->lines[li].kind);
    else
        wb__str_addf(&b, "replay diverged past the last event (%s has %zu lines", j->source, j->nlines);
    if (j->run)
        wb__str_addf(&b, ", run %zu", j->run);
    wb__str_addf(&b, "): %s; recorded: ", what);
    clip(&b, rec, rlen);
    wb__str_addz(&b, "; now: ");
    clip(&b, now, nlen);
    snprintf(j->report, sizeof j->report, "%s", b.s ? b.s : "replay diverged (out of memory describing it)");
    wb__str_free(&b);
    j->diverged_this_run = 1;
    j->mode = j->flags & WB_REPLAY_CONTINUE_LIVE ? WB__JR_LIVE : WB__JR_DEAD;
}

/* Inside a guest call: a strict replay that diverged stops the guest hard
 * (the run is rolled back; finish() reports WB_EDIVERGED). */
static void stop_if_dead(wb__host *h)
{
    if (h->journal->mode == WB__JR_DEAD) {
        h->hard_stop = WB__STOP_DIVERGED;
        wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_STOP);
    }
}

void wb__journal_stop_if_diverged(wb__host *h)
{
    if (h->journal && h->journal->in_run && h->journal->diverged_this_run)
        stop_if_dead(h);
}

/* The next recorded event if it is of this kind (an event kind, never
 * "run" or "end": those are the runs' own); otherwise a divergence and
 * NULL. */
static const wb__jline *take(wb__journal *j, const char *kind, const char *now, size_t nlen)
{
    const wb__jline *l = wb__jr_line(j, j->pos);
    if (l && !strcmp(l->kind, kind)) {
        j->pos++;
        return l;
    }
    const char *what = !l ? "the journal ends here: the replay asks for an event the recording lacks"
                     : !strcmp(l->kind, "end") ? "the recording's run ended here: the replay asks for an event it lacks"
                                                : "a different kind of event";
    const char *r = l ? l->text : "(nothing)";
    wb__jr_diverge(j, j->pos, what, r, strlen(r), now, nlen);
    return NULL;
}

/* Writes a line "{FIELDS" (the chain closes it). */
static void record_line(wb__host *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void record_line(wb__host *h, const char *fmt, ...)
{
    wb__str b = {0};
    va_list ap;
    va_start(ap, fmt);
    char small[160];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof small)
        wb__str_add(&b, small, (size_t)n);
    else
        b.oom = 1;
    wb__jr_emit(h->journal, &b);
}

static int replaying(const wb__host *h)
{
    return h->journal && h->journal->in_run && h->journal->mode == WB__JR_REPLAY;
}

static int recording(const wb__host *h)
{
    return h->journal && h->journal->in_run && h->journal->mode == WB__JR_RECORD;
}

/* ---------------------------------------------------------------- clock */

void wb__journal_clock(wb__host *h, uint32_t id, uint64_t *ns)
{
    if (recording(h))
        record_line(h, "{\"kind\":\"clock\",\"clock\":%u,\"ns\":%llu", id, (unsigned long long)*ns);
    if (!replaying(h))
        return;
    wb__journal *j = h->journal;
    char now[80];
    int n = snprintf(now, sizeof now, "{\"kind\":\"clock\",\"clock\":%u}", id);
    const wb__jline *l = take(j, "clock", now, (size_t)n);
    uint64_t rid = 0, v = 0;
    if (l && (!wb__jr_u64(wb__jr_get(l, "clock"), &rid) || rid != id || !wb__jr_u64(wb__jr_get(l, "ns"), &v)))
        wb__jr_diverge(j, (size_t)(l - j->lines), "the guest reads another clock", l->text, l->len, now, (size_t)n);
    else if (l)
        *ns = v;
    stop_if_dead(h);
}

/* ---------------------------------------------------------------- random */

void wb__journal_random(wb__host *h, void *buf, size_t len)
{
    if (recording(h)) {
        char *b64 = wb__b64_encode(buf, len, NULL);
        wb__str b = {0};
        wb__str_addf(&b, "{\"kind\":\"random\",\"bytes\":\"%s\"", b64 ? b64 : "");
        b.oom |= !b64;
        free(b64);
        wb__jr_emit(h->journal, &b);
    }
    if (!replaying(h))
        return;
    char now[80];
    int n = snprintf(now, sizeof now, "{\"kind\":\"random\",\"length\":%zu}", len);
    wb__journal *j = h->journal;
    const wb__jline *l = take(j, "random", now, (size_t)n);
    if (l) {
        const wb__json *v = wb__jr_get(l, "bytes");
        size_t got = 0;
        int bad = 1;
        unsigned char *d = v && v->type == WB_JSTR ? wb__b64_decode(v->u.str.s, v->u.str.len, &got, &bad) : NULL;
        if (!d || got != len)
            wb__jr_diverge(j, (size_t)(l - j->lines), !d ? "the recorded bytes are not base64"
                           : "the guest asks for a different number of random bytes", l->text, l->len, now, (size_t)n);
        else
            memcpy(buf, d, len);
        free(d);
    }
    stop_if_dead(h);
}

/* ---------------------------------------------------------------- reads */

static const char *source_name(int source)
{
    return source == WB__JR_STDIN ? "stdin" : "mount";
}

long wb__journal_read(wb__host *h, int source, const char *name, void *buf, size_t cap, wb__journal_reader live,
                      void *ud)
{
    if (replaying(h)) {
        wb__journal *j = h->journal;
        wb__str now = {0};
        wb__str_addf(&now, "{\"kind\":\"read\",\"source\":\"%s\",\"name\":", source_name(source));
        wb__json_write_str(&now, name, strlen(name));
        wb__str_addf(&now, ",\"max\":%zu}", cap);
        const wb__jline *l = take(j, "read", now.s ? now.s : "", now.len);
        long ret = 0;
        if (l) {
            const wb__json *src = wb__jr_get(l, "source"), *nm = wb__jr_get(l, "name");
            const wb__json *bytes = wb__jr_get(l, "bytes"), *err = wb__jr_get(l, "errno");
            uint64_t e = 0;
            size_t got = 0;
            int bad = 1;
            unsigned char *d = bytes && bytes->type == WB_JSTR
                                   ? wb__b64_decode(bytes->u.str.s, bytes->u.str.len, &got, &bad) : NULL;
            if (!src || src->type != WB_JSTR || strcmp(src->u.str.s, source_name(source)) || !nm ||
                nm->type != WB_JSTR || strcmp(nm->u.str.s, name))
                wb__jr_diverge(j, (size_t)(l - j->lines), "the guest reads something else", l->text, l->len, now.s, now.len);
            else if (wb__jr_u64(err, &e) && e > 0 && e < 4096)
                ret = -(long)e;
            else if (!d || got > cap)
                wb__jr_diverge(j, (size_t)(l - j->lines), !d ? "the recorded bytes are not base64"
                               : "the recording read more bytes than the guest asks for now", l->text, l->len, now.s, now.len);
            else {
                if (got)
                    memcpy(buf, d, got);
                ret = (long)got;
            }
            free(d);
        }
        wb__str_free(&now);
        stop_if_dead(h);
        if (h->journal->mode == WB__JR_REPLAY)
            return ret;
        /* LIVE: this read, too, goes to the host. */
    }
    long n = live ? live(ud, buf, cap) : 0;
    if (recording(h)) {
        wb__str b = {0};
        wb__str_addf(&b, "{\"kind\":\"read\",\"source\":\"%s\",\"name\":", source_name(source));
        wb__json_write_str(&b, name, strlen(name));
        if (n < 0) {
            wb__str_addf(&b, ",\"errno\":%ld", -n);
        } else {
            char *b64 = wb__b64_encode(buf, (size_t)n, NULL);
            wb__str_addf(&b, ",\"bytes\":\"%s\"", b64 ? b64 : "");
            b.oom |= !b64;
            free(b64);
        }
        wb__jr_emit(h->journal, &b);
    }
    return n;
}

/* ---------------------------------------------------------------- time */

/* The recording's deadline is the real one; a replay keeps a safety
 * deadline of twice the time limit plus a second, so a journal that never
 * stops cannot hang it. */
int wb__journal_time(wb__host *h, double grace_ms)
{
    if (h->deadline_ms <= 0)
        return 0;
    double now = wb__now_ms();
    if (replaying(h)) {
        wb__journal *j = h->journal;
        j->checks++;
        const wb__jline *l = wb__jr_line(j, j->pos);
        uint64_t check = 0, level = 0;
        if (l && !strcmp(l->kind, "deadline") && wb__jr_u64(wb__jr_get(l, "check"), &check) && check <= j->checks) {
            if (check < j->checks || !wb__jr_u64(wb__jr_get(l, "level"), &level) || level < 1 || level > 2) {
                char n[100];
                int k = snprintf(n, sizeof n, "time check %llu", (unsigned long long)j->checks);
                wb__jr_diverge(j, j->pos, "the recording hit the time limit at a check the replay passed",
                               l->text, l->len, n, (size_t)k);
            } else {
                j->pos++;
                j->time_level = level > (uint64_t)j->time_level ? (int)level : j->time_level;
            }
        } else if (now >= h->deadline_ms + (double)h->opt.time_limit_ms + 1000.0) {
            char n[120];
            int k = snprintf(n, sizeof n, "still running at check %llu, past twice the time limit of %llu ms",
                             (unsigned long long)j->checks, (unsigned long long)h->opt.time_limit_ms);
            const char *r = l ? l->text : "(nothing)";
            wb__jr_diverge(j, j->pos, "the replay runs much longer than the recording did", r, strlen(r), n, (size_t)k);
        }
        stop_if_dead(h);
        if (h->journal->mode == WB__JR_REPLAY)
            return j->time_level;
    }
    int level = now >= h->deadline_ms + grace_ms && grace_ms > 0 ? 2 : now >= h->deadline_ms ? 1 : 0;
    if (recording(h)) {
        wb__journal *j = h->journal;
        j->checks++;
        if (level > j->time_level) {
            j->time_level = level;
            record_line(h, "{\"kind\":\"deadline\",\"check\":%llu,\"level\":%d", (unsigned long long)j->checks, level);
        }
        return j->time_level;
    }
    return level;
}

int wb__journal_interrupt(wb__host *h, int live)
{
    wb__journal *j = h->journal;
    if (recording(h)) {
        if (live > j->interrupt_level) {
            j->interrupt_level = live;
            record_line(h, "{\"kind\":\"interrupt\",\"check\":%llu,\"level\":%d", (unsigned long long)j->checks,
                        live);
        }
        return j->interrupt_level;
    }
    if (!replaying(h))
        return live;
    const wb__jline *l = wb__jr_line(j, j->pos);
    uint64_t check = 0, level = 0;
    if (l && !strcmp(l->kind, "interrupt") && wb__jr_u64(wb__jr_get(l, "check"), &check) && check == j->checks &&
        wb__jr_u64(wb__jr_get(l, "level"), &level) && level >= 1 && level <= 2) {
        j->pos++;
        j->interrupt_level = (int)level > j->interrupt_level ? (int)level : j->interrupt_level;
    }
    /* An interrupt of the replay itself is obeyed too: the outcome will
     * then differ from the recording's, and say so. */
    return live > j->interrupt_level ? live : j->interrupt_level;
}

/* ---------------------------------------------------------------- tools */

/* The policy's decision on every call of the batch, in batch order. */
static void write_decisions(wb__str *b, const wb__tools *t)
{
    wb__str_addz(b, "[");
    for (size_t i = 0; i < t->ncalls; i++) {
        const wb__call *c = &t->calls[i];
        wb__str_addf(b, "%s{\"id\":%llu,\"tool\":", i ? "," : "", (unsigned long long)c->id);
        wb__json_write_str(b, c->name, strlen(c->name));
        if (c->hidden) {
            wb__str_addz(b, ",\"decision\":\"deny\",\"reason\":");
            const char *r = c->reply.error ? c->reply.error : "";
            wb__json_write_str(b, r, strlen(r));
        } else {
            wb__str_addz(b, ",\"decision\":\"allow\"");
        }
        wb__str_addz(b, "}");
    }
    wb__str_addz(b, "]");
}

static const wb__json *result_for(const wb__json *results, uint64_t id)
{
    for (size_t i = 0; results && results->type == WB_JARR && i < results->u.arr.n; i++) {
        uint64_t rid;
        if (wb__jr_u64(wb__json_get(results->u.arr.v[i], "id"), &rid) && rid == id)
            return results->u.arr.v[i];
    }
    return NULL;
}

/* Answers every allowed call from the recorded results; 0 or -1 when a
 * result is missing or malformed. */
static int feed_results(wb__tools *t, const wb__json *results, uint64_t *bad_id)
{
    for (size_t k = 0; k < t->ncalls; k++) {
        wb__call *c = &t->calls[k];
        if (c->state != WB__CALL_WAITING)
            continue;
        const wb__json *r = result_for(results, c->id), *ok = r ? wb__json_get(r, "ok") : NULL;
        *bad_id = c->id;
        if (!ok || ok->type != WB_JBOOL)
            return -1;
        if (ok->u.b) {
            const wb__json *v = wb__json_get(r, "value");
            if (!v)
                return -1;
            wb__str s = {0};
            wb__json_write(&s, v);
            wb_status st = s.oom ? WB_ENOMEM : wb__tools_answer(t, k, 1, s.s, s.len, 0);
            wb__str_free(&s);
            if (st != WB_OK)
                return -1;
        } else {
            const wb__json *e = wb__json_get(r, "error");
            const wb__json *name = e ? wb__json_get(e, "name") : NULL, *msg = e ? wb__json_get(e, "message") : NULL;
            if (!name || name->type != WB_JSTR || !msg || msg->type != WB_JSTR)
                return -1;
            if (wb__tools_answer(t, k, 0, msg->u.str.s, msg->u.str.len, !strcmp(name->u.str.s, "ToolDeniedError")) != WB_OK)
                return -1;
        }
    }
    return 0;
}

wb_status wb__journal_batch(wb__journal *j, const char *batch, size_t len, wb__tools *t, size_t *waiting)
{
    if (!j || !j->in_run)
        return WB_OK;
    if (j->mode == WB__JR_RECORD) {
        wb__str_free(&j->batch);
        wb__str_addz(&j->batch, "{\"kind\":\"tools\",\"calls\":");
        wb__jr_write_canon(&j->batch, batch, len);
        wb__str_addz(&j->batch, ",\"decisions\":");
        write_decisions(&j->batch, t);
        return WB_OK;
    }
    if (j->mode != WB__JR_REPLAY)
        return j->mode == WB__JR_DEAD ? WB_EDIVERGED : WB_OK;
    wb__str now = {0}, rec = {0};
    wb__str_addz(&now, "{\"kind\":\"tools\",\"calls\":");
    wb__jr_write_canon(&now, batch, len);
    const wb__jline *l = take(j, "tools", now.s ? now.s : "", now.len);
    if (l) {
        j->batch_line = (size_t)(l - j->lines);
        const wb__json *calls = wb__jr_get(l, "calls"), *dec = wb__jr_get(l, "decisions");
        wb__str_addz(&rec, "{\"kind\":\"tools\",\"calls\":");
        if (calls)
            wb__json_write(&rec, calls);
        uint64_t bad_id = 0;
        if (!calls || rec.len != now.len || memcmp(rec.s, now.s, now.len)) {
            wb__jr_diverge(j, j->batch_line, "the guest sent a different batch of tool calls", rec.s, rec.len, now.s, now.len);
        } else {
            wb__str_free(&rec);
            wb__str_free(&now);
            wb__str_addz(&rec, "decisions ");
            if (dec)
                wb__json_write(&rec, dec);
            wb__str_addz(&now, "decisions ");
            write_decisions(&now, t);
            if (!dec || rec.len != now.len || memcmp(rec.s, now.s, now.len))
                wb__jr_diverge(j, j->batch_line, "the policy decided differently (another policy, or other budgets "
                               "left)", rec.s, rec.len, now.s, now.len);
            else if (feed_results(t, wb__jr_get(l, "results"), &bad_id)) {
                char n[80];
                int k = snprintf(n, sizeof n, "an answer for call id %llu", (unsigned long long)bad_id);
                wb__jr_diverge(j, j->batch_line, "the recorded results lack a well-formed answer for an allowed call",
                               l->text, l->len, n, (size_t)k);
            } else {
                *waiting = 0;
            }
        }
    }
    wb__str_free(&now);
    wb__str_free(&rec);
    return j->mode == WB__JR_DEAD ? WB_EDIVERGED : WB_OK;
}

wb_status wb__journal_batch_done(wb__journal *j, const char *results, size_t len)
{
    if (!j || !j->in_run)
        return WB_OK;
    if (j->mode == WB__JR_RECORD) {
        if (!j->batch.s)
            return WB_OK;
        wb__str_addz(&j->batch, ",\"results\":");
        wb__jr_write_canon(&j->batch, results, len);
        wb__jr_emit(j, &j->batch);
        memset(&j->batch, 0, sizeof j->batch);
        if (j->file && fflush(j->file))
            j->write_failed = 1;
        return WB_OK;
    }
    if (j->mode != WB__JR_REPLAY)
        return j->mode == WB__JR_DEAD ? WB_EDIVERGED : WB_OK;
    const wb__json *rec = wb__jr_get(wb__jr_line(j, j->batch_line), "results");
    wb__str a = {0}, b = {0};
    if (rec)
        wb__json_write(&a, rec);
    wb__jr_write_canon(&b, results, len);
    if (!rec || a.len != b.len || memcmp(a.s, b.s, a.len))
        wb__jr_diverge(j, j->batch_line, "the guest would get different answers", a.s ? a.s : "", a.len,
                       b.s ? b.s : "", b.len);
    wb__str_free(&a);
    wb__str_free(&b);
    return j->mode == WB__JR_DEAD ? WB_EDIVERGED : WB_OK;
}
