/* A strict JSON reader and writer for the host (policies, tool arguments,
 * tool results).
 *
 * Why not jansson: policy errors must name the line and column of the
 * offending key or value (jansson only positions syntax errors), tool
 * arguments are checked on the exact text the provider will receive, and
 * duplicate keys must be an error wherever they appear (an attacker's
 * {"amount": 1, "amount": 1e9} must not mean one thing to the checker and
 * another to the provider).  So: RFC 8259 only (no NaN, no comments, no
 * trailing commas), UTF-8 validated, duplicate keys rejected, nesting
 * bounded, and every value carries its position.
 *
 * Memory: a document owns all its values (one arena); free it whole. */
#ifndef WB_JSON_H
#define WB_JSON_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    WB_JNULL,
    WB_JBOOL,
    WB_JNUM,
    WB_JSTR,
    WB_JARR,
    WB_JOBJ,
} wb__jtype;

typedef struct wb__json wb__json;

typedef struct {
    const char *key; /* NUL-terminated, may contain no NUL (rejected) */
    size_t keylen;
    wb__json *val;
    uint32_t line, col; /* of the key */
} wb__jmember;

struct wb__json {
    wb__jtype type;
    uint32_t line, col; /* 1-based position of the value's first byte */
    union {
        int b;
        struct {
            double d;
            int is_int;      /* written without fraction or exponent */
            const char *text; /* the exact source text */
            size_t text_len;
        } num;
        struct {
            const char *s; /* decoded UTF-8, NUL-terminated */
            size_t len;
        } str;
        struct {
            wb__json **v;
            size_t n;
        } arr;
        struct {
            wb__jmember *m;
            size_t n;
        } obj;
    } u;
};

typedef struct wb__jdoc wb__jdoc;

#define WB__JSON_MAX_DEPTH 128

/* Parses text (len bytes).  Returns the document, or NULL with err filled:
 * "line L, column C: what was expected".  On success *root is the value.
 * OUT: free with wb__json_free(). */
wb__jdoc *wb__json_parse(const char *text, size_t len, wb__json **root, char *err, size_t errsz);
void wb__json_free(wb__jdoc *doc);

/* Object member by key, or NULL. */
wb__json *wb__json_get(const wb__json *obj, const char *key);

/* Deep equality: same type and value; numbers compare by value. */
int wb__json_equal(const wb__json *a, const wb__json *b);

const char *wb__json_type_name(wb__jtype t);

/* A growable string for writing JSON and messages. */
typedef struct {
    char *s;
    size_t len, cap;
    int oom; /* an allocation failed: contents are incomplete */
} wb__str;

void wb__str_add(wb__str *b, const char *p, size_t n);
void wb__str_addz(wb__str *b, const char *z);
void wb__str_addf(wb__str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wb__str_free(wb__str *b);
/* Appends the whole file at path.  0, or an errno (ENOMEM when b ran out
 * of memory). */
int wb__str_read_file(wb__str *b, const char *path);

/* Appends v as compact JSON. */
void wb__json_write(wb__str *b, const wb__json *v);
/* Appends a JSON string literal for s. */
void wb__json_write_str(wb__str *b, const char *s, size_t n);
/* Appends a short human-readable rendering of v (JSON, cut at max bytes). */
void wb__json_brief(wb__str *b, const wb__json *v, size_t max);

#endif
