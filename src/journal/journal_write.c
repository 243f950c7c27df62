/* Writing journal lines: the hash chain, the sinks, the header. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journal_impl.h"

void wb__jr_chain(const char *prev, const char *body, size_t len, char out[65])
{
    wb__sha256 s;
    wb__sha256_init(&s);
    wb__sha256_add(&s, prev, strlen(prev));
    wb__sha256_add(&s, body, len);
    wb__sha256_hex(&s, out);
}

void wb__jr_emit(wb__journal *j, wb__str *b)
{
    if (b->oom || !b->s) {
        j->write_failed = 1;
        wb__str_free(b);
        return;
    }
    char c[65];
    wb__jr_chain(j->chain, b->s, b->len, c);
    wb__str_addz(b, WB__CHAIN_PREFIX);
    wb__str_addz(b, c);
    wb__str_addz(b, "\"}");
    if (b->oom) {
        j->write_failed = 1;
        wb__str_free(b);
        return;
    }
    memcpy(j->chain, c, sizeof c);
    if (j->fn)
        j->fn(j->ud, b->s, b->len);
    if (j->file && (fwrite(b->s, 1, b->len, j->file) != b->len || fputc('\n', j->file) == EOF))
        j->write_failed = 1;
    wb__str_free(b);
}

void wb__jr_write_canon(wb__str *b, const char *text, size_t len)
{
    wb__json *root;
    char err[160];
    wb__jdoc *d = wb__json_parse(text, len, &root, err, sizeof err);
    if (d)
        wb__json_write(b, root);
    else
        wb__json_write_str(b, text, len);
    wb__json_free(d);
}

void wb__jr_write_header(wb__journal *j, const wb__options *o, const wb__policy *pol)
{
    wb__str b = {0};
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    wb__str_addf(&b, "{\"kind\":\"header\",\"format\":%d,\"wasmbox\":\"%s\",\"created\":\"%s\",", WB__JOURNAL_FORMAT,
                 WB_VERSION, when);
    wb__str_addf(&b, "\"config\":{\"memory_limit\":%llu,\"output_limit\":%llu,\"time_limit_ms\":%llu,\"fuel_limit\":%llu,",
                 (unsigned long long)o->memory_limit, (unsigned long long)o->output_limit,
                 (unsigned long long)o->time_limit_ms, (unsigned long long)o->fuel_limit);
    if (o->fixed_clock)
        wb__str_addf(&b, "\"fixed_clock_ms\":%lld,", (long long)o->clock_ms);
    else
        wb__str_addz(&b, "\"fixed_clock_ms\":null,");
    /* A seed is a 64-bit integer: as a string, so no reader rounds it. */
    if (o->seeded)
        wb__str_addf(&b, "\"seed\":\"%llu\"},", (unsigned long long)o->seed);
    else
        wb__str_addz(&b, "\"seed\":null},");
    if (pol && pol->root) {
        wb__str canon = {0};
        wb__json_write(&canon, pol->root);
        char hex[65];
        wb__sha256_of(canon.s ? canon.s : "", canon.len, hex);
        wb__str_addf(&b, "\"policy_sha256\":\"%s\",\"policy\":", hex);
        wb__str_add(&b, canon.s ? canon.s : "null", canon.s ? canon.len : 4);
        b.oom |= canon.oom;
        wb__str_free(&canon);
    } else {
        wb__str_addz(&b, "\"policy_sha256\":null,\"policy\":null");
    }
    wb__jr_emit(j, &b);
    if (j->file)
        fflush(j->file);
}
