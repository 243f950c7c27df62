/* test / [ (POSIX argument-count rules) and [[ ]] (patterns, =~). */
#include "sh.h"
#include "../rt/proc.h"

#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *who; /* "test" or "[" for messages */

static int int_arg(const char *s, long long *out)
{
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    char *end;
    errno = 0;
    long long v = strtoll(p, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == p || *end || errno) {
        sh_err("%s: %s: integer expression expected", who, s);
        return 0;
    }
    *out = v;
    return 1;
}

static int file_test(char op, const char *path)
{
    struct stat st;
    if (op == 't') {
        return 0; /* no terminal in the sandbox */
    }
    if (op == 'L' || op == 'h')
        return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
    if (stat(path, &st) != 0)
        return 0;
    switch (op) {
    case 'e': case 'a': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 's': return st.st_size > 0;
    case 'r': return access(path, R_OK) == 0 || 1;
    case 'w': return access(path, W_OK) == 0 || 1;
    case 'x': return (st.st_mode & 0111) != 0 || S_ISDIR(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'u': return (st.st_mode & S_ISUID) != 0;
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    case 'O': case 'G': return 1;
    case 'N': return 1;
    default: return 0;
    }
}

static int var_is_set(const char *name)
{
    const char *br = strchr(name, '[');
    if (br && name[strlen(name) - 1] == ']') {
        char *base = xstrndup(name, (size_t)(br - name));
        char *sub = xstrndup(br + 1, strlen(br + 1) - 1);
        struct var *v = var_get(base);
        int r = 0;
        if (v && !(v->flags & V_UNSET)) {
            if (!strcmp(sub, "@") || !strcmp(sub, "*"))
                r = v->nents > 0 || v->str;
            else if (v->flags & V_ASSOC)
                r = assoc_get(v, sub) != NULL;
            else if (v->flags & V_ARRAY) {
                int err = 0;
                long long i = arith_eval(sub, &err);
                r = !err && arr_get(v, (long)i) != NULL;
            } else
                r = !strcmp(sub, "0") && v->str;
        }
        free(base);
        free(sub);
        return r;
    }
    if (!strcmp(name, "RANDOM") || !strcmp(name, "LINENO"))
        return 1;
    if (name[0] && !name[1] && name[0] >= '1' && name[0] <= '9')
        return (size_t)(name[0] - '0') <= sh->pos.n;
    struct var *v = var_get(name);
    if (!v || (v->flags & V_UNSET))
        return 0;
    if (v->flags & V_ARRAY)
        return arr_get(v, 0) != NULL;
    if (v->flags & V_ASSOC)
        return assoc_get(v, "0") != NULL;
    return v->str != NULL;
}

static int unary(const char *op, const char *arg)
{
    char c = op[1];
    switch (c) {
    case 'z': return !*arg;
    case 'n': return *arg != 0;
    case 'v': return var_is_set(arg);
    case 'o': {
        if (!strcmp(arg, "errexit")) return sh->o_errexit;
        if (!strcmp(arg, "nounset")) return sh->o_nounset;
        if (!strcmp(arg, "xtrace")) return sh->o_xtrace;
        if (!strcmp(arg, "pipefail")) return sh->o_pipefail;
        if (!strcmp(arg, "noglob")) return sh->o_noglob;
        return 0;
    }
    default: return file_test(c, arg);
    }
}

static int is_unary_op(const char *s)
{
    return s[0] == '-' && s[1] && !s[2] && strchr("abcdefghknoprstuvwxzGLNOS", s[1]);
}

static int is_binary_op(const char *s)
{
    static const char *const ops[] = {"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
                                      "-nt", "-ot", "-ef", NULL};
    for (int i = 0; ops[i]; i++)
        if (!strcmp(ops[i], s))
            return 1;
    return 0;
}

/* returns 0/1, or -1 after an error (status 2) */
static int binary(const char *a, const char *op, const char *b)
{
    if (!strcmp(op, "=") || !strcmp(op, "=="))
        return !strcmp(a, b);
    if (!strcmp(op, "!="))
        return strcmp(a, b) != 0;
    if (!strcmp(op, "<"))
        return strcmp(a, b) < 0;
    if (!strcmp(op, ">"))
        return strcmp(a, b) > 0;
    if (!strcmp(op, "-nt") || !strcmp(op, "-ot") || !strcmp(op, "-ef")) {
        struct stat sa, sb;
        int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
        if (!strcmp(op, "-ef"))
            return ha && hb && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
        if (!strcmp(op, "-nt"))
            return ha && (!hb || sa.st_mtime > sb.st_mtime);
        return hb && (!ha || sa.st_mtime < sb.st_mtime);
    }
    long long x, y;
    if (!int_arg(a, &x) || !int_arg(b, &y))
        return -1;
    if (!strcmp(op, "-eq")) return x == y;
    if (!strcmp(op, "-ne")) return x != y;
    if (!strcmp(op, "-lt")) return x < y;
    if (!strcmp(op, "-le")) return x <= y;
    if (!strcmp(op, "-gt")) return x > y;
    if (!strcmp(op, "-ge")) return x >= y;
    return -1;
}

/* General expression parser for > 4 arguments (-a, -o, !, parens). */
struct tp {
    char **v;
    int n, i;
    int err;
};

static int t_or(struct tp *t);

static int t_primary(struct tp *t)
{
    if (t->i >= t->n) {
        sh_err("%s: argument expected", who);
        t->err = 1;
        return 0;
    }
    const char *a = t->v[t->i];
    if (!strcmp(a, "!")) {
        t->i++;
        return !t_primary(t);
    }
    if (!strcmp(a, "(")) {
        t->i++;
        int r = t_or(t);
        if (t->i >= t->n || strcmp(t->v[t->i], ")")) {
            sh_err("%s: `)' expected", who);
            t->err = 1;
            return 0;
        }
        t->i++;
        return r;
    }
    if (t->i + 2 < t->n + 0 + 0 && is_binary_op(t->v[t->i + 1])) {
        int r = binary(a, t->v[t->i + 1], t->v[t->i + 2]);
        t->i += 3;
        if (r < 0) {
            t->err = 1;
            return 0;
        }
        return r;
    }
    if (t->i + 2 == t->n && is_binary_op(t->v[t->i + 1])) {
        sh_err("%s: argument expected", who);
        t->err = 1;
        return 0;
    }
    if (is_unary_op(a) && t->i + 1 < t->n) {
        t->i += 2;
        return unary(a, t->v[t->i - 1]);
    }
    t->i++;
    return *a != 0;
}

static int t_and(struct tp *t)
{
    int r = t_primary(t);
    while (!t->err && t->i < t->n && !strcmp(t->v[t->i], "-a")) {
        t->i++;
        int s = t_primary(t);
        r = r && s;
    }
    return r;
}

static int t_or(struct tp *t)
{
    int r = t_and(t);
    while (!t->err && t->i < t->n && !strcmp(t->v[t->i], "-o")) {
        t->i++;
        int s = t_and(t);
        r = r || s;
    }
    return r;
}

static int test_n(char **v, int n);

static int test3(char **v)
{
    if (is_binary_op(v[1])) {
        int r = binary(v[0], v[1], v[2]);
        return r < 0 ? 2 : !r;
    }
    if (!strcmp(v[1], "-a") || !strcmp(v[1], "-o")) {
        int a = *v[0] != 0, b = *v[2] != 0;
        return !(v[1][1] == 'a' ? a && b : a || b);
    }
    if (!strcmp(v[0], "!"))
        return !test_n(v + 1, 2);
    if (!strcmp(v[0], "(") && !strcmp(v[2], ")"))
        return !*v[1];
    sh_err("%s: %s: binary operator expected", who, v[1]);
    return 2;
}

/* exit status of test with n arguments */
static int test_n(char **v, int n)
{
    switch (n) {
    case 0: return 1;
    case 1: return !*v[0];
    case 2:
        if (!strcmp(v[0], "!"))
            return !!*v[1];
        if (is_unary_op(v[0]))
            return !unary(v[0], v[1]);
        sh_err("%s: %s: unary operator expected", who, v[0]);
        return 2;
    case 3: return test3(v);
    case 4:
        if (!strcmp(v[0], "!")) {
            int r = test3(v + 1);
            return r == 2 ? 2 : !r;
        }
        if (!strcmp(v[0], "(") && !strcmp(v[3], ")"))
            return test_n(v + 1, 2);
        /* fallthrough */
    default: {
        struct tp t = {v, n, 0, 0};
        int r = t_or(&t);
        if (!t.err && t.i < t.n) {
            sh_err("%s: too many arguments", who);
            return 2;
        }
        return t.err ? 2 : !r;
    }
    }
}

int test_main(int argc, char **argv, int bracket)
{
    who = bracket ? "[" : "test";
    if (bracket) {
        if (strcmp(argv[argc - 1], "]")) {
            sh_err("[: missing `]'");
            return 2;
        }
        argc--;
    }
    return test_n(argv + 1, argc - 1);
}

/* ------------------------------------------------------------ [[ ]] */
static int regex_match(const char *s, const char *re)
{
    regex_t rx;
    int rc = regcomp(&rx, re, REG_EXTENDED);
    if (rc) {
        return 2;
    }
    regmatch_t m[32];
    int r = regexec(&rx, s, 32, m, 0);
    /* BASH_REMATCH */
    var_unset("BASH_REMATCH");
    if (r == 0) {
        var_set("BASH_REMATCH", "", V_ARRAY);
        struct var *v = var_get("BASH_REMATCH");
        arr_clear(v);
        for (size_t i = 0; i <= rx.re_nsub && i < 32; i++) {
            if (m[i].rm_so < 0)
                arr_set(v, (long)i, xstrdup(""));
            else
                arr_set(v, (long)i, xstrndup(s + m[i].rm_so, (size_t)(m[i].rm_eo - m[i].rm_so)));
        }
    } else {
        var_set("BASH_REMATCH", "", V_ARRAY);
        struct var *v = var_get("BASH_REMATCH");
        arr_clear(v);
    }
    regfree(&rx);
    return r == 0 ? 0 : 1;
}

static long long cond_arith(const char *w, int *err)
{
    char *s = expand_str(w, 0);
    long long v = arith_eval(s, err);
    free(s);
    return v;
}

/* returns the exit status: 0 true, 1 false, 2 error */
static int cond_status(struct cond *c)
{
    switch (c->kind) {
    case C_AND: {
        int a = cond_status(c->a);
        if (a)
            return a;
        return cond_status(c->b);
    }
    case C_OR: {
        int a = cond_status(c->a);
        if (a == 0)
            return 0;
        return cond_status(c->b);
    }
    case C_NOT: {
        int a = cond_status(c->a);
        return a == 2 ? 2 : !a;
    }
    case C_WORD: {
        char *s = expand_str(c->w1, 0);
        int r = !*s;
        free(s);
        return r;
    }
    case C_UNARY: {
        char *s = expand_str(c->w1, 0);
        int r = !unary(c->op, s);
        free(s);
        return r;
    }
    case C_BINARY: {
        const char *op = c->op;
        if (!strcmp(op, "==") || !strcmp(op, "=") || !strcmp(op, "!=")) {
            char *l = expand_str(c->w1, 0);
            char *p = expand_pattern(c->w2);
            int m = pat_match(p, l, sh->o_nocasematch ? PM_NOCASE : 0);
            free(l);
            free(p);
            return op[0] == '!' ? m : !m;
        }
        if (!strcmp(op, "=~")) {
            char *l = expand_str(c->w1, 0);
            char *re = expand_regex(c->w2);
            int r = regex_match(l, re);
            free(l);
            free(re);
            return r;
        }
        if (op[0] == '-' && strcmp(op, "-nt") && strcmp(op, "-ot") && strcmp(op, "-ef")) {
            int err = 0;
            long long a = cond_arith(c->w1, &err);
            long long b = err ? 0 : cond_arith(c->w2, &err);
            if (err)
                return 2;
            int r;
            if (!strcmp(op, "-eq")) r = a == b;
            else if (!strcmp(op, "-ne")) r = a != b;
            else if (!strcmp(op, "-lt")) r = a < b;
            else if (!strcmp(op, "-le")) r = a <= b;
            else if (!strcmp(op, "-gt")) r = a > b;
            else r = a >= b;
            return !r;
        }
        char *l = expand_str(c->w1, 0);
        char *r = expand_str(c->w2, 0);
        who = "[[";
        int res = binary(l, op, r);
        free(l);
        free(r);
        return res < 0 ? 2 : !res;
    }
    }
    return 2;
}

int cond_eval(struct cond *c)
{
    if (sh->o_xtrace)
        out_str(2, "+ [[ ... ]]\n");
    return cond_status(c);
}
