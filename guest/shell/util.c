/* Small helpers: growable strings and vectors, checked allocation, output
 * through the fd layer. */
#include "sh.h"
#include "../rt/proc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Out of memory inside the shell: report and end the run (the sandbox's
 * memory cap is the usual cause). */
static _Noreturn void oom(size_t n)
{
    char msg[160];
    int len = snprintf(msg, sizeof msg,
                       "bash: out of memory (asked for %zu bytes): the sandbox's memory limit is reached\n", n);
    proc_write(2, msg, (size_t)len);
    sh_fatal(2, "%s", "");
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void sb_grow(struct sbuf *b, size_t more)
{
    if (b->n + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->n + more + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_addc(struct sbuf *b, char c)
{
    sb_grow(b, 1);
    b->s[b->n++] = c;
    b->s[b->n] = 0;
}

void sb_addn(struct sbuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void sb_adds(struct sbuf *b, const char *s) { sb_addn(b, s, strlen(s)); }

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sb_addn(b, tmp, (size_t)n);
        return;
    }
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

char *sb_take(struct sbuf *b)
{
    if (!b->s) {
        sb_grow(b, 0);
        b->s[0] = 0;
    }
    char *s = b->s;
    b->s = NULL;
    b->n = b->cap = 0;
    return s;
}

void sb_free(struct sbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
}

void sv_push(struct svec *v, char *s)
{
    if (v->n + 2 > v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = s;
    v->v[v->n] = NULL;
}

void sv_free(struct svec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i]);
    free(v->v);
    v->v = NULL;
    v->n = v->cap = 0;
}

void out_n(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = proc_write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

void out_str(int fd, const char *s) { out_n(fd, s, strlen(s)); }

void out_printf(int fd, const char *fmt, ...)
{
    struct sbuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        out_n(fd, tmp, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out_n(fd, big, (size_t)n);
    free(big);
    sb_free(&b);
}

/* "bash: line N: msg" on stderr, as bash -c prints its errors. */
void sh_err(const char *fmt, ...)
{
    struct sbuf b = {0};
    sb_printf(&b, "bash: line %d: ", sh->lineno);
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        sb_addn(&b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
    sb_addc(&b, '\n');
    out_n(2, b.s, b.n);
    sb_free(&b);
}

int read_line_fd(int fd, struct sbuf *b, int delim, int *got_delim, long nchars)
{
    /* One byte at a time: the rest of the input belongs to the next reader
     * (bash does the same on pipes). */
    int any = 0;
    *got_delim = 0;
    for (;;) {
        if (nchars >= 0 && (long)b->n >= nchars)
            return 1;
        char c;
        ssize_t r = proc_read(fd, &c, 1);
        if (r <= 0)
            return any;
        any = 1;
        if (c == (char)delim && nchars < 0) {
            *got_delim = 1;
            return 1;
        }
        sb_addc(b, c);
    }
}
