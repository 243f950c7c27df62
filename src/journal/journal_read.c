/* Reading a journal back for replay: lines, the hash chain, the header. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal_impl.h"

const wb__json *wb__jr_get(const wb__jline *l, const char *key)
{
    return l && l->root ? wb__json_get(l->root, key) : NULL;
}

/* Whole non-negative numbers up to 2^64-1, read from their own text (a
 * double would round 64-bit values). */
int wb__jr_u64(const wb__json *v, uint64_t *out)
{
    if (!v || v->type != WB_JNUM || !v->u.num.is_int || v->u.num.text_len == 0 || v->u.num.text_len > 20 ||
        v->u.num.text[0] == '-')
        return 0;
    char buf[24];
    memcpy(buf, v->u.num.text, v->u.num.text_len);
    buf[v->u.num.text_len] = 0;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(buf, &end, 10);
    if (errno || *end)
        return 0;
    *out = n;
    return 1;
}

static wb_status lfail(char *msg, size_t msgsz, wb_status st, const char *src, size_t line, const char *what)
{
    snprintf(msg, msgsz, "journal %s line %zu: %s", src, line, what);
    return st;
}

static char *read_file(const char *path, size_t *len, char *msg, size_t msgsz)
{
    wb__str b = {0};
    int e = wb__str_read_file(&b, path);
    if (e) {
        snprintf(msg, msgsz, "cannot open the journal %s: %s", path, strerror(e));
        wb__str_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.s ? b.s : calloc(1, 1);
}

/* Checks one line: valid JSON, an object with a "kind", its chain value
 * right after the previous line's; keeps the code of "run" lines.  The
 * parsed document is dropped: lines are parsed again when used. */
static wb_status check_line(wb__journal *j, wb__jline *l, size_t no, wb__json *root, char *msg, size_t msgsz)
{
    char why[400];
    const wb__json *kind = root->type == WB_JOBJ ? wb__json_get(root, "kind") : NULL;
    if (!kind || kind->type != WB_JSTR)
        return lfail(msg, msgsz, WB_EINVAL, j->source, no, "not a journal line: an object with a \"kind\" is expected");
    snprintf(l->kind, sizeof l->kind, "%s", kind->u.str.s);
    size_t sl = WB__CHAIN_SUFFIX_LEN;
    const wb__json *chain = wb__json_get(root, "chain");
    if (!chain || chain->type != WB_JSTR || chain->u.str.len != 64 || l->len < sl ||
        memcmp(l->text + l->len - sl, WB__CHAIN_PREFIX, sizeof WB__CHAIN_PREFIX - 1) ||
        memcmp(l->text + l->len - 66, chain->u.str.s, 64))
        return lfail(msg, msgsz, WB_EINVAL, j->source, no,
                     "the line does not end with its \"chain\" field (,\"chain\":\"<64 hex digits>\"})");
    char c[65];
    wb__jr_chain(j->chain, l->text, l->len - sl, c);
    if (memcmp(c, chain->u.str.s, 64) && !(j->flags & WB_REPLAY_IGNORE_CHAIN)) {
        snprintf(why, sizeof why, "hash chain broken: this line, or the lines before it, were edited, deleted, added "
                 "or moved (chain says %.12s..., the lines up to here give %.12s...); replay an edited journal on "
                 "purpose with --ignore-chain (WB_REPLAY_IGNORE_CHAIN)", chain->u.str.s, c);
        return lfail(msg, msgsz, WB_EDIVERGED, j->source, no, why);
    }
    memcpy(j->chain, chain->u.str.s, 64);
    j->chain[64] = 0;
    if (strcmp(l->kind, "run"))
        return WB_OK;
    const wb__json *code = wb__json_get(root, "code"), *b64 = wb__json_get(root, "code_base64");
    if (!wb__jr_u64(wb__json_get(root, "lang"), &l->lang))
        return lfail(msg, msgsz, WB_EINVAL, j->source, no, "a \"run\" line needs \"lang\", a whole number");
    if (code && code->type == WB_JSTR) {
        if (!(l->code = malloc(code->u.str.len + 1)))
            return lfail(msg, msgsz, WB_ENOMEM, j->source, no, "out of memory");
        memcpy(l->code, code->u.str.s, code->u.str.len + 1);
        l->code_len = code->u.str.len;
    } else if (b64 && b64->type == WB_JSTR) {
        int bad;
        l->code = (char *)wb__b64_decode(b64->u.str.s, b64->u.str.len, &l->code_len, &bad);
        if (!l->code)
            return lfail(msg, msgsz, bad ? WB_EINVAL : WB_ENOMEM, j->source, no,
                         bad ? "\"code_base64\" is not base64" : "out of memory");
        l->code[l->code_len] = 0;
    } else {
        return lfail(msg, msgsz, WB_EINVAL, j->source, no, "a \"run\" line needs \"code\" or \"code_base64\"");
    }
    size_t *r = realloc(j->runs, (j->nruns + 1) * sizeof *r);
    if (!r)
        return lfail(msg, msgsz, WB_ENOMEM, j->source, no, "out of memory");
    j->runs = r;
    j->runs[j->nruns++] = (size_t)(l - j->lines);
    return WB_OK;
}

static wb_status take_line(wb__journal *j, wb__jline *l, size_t no, char *msg, size_t msgsz)
{
    char err[200], why[300];
    wb__json *root;
    wb__jdoc *d = wb__json_parse(l->text, l->len, &root, err, sizeof err);
    if (!d) {
        snprintf(why, sizeof why, "not valid JSON (%s)", err);
        return lfail(msg, msgsz, WB_EINVAL, j->source, no, why);
    }
    wb_status st = check_line(j, l, no, root, msg, msgsz);
    wb__json_free(d);
    return st;
}

const wb__jline *wb__jr_line(wb__journal *j, size_t li)
{
    if (li >= j->nlines)
        return NULL;
    wb__jline *l = &j->lines[li];
    if (j->open == li && l->doc)
        return l;
    if (j->open < j->nlines) {
        wb__json_free(j->lines[j->open].doc);
        j->lines[j->open].doc = NULL;
        j->lines[j->open].root = NULL;
    }
    char err[200];
    wb__json *root;
    /* It parsed when loaded; only out of memory can fail now, and then
     * the line reads as empty (a divergence, not a crash). */
    l->doc = wb__json_parse(l->text, l->len, &root, err, sizeof err);
    l->root = l->doc ? root : NULL;
    j->open = li;
    return l;
}

wb_status wb__jr_load(wb__journal *j, const char *path, char *msg, size_t msgsz)
{
    size_t len;
    char *text = read_file(path, &len, msg, msgsz);
    if (!text)
        return WB_EIO;
    wb_status st = wb__jr_parse(j, text, len, path, msg, msgsz);
    free(text);
    return st;
}

wb_status wb__jr_parse(wb__journal *j, const char *text, size_t len, const char *path, char *msg, size_t msgsz)
{
    j->open = SIZE_MAX;
    if (!(j->source = strdup(path)) || !(j->text = malloc(len + 1)))
        return WB_ENOMEM;
    memcpy(j->text, text, len);
    j->text[len] = 0;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    n += len && text[len - 1] != '\n';
    j->lines = calloc(n ? n : 1, sizeof *j->lines);
    if (!j->lines)
        return WB_ENOMEM;
    wb_status st = WB_OK;
    char *p = j->text, *end = j->text + len;
    while (p < end && st == WB_OK) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
        wb__jline *l = &j->lines[j->nlines++];
        p[ll] = 0;
        l->text = p;
        l->len = ll;
        st = take_line(j, l, j->nlines, msg, msgsz);
        p += ll + 1;
    }
    if (st != WB_OK)
        return st;
    if (j->nlines == 0 || strcmp(j->lines[0].kind, "header"))
        return lfail(msg, msgsz, WB_EINVAL, path, 1, "a journal starts with its \"header\" line (is this a journal "
                     "written by wasmbox run --record or wb_config_set_journal_file?)");
    j->pos = 1;
    return WB_OK;
}

/* ---------------------------------------------------------------- header */

static int get_u64_field(const wb__json *o, const char *key, uint64_t *v)
{
    return wb__jr_u64(o ? wb__json_get(o, key) : NULL, v);
}

wb_status wb__jr_apply_header(wb__journal *j, wb__options *opt, const wb__policy *cfg_policy, int *use_policy,
                              char *msg, size_t msgsz)
{
    const wb__jline *h = wb__jr_line(j, 0);
    uint64_t format = 0;
    if (!get_u64_field(h->root, "format", &format) || format != WB__JOURNAL_FORMAT) {
        snprintf(msg, msgsz, "journal %s: format %s is not one this wasmbox reads (format %d)", j->source,
                 wb__jr_get(h, "format") && wb__jr_get(h, "format")->type == WB_JNUM
                     ? wb__jr_get(h, "format")->u.num.text : "(missing)", WB__JOURNAL_FORMAT);
        return WB_EINVAL;
    }
    const wb__json *ver = wb__jr_get(h, "wasmbox"), *cfg = wb__jr_get(h, "config");
    j->same_version = ver && ver->type == WB_JSTR && !strcmp(ver->u.str.s, WB_VERSION);
    wb__options o;
    wb__options_default(&o);
    const wb__json *clock = cfg ? wb__json_get(cfg, "fixed_clock_ms") : NULL;
    const wb__json *seed = cfg ? wb__json_get(cfg, "seed") : NULL;
    uint64_t ms = 0;
    if (!cfg || cfg->type != WB_JOBJ || !get_u64_field(cfg, "memory_limit", &o.memory_limit) ||
        !get_u64_field(cfg, "output_limit", &o.output_limit) || !get_u64_field(cfg, "time_limit_ms", &o.time_limit_ms) ||
        !get_u64_field(cfg, "fuel_limit", &o.fuel_limit) || !clock || !seed ||
        (clock->type != WB_JNULL && !wb__jr_u64(clock, &ms)) || (seed->type != WB_JNULL && seed->type != WB_JSTR)) {
        snprintf(msg, msgsz, "journal %s line 1: \"config\" needs memory_limit, output_limit, time_limit_ms, "
                 "fuel_limit (whole numbers), fixed_clock_ms (number or null) and seed (string or null)", j->source);
        return WB_EINVAL;
    }
    o.fixed_clock = clock->type != WB_JNULL;
    o.clock_ms = (int64_t)ms;
    o.seeded = seed->type == WB_JSTR;
    if (o.seeded)
        o.seed = strtoull(seed->u.str.s, NULL, 10);
    o.set = WB__SET_TIME | WB__SET_FUEL | WB__SET_MEMORY | WB__SET_OUTPUT;
    *opt = o;

    /* The policy: its hash must fit its text, and the config's policy (if
     * any) must be the recorded one. */
    const wb__json *ph = wb__jr_get(h, "policy_sha256"), *pol = wb__jr_get(h, "policy");
    *use_policy = 0;
    char now[65] = "", rec[65] = "";
    if (pol && pol->type == WB_JOBJ) {
        wb__str canon = {0};
        wb__json_write(&canon, pol);
        if (canon.oom)
            return WB_ENOMEM;
        wb__sha256_of(canon.s, canon.len, rec);
        if (!ph || ph->type != WB_JSTR || strcmp(ph->u.str.s, rec)) {
            wb__str_free(&canon);
            snprintf(msg, msgsz, "journal %s line 1: \"policy_sha256\" does not match the recorded policy's text "
                     "(sha256 %.12s...): the policy was edited", j->source, rec);
            return WB_EDIVERGED;
        }
        char err[WB__ERRMSG_MAX];
        char src[300];
        snprintf(src, sizeof src, "%s (recorded policy)", j->source);
        j->policy = wb__policy_load(canon.s, canon.len, src, err, sizeof err);
        wb__str_free(&canon);
        if (!j->policy) {
            snprintf(msg, msgsz, "journal %s line 1: the recorded policy does not load: %s", j->source, err);
            return WB_EINVAL;
        }
    }
    if (cfg_policy && cfg_policy->root) {
        wb__str canon = {0};
        wb__json_write(&canon, cfg_policy->root);
        if (canon.oom)
            return WB_ENOMEM;
        wb__sha256_of(canon.s, canon.len, now);
        wb__str_free(&canon);
    }
    if (!cfg_policy) {
        *use_policy = j->policy != NULL;
    } else if (strcmp(now, rec)) {
        char r[100], n[100];
        snprintf(r, sizeof r, "policy sha256 %.16s...", rec[0] ? rec : "(none: no policy was recorded)");
        snprintf(n, sizeof n, "policy sha256 %.16s...", now);
        wb__jr_diverge(j, 0, "the sandbox's policy is not the recorded one (give no policy to replay with the "
                       "recorded one)", r, strlen(r), n, strlen(n));
        if (j->mode == WB__JR_DEAD) {
            snprintf(msg, msgsz, "%s", j->report);
            return WB_EDIVERGED;
        }
    }
    return WB_OK;
}
