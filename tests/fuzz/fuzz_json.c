/* libFuzzer target: the strict JSON reader and writer (src/json.c).
 *
 * Arbitrary bytes go to wb__json_parse.  On failure the message must be a
 * non-empty, NUL-terminated "line L, column C: ..." that fits the buffer
 * (the buffer is an exact-size heap block, so ASan sees any overrun), also
 * with a tiny buffer.  On success:
 *  - the value equals itself (wb__json_equal is reflexive);
 *  - no object holds a key twice, and every member is found again by
 *    wb__json_get;
 *  - wb__json_write produces text that parses again to an equal value,
 *    and writing that value again gives the same bytes (the writer is a
 *    fixed point after one round);
 *  - wb__json_brief stays within its cut and is valid UTF-8.
 * Any violation aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "fuzz_util.h"

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_json: check failed: %s\n  ", #cond);         \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)


static void check_error(const char *err, size_t errsz)
{
    size_t n = strnlen(err, errsz);
    CHECK(n < errsz, "error message is not NUL-terminated within its %zu-byte buffer", errsz);
    CHECK(errsz < 2 || n > 0, "empty error message");
    if (errsz >= 64)
        CHECK(!strncmp(err, "line ", 5), "error does not start with a position: %s", err);
}

static int member_cmp(const void *a, const void *b)
{
    const wb__jmember *x = *(const wb__jmember *const *)a, *y = *(const wb__jmember *const *)b;
    if (x->keylen != y->keylen)
        return x->keylen < y->keylen ? -1 : 1;
    return memcmp(x->key, y->key, x->keylen);
}

/* No two members of an object share a key (the parser must have refused). */
static void check_distinct(const wb__json *v)
{
    if (v->u.obj.n < 2)
        return;
    const wb__jmember **m = malloc(v->u.obj.n * sizeof *m);
    if (!m)
        return;
    for (size_t i = 0; i < v->u.obj.n; i++)
        m[i] = &v->u.obj.m[i];
    qsort(m, v->u.obj.n, sizeof *m, member_cmp);
    for (size_t i = 1; i < v->u.obj.n; i++)
        CHECK(member_cmp(&m[i - 1], &m[i]) != 0, "duplicate key \"%s\" accepted (lines %u and %u)", m[i]->key,
              m[i - 1]->line, m[i]->line);
    free(m);
}

/* Walks v: members are found by key, strings hold what they claim. */
static void check_value(const wb__json *v, int depth)
{
    CHECK(depth <= WB__JSON_MAX_DEPTH + 1, "depth %d past the limit", depth);
    CHECK(v->line >= 1 && v->col >= 1, "bad position %u:%u", v->line, v->col);
    switch (v->type) {
    case WB_JNULL:
    case WB_JBOOL:
        break;
    case WB_JNUM:
        CHECK(v->u.num.text && strlen(v->u.num.text) == v->u.num.text_len, "number text length");
        break;
    case WB_JSTR:
        CHECK(v->u.str.s && v->u.str.s[v->u.str.len] == 0, "string not NUL-terminated at its length");
        CHECK(valid_utf8((const unsigned char *)v->u.str.s, v->u.str.len), "decoded string is not valid UTF-8");
        break;
    case WB_JARR:
        for (size_t i = 0; i < v->u.arr.n; i++)
            check_value(v->u.arr.v[i], depth + 1);
        break;
    case WB_JOBJ:
        check_distinct(v);
        for (size_t i = 0; i < v->u.obj.n; i++) {
            const wb__jmember *m = &v->u.obj.m[i];
            CHECK(strlen(m->key) == m->keylen, "key contains NUL");
            CHECK(wb__json_get(v, m->key) == m->val, "member \"%s\" not found by wb__json_get", m->key);
            check_value(m->val, depth + 1);
        }
        break;
    default:
        CHECK(0, "unknown type %d", (int)v->type);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy: a read past the end is a heap-buffer-overflow. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);

    size_t errsz = 200;
    char *err = malloc(errsz);
    wb__json *root = NULL;
    wb__jdoc *doc = wb__json_parse(text, size, &root, err, errsz);
    if (!doc) {
        check_error(err, errsz);
        /* The same failure with a buffer too small for the message. */
        size_t small = 1 + (size ? data[0] % 16 : 0);
        char *err2 = malloc(small);
        wb__json *r2 = NULL;
        wb__jdoc *d2 = wb__json_parse(text, size, &r2, err2, small);
        CHECK(!d2, "second parse of the same bytes succeeded");
        check_error(err2, small);
        free(err2);
        free(err);
        free(text);
        return 0;
    }
    CHECK(root, "parse succeeded without a root");
    check_value(root, 0);
    CHECK(wb__json_equal(root, root), "a value is not equal to itself");

    wb__str w1 = {0};
    wb__json_write(&w1, root);
    CHECK(!w1.oom && w1.s, "writer failed");
    CHECK(strlen(w1.s) == w1.len, "written JSON contains a NUL byte");
    CHECK(valid_utf8((const unsigned char *)w1.s, w1.len), "written JSON is not valid UTF-8");

    wb__json *root2 = NULL;
    wb__jdoc *doc2 = wb__json_parse(w1.s, w1.len, &root2, err, errsz);
    CHECK(doc2, "written JSON does not parse again: %s\n  input was: %.*s\n  written: %s", err, (int)size, text,
          w1.s);
    CHECK(wb__json_equal(root, root2) && wb__json_equal(root2, root),
          "round trip changed the value\n  written: %s", w1.s);

    wb__str w2 = {0};
    wb__json_write(&w2, root2);
    CHECK(!w2.oom && w2.len == w1.len && !memcmp(w1.s, w2.s, w1.len),
          "writing is not stable\n  first:  %s\n  second: %s", w1.s, w2.s ? w2.s : "");

    /* brief: a cut on a UTF-8 boundary plus at most the ellipsis. */
    size_t max = size ? data[size - 1] : 0;
    wb__str b = {0};
    wb__json_brief(&b, root, max);
    CHECK(!b.oom && b.s, "brief produced nothing");
    CHECK(b.len <= (w1.len < max ? w1.len : max + 3), "brief is %zu bytes for max %zu", b.len, max);
    CHECK(valid_utf8((const unsigned char *)b.s, b.len), "brief cut inside a UTF-8 sequence: %s", b.s);
    if (w1.len <= max)
        CHECK(b.len == w1.len && !memcmp(b.s, w1.s, w1.len), "brief of a short value differs from the value");

    wb__str_free(&b);
    wb__str_free(&w2);
    wb__json_free(doc2);
    wb__str_free(&w1);
    wb__json_free(doc);
    free(err);
    free(text);
    return 0;
}
