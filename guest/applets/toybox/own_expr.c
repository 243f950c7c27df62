/* expr(1) as GNU coreutils' (ours, not toybox's): toybox's expr has no
 * GNU keywords, and agents write `expr length "$s"`, `expr index`,
 * `expr substr`, `expr match`.  GNU's grammar, lowest precedence first:
 *   |   &   < <= = == != >= >   + -   * / %   :   match length index
 *   substr, + TOKEN   ( )
 * Numbers are 64-bit (GNU's are unbounded; past 64 bits we say so);
 * length, index and substr count UTF-8 characters, as GNU does in a
 * UTF-8 locale.  Exit status: 0 result neither empty nor 0, 1 if it is,
 * 2 bad expression, 3 other error. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct val {
    int is_int;
    long long i;
    const char *s;
};

static char **args;
static char *const *argv0;

static _Noreturn void die(int status, const char *fmt, const char *arg)
{
    fflush(stdout);
    fputs("expr: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(status);
}

static int nextarg(const char *s)
{
    if (!*args || strcmp(*args, s))
        return 0;
    args++;
    return 1;
}

static void require_more(void)
{
    if (!*args)
        die(2, "syntax error: missing argument after '%s'", args > argv0 + 1 ? args[-1] : "expr");
}

static struct val int_val(long long i)
{
    struct val v = {1, i, NULL};
    return v;
}

static struct val str_val(const char *s)
{
    struct val v = {0, 0, s};
    return v;
}

static const char *to_str(struct val v)
{
    if (!v.is_int)
        return v.s;
    char *s = malloc(24);
    if (!s)
        die(3, "%s", "out of memory");
    snprintf(s, 24, "%lld", v.i);
    return s;
}

/* -?[0-9]+: 1 and *out set; 2 beyond 64 bits; 0 not an integer. */
static int looks_int(const char *s, long long *out)
{
    const char *p = s + (*s == '-');
    unsigned long long u = 0;
    if (!*p)
        return 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        if (u > (9223372036854775808ULL - (unsigned)(*p - '0')) / 10) {
            while (*p >= '0' && *p <= '9')
                p++;
            return *p ? 0 : 2;
        }
        u = u * 10 + (unsigned)(*p - '0');
    }
    if (*s != '-' && u > 9223372036854775807ULL)
        return 2;
    *out = *s == '-' ? (long long)(0 - u) : (long long)u;
    return 1;
}

static int to_int(struct val *v)
{
    if (v->is_int)
        return 1;
    int r = looks_int(v->s, &v->i);
    if (r == 2)
        die(2, "integer '%s' is too large (the sandbox's expr counts in 64 bits)", v->s);
    if (!r)
        return 0;
    v->is_int = 1;
    return 1;
}

static int is_null(struct val v)
{
    const char *p;
    if (v.is_int)
        return v.i == 0;
    p = v.s;
    if (!*p)
        return 1;
    p += *p == '-';
    do {
        if (*p != '0')
            return 0;
    } while (*++p);
    return 1;
}

/* UTF-8 characters: one per byte that is not a continuation byte. */
static size_t mblen_utf8(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Byte offset of character number i (0-based) of s. */
static size_t char_off(const char *s, size_t i)
{
    size_t off = 0;
    while (s[off] && i) {
        off++;
        while (((unsigned char)s[off] & 0xC0) == 0x80)
            off++;
        i--;
    }
    return off;
}

static size_t char_len(const char *s)
{
    size_t n = 1;
    if (!*s)
        return 0;
    while (((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

static struct val eval(int evaluate);

/* STRING : REGEX, anchored at the start. */
static struct val docolon(struct val sv, struct val pv)
{
    const char *s = to_str(sv), *pat = to_str(pv);
    regex_t re;
    regmatch_t m[2];
    int rc = regcomp(&re, pat, 0);
    struct val v;

    if (rc) {
        char msg[160];
        regerror(rc, &re, msg, sizeof(msg));
        die(2, "%s", msg);
    }
    if (!regexec(&re, s, 2, m, 0) && m[0].rm_so == 0) {
        if (re.re_nsub > 0) {
            if (m[1].rm_so >= 0) {
                char *g = malloc((size_t)(m[1].rm_eo - m[1].rm_so) + 1);
                if (!g)
                    die(3, "%s", "out of memory");
                memcpy(g, s + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
                g[m[1].rm_eo - m[1].rm_so] = 0;
                v = str_val(g);
            } else {
                v = str_val("");
            }
        } else {
            char *sub = malloc((size_t)m[0].rm_eo + 1);
            if (!sub)
                die(3, "%s", "out of memory");
            memcpy(sub, s, (size_t)m[0].rm_eo);
            sub[m[0].rm_eo] = 0;
            v = int_val((long long)mblen_utf8(sub));
        }
    } else {
        v = re.re_nsub > 0 ? str_val("") : int_val(0);
    }
    regfree(&re);
    return v;
}

static struct val eval7(int evaluate)
{
    struct val v;
    require_more();
    if (nextarg("(")) {
        v = eval(evaluate);
        if (nextarg(")"))
            return v;
        if (!*args)
            die(2, "syntax error: expecting ')' after '%s'", args[-1]);
        die(2, "syntax error: expecting ')' instead of '%s'", *args);
    }
    if (nextarg(")"))
        die(2, "syntax error: unexpected ')'%s", "");
    return str_val(*args++);
}

static struct val eval6(int evaluate)
{
    if (nextarg("+")) {
        require_more();
        return str_val(*args++);
    }
    if (nextarg("length")) {
        struct val r = eval6(evaluate);
        return int_val((long long)mblen_utf8(to_str(r)));
    }
    if (nextarg("match")) {
        struct val l = eval6(evaluate), r = eval6(evaluate);
        return evaluate ? docolon(l, r) : int_val(0);
    }
    if (nextarg("index")) {
        struct val l = eval6(evaluate), r = eval6(evaluate);
        const char *s = to_str(l), *chars = to_str(r);
        long long pos = 1;
        for (size_t off = 0; s[off]; off += char_len(s + off), pos++) {
            size_t n = char_len(s + off);
            for (size_t c = 0; chars[c]; c += char_len(chars + c))
                if (char_len(chars + c) == n && !memcmp(s + off, chars + c, n))
                    return int_val(pos);
        }
        return int_val(0);
    }
    if (nextarg("substr")) {
        struct val l = eval6(evaluate), p = eval6(evaluate), n = eval6(evaluate);
        const char *s = to_str(l);
        size_t len = mblen_utf8(s);
        if (!to_int(&p) || !to_int(&n) || p.i <= 0 || n.i <= 0 || (unsigned long long)p.i > len)
            return str_val("");
        size_t from = char_off(s, (size_t)p.i - 1);
        size_t count = (unsigned long long)n.i < len - (size_t)p.i + 1 ? (size_t)n.i : len - (size_t)p.i + 1;
        size_t to = from + char_off(s + from, count);
        char *sub = malloc(to - from + 1);
        if (!sub)
            die(3, "%s", "out of memory");
        memcpy(sub, s + from, to - from);
        sub[to - from] = 0;
        return str_val(sub);
    }
    return eval7(evaluate);
}

static struct val eval5(int evaluate)
{
    struct val l = eval6(evaluate);
    while (nextarg(":")) {
        struct val r = eval6(evaluate);
        if (evaluate)
            l = docolon(l, r);
    }
    return l;
}

static struct val eval4(int evaluate)
{
    struct val l = eval5(evaluate);
    for (;;) {
        int op;
        if (nextarg("*")) op = '*';
        else if (nextarg("/")) op = '/';
        else if (nextarg("%")) op = '%';
        else return l;
        struct val r = eval5(evaluate);
        if (!evaluate)
            continue;
        if (!to_int(&l) || !to_int(&r))
            die(2, "%s", "non-integer argument");
        if (op != '*' && r.i == 0)
            die(2, "%s", "division by zero");
        long long res;
        if (op == '*') {
            if (__builtin_mul_overflow(l.i, r.i, &res))
                die(2, "%s", "integer result too large (the sandbox's expr counts in 64 bits)");
        } else if (l.i == -9223372036854775807LL - 1 && r.i == -1) {
            if (op == '/')
                die(2, "%s", "integer result too large (the sandbox's expr counts in 64 bits)");
            res = 0;
        } else {
            res = op == '/' ? l.i / r.i : l.i % r.i;
        }
        l = int_val(res);
    }
}

static struct val eval3(int evaluate)
{
    struct val l = eval4(evaluate);
    for (;;) {
        int op;
        if (nextarg("+")) op = '+';
        else if (nextarg("-")) op = '-';
        else return l;
        struct val r = eval4(evaluate);
        if (!evaluate)
            continue;
        if (!to_int(&l) || !to_int(&r))
            die(2, "%s", "non-integer argument");
        long long res;
        if (op == '+' ? __builtin_add_overflow(l.i, r.i, &res) : __builtin_sub_overflow(l.i, r.i, &res))
            die(2, "%s", "integer result too large (the sandbox's expr counts in 64 bits)");
        l = int_val(res);
    }
}

static struct val eval2(int evaluate)
{
    struct val l = eval3(evaluate);
    for (;;) {
        static const char *const ops[] = {"<", "<=", "=", "==", "!=", ">=", ">"};
        int op = -1;
        for (int i = 0; i < 7 && op < 0; i++)
            if (nextarg(ops[i]))
                op = i;
        if (op < 0)
            return l;
        struct val r = eval3(evaluate);
        if (!evaluate)
            continue;
        long long a, b;
        int cmp;
        const char *ls = to_str(l), *rs = to_str(r);
        if (looks_int(ls, &a) == 1 && looks_int(rs, &b) == 1)
            cmp = a < b ? -1 : a > b;
        else
            cmp = strcmp(ls, rs);
        int res = op == 0 ? cmp < 0 : op == 1 ? cmp <= 0 : op <= 3 ? cmp == 0
                : op == 4 ? cmp != 0 : op == 5 ? cmp >= 0 : cmp > 0;
        l = int_val(res);
    }
}

static struct val eval1(int evaluate)
{
    struct val l = eval2(evaluate);
    while (nextarg("&")) {
        struct val r = eval2(evaluate && !is_null(l));
        if (is_null(l) || is_null(r))
            l = int_val(0);
    }
    return l;
}

static struct val eval(int evaluate)
{
    struct val l = eval1(evaluate);
    while (nextarg("|")) {
        struct val r = eval1(evaluate && is_null(l));
        if (is_null(l)) {
            l = r;
            if (is_null(l))
                l = int_val(0);
        }
    }
    return l;
}

int wbtb_own_expr(int argc, char **argv)
{
    struct val v;

    if (argc == 2 && !strcmp(argv[1], "--help")) {
        puts("usage: expr EXPRESSION\n\n"
             "Print the value of EXPRESSION (operators lowest precedence first):\n\n"
             "  ARG1 | ARG2      ARG1 if it is neither empty nor 0, else ARG2\n"
             "  ARG1 & ARG2      ARG1 if neither is empty or 0, else 0\n"
             "  < <= = == != >= >  compare: as integers if both are, else as strings\n"
             "  + -   * / %      integer arithmetic (64 bits)\n"
             "  STRING : REGEX   anchored BRE match: \\(...\\) group, else matched length\n"
             "  match STRING REGEX   the same as STRING : REGEX\n"
             "  substr STRING POS LEN   LEN characters from POS (1-based)\n"
             "  index STRING CHARS   first position of any of CHARS in STRING, or 0\n"
             "  length STRING    its length in characters\n"
             "  + TOKEN          TOKEN as a string, even if it is a keyword\n"
             "  ( EXPRESSION )\n\n"
             "Exit status: 0 if the result is neither empty nor 0, 1 if it is, 2 if\n"
             "EXPRESSION is invalid, 3 on another error.");
        return 0;
    }
    argv0 = argv;
    args = argv + 1;
    if (*args && !strcmp(*args, "--"))
        args++;
    if (!*args) {
        fflush(stdout);
        fputs("expr: missing operand\nTry 'expr --help' for more information.\n", stderr);
        return 2;
    }
    v = eval(1);
    if (*args)
        die(2, "syntax error: unexpected argument '%s'", *args);
    puts(to_str(v));
    return is_null(v);
}
