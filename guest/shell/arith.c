/* Arithmetic: $(( )), (( )), let, array subscripts, declare -i.
 * 64-bit integers with bash's operators and precedence; variables whose
 * values are expressions are evaluated recursively (depth-limited). */
#include "sh.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "((" or "let" while those run: bash names them in arithmetic errors. */
const char *arith_who;

struct ar {
    const char *expr; /* whole expression, for messages */
    const char *last_op; /* where the last operator started (error token) */
    const char *p;
    int noeval;
    int err;
    int depth;
};

static long long ar_comma(struct ar *a);
static long long ar_assign(struct ar *a);

static void ar_error(struct ar *a, const char *msg, const char *tok)
{
    if (a->err)
        return;
    a->err = 1;
    const char *e = a->expr;
    while (*e == ' ')
        e++;
    if (arith_who)
        sh_err("%s: %s: %s (error token is \"%s\")", arith_who, e, msg, tok);
    else
        sh_err("%s: %s (error token is \"%s\")", e, msg, tok);
}

static void skip(struct ar *a)
{
    while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
        a->p++;
}

static int accept(struct ar *a, const char *op)
{
    skip(a);
    size_t n = strlen(op);
    if (strncmp(a->p, op, n))
        return 0;
    /* don't take '=' of '==', '<' of '<<', etc. */
    char nx = a->p[n];
    if (n == 1 && (op[0] == '=' || op[0] == '<' || op[0] == '>' || op[0] == '&' || op[0] == '|' ||
                   op[0] == '*' || op[0] == '+' || op[0] == '-' || op[0] == '!') && nx == '=' && op[0] != '!')
        return 0;
    if (n == 1 && op[0] == '!' && nx == '=')
        return 0;
    if (n == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '&' || op[0] == '|' || op[0] == '*' || op[0] == '+' ||
                   op[0] == '-') && nx == op[0])
        return 0;
    if (n == 2 && (!strcmp(op, "<<") || !strcmp(op, ">>") || !strcmp(op, "**")) && nx == '=')
        return 0;
    a->last_op = a->p;
    a->p += n;
    return 1;
}

static long long var_value(struct ar *a, const char *name, const char *sub)
{
    const char *s;
    char buf[64];
    if (sub) {
        struct var *v = var_get(name);
        s = NULL;
        if (v && (v->flags & V_ASSOC)) {
            char *k = expand_str(sub, 0);
            struct aent *e = assoc_get(v, k);
            free(k);
            s = e ? e->val : NULL;
        } else if (v) {
            int err = 0;
            char *xs = expand_str(sub, EX_NOTILDE);
            long long i = arith_eval(xs, &err);
            free(xs);
            if (err) {
                a->err = 1;
                return 0;
            }
            if (i < 0)
                i += arr_max(v) + 1;
            if (v->flags & V_ARRAY) {
                struct aent *e = arr_get(v, (long)i);
                s = e ? e->val : NULL;
            } else if (i == 0) {
                s = v->str;
            }
        }
    } else {
        s = special_var(name, buf, sizeof buf);
        if (!s)
            s = var_str(name);
    }
    if (!s || !*s) {
        if (!s && sh->o_nounset && !a->noeval) {
            sh_err("%s: unbound variable", name);
            a->err = 2;
        }
        return 0;
    }
    if (a->depth > 64) {
        ar_error(a, "expression recursion level exceeded", s);
        return 0;
    }
    char *copy = xstrdup(s);
    struct ar sub_a = {copy, NULL, copy, a->noeval, 0, a->depth + 1};
    long long v = ar_comma(&sub_a);
    skip(&sub_a);
    if (!sub_a.err && *sub_a.p) {
        ar_error(&sub_a, "syntax error: invalid arithmetic operator", sub_a.p);
    }
    if (sub_a.err)
        a->err = sub_a.err;
    free(copy);
    return v;
}

static void var_store(struct ar *a, const char *name, const char *sub, long long v)
{
    if (a->noeval)
        return;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    int r = sub ? var_assign_elem(name, sub, buf, 0) : var_set(name, buf, 0);
    if (r)
        a->err = 1;
}

/* Reads NAME or NAME[sub] at a->p. */
static int read_lvalue(struct ar *a, char **name, char **sub)
{
    skip(a);
    const char *s = a->p;
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return 0;
    while (isalnum((unsigned char)*a->p) || *a->p == '_')
        a->p++;
    *name = xstrndup(s, (size_t)(a->p - s));
    *sub = NULL;
    if (*a->p == '[') {
        int depth = 0;
        const char *b = a->p + 1;
        const char *q = a->p;
        for (; *q; q++) {
            if (*q == '[')
                depth++;
            else if (*q == ']' && --depth == 0)
                break;
        }
        if (*q != ']') {
            ar_error(a, "bad array subscript", a->p);
            return 1;
        }
        *sub = xstrndup(b, (size_t)(q - b));
        a->p = q + 1;
    }
    return 1;
}

static long long parse_number(struct ar *a)
{
    const char *s = a->p;
    long long v = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
        const char *st = s;
        while (isxdigit((unsigned char)*s)) {
            int d = isdigit((unsigned char)*s) ? *s - '0' : (tolower((unsigned char)*s) - 'a' + 10);
            v = v * 16 + d;
            s++;
        }
        if (s == st) {
            ar_error(a, "invalid number", a->p);
        }
    } else {
        const char *st = s;
        while (isdigit((unsigned char)*s))
            s++;
        if (*s == '#') {
            long base = strtol(st, NULL, 10);
            s++;
            if (base < 2 || base > 64) {
                ar_error(a, "invalid arithmetic base", st);
                return 0;
            }
            const char *ds = s;
            while (isalnum((unsigned char)*s) || *s == '@' || *s == '_') {
                int d;
                char c = *s;
                if (isdigit((unsigned char)c))
                    d = c - '0';
                else if (islower((unsigned char)c))
                    d = c - 'a' + 10;
                else if (isupper((unsigned char)c))
                    d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
                else if (c == '@')
                    d = 62;
                else
                    d = 63;
                if (d >= base) {
                    (void)ds;
                    const char *e = s;
                    while (isalnum((unsigned char)*e) || *e == '@' || *e == '_')
                        e++;
                    char *tok = xstrndup(st, (size_t)(e - st));
                    ar_error(a, "value too great for base", tok);
                    free(tok);
                    return 0;
                }
                v = v * base + d;
                s++;
            }
        } else if (st[0] == '0') {
            for (const char *q = st; q < s; q++) {
                if (*q > '7') {
                    ar_error(a, "value too great for base", st);
                    return 0;
                }
                v = v * 8 + (*q - '0');
            }
        } else {
            for (const char *q = st; q < s; q++)
                v = v * 10 + (*q - '0');
        }
        if (isalpha((unsigned char)*s) || *s == '_') {
            const char *e = s;
            while (isalnum((unsigned char)*e) || *e == '_')
                e++;
            char *tok = xstrndup(st, (size_t)(e - st));
            ar_error(a, "value too great for base", tok);
            free(tok);
            return 0;
        }
    }
    a->p = s;
    return v;
}

static long long ar_unary(struct ar *a)
{
    skip(a);
    if (a->err)
        return 0;
    if (accept(a, "++") || accept(a, "--")) {
        int inc = a->p[-1] == '+';
        char *name, *sub;
        if (!read_lvalue(a, &name, &sub)) {
            ar_error(a, "syntax error: operand expected", a->p);
            return 0;
        }
        long long v = var_value(a, name, sub) + (inc ? 1 : -1);
        var_store(a, name, sub, v);
        free(name);
        free(sub);
        return v;
    }
    if (accept(a, "+"))
        return ar_unary(a);
    if (accept(a, "-"))
        return -ar_unary(a);
    if (accept(a, "!"))
        return !ar_unary(a);
    if (accept(a, "~"))
        return ~ar_unary(a);
    if (*a->p == '(') {
        if (sh_stack_deep() || ++a->depth > 1000) {
            ar_error(a, "expression nesting too deep", a->p);
            return 0;
        }
        a->p++;
        long long v = ar_comma(a);
        a->depth--;
        skip(a);
        if (*a->p != ')') {
            ar_error(a, "missing `)'", a->p);
            return 0;
        }
        a->p++;
        return v;
    }
    if (isdigit((unsigned char)*a->p))
        return parse_number(a);
    char *name, *sub;
    if (read_lvalue(a, &name, &sub)) {
        long long v;
        skip(a);
        if (a->p[0] == '+' && a->p[1] == '+') {
            a->p += 2;
            v = var_value(a, name, sub);
            var_store(a, name, sub, v + 1);
        } else if (a->p[0] == '-' && a->p[1] == '-') {
            a->p += 2;
            v = var_value(a, name, sub);
            var_store(a, name, sub, v - 1);
        } else {
            v = var_value(a, name, sub);
        }
        free(name);
        free(sub);
        return v;
    }
    if (!*a->p)
        ar_error(a, "syntax error: operand expected", a->last_op ? a->last_op : "");
    else
        ar_error(a, "syntax error: operand expected", a->p);
    return 0;
}

static long long ar_pow(struct ar *a)
{
    long long b = ar_unary(a);
    if (accept(a, "**")) {
        long long e = ar_pow(a);
        if (e < 0) {
            if (!a->noeval)
                ar_error(a, "exponent less than 0", "");
            return 0;
        }
        long long r = 1;
        while (e-- > 0)
            r *= b;
        return r;
    }
    return b;
}

static long long ar_mul(struct ar *a)
{
    long long v = ar_pow(a);
    for (;;) {
        const char *at = a->p;
        if (accept(a, "*"))
            v *= ar_pow(a);
        else if (accept(a, "/") || accept(a, "%")) {
            int div = a->p[-1] == '/';
            const char *rhs = a->p;
            long long r = ar_pow(a);
            if (r == 0) {
                if (!a->noeval) {
                    while (*rhs == ' ')
                        rhs++;
                    ar_error(a, "division by 0", rhs);
                }
                v = 0;
            } else if (r == -1) {
                v = div ? -v : 0; /* no overflow trap on LLONG_MIN / -1 */
            } else {
                v = div ? v / r : v % r;
            }
        } else
            return v;
        (void)at;
    }
}

static long long ar_add(struct ar *a)
{
    long long v = ar_mul(a);
    for (;;) {
        if (accept(a, "+"))
            v = (long long)((unsigned long long)v + (unsigned long long)ar_mul(a));
        else if (accept(a, "-"))
            v = (long long)((unsigned long long)v - (unsigned long long)ar_mul(a));
        else
            return v;
    }
}

static long long ar_shift(struct ar *a)
{
    long long v = ar_add(a);
    for (;;) {
        if (accept(a, "<<"))
            v = (long long)((unsigned long long)v << (ar_add(a) & 63));
        else if (accept(a, ">>"))
            v >>= (ar_add(a) & 63);
        else
            return v;
    }
}

static long long ar_rel(struct ar *a)
{
    long long v = ar_shift(a);
    for (;;) {
        if (accept(a, "<="))
            v = v <= ar_shift(a);
        else if (accept(a, ">="))
            v = v >= ar_shift(a);
        else if (accept(a, "<"))
            v = v < ar_shift(a);
        else if (accept(a, ">"))
            v = v > ar_shift(a);
        else
            return v;
    }
}

static long long ar_eq(struct ar *a)
{
    long long v = ar_rel(a);
    for (;;) {
        if (accept(a, "=="))
            v = v == ar_rel(a);
        else if (accept(a, "!="))
            v = v != ar_rel(a);
        else
            return v;
    }
}

static long long ar_band(struct ar *a)
{
    long long v = ar_eq(a);
    while (accept(a, "&"))
        v &= ar_eq(a);
    return v;
}

static long long ar_bxor(struct ar *a)
{
    long long v = ar_band(a);
    while (accept(a, "^"))
        v ^= ar_band(a);
    return v;
}

static long long ar_bor(struct ar *a)
{
    long long v = ar_bxor(a);
    while (accept(a, "|"))
        v |= ar_bxor(a);
    return v;
}

static long long ar_land(struct ar *a)
{
    long long v = ar_bor(a);
    while (accept(a, "&&")) {
        int save = a->noeval;
        if (!v)
            a->noeval = 1;
        long long r = ar_bor(a);
        a->noeval = save;
        v = v && r;
    }
    return v;
}

static long long ar_lor(struct ar *a)
{
    long long v = ar_land(a);
    while (accept(a, "||")) {
        int save = a->noeval;
        if (v)
            a->noeval = 1;
        long long r = ar_land(a);
        a->noeval = save;
        v = v || r;
    }
    return v;
}

static long long ar_cond(struct ar *a)
{
    long long c = ar_lor(a);
    if (accept(a, "?")) {
        int save = a->noeval;
        if (!c)
            a->noeval = 1;
        long long t = ar_assign(a);
        a->noeval = save;
        skip(a);
        if (!accept(a, ":")) {
            ar_error(a, "expected `:'", a->p);
            return 0;
        }
        if (c)
            a->noeval = 1;
        long long f = ar_cond(a);
        a->noeval = save;
        return c ? t : f;
    }
    return c;
}

static long long ar_assign(struct ar *a)
{
    skip(a);
    const char *save = a->p;
    char *name, *sub;
    if (read_lvalue(a, &name, &sub)) {
        skip(a);
        static const char *const ops[] = {"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=", NULL};
        for (int i = 0; ops[i]; i++) {
            size_t n = strlen(ops[i]);
            if (!strncmp(a->p, ops[i], n) && !(n == 1 && a->p[1] == '=')) {
                a->p += n;
                long long r = ar_assign(a);
                long long v = 0;
                if (i > 0)
                    v = var_value(a, name, sub);
                switch (i) {
                case 0: v = r; break;
                case 1: v += r; break;
                case 2: v -= r; break;
                case 3: v *= r; break;
                case 4: case 5:
                    if (r == 0) {
                        ar_error(a, "division by 0", "");
                        v = 0;
                    } else {
                        v = i == 4 ? v / r : v % r;
                    }
                    break;
                case 6: v = (long long)((unsigned long long)v << (r & 63)); break;
                case 7: v >>= (r & 63); break;
                case 8: v &= r; break;
                case 9: v ^= r; break;
                case 10: v |= r; break;
                }
                if (!a->err)
                    var_store(a, name, sub, v);
                free(name);
                free(sub);
                return v;
            }
        }
        free(name);
        free(sub);
        a->p = save;
    }
    return ar_cond(a);
}

static long long ar_comma(struct ar *a)
{
    long long v = ar_assign(a);
    while (!a->err && accept(a, ","))
        v = ar_assign(a);
    return v;
}

long long arith_eval(const char *expr, int *err)
{
    struct ar a = {expr, NULL, expr, 0, 0, 0};
    skip(&a);
    if (!*a.p) {
        *err = 0;
        return 0;
    }
    long long v = ar_comma(&a);
    skip(&a);
    if (!a.err && *a.p) {
        ar_error(&a, "syntax error in expression", a.p);
    }
    *err = a.err;
    return a.err ? 0 : v;
}
