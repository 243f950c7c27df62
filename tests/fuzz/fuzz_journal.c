/* libFuzzer target: the journal reader and the replay side of its event
 * hooks (src/journal/).
 *
 * Input: FLAGS JOURNAL.  Bit 0 of FLAGS ignores the hash chain (else most
 * inputs stop at the chain check).  The journal text goes to wb__jr_parse;
 * on success the header to wb__jr_apply_header; then every recorded run is
 * replayed against a host with no guest: each recorded event is asked for
 * through its hook (clock, random, read, deadline, tools), then the run
 * ends.  Replays continue live after a divergence (no guest to stop).
 * Checks besides ASan/UBSan/leaks:
 *  - a failed load leaves a message naming the journal (or out of memory);
 *  - a loaded journal starts with its header and every run has its code,
 *    NUL-terminated at its length;
 *  - a divergence report is non-empty text that names the journal;
 *  - the hooks never hand back more bytes than asked for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal/journal_impl.h"

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_journal: check failed: %s\n  ", #cond);      \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)

#define SOURCE "fuzz.jsonl"

static void ask_for(wb__host *h, size_t li)
{
    wb__journal *j = h->journal;
    const wb__jline *l = wb__jr_line(j, li);
    if (!strcmp(l->kind, "clock")) {
        uint64_t id = 0, ns = 7;
        wb__jr_u64(wb__jr_get(l, "clock"), &id);
        wb__journal_clock(h, (uint32_t)(id & 3), &ns);
    } else if (!strcmp(l->kind, "random")) {
        unsigned char buf[64];
        memset(buf, 0xAA, sizeof buf);
        const wb__json *b = wb__jr_get(l, "bytes");
        size_t want = b && b->type == WB_JSTR ? b->u.str.len / 4 * 3 : 8;
        if (want > 48)
            want = 48;
        wb__journal_random(h, buf, want);
        for (size_t i = want; i < sizeof buf; i++)
            CHECK(buf[i] == 0xAA, "random wrote past %zu bytes", want);
    } else if (!strcmp(l->kind, "read")) {
        unsigned char buf[80];
        memset(buf, 0xAA, sizeof buf);
        long n = wb__journal_read(h, WB__JR_STDIN, "stdin", buf, 64, NULL, NULL);
        CHECK(n <= 64, "read returned %ld for 64 bytes", n);
        for (size_t i = 64; i < sizeof buf; i++)
            CHECK(buf[i] == 0xAA, "read wrote past its buffer");
    } else if (!strcmp(l->kind, "deadline")) {
        int lv = wb__journal_time(h, 5.0);
        CHECK(lv >= 0 && lv <= 2, "time level %d", lv);
    } else if (!strcmp(l->kind, "tools")) {
        wb__tools t;
        memset(&t, 0, sizeof t);
        size_t waiting = 0;
        wb__journal_batch(j, "[]", 2, &t, &waiting);
        wb__journal_batch_done(j, "[]", 2);
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    wb__journal *j = calloc(1, sizeof *j);
    if (!j)
        return 0;
    j->mode = WB__JR_REPLAY;
    j->flags = WB_REPLAY_CONTINUE_LIVE | (data[0] & 1 ? WB_REPLAY_IGNORE_CHAIN : 0);
    char msg[WB__ERRMSG_MAX];
    msg[0] = 0;
    wb_status st = wb__jr_parse(j, (const char *)data + 1, size - 1, SOURCE, msg, sizeof msg);
    if (st != WB_OK) {
        CHECK(strstr(msg, SOURCE) || st == WB_ENOMEM, "load failed (%s) without naming the journal: %s",
              wb_status_name(st), msg);
        wb__journal_free(j);
        return 0;
    }
    CHECK(j->nlines > 0 && !strcmp(j->lines[0].kind, "header"), "loaded without a header");
    for (size_t r = 0; r < j->nruns; r++) {
        const wb__jline *l = &j->lines[j->runs[r]];
        CHECK(l->code && l->code[l->code_len] == 0, "run %zu: code not NUL-terminated at its length", r);
    }
    wb__options opt;
    int use_policy = 0;
    st = wb__jr_apply_header(j, &opt, NULL, &use_policy, msg, sizeof msg);
    if (st != WB_OK) {
        CHECK(strstr(msg, SOURCE) || st == WB_ENOMEM, "header refused without naming the journal: %s", msg);
        wb__journal_free(j);
        return 0;
    }
    CHECK(use_policy == (j->policy != NULL), "a recorded policy must be used when the config has none");

    wb__host h;
    memset(&h, 0, sizeof h);
    h.opt = opt;
    h.journal = j;
    h.deadline_ms = wb__now_ms() + 1e9; /* no real deadline: only recorded ones */
    for (size_t r = 0; r < j->nruns; r++) {
        const wb__jline *rl = &j->lines[j->runs[r]];
        wb__journal_run_begin(j, (int)rl->lang, rl->code, rl->code_len, msg, sizeof msg);
        size_t end = r + 1 < j->nruns ? j->runs[r + 1] : j->nlines;
        for (size_t i = j->runs[r] + 1; i < end && strcmp(j->lines[i].kind, "end"); i++)
            ask_for(&h, i);
        wb__journal_end e = { WB_OK, 0, "out", "", NULL, 3, 0, 1 };
        wb__journal_run_end(j, &e, msg, sizeof msg);
    }
    if (j->report[0])
        CHECK(strstr(j->report, "replay diverged") && strstr(j->report, SOURCE), "report: %s", j->report);
    wb__journal_free(j);
    return 0;
}
