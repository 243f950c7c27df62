/* Strict JSON: see json.h for why this exists instead of a library. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* ---------------------------------------------------------------- arena */

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    max_align_t data[];
} chunk;

struct wb__jdoc {
    chunk *head;
};

static void *arena_alloc(wb__jdoc *d, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    chunk *c = d->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        chunk *nc = malloc(sizeof *nc + cap);
        if (!nc)
            return NULL;
        nc->next = c;
        nc->used = 0;
        nc->cap = cap;
        d->head = c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

void wb__json_free(wb__jdoc *doc)
{
    if (!doc)
        return;
    for (chunk *c = doc->head, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    free(doc);
}

/* ---------------------------------------------------------------- strings */

void wb__str_add(wb__str *b, const char *p, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
}

void wb__str_addz(wb__str *b, const char *z)
{
    wb__str_add(b, z, strlen(z));
}

void wb__str_addf(wb__str *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        wb__str_add(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    wb__str_add(b, big, (size_t)n);
    free(big);
}

void wb__str_free(wb__str *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

int wb__str_read_file(wb__str *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        wb__str_add(b, buf, n);
    int e = ferror(f) ? EIO : b->oom ? ENOMEM : 0;
    fclose(f);
    return e;
}

/* ---------------------------------------------------------------- parser */

typedef struct {
    const char *p, *end;
    const char *line_start;
    uint32_t line;
    wb__jdoc *doc;
    char *err;
    size_t errsz;
    int failed;
} parser;

static uint32_t col_of(const parser *ps, const char *at)
{
    return (uint32_t)(at - ps->line_start) + 1;
}

static void fail_at(parser *ps, const char *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail_at(parser *ps, const char *at, const char *fmt, ...)
{
    if (ps->failed)
        return;
    ps->failed = 1;
    int n = snprintf(ps->err, ps->errsz, "line %u, column %u: ", ps->line, col_of(ps, at));
    if (n < 0 || (size_t)n >= ps->errsz)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ps->err + n, ps->errsz - (size_t)n, fmt, ap);
    va_end(ap);
}

static void skip_ws(parser *ps)
{
    while (ps->p < ps->end) {
        char c = *ps->p;
        if (c == '\n') {
            ps->line++;
            ps->line_start = ++ps->p;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ps->p++;
        } else {
            break;
        }
    }
}

static const char *describe(parser *ps)
{
    if (ps->p >= ps->end)
        return "end of input";
    static const char *const names[] = { "'{'", "'}'", "'['", "']'", "':'", "','", "'\"'" };
    const char *chars = "{}[]:,\"";
    const char *k = strchr(chars, *ps->p);
    if (k && *ps->p)
        return names[k - chars];
    return "an unexpected character";
}

static wb__json *new_value(parser *ps, wb__jtype t, const char *at)
{
    wb__json *v = arena_alloc(ps->doc, sizeof *v);
    if (!v) {
        fail_at(ps, at, "out of memory");
        return NULL;
    }
    memset(v, 0, sizeof *v);
    v->type = t;
    v->line = ps->line;
    v->col = col_of(ps, at);
    return v;
}

static int hex4(const char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    uint32_t cp;
    if (c < 0x80) return 1;
    else if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
    else return 0;
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

/* Parses a string at ps->p (on the opening quote); *out gets decoded text. */
static int parse_string(parser *ps, const char **out, size_t *outlen)
{
    const char *start = ps->p++;
    /* Decoded text is never longer than the source. */
    const char *q = ps->p;
    while (q < ps->end && *q != '"') {
        if (*q == '\\' && q + 1 < ps->end)
            q++;
        q++;
    }
    if (q >= ps->end) {
        fail_at(ps, start, "unterminated string");
        return -1;
    }
    char *buf = arena_alloc(ps->doc, (size_t)(q - ps->p) + 1);
    if (!buf) {
        fail_at(ps, start, "out of memory");
        return -1;
    }
    size_t n = 0;
    while (*ps->p != '"') {
        unsigned char c = (unsigned char)*ps->p;
        if (c < 0x20) {
            fail_at(ps, ps->p, "control character 0x%02x in a string: escape it as \\u%04x", c, c);
            return -1;
        }
        if (c != '\\') {
            size_t k = utf8_len((const unsigned char *)ps->p, (const unsigned char *)ps->end);
            if (!k) {
                fail_at(ps, ps->p, "invalid UTF-8 in a string");
                return -1;
            }
            memcpy(buf + n, ps->p, k);
            n += k;
            ps->p += k;
            continue;
        }
        const char *esc = ps->p++;
        char e = *ps->p++;
        switch (e) {
        case '"': buf[n++] = '"'; break;
        case '\\': buf[n++] = '\\'; break;
        case '/': buf[n++] = '/'; break;
        case 'b': buf[n++] = '\b'; break;
        case 'f': buf[n++] = '\f'; break;
        case 'n': buf[n++] = '\n'; break;
        case 'r': buf[n++] = '\r'; break;
        case 't': buf[n++] = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (ps->end - ps->p < 4 || hex4(ps->p, &cp)) {
                fail_at(ps, esc, "\\u must be followed by 4 hex digits");
                return -1;
            }
            ps->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' || hex4(ps->p + 2, &lo) ||
                    lo < 0xDC00 || lo > 0xDFFF) {
                    fail_at(ps, esc, "lone UTF-16 surrogate \\u%04X", cp);
                    return -1;
                }
                ps->p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                fail_at(ps, esc, "lone UTF-16 surrogate \\u%04X", cp);
                return -1;
            }
            n += put_utf8(buf + n, cp);
            break;
        }
        default:
            fail_at(ps, esc, "unknown escape '\\%c' in a string", e);
            return -1;
        }
    }
    ps->p++;
    buf[n] = 0;
    *out = buf;
    *outlen = n;
    return 0;
}

/* The C library's strtod follows the process locale ("1,5" in de_DE); JSON
 * numbers always use '.', so parse in the "C" locale.  Process-wide state
 * (include/wasmbox.h): one locale object, made once. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static void make_c_locale(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static wb__json *parse_number(parser *ps)
{
    const char *s = ps->p, *p = s;
    int is_int = 1;
    if (p < ps->end && *p == '-')
        p++;
    if (p >= ps->end || *p < '0' || *p > '9') {
        fail_at(ps, s, "expected a digit after '-'");
        return NULL;
    }
    if (*p == '0') {
        p++;
        if (p < ps->end && *p >= '0' && *p <= '9') {
            fail_at(ps, s, "numbers must not have leading zeros");
            return NULL;
        }
    } else {
        while (p < ps->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < ps->end && *p == '.') {
        is_int = 0;
        p++;
        if (p >= ps->end || *p < '0' || *p > '9') {
            fail_at(ps, p, "expected a digit after '.'");
            return NULL;
        }
        while (p < ps->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < ps->end && (*p == 'e' || *p == 'E')) {
        is_int = 0;
        p++;
        if (p < ps->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= ps->end || *p < '0' || *p > '9') {
            fail_at(ps, p, "expected a digit in the exponent");
            return NULL;
        }
        while (p < ps->end && *p >= '0' && *p <= '9')
            p++;
    }
    wb__json *v = new_value(ps, WB_JNUM, s);
    if (!v)
        return NULL;
    size_t n = (size_t)(p - s);
    char *text = arena_alloc(ps->doc, n + 1);
    if (!text) {
        fail_at(ps, s, "out of memory");
        return NULL;
    }
    memcpy(text, s, n);
    text[n] = 0;
    pthread_once(&c_locale_once, make_c_locale);
    v->u.num.d = c_locale ? strtod_l(text, NULL, c_locale) : strtod(text, NULL);
    if (!isfinite(v->u.num.d)) {
        fail_at(ps, s, "number %s is out of range", text);
        return NULL;
    }
    v->u.num.is_int = is_int;
    v->u.num.text = text;
    v->u.num.text_len = n;
    ps->p = p;
    return v;
}

static wb__json *parse_value(parser *ps, int depth);

static wb__json *parse_array(parser *ps, int depth)
{
    wb__json *v = new_value(ps, WB_JARR, ps->p);
    if (!v)
        return NULL;
    ps->p++;
    size_t cap = 0;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        return v;
    }
    for (;;) {
        wb__json *item = parse_value(ps, depth + 1);
        if (!item)
            return NULL;
        if (v->u.arr.n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            wb__json **nv = arena_alloc(ps->doc, ncap * sizeof *nv);
            if (!nv) {
                fail_at(ps, ps->p, "out of memory");
                return NULL;
            }
            if (cap)
                memcpy(nv, v->u.arr.v, cap * sizeof *nv);
            v->u.arr.v = nv;
            cap = ncap;
        }
        v->u.arr.v[v->u.arr.n++] = item;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            skip_ws(ps);
            if (ps->p < ps->end && *ps->p == ']') {
                fail_at(ps, ps->p, "trailing comma before ']': JSON does not allow one");
                return NULL;
            }
            continue;
        }
        if (ps->p < ps->end && *ps->p == ']') {
            ps->p++;
            return v;
        }
        fail_at(ps, ps->p, "expected ',' or ']' in an array, found %s", describe(ps));
        return NULL;
    }
}

/* Duplicate keys are found with a hash index once an object has more than
 * a few keys: an object of 100,000 keys must not cost 10^10 comparisons. */
typedef struct {
    uint32_t *slot; /* member index + 1, 0 = empty; NULL until needed */
    size_t size;    /* power of two */
} key_index;

static uint64_t key_hash(const char *k, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211u;
    return h;
}

/* Index of the member named key among m[0..n), or SIZE_MAX; then records
 * member n (the one about to be added) under key.  Out of memory falls
 * back to the linear scan. */
static size_t scan_keys(const wb__jmember *m, size_t n, const char *key, size_t keylen)
{
    for (size_t i = 0; i < n; i++)
        if (m[i].keylen == keylen && !memcmp(m[i].key, key, keylen))
            return i;
    return SIZE_MAX;
}

static size_t find_key(key_index *ix, const wb__jmember *m, size_t n, const char *key, size_t keylen)
{
    if (n < 16 || n >= UINT32_MAX)
        return scan_keys(m, n, key, keylen);
    if (!ix->slot || (n + 1) * 2 > ix->size) {
        size_t size = ix->size ? ix->size * 2 : 64;
        while (size < (n + 1) * 2)
            size *= 2;
        uint32_t *s = calloc(size, sizeof *s);
        if (!s) {
            free(ix->slot);
            ix->slot = NULL;
            ix->size = 0;
            return scan_keys(m, n, key, keylen);
        }
        free(ix->slot);
        ix->slot = s;
        ix->size = size;
        for (size_t i = 0; i < n; i++) {
            size_t h = (size_t)key_hash(m[i].key, m[i].keylen) & (size - 1);
            while (s[h])
                h = (h + 1) & (size - 1);
            s[h] = (uint32_t)i + 1;
        }
    }
    size_t h = (size_t)key_hash(key, keylen) & (ix->size - 1);
    while (ix->slot[h]) {
        const wb__jmember *o = &m[ix->slot[h] - 1];
        if (o->keylen == keylen && !memcmp(o->key, key, keylen))
            return ix->slot[h] - 1;
        h = (h + 1) & (ix->size - 1);
    }
    ix->slot[h] = (uint32_t)n + 1;
    return SIZE_MAX;
}

static wb__json *parse_object_body(parser *ps, int depth, wb__json *v, key_index *keys);

static wb__json *parse_object(parser *ps, int depth)
{
    wb__json *v = new_value(ps, WB_JOBJ, ps->p);
    if (!v)
        return NULL;
    ps->p++;
    key_index keys = { NULL, 0 };
    wb__json *r = parse_object_body(ps, depth, v, &keys);
    free(keys.slot);
    return r;
}

static wb__json *parse_object_body(parser *ps, int depth, wb__json *v, key_index *keys)
{
    size_t cap = 0;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
        return v;
    }
    for (;;) {
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != '"') {
            fail_at(ps, ps->p, "expected a key in double quotes, found %s", describe(ps));
            return NULL;
        }
        const char *kat = ps->p;
        uint32_t kline = ps->line, kcol = col_of(ps, kat);
        const char *key;
        size_t keylen;
        if (parse_string(ps, &key, &keylen))
            return NULL;
        if (strlen(key) != keylen) {
            fail_at(ps, kat, "a key must not contain \\u0000");
            return NULL;
        }
        size_t dup = find_key(keys, v->u.obj.m, v->u.obj.n, key, keylen);
        if (dup != SIZE_MAX) {
            /* Position the message at the duplicate itself. */
            ps->line = kline;
            ps->line_start = kat - (kcol - 1);
            fail_at(ps, kat, "duplicate key \"%s\" (first at line %u, column %u)", key,
                    v->u.obj.m[dup].line, v->u.obj.m[dup].col);
            return NULL;
        }
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != ':') {
            fail_at(ps, ps->p, "expected ':' after key \"%s\", found %s", key, describe(ps));
            return NULL;
        }
        ps->p++;
        wb__json *val = parse_value(ps, depth + 1);
        if (!val)
            return NULL;
        if (v->u.obj.n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            wb__jmember *nm = arena_alloc(ps->doc, ncap * sizeof *nm);
            if (!nm) {
                fail_at(ps, ps->p, "out of memory");
                return NULL;
            }
            if (cap)
                memcpy(nm, v->u.obj.m, cap * sizeof *nm);
            v->u.obj.m = nm;
            cap = ncap;
        }
        wb__jmember *m = &v->u.obj.m[v->u.obj.n++];
        m->key = key;
        m->keylen = keylen;
        m->val = val;
        m->line = kline;
        m->col = kcol;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            skip_ws(ps);
            if (ps->p < ps->end && *ps->p == '}') {
                fail_at(ps, ps->p, "trailing comma before '}': JSON does not allow one");
                return NULL;
            }
            continue;
        }
        if (ps->p < ps->end && *ps->p == '}') {
            ps->p++;
            return v;
        }
        fail_at(ps, ps->p, "expected ',' or '}' in an object, found %s", describe(ps));
        return NULL;
    }
}

static int match_word(parser *ps, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(ps->end - ps->p) >= n && !memcmp(ps->p, w, n)) {
        ps->p += n;
        return 1;
    }
    return 0;
}

static wb__json *parse_value(parser *ps, int depth)
{
    skip_ws(ps);
    if (depth > WB__JSON_MAX_DEPTH) {
        fail_at(ps, ps->p, "nesting deeper than %d levels", WB__JSON_MAX_DEPTH);
        return NULL;
    }
    if (ps->p >= ps->end) {
        fail_at(ps, ps->p, "expected a value, found end of input");
        return NULL;
    }
    const char *at = ps->p;
    wb__json *v;
    switch (*ps->p) {
    case '{': return parse_object(ps, depth);
    case '[': return parse_array(ps, depth);
    case '"':
        v = new_value(ps, WB_JSTR, at);
        if (!v || parse_string(ps, &v->u.str.s, &v->u.str.len))
            return NULL;
        return v;
    case 't': case 'f': case 'n':
        if (match_word(ps, "true") || match_word(ps, "false")) {
            v = new_value(ps, WB_JBOOL, at);
            if (v)
                v->u.b = *at == 't';
            return v;
        }
        if (match_word(ps, "null"))
            return new_value(ps, WB_JNULL, at);
        break;
    default:
        if ((*ps->p == '-' && !(ps->end - ps->p >= 2 && ps->p[1] == 'I')) || (*ps->p >= '0' && *ps->p <= '9'))
            return parse_number(ps);
    }
    if (match_word(ps, "NaN") || match_word(ps, "Infinity") || match_word(ps, "-Infinity"))
        fail_at(ps, at, "NaN and Infinity are not JSON numbers");
    else
        fail_at(ps, at, "expected a value (object, array, string, number, true, false or null), found %s",
                describe(ps));
    return NULL;
}

wb__jdoc *wb__json_parse(const char *text, size_t len, wb__json **root, char *err, size_t errsz)
{
    wb__jdoc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    parser ps = { text, text + len, text, 1, doc, err, errsz, 0 };
    /* A UTF-8 byte order mark is not JSON, but editors add it. */
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        ps.p = ps.line_start = text + 3;
    wb__json *v = parse_value(&ps, 0);
    if (v) {
        skip_ws(&ps);
        if (ps.p < ps.end) {
            fail_at(&ps, ps.p, "unexpected text after the JSON value");
            v = NULL;
        }
    }
    if (!v) {
        wb__json_free(doc);
        return NULL;
    }
    *root = v;
    return doc;
}

/* ---------------------------------------------------------------- queries */

wb__json *wb__json_get(const wb__json *obj, const char *key)
{
    if (!obj || obj->type != WB_JOBJ)
        return NULL;
    size_t i = scan_keys(obj->u.obj.m, obj->u.obj.n, key, strlen(key));
    return i == SIZE_MAX ? NULL : obj->u.obj.m[i].val;
}

int wb__json_equal(const wb__json *a, const wb__json *b)
{
    if (a->type != b->type)
        return 0;
    switch (a->type) {
    case WB_JNULL: return 1;
    case WB_JBOOL: return a->u.b == b->u.b;
    case WB_JNUM: return a->u.num.d == b->u.num.d;
    case WB_JSTR: return a->u.str.len == b->u.str.len && !memcmp(a->u.str.s, b->u.str.s, a->u.str.len);
    case WB_JARR:
        if (a->u.arr.n != b->u.arr.n)
            return 0;
        for (size_t i = 0; i < a->u.arr.n; i++)
            if (!wb__json_equal(a->u.arr.v[i], b->u.arr.v[i]))
                return 0;
        return 1;
    case WB_JOBJ:
        if (a->u.obj.n != b->u.obj.n)
            return 0;
        for (size_t i = 0; i < a->u.obj.n; i++) {
            wb__json *o = wb__json_get(b, a->u.obj.m[i].key);
            if (!o || !wb__json_equal(a->u.obj.m[i].val, o))
                return 0;
        }
        return 1;
    }
    return 0;
}

const char *wb__json_type_name(wb__jtype t)
{
    switch (t) {
    case WB_JNULL: return "null";
    case WB_JBOOL: return "boolean";
    case WB_JNUM: return "number";
    case WB_JSTR: return "string";
    case WB_JARR: return "array";
    case WB_JOBJ: return "object";
    }
    return "?";
}

/* ---------------------------------------------------------------- writer */

void wb__json_write_str(wb__str *b, const char *s, size_t n)
{
    wb__str_add(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            /* Text from providers and messages may not be UTF-8: what we
             * write is always valid JSON, with U+FFFD for broken bytes. */
            size_t k = utf8_len((const unsigned char *)s + i, (const unsigned char *)s + n);
            if (k) {
                i += k - 1;
                continue;
            }
            wb__str_add(b, s + run, i - run);
            wb__str_add(b, "\xEF\xBF\xBD", 3);
            run = i + 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        wb__str_add(b, s + run, i - run);
        run = i + 1;
        char esc[8];
        switch (c) {
        case '"': wb__str_add(b, "\\\"", 2); break;
        case '\\': wb__str_add(b, "\\\\", 2); break;
        case '\n': wb__str_add(b, "\\n", 2); break;
        case '\r': wb__str_add(b, "\\r", 2); break;
        case '\t': wb__str_add(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            wb__str_add(b, esc, 6);
        }
    }
    wb__str_add(b, s + run, n - run);
    wb__str_add(b, "\"", 1);
}

void wb__json_write(wb__str *b, const wb__json *v)
{
    switch (v->type) {
    case WB_JNULL: wb__str_add(b, "null", 4); break;
    case WB_JBOOL: wb__str_addz(b, v->u.b ? "true" : "false"); break;
    case WB_JNUM:
        if (v->u.num.text)
            wb__str_add(b, v->u.num.text, v->u.num.text_len);
        else
            wb__str_addf(b, "%.17g", v->u.num.d);
        break;
    case WB_JSTR: wb__json_write_str(b, v->u.str.s, v->u.str.len); break;
    case WB_JARR:
        wb__str_add(b, "[", 1);
        for (size_t i = 0; i < v->u.arr.n; i++) {
            if (i)
                wb__str_add(b, ",", 1);
            wb__json_write(b, v->u.arr.v[i]);
        }
        wb__str_add(b, "]", 1);
        break;
    case WB_JOBJ:
        wb__str_add(b, "{", 1);
        for (size_t i = 0; i < v->u.obj.n; i++) {
            if (i)
                wb__str_add(b, ",", 1);
            wb__json_write_str(b, v->u.obj.m[i].key, v->u.obj.m[i].keylen);
            wb__str_add(b, ":", 1);
            wb__json_write(b, v->u.obj.m[i].val);
        }
        wb__str_add(b, "}", 1);
        break;
    }
}

void wb__json_brief(wb__str *b, const wb__json *v, size_t max)
{
    wb__str t = {0};
    wb__json_write(&t, v);
    if (t.oom || !t.s) {
        wb__str_addz(b, "(value)");
    } else if (t.len <= max) {
        wb__str_add(b, t.s, t.len);
    } else {
        /* Cut on a UTF-8 boundary. */
        size_t n = max;
        while (n > 0 && ((unsigned char)t.s[n] & 0xC0) == 0x80)
            n--;
        wb__str_add(b, t.s, n);
        wb__str_addz(b, "…");
    }
    wb__str_free(&t);
}
