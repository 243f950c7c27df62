/* Private to src/journal/: the journal's state and the helpers its files
 * share (writing lines, reading them back, reporting divergences). */
#ifndef WB_JOURNAL_IMPL_H
#define WB_JOURNAL_IMPL_H

#include <stdio.h>

#include "journal.h"
#include "codec.h"

enum { WB__JR_RECORD = 1, WB__JR_REPLAY, WB__JR_LIVE, WB__JR_DEAD };

/* The chain field closes every line: ,"chain":"<64 hex>"} */
#define WB__CHAIN_PREFIX ",\"chain\":\""
#define WB__CHAIN_SUFFIX_LEN (sizeof WB__CHAIN_PREFIX - 1 + 64 + 2)

/* One line of a journal being replayed.  Lines are checked when the
 * journal is loaded, but kept as text: a parsed document costs a 16 KiB
 * arena, and a journal may hold a million events.  wb__jr_line() parses
 * the one line in use. */
typedef struct {
    char *text; /* the line without its newline, NUL-terminated (in j->text) */
    size_t len;
    char kind[16]; /* "kind", cut to 15 bytes */
    wb__jdoc *doc; /* while this is the open line */
    const wb__json *root;
    /* "run" lines: the code (decoded when it was stored as base64). */
    char *code;
    size_t code_len;
    uint64_t lang;
} wb__jline;

struct wb__journal {
    int mode;
    unsigned flags; /* WB_REPLAY_* */
    char chain[65]; /* the last line's chain value; "" before the first line */
    /* RECORD */
    FILE *file;
    wb_journal_fn fn;
    void *ud;
    int write_failed;
    wb__str batch; /* a tools line between wb__journal_batch and _done */
    /* REPLAY */
    char *source; /* file name, for messages */
    char *text; /* the whole journal; lines point into it */
    wb__jline *lines;
    size_t open; /* the line whose document is parsed (SIZE_MAX: none) */
    size_t nlines;
    size_t pos; /* next line to take */
    size_t *runs; /* indexes of the "run" lines */
    size_t nruns;
    wb__policy *policy; /* the recorded one */
    int same_version; /* recorded by this wasmbox version: fuel must match too */
    size_t batch_line; /* the tools line wb__journal_batch took */
    /* Both */
    size_t run;        /* runs begun */
    int in_run;
    uint64_t checks;   /* time checks so far in this run */
    int time_level;    /* the highest wb__journal_time level so far */
    int interrupt_level; /* the same for wb__journal_interrupt */
    int diverged_this_run;
    char report[1024];
};

/* journal_write.c: closes body (a line's fields, "{..." without the final
 * brace) with its chain value and writes it. */
void wb__jr_emit(wb__journal *j, wb__str *body);
/* The chain value of a line with this body after prev ("" first). */
void wb__jr_chain(const char *prev, const char *body, size_t len, char out[65]);
/* Writes text as canonical JSON when it parses, else as a JSON string. */
void wb__jr_write_canon(wb__str *b, const char *text, size_t len);
/* Header at wb_new. */
void wb__jr_write_header(wb__journal *j, const wb__options *opt, const wb__policy *pol);

/* journal_read.c: loads path into j (REPLAY); WB_OK or a status with msg.
 * _parse takes the text itself (path names it in messages). */
wb_status wb__jr_load(wb__journal *j, const char *path, char *msg, size_t msgsz);
wb_status wb__jr_parse(wb__journal *j, const char *text, size_t len, const char *path, char *msg, size_t msgsz);
/* Applies the header to opt and checks the config's policy against the
 * recorded one; *use_policy is set when the recorded one must be used. */
wb_status wb__jr_apply_header(wb__journal *j, wb__options *opt, const wb__policy *cfg_policy, int *use_policy,
                              char *msg, size_t msgsz);
/* Line li parsed (NULL past the end).  Opening a line closes the one
 * opened before: use its values before opening another. */
const wb__jline *wb__jr_line(wb__journal *j, size_t li);
const wb__json *wb__jr_get(const wb__jline *l, const char *key);
int wb__jr_u64(const wb__json *v, uint64_t *out);

/* journal_events.c: records a divergence at line index li (nlines: past
 * the end) and switches to LIVE or DEAD. */
void wb__jr_diverge(wb__journal *j, size_t li, const char *what, const char *recorded, size_t rlen,
                    const char *now, size_t nlen);

#endif
