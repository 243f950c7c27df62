/* Word expansion: braces, tilde, parameters, command substitution,
 * arithmetic, field splitting, pathname expansion, quote removal.
 *
 * A word is expanded into a stream of characters, each with a flag:
 *   Q_LIT    unquoted text from the word itself (globbing applies)
 *   Q_QUOTED quoted text (no splitting, no globbing)
 *   Q_EXP    unquoted result of an expansion (split on IFS, globbing)
 *   Q_BREAK  a forced field break ("$@", unquoted arrays)
 *   Q_EMPTY  a quoted empty string: keeps an otherwise empty field
 * Splitting and globbing then work from the flags. */
#include "sh.h"
#include "../rt/proc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { Q_LIT, Q_QUOTED, Q_EXP, Q_BREAK, Q_EMPTY };

struct xs {
    struct sbuf s;
    char *q;
    size_t qcap;
    int failed; /* an error was reported: the command must not run */
    int empty_list; /* a quoted "$@" or "${a[@]}" had no elements */
};

enum { M_UNQ, M_DQ, M_HEREDOC };

static void x_add(struct xs *x, char c, char flag)
{
    if (x->s.n + 1 >= x->qcap) {
        x->qcap = x->qcap ? x->qcap * 2 : 64;
        x->q = xrealloc(x->q, x->qcap);
    }
    x->q[x->s.n] = flag;
    sb_addc(&x->s, c);
}

static void x_addn(struct xs *x, const char *s, size_t n, char flag)
{
    if (x->s.n + n + 1 >= x->qcap) {
        size_t cap = x->qcap ? x->qcap : 64;
        while (cap <= x->s.n + n + 1)
            cap *= 2;
        x->q = xrealloc(x->q, cap);
        x->qcap = cap;
    }
    memset(x->q + x->s.n, flag, n);
    sb_addn(&x->s, s, n);
}

static void x_free(struct xs *x)
{
    sb_free(&x->s);
    free(x->q);
    x->q = NULL;
    x->qcap = 0;
}

static void exp_text(struct xs *x, const char *s, size_t len, int mode);

/* Errors during expansion (${x:?}, bad substitution) end the command; in a
 * non-interactive shell they end the script, as bash does. */
static _Noreturn void exp_fatal(void)
{
    sh_abort();
}

static _Noreturn void exp_exit(void)
{
    sh_fatal(1, "%s", "");
}

/* ------------------------------------------------------------ $'...' */
static size_t ansi_c(const char *s, size_t len, struct sbuf *out)
{ /* s after "$'"; returns consumed length including the closing quote */
    size_t i = 0;
    while (i < len && s[i] != '\'') {
        char c = s[i++];
        if (c != '\\' || i >= len) {
            sb_addc(out, c);
            continue;
        }
        c = s[i++];
        switch (c) {
        case 'n': sb_addc(out, '\n'); break;
        case 't': sb_addc(out, '\t'); break;
        case 'r': sb_addc(out, '\r'); break;
        case 'a': sb_addc(out, '\a'); break;
        case 'b': sb_addc(out, '\b'); break;
        case 'e': case 'E': sb_addc(out, 27); break;
        case 'f': sb_addc(out, '\f'); break;
        case 'v': sb_addc(out, '\v'); break;
        case '\\': sb_addc(out, '\\'); break;
        case '\'': sb_addc(out, '\''); break;
        case '"': sb_addc(out, '"'); break;
        case '?': sb_addc(out, '?'); break;
        case 'c':
            if (i < len) {
                sb_addc(out, (char)(s[i] & 0x1f));
                i++;
            }
            break;
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && i < len && isxdigit((unsigned char)s[i])) {
                v = v * 16 + (isdigit((unsigned char)s[i]) ? s[i] - '0' : tolower((unsigned char)s[i]) - 'a' + 10);
                i++;
                n++;
            }
            if (n)
                sb_addc(out, (char)v);
            else
                sb_adds(out, "\\x");
            break;
        }
        case 'u': case 'U': {
            unsigned v = 0;
            int n = 0, max = c == 'u' ? 4 : 8;
            while (n < max && i < len && isxdigit((unsigned char)s[i])) {
                v = v * 16 + (unsigned)(isdigit((unsigned char)s[i]) ? s[i] - '0'
                                                                       : tolower((unsigned char)s[i]) - 'a' + 10);
                i++;
                n++;
            }
            char u[4];
            int k = 0;
            if (v < 0x80) u[k++] = (char)v;
            else if (v < 0x800) { u[k++] = (char)(0xc0 | (v >> 6)); u[k++] = (char)(0x80 | (v & 0x3f)); }
            else if (v < 0x10000) { u[k++] = (char)(0xe0 | (v >> 12)); u[k++] = (char)(0x80 | ((v >> 6) & 0x3f)); u[k++] = (char)(0x80 | (v & 0x3f)); }
            else { u[k++] = (char)(0xf0 | (v >> 18)); u[k++] = (char)(0x80 | ((v >> 12) & 0x3f)); u[k++] = (char)(0x80 | ((v >> 6) & 0x3f)); u[k++] = (char)(0x80 | (v & 0x3f)); }
            sb_addn(out, u, (size_t)k);
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                int v = c - '0', n = 1;
                while (n < 3 && i < len && s[i] >= '0' && s[i] <= '7') {
                    v = v * 8 + (s[i++] - '0');
                    n++;
                }
                sb_addc(out, (char)v);
            } else {
                sb_addc(out, '\\');
                sb_addc(out, c);
            }
        }
    }
    return i < len ? i + 1 : i;
}

/* ------------------------------------------------------------ helpers */
static size_t match_paren(const char *s, size_t len, size_t i, char open, char close)
{ /* i at the opening char; returns index of the matching close (or len) */
    int depth = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '\\') {
            i++;
            continue;
        }
        if (c == '\'' && open != '(') {
            /* quotes inside ${ } */
        }
        if (c == '\'') {
            i++;
            while (i < len && s[i] != '\'')
                i++;
            continue;
        }
        if (c == '"') {
            i++;
            while (i < len && s[i] != '"') {
                if (s[i] == '\\')
                    i++;
                i++;
            }
            continue;
        }
        if (c == open)
            depth++;
        else if (c == close && --depth == 0)
            return i;
    }
    return len;
}

/* Values of a parameter: a list (for @ * and arrays) or one scalar. */
struct pvals {
    struct svec v;
    int is_list;  /* came from @ or * or [@] [*] */
    int star;     /* [*] / $* : joined by IFS[0] when quoted */
    int unset;
};

static const char *ifs(void)
{
    const char *s = var_str("IFS");
    return s ? s : " \t\n";
}

static void pv_add(struct pvals *pv, const char *s) { sv_push(&pv->v, xstrdup(s)); }

static int is_special_param(char c) { return c && strchr("@*#?-$!0", c) != NULL; }

static char *opts_string(void)
{
    struct sbuf b = {0};
    if (sh->o_errexit) sb_addc(&b, 'e');
    sb_addc(&b, 'h');
    if (sh->o_nounset) sb_addc(&b, 'u');
    if (sh->o_xtrace) sb_addc(&b, 'x');
    if (sh->o_noglob) sb_addc(&b, 'f');
    sb_adds(&b, "B");
    if (sh->o_noclobber) sb_addc(&b, 'C');
    sb_adds(&b, "c");
    return sb_take(&b);
}

/* Looks up NAME (possibly NAME[sub]) into pv. */
static void lookup(const char *name, const char *sub, struct pvals *pv)
{
    char buf[64];
    memset(pv, 0, sizeof *pv);
    if (!sub && name[0] && !name[1] && is_special_param(name[0])) {
        switch (name[0]) {
        case '@': case '*':
            pv->is_list = 1;
            pv->star = name[0] == '*';
            for (size_t i = 0; i < sh->pos.n; i++)
                pv_add(pv, sh->pos.v[i]);
            return;
        case '#': snprintf(buf, sizeof buf, "%zu", sh->pos.n); break;
        case '?': snprintf(buf, sizeof buf, "%d", sh->status); break;
        case '$': snprintf(buf, sizeof buf, "%d", 1000); break;
        case '!':
            if (!sh->last_bg) {
                pv->unset = 1;
                return;
            }
            snprintf(buf, sizeof buf, "%d", sh->last_bg);
            break;
        case '0': pv_add(pv, sh->arg0); return;
        case '-': {
            char *o = opts_string();
            pv_add(pv, o);
            free(o);
            return;
        }
        }
        pv_add(pv, buf);
        return;
    }
    if (isdigit((unsigned char)name[0])) {
        long n = strtol(name, NULL, 10);
        if (n == 0)
            pv_add(pv, sh->arg0);
        else if ((size_t)n <= sh->pos.n)
            pv_add(pv, sh->pos.v[n - 1]);
        else
            pv->unset = 1;
        return;
    }
    struct var *v = var_get(name);
    int is_fn = !strcmp(name, "FUNCNAME"), is_ps = !strcmp(name, "PIPESTATUS");
    if ((is_fn || is_ps) && (!v || (v->flags & V_UNSET))) {
        /* dynamic arrays: the call stack (innermost first, then "main")
         * and the statuses of the last pipeline */
        struct svec all = {0};
        if (is_fn) {
            for (int i = sh->nfuncname - 1; i >= 0; i--)
                sv_push(&all, xstrdup(sh->funcname_stack[i]));
            if (sh->nfuncname)
                sv_push(&all, xstrdup("main"));
        } else {
            for (size_t i = 0; i < sh->pipestatus.n; i++)
                sv_push(&all, xstrdup(sh->pipestatus.v[i]));
        }
        if (sub && (!strcmp(sub, "@") || !strcmp(sub, "*"))) {
            pv->is_list = 1;
            pv->star = sub[0] == '*';
            pv->v = all;
            return;
        }
        long idx = 0;
        if (sub) {
            int err = 0;
            char *xs = expand_str(sub, EX_NOTILDE);
            idx = (long)arith_eval(xs, &err);
            free(xs);
            if (idx < 0)
                idx += (long)all.n;
        }
        if (idx >= 0 && (size_t)idx < all.n)
            pv_add(pv, all.v[idx]);
        else
            pv->unset = 1;
        sv_free(&all);
        return;
    }
    if (!sub) {
        const char *s = var_str(name);
        if (s)
            pv_add(pv, s);
        else
            pv->unset = 1;
        return;
    }
    if (!strcmp(sub, "@") || !strcmp(sub, "*")) {
        pv->is_list = 1;
        pv->star = sub[0] == '*';
        if (!v || (v->flags & V_UNSET)) {
            pv->unset = 1;
            return;
        }
        if (v->flags & (V_ARRAY | V_ASSOC)) {
            for (size_t i = 0; i < v->nents; i++)
                pv_add(pv, v->ents[i].val);
        } else if (v->str) {
            pv_add(pv, v->str);
        }
        return;
    }
    if (!v || (v->flags & V_UNSET)) {
        pv->unset = 1;
        return;
    }
    if (v->flags & V_ASSOC) {
        char *k = expand_str(sub, 0);
        struct aent *e = assoc_get(v, k);
        free(k);
        if (e)
            pv_add(pv, e->val);
        else
            pv->unset = 1;
        return;
    }
    int err = 0;
    char *xsub = expand_str(sub, EX_NOTILDE);
    long long idx = arith_eval(xsub, &err);
    free(xsub);
    if (err)
        exp_fatal();
    if (idx < 0) {
        idx += arr_max(v) + 1;
        if (idx < 0) {
            sh_err("%s: bad array subscript", name);
            pv->unset = 1;
            return;
        }
    }
    if (v->flags & V_ARRAY) {
        struct aent *e = arr_get(v, (long)idx);
        if (e)
            pv_add(pv, e->val);
        else
            pv->unset = 1;
    } else if (idx == 0 && v->str) {
        pv_add(pv, v->str);
    } else {
        pv->unset = 1;
    }
}

/* Expands a ${...} operand word to a plain string (dq: inside "..."). */
static char *word_str(const char *s, size_t len, int mode)
{
    struct xs x = {0};
    exp_text(&x, s, len, mode == M_UNQ ? M_UNQ : M_HEREDOC + 10);
    struct sbuf b = {0};
    for (size_t i = 0; i < x.s.n; i++)
        if (x.q[i] != Q_EMPTY)
            sb_addc(&b, x.q[i] == Q_BREAK ? ' ' : x.s.s[i]);
    x_free(&x);
    return sb_take(&b);
}

static char *word_escaped(const char *s, size_t len, int mode, const char *specials);

/* Expands an operand as a pattern: quoted characters escaped. */
static char *word_pat(const char *s, size_t len, int mode)
{
    return word_escaped(s, len, mode, "*?[]\\()|@!+");
}

char *expand_regex(const char *w)
{
    return word_escaped(w, strlen(w), M_UNQ, "\\.[]()*+?{}|^$");
}

static char *word_escaped(const char *s, size_t len, int mode, const char *specials)
{
    struct xs x = {0};
    exp_text(&x, s, len, mode == M_UNQ ? M_UNQ : M_HEREDOC + 11);
    struct sbuf b = {0};
    for (size_t i = 0; i < x.s.n; i++) {
        char c = x.s.s[i];
        if (x.q[i] == Q_EMPTY)
            continue;
        if (x.q[i] == Q_QUOTED && c && strchr(specials, c))
            sb_addc(&b, '\\');
        sb_addc(&b, x.q[i] == Q_BREAK ? ' ' : c);
    }
    x_free(&x);
    return sb_take(&b);
}

/* ${x#p} family: remove prefix/suffix. */
static char *trim(const char *val, const char *pat, int suffix, int longest)
{
    size_t n = strlen(val);
    char *tmp = xstrdup(val);
    char *res = NULL;
    if (!suffix) {
        for (size_t k = 0; k <= n; k++) {
            size_t len = longest ? n - k : k;
            char save = tmp[len];
            tmp[len] = 0;
            int m = pat_match(pat, tmp, 0);
            tmp[len] = save;
            if (m) {
                res = xstrdup(val + len);
                break;
            }
        }
    } else {
        for (size_t k = 0; k <= n; k++) {
            size_t start = longest ? k : n - k;
            if (pat_match(pat, val + start, 0)) {
                res = xstrndup(val, start);
                break;
            }
        }
    }
    free(tmp);
    return res ? res : xstrdup(val);
}

/* ${x/p/r}: mode 0 first, 1 all, 2 anchored start, 3 anchored end. */
static char *replace(const char *val, const char *pat, const char *rep, int mode)
{
    size_t n = strlen(val);
    struct sbuf b = {0};
    if (!*pat) {
        return xstrdup(val);
    }
    if (n == 0)
        return xstrdup(pat_match(pat, "", 0) ? rep : ""); /* an empty value can match */
    char *tmp = xstrdup(val);
    size_t i = 0;
    int done = 0;
    while (i <= n) {
        if (done || (mode == 2 && i > 0) ) {
            sb_adds(&b, val + i);
            break;
        }
        /* longest match starting at i */
        size_t best = (size_t)-1;
        for (size_t e = n; e + 1 > i; e--) {
            if (mode == 3 && e != n)
                break;
            char save = tmp[e];
            tmp[e] = 0;
            int m = pat_match(pat, tmp + i, 0);
            tmp[e] = save;
            if (m) {
                best = e;
                break;
            }
            if (e == 0)
                break;
        }
        if (best != (size_t)-1 && (best > i || mode >= 2)) {
            sb_adds(&b, rep);
            if (best == i) {
                if (i < n)
                    sb_addc(&b, val[i]);
                i++;
            } else {
                i = best;
            }
            if (mode != 1)
                done = 1;
            continue;
        }
        if (i < n)
            sb_addc(&b, val[i]);
        i++;
    }
    free(tmp);
    return sb_take(&b);
}

/* upper: 1 to upper, 0 to lower, 2 toggle */
static char *case_conv(const char *val, const char *pat, int upper, int all)
{
    char *r = xstrdup(val);
    for (char *c = r; *c; c++) {
        char one[2] = {*c, 0};
        int u = upper == 2 ? !isupper((unsigned char)*c) : upper;
        if (!*pat || pat_match(pat, one, 0))
            *c = (char)(u ? toupper((unsigned char)*c) : tolower((unsigned char)*c));
        if (!all)
            break;
    }
    return r;
}

/* Character offset/length substring, bash's ${x:off:len}. */
static char *substr(const char *val, long long off, int has_len, long long len, int *bad)
{
    long long n = (long long)strlen(val);
    *bad = 0;
    if (off < 0) {
        off += n;
        if (off < 0)
            return xstrdup("");
    }
    if (off > n)
        return xstrdup("");
    if (!has_len)
        len = n - off;
    else if (len < 0) {
        len = n - off + len;
        if (len < 0) {
            *bad = 1;
            return NULL;
        }
    }
    if (off + len > n)
        len = n - off;
    return xstrndup(val + off, (size_t)len);
}

char *quote_single(const char *s)
{
    struct sbuf b = {0};
    sb_addc(&b, '\'');
    for (const char *c = s; *c; c++) {
        if (*c == '\'')
            sb_adds(&b, "'\\''");
        else
            sb_addc(&b, *c);
    }
    sb_addc(&b, '\'');
    return sb_take(&b);
}

static char *quote_q(const char *s)
{
    struct sbuf b = {0};
    int plain = *s != 0;
    for (const char *c = s; *c; c++)
        if (!(isalnum((unsigned char)*c) || strchr("_-./=+,:@%^", *c)))
            plain = 0;
    (void)plain;
    int special = 0;
    for (const char *c = s; *c; c++)
        if (*c == '\n' || *c == '\t' || *c == '\r' || *c == 27 || (unsigned char)*c < 32)
            special = 1;
    if (special) {
        sb_adds(&b, "$'");
        for (const char *c = s; *c; c++) {
            switch (*c) {
            case '\n': sb_adds(&b, "\\n"); break;
            case '\t': sb_adds(&b, "\\t"); break;
            case '\r': sb_adds(&b, "\\r"); break;
            case 27: sb_adds(&b, "\\E"); break;
            case '\'': sb_adds(&b, "\\'"); break;
            case '\\': sb_adds(&b, "\\\\"); break;
            default:
                if ((unsigned char)*c < 32)
                    sb_printf(&b, "\\%03o", (unsigned char)*c);
                else
                    sb_addc(&b, *c);
            }
        }
        sb_addc(&b, '\'');
        return sb_take(&b);
    }
    sb_addc(&b, '\'');
    for (const char *c = s; *c; c++) {
        if (*c == '\'')
            sb_adds(&b, "'\\''");
        else
            sb_addc(&b, *c);
    }
    sb_addc(&b, '\'');
    return sb_take(&b);
}

char *quote_for_reuse(const char *s)
{
    int plain = *s != 0;
    for (const char *c = s; *c; c++)
        if (!(isalnum((unsigned char)*c) || strchr("_-./=+,:@%^", *c)))
            plain = 0;
    if (plain)
        return xstrdup(s);
    return quote_q(s);
}

static char *escape_e(const char *s)
{
    struct sbuf b = {0};
    size_t n = strlen(s);
    /* $'...' decoding of the value */
    char *tmp = xmalloc(n + 2);
    memcpy(tmp, s, n);
    tmp[n] = 0;
    struct sbuf out = {0};
    size_t i = 0;
    while (i < n) {
        size_t k = ansi_c(tmp + i, n - i, &out);
        i += k;
        if (i <= n && i > 0 && tmp[i - 1] == '\'' && (i == n || 1)) {
            /* ansi_c stops at a quote: keep it literally */
            if (i <= n && k > 0 && tmp[i - 1] == '\'')
                sb_addc(&out, '\'');
        }
        if (k == 0)
            break;
    }
    free(tmp);
    sb_free(&b);
    return sb_take(&out);
}

/* Emits the values of an expansion into x. */
static void emit_vals(struct xs *x, struct pvals *pv, int mode)
{
    char flag = mode == M_UNQ ? Q_EXP : Q_QUOTED;
    if (!pv->is_list) {
        if (pv->v.n) {
            x_addn(x, pv->v.v[0], strlen(pv->v.v[0]), flag);
            if (mode != M_UNQ && !pv->v.v[0][0])
                x_add(x, 0, Q_EMPTY);
        }
        return;
    }
    if (pv->star && mode != M_UNQ) {
        const char *f = ifs();
        for (size_t i = 0; i < pv->v.n; i++) {
            if (i && *f)
                x_add(x, *f, flag);
            x_addn(x, pv->v.v[i], strlen(pv->v.v[i]), flag);
        }
        x_add(x, 0, Q_EMPTY);
        return;
    }
    if (pv->v.n == 0 && mode != M_UNQ)
        x->empty_list = 1;
    for (size_t i = 0; i < pv->v.n; i++) {
        if (i)
            x_add(x, 0, Q_BREAK);
        x_addn(x, pv->v.v[i], strlen(pv->v.v[i]), flag);
        if (mode != M_UNQ)
            x_add(x, 0, Q_EMPTY);
    }
}

static void check_unset(const char *name, struct pvals *pv)
{
    if (pv->unset && sh->o_nounset && strcmp(name, "@") && strcmp(name, "*")) {
        sh_err("%s: unbound variable", name);
        exp_exit();
    }
}

/* ${...}: body is the text between the braces. */
static void exp_brace(struct xs *x, const char *body, size_t len, int mode)
{
    size_t i = 0;
    int length = 0, indirect = 0;
    if (len > 1 && body[0] == '#') { /* ${#x}: length; ${#} alone is $# */
        length = 1;
        i = 1;
    }
    if (!length && len > 1 && body[0] == '!') {
        indirect = 1;
        i = 1;
    }
    size_t ns = i;
    if (i < len && (isalpha((unsigned char)body[i]) || body[i] == '_')) {
        while (i < len && (isalnum((unsigned char)body[i]) || body[i] == '_'))
            i++;
    } else if (i < len && isdigit((unsigned char)body[i])) {
        while (i < len && isdigit((unsigned char)body[i]))
            i++;
    } else if (i < len && is_special_param(body[i])) {
        i++;
    }
    if (i == ns) {
        char *t = xstrndup(body, len);
        sh_err("${%s}: bad substitution", t);
        free(t);
        exp_fatal();
    }
    char *name = xstrndup(body + ns, i - ns);
    char *sub = NULL;
    if (i < len && body[i] == '[') {
        size_t e = match_paren(body, len, i, '[', ']');
        if (e >= len) {
            sh_err("${%.*s}: bad substitution", (int)len, body);
            exp_fatal();
        }
        sub = xstrndup(body + i + 1, e - i - 1);
        i = e + 1;
    }
    struct pvals pv;
    /* ${!prefix*} ${!prefix@} and ${!a[@]} */
    if (indirect && i < len && (body[i] == '*' || body[i] == '@') && i + 1 == len && !sub) {
        memset(&pv, 0, sizeof pv);
        pv.is_list = 1;
        pv.star = body[i] == '*';
        struct svec names = {0};
        for (int h = 0; h < VHASH; h++)
            for (struct var *v = sh->vars[h]; v; v = v->next)
                if (!(v->flags & V_UNSET) && !strncmp(v->name, name, strlen(name)))
                    sv_push(&names, xstrdup(v->name));
        for (size_t a = 0; a < names.n; a++)
            for (size_t b = a + 1; b < names.n; b++)
                if (strcmp(names.v[a], names.v[b]) > 0) {
                    char *t = names.v[a];
                    names.v[a] = names.v[b];
                    names.v[b] = t;
                }
        pv.v = names;
        emit_vals(x, &pv, mode);
        sv_free(&pv.v);
        free(name);
        return;
    }
    if (indirect && sub && (!strcmp(sub, "@") || !strcmp(sub, "*"))) {
        memset(&pv, 0, sizeof pv);
        pv.is_list = 1;
        pv.star = sub[0] == '*';
        struct var *v = var_get(name);
        if (v && !(v->flags & V_UNSET)) {
            if (v->flags & V_ASSOC)
                for (size_t k = 0; k < v->nents; k++)
                    pv_add(&pv, v->ents[k].key);
            else if (v->flags & V_ARRAY)
                for (size_t k = 0; k < v->nents; k++) {
                    char b[32];
                    snprintf(b, sizeof b, "%ld", v->ents[k].idx);
                    pv_add(&pv, b);
                }
            else
                pv_add(&pv, "0");
        }
        emit_vals(x, &pv, mode);
        sv_free(&pv.v);
        free(name);
        free(sub);
        return;
    }
    lookup(name, sub, &pv);
    if (indirect) {
        /* ${!name}: the value names the variable */
        const char *target = pv.v.n ? pv.v.v[0] : "";
        char *tn = xstrdup(target);
        sv_free(&pv.v);
        char *br = strchr(tn, '[');
        char *tsub = NULL;
        if (br && tn[strlen(tn) - 1] == ']') {
            *br = 0;
            tsub = xstrndup(br + 1, strlen(br + 1) - 1);
        }
        if (!*tn || !(valid_name(tn) || isdigit((unsigned char)tn[0]) || (is_special_param(tn[0]) && !tn[1]))) {
            if (pv.unset && !*tn) {
                /* bash: invalid indirect expansion */
                sh_err("%s: invalid indirect expansion", name);
            } else {
                sh_err("%s: invalid variable name", tn);
            }
            exp_fatal();
        }
        lookup(tn, tsub, &pv);
        free(tn);
        free(tsub);
    }
    if (length) {
        if (i != len) {
            sh_err("${%.*s}: bad substitution", (int)len, body);
            exp_fatal();
        }
        check_unset(name, &pv);
        char buf[32];
        if (pv.is_list)
            snprintf(buf, sizeof buf, "%zu", pv.v.n);
        else {
            /* bytes: the sandbox runs in the C locale, as bash with LC_ALL=C */
            size_t n = pv.v.n ? strlen(pv.v.v[0]) : 0;
            snprintf(buf, sizeof buf, "%zu", n);
        }
        x_addn(x, buf, strlen(buf), mode == M_UNQ ? Q_EXP : Q_QUOTED);
        sv_free(&pv.v);
        free(name);
        free(sub);
        return;
    }
    if (i == len) {
        check_unset(sub ? name : name, &pv);
        emit_vals(x, &pv, mode);
        sv_free(&pv.v);
        free(name);
        free(sub);
        return;
    }
    /* operators */
    const char *op = body + i;
    size_t oplen = len - i;
    int colon = 0;
    if (op[0] == ':' && oplen > 1 && strchr("-=?+", op[1])) {
        colon = 1;
        op++;
        oplen--;
    }
    char c = op[0];
    int is_null = pv.unset || (colon && (pv.is_list ? (pv.v.n == 0 || (pv.v.n == 1 && !pv.v.v[0][0]))
                                                    : (pv.v.n == 0 || !pv.v.v[0][0])));
    if (pv.is_list && !pv.unset && !colon)
        is_null = pv.v.n == 0 && 0;
    if (c == '-' || c == '=' || c == '?' || c == '+') {
        const char *w = op + 1;
        size_t wl = oplen - 1;
        if (c == '+') {
            if (!is_null)
                exp_text(x, w, wl, mode == M_UNQ ? M_UNQ : M_HEREDOC + 10);
        } else if (!is_null) {
            emit_vals(x, &pv, mode);
        } else if (c == '-') {
            exp_text(x, w, wl, mode == M_UNQ ? M_UNQ : M_HEREDOC + 10);
        } else if (c == '=') {
            char *val = word_str(w, wl, mode);
            if (sub) {
                char *k = expand_str(sub, 0);
                var_assign_elem(name, k, val, 0);
                free(k);
            } else if (!valid_name(name)) {
                sh_err("$%s: cannot assign in this way", name);
                exp_fatal();
            } else {
                var_set(name, val, 0);
            }
            const char *nv = sub ? val : var_str(name);
            x_addn(x, nv ? nv : "", nv ? strlen(nv) : 0, mode == M_UNQ ? Q_EXP : Q_QUOTED);
            if (mode != M_UNQ)
                x_add(x, 0, Q_EMPTY);
            free(val);
        } else {
            char *msg = word_str(w, wl, mode);
            if (sub)
                sh_err("%s[%s]: %s", name, sub, *msg ? msg : "parameter null or not set");
            else
                sh_err("%s: %s", name, *msg ? msg : "parameter null or not set");
            free(msg);
            exp_exit();
        }
        sv_free(&pv.v);
        free(name);
        free(sub);
        return;
    }
    check_unset(name, &pv);
    struct pvals res = {0};
    res.is_list = pv.is_list;
    res.star = pv.star;
    if (c == '#' || c == '%') {
        int longest = oplen > 1 && op[1] == c;
        char *pat = word_pat(op + 1 + longest, oplen - 1 - longest, mode);
        for (size_t k = 0; k < pv.v.n; k++)
            sv_push(&res.v, trim(pv.v.v[k], pat, c == '%', longest));
        free(pat);
    } else if (c == '/') {
        int rmode = 0;
        const char *w = op + 1;
        size_t wl = oplen - 1;
        if (wl && *w == '/') { rmode = 1; w++; wl--; }
        else if (wl && *w == '#') { rmode = 2; w++; wl--; }
        else if (wl && *w == '%') { rmode = 3; w++; wl--; }
        /* split pattern/replacement at the first unescaped, unquoted '/' */
        size_t k = 0;
        int sq = 0, dq = 0;
        for (; k < wl; k++) {
            if (w[k] == '\\' && !sq) { k++; continue; }
            if (w[k] == '\'' && !dq && mode == M_UNQ) sq = !sq;
            else if (w[k] == '"' && !sq) dq = !dq;
            else if (w[k] == '$' && k + 1 < wl && w[k + 1] == '{') {
                k = match_paren(w, wl, k + 1, '{', '}');
            } else if (w[k] == '/' && !sq && !dq) break;
        }
        char *pat = word_pat(w, k, mode);
        char *rep = k < wl ? word_str(w + k + 1, wl - k - 1, mode) : xstrdup("");
        for (size_t e = 0; e < pv.v.n; e++)
            sv_push(&res.v, replace(pv.v.v[e], pat, rep, rmode));
        free(pat);
        free(rep);
    } else if (c == '^' || c == ',' || c == '~') {
        int all = oplen > 1 && op[1] == c;
        char *pat = word_pat(op + 1 + all, oplen - 1 - all, mode);
        for (size_t e = 0; e < pv.v.n; e++)
            sv_push(&res.v, case_conv(pv.v.v[e], pat, c == '^' ? 1 : c == ',' ? 0 : 2, all));
        free(pat);
    } else if (c == ':') {
        /* ${x:off} ${x:off:len} */
        const char *w = op + 1;
        size_t wl = oplen - 1;
        size_t k = 0;
        int depth = 0;
        for (; k < wl; k++) {
            if (w[k] == '(' || w[k] == '[')
                depth++;
            else if (w[k] == ')' || w[k] == ']')
                depth--;
            else if (w[k] == ':' && depth == 0)
                break;
        }
        char *offs = word_str(w, k, M_DQ);
        int err = 0;
        long long off = arith_eval(offs, &err);
        free(offs);
        long long ln = 0;
        int has_len = k < wl;
        if (!err && has_len) {
            char *ls = word_str(w + k + 1, wl - k - 1, M_DQ);
            ln = arith_eval(ls, &err);
            free(ls);
        }
        if (err)
            exp_fatal();
        if (pv.is_list) {
            /* slice of positional parameters or array elements */
            long long n = (long long)pv.v.n;
            int is_pos = !sub;
            if (is_pos) {
                /* $@ slice counts $0 at offset 0 */
                if (off == 0) {
                    sv_push(&res.v, xstrdup(sh->arg0));
                    off = 0;
                } else if (off > 0) {
                    off -= 1;
                }
            }
            if (off < 0)
                off += n;
            if (off < 0)
                off = n;
            if (has_len && ln < 0) {
                sh_err("%s: substring expression < 0", ln < 0 ? "-1" : "");
                exp_fatal();
            }
            for (long long e = off; e < n && (!has_len || (long long)res.v.n < ln); e++)
                sv_push(&res.v, xstrdup(pv.v.v[e]));
            if (has_len && (long long)res.v.n > ln)
                res.v.n = (size_t)ln;
        } else {
            for (size_t e = 0; e < pv.v.n; e++) {
                int bad;
                char *r = substr(pv.v.v[e], off, has_len, ln, &bad);
                if (bad) {
                    sh_err("%lld: substring expression < 0", ln);
                    exp_fatal();
                }
                sv_push(&res.v, r);
            }
        }
    } else if (c == '@' && oplen == 2) {
        for (size_t e = 0; e < pv.v.n; e++) {
            const char *v = pv.v.v[e];
            switch (op[1]) {
            case 'Q': sv_push(&res.v, quote_q(v)); break;
            case 'U': sv_push(&res.v, case_conv(v, "", 1, 1)); break;
            case 'u': sv_push(&res.v, case_conv(v, "", 1, 0)); break;
            case 'L': sv_push(&res.v, case_conv(v, "", 0, 1)); break;
            case 'E': sv_push(&res.v, escape_e(v)); break;
            case 'a': {
                struct var *vv = var_get(name);
                struct sbuf b = {0};
                if (vv) {
                    if (vv->flags & V_ARRAY) sb_addc(&b, 'a');
                    if (vv->flags & V_ASSOC) sb_addc(&b, 'A');
                    if (vv->flags & V_INTEGER) sb_addc(&b, 'i');
                    if (vv->flags & V_LOWER) sb_addc(&b, 'l');
                    if (vv->flags & V_READONLY) sb_addc(&b, 'r');
                    if (vv->flags & V_UPPER) sb_addc(&b, 'u');
                    if (vv->flags & V_EXPORT) sb_addc(&b, 'x');
                }
                sv_push(&res.v, sb_take(&b));
                break;
            }
            default: sv_push(&res.v, xstrdup(v));
            }
        }
    } else {
        sh_err("${%.*s}: bad substitution", (int)len, body);
        exp_fatal();
    }
    emit_vals(x, &res, mode);
    sv_free(&res.v);
    sv_free(&pv.v);
    free(name);
    free(sub);
}

static void emit_str(struct xs *x, const char *s, int mode)
{
    x_addn(x, s, strlen(s), mode == M_UNQ ? Q_EXP : Q_QUOTED);
}

/* Command substitution text: backquotes get their backslashes removed. */
static void exp_cmdsub(struct xs *x, const char *src, size_t len, int mode, int backq)
{
    char *out;
    if (backq) {
        struct sbuf b = {0};
        for (size_t i = 0; i < len; i++) {
            if (src[i] == '\\' && i + 1 < len && strchr("$`\\", src[i + 1]))
                i++;
            else if (src[i] == '\\' && i + 1 < len && src[i + 1] == '"' && mode != M_UNQ)
                i++;
            sb_addc(&b, src[i]);
        }
        out = cmdsub_run(b.s ? b.s : "", b.n);
        sb_free(&b);
    } else {
        out = cmdsub_run(src, len);
    }
    emit_str(x, out, mode);
    if (mode != M_UNQ && !*out)
        x_add(x, 0, Q_EMPTY);
    free(out);
}

static size_t exp_dollar(struct xs *x, const char *s, size_t len, size_t i, int mode)
{ /* s[i] == '$'; returns index after */
    if (i + 1 >= len) {
        x_add(x, '$', mode == M_UNQ ? Q_LIT : Q_QUOTED);
        return i + 1;
    }
    char c = s[i + 1];
    if (c == '{') {
        size_t e = match_paren(s, len, i + 1, '{', '}');
        exp_brace(x, s + i + 2, e - i - 2, mode);
        return e + 1;
    }
    if (c == '(') {
        if (i + 2 < len && s[i + 2] == '(') {
            /* $(( arith )) */
            size_t e = match_paren(s, len, i + 1, '(', ')');
            char *inner = xstrndup(s + i + 3, e > i + 4 ? e - i - 4 : 0);
            char *ex = expand_str(inner, EX_NOTILDE);
            free(inner);
            int err = 0;
            long long v = arith_eval(ex, &err);
            free(ex);
            if (err)
                exp_fatal();
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", v);
            emit_str(x, buf, mode);
            return e + 1;
        }
        long end = sh_scan_cmdsub(s + i + 2, len - i - 2);
        if (end < 0) {
            sh_err("unexpected EOF while looking for matching `)'");
            exp_fatal();
        }
        exp_cmdsub(x, s + i + 2, (size_t)end, mode, 0);
        return i + 2 + (size_t)end + 1;
    }
    if (c == '\'' && mode == M_UNQ) {
        struct sbuf b = {0};
        size_t k = ansi_c(s + i + 2, len - i - 2, &b);
        x_addn(x, b.s ? b.s : "", b.n, Q_QUOTED);
        x_add(x, 0, Q_EMPTY);
        sb_free(&b);
        return i + 2 + k;
    }
    if (c == '"' && mode == M_UNQ) {
        return i + 1; /* $"..." is "..." */
    }
    size_t j = i + 1;
    if (isalpha((unsigned char)c) || c == '_') {
        while (j < len && (isalnum((unsigned char)s[j]) || s[j] == '_'))
            j++;
    } else if (isdigit((unsigned char)c) || is_special_param(c)) {
        j++;
    } else {
        x_add(x, '$', mode == M_UNQ ? Q_LIT : Q_QUOTED);
        return i + 1;
    }
    exp_brace(x, s + i + 1, j - i - 1, mode);
    return j;
}

static int tilde_ok_end(char c) { return c == 0 || c == '/' || c == ':'; }

static size_t exp_tilde(struct xs *x, const char *s, size_t len, size_t i)
{ /* s[i] == '~' at a word start */
    size_t j = i + 1;
    while (j < len && s[j] != '/' && s[j] != ':' && (isalnum((unsigned char)s[j]) || s[j] == '_' ||
                                                     s[j] == '+' || s[j] == '-' || s[j] == '.'))
        j++;
    if (j < len && !tilde_ok_end(s[j])) {
        x_add(x, '~', Q_LIT);
        return i + 1;
    }
    char *user = xstrndup(s + i + 1, j - i - 1);
    const char *val = NULL;
    if (!*user)
        val = var_str("HOME");
    else if (!strcmp(user, "+"))
        val = var_str("PWD");
    else if (!strcmp(user, "-"))
        val = var_str("OLDPWD");
    else if (!strcmp(user, "root"))
        val = "/root";
    if (!val) {
        free(user);
        x_add(x, '~', Q_LIT);
        return i + 1;
    }
    x_addn(x, val, strlen(val), Q_QUOTED);
    free(user);
    return j;
}

/* The core scanner.  mode M_UNQ: a word; M_DQ: inside "..."; M_HEREDOC:
 * here-doc body ("" literal); M_HEREDOC+10: operand of ${x-word} inside
 * double quotes (quotes are removed but single quotes are literal). */
static void exp_text(struct xs *x, const char *s, size_t len, int mode)
{
    if (sh_stack_deep()) {
        sh_err("expansion nesting too deep: the word nests more than the sandbox's stack allows");
        sh_abort();
    }
    /* M_HEREDOC+11: a pattern operand inside "...": its own characters and
     * expansions stay pattern characters, only inner quotes quote. */
    int patdq = mode == M_HEREDOC + 11;
    int dqword = mode == M_HEREDOC + 10 || patdq;
    int eff = dqword ? M_DQ : mode;
    char litflag = (eff == M_UNQ || patdq) ? Q_LIT : Q_QUOTED;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '\\') {
            if (i + 1 >= len) {
                x_add(x, '\\', eff == M_UNQ ? Q_LIT : Q_QUOTED);
                i++;
                continue;
            }
            char n = s[i + 1];
            if (n == '\n') {
                i += 2;
                continue;
            }
            if (eff == M_UNQ || patdq) {
                x_add(x, n, Q_QUOTED);
                i += 2;
                continue;
            }
            if (strchr("$`\\", n) || (n == '"' && (mode == M_DQ || dqword)) || (n == '}' && dqword)) {
                x_add(x, n, Q_QUOTED);
                i += 2;
                continue;
            }
            x_add(x, '\\', Q_QUOTED);
            i++;
            continue;
        }
        if (c == '\'' && mode == M_UNQ) {
            size_t j = i + 1;
            while (j < len && s[j] != '\'')
                j++;
            x_addn(x, s + i + 1, j - i - 1, Q_QUOTED);
            x_add(x, 0, Q_EMPTY);
            i = j + 1;
            continue;
        }
        if (c == '"' && (mode == M_UNQ || dqword)) {
            size_t j = i + 1;
            while (j < len && s[j] != '"') {
                if (s[j] == '\\')
                    j++;
                else if (s[j] == '$' && j + 1 < len && (s[j + 1] == '(' || s[j + 1] == '{')) {
                    if (s[j + 1] == '{')
                        j = match_paren(s, len, j + 1, '{', '}');
                    else {
                        long e = sh_scan_cmdsub(s + j + 2, len - j - 2);
                        if (s[j + 2] == '(')
                            j = match_paren(s, len, j + 1, '(', ')');
                        else if (e >= 0)
                            j = j + 2 + (size_t)e;
                    }
                } else if (s[j] == '`') {
                    j++;
                    while (j < len && s[j] != '`') {
                        if (s[j] == '\\')
                            j++;
                        j++;
                    }
                }
                j++;
            }
            /* "" is an empty word, but "$@" and "${a[@]}" with no
             * elements (and nothing else inside the quotes) are no word. */
            size_t before = x->s.n;
            int outer = x->empty_list;
            x->empty_list = 0;
            exp_text(x, s + i + 1, (j > len ? len : j) - i - 1, M_DQ);
            if (!(x->empty_list && x->s.n == before))
                x_add(x, 0, Q_EMPTY);
            x->empty_list = outer;
            i = j + 1;
            continue;
        }
        if (c == '$') {
            i = exp_dollar(x, s, len, i, patdq ? M_UNQ : eff);
            continue;
        }
        if (c == '`') {
            size_t j = i + 1;
            while (j < len && s[j] != '`') {
                if (s[j] == '\\')
                    j++;
                j++;
            }
            exp_cmdsub(x, s + i + 1, (j > len ? len : j) - i - 1, eff, 1);
            i = j + 1;
            continue;
        }
        if ((c == '<' || c == '>') && eff == M_UNQ && i + 1 < len && s[i + 1] == '(' && i == 0) {
            long e = sh_scan_cmdsub(s + i + 2, len - i - 2);
            if (e >= 0) {
                char *path = procsub_run(s + i + 2, (size_t)e, c == '<');
                x_addn(x, path, strlen(path), Q_QUOTED);
                free(path);
                i = i + 2 + (size_t)e + 1;
                continue;
            }
        }
        x_add(x, c, litflag);
        i++;
    }
}

/* ------------------------------------------------------------ splitting */
struct fieldacc {
    struct xs cur;
    int have;
};

static void field_end(struct fieldacc *f, struct svec *fields, struct svec *flags)
{
    if (f->have) {
        /* fields keep their flags alongside for globbing */
        char *t = xmalloc(f->cur.s.n + 1);
        char *q = xmalloc(f->cur.s.n + 1);
        size_t k = 0;
        for (size_t i = 0; i < f->cur.s.n; i++) {
            if (f->cur.q[i] == Q_EMPTY || f->cur.q[i] == Q_BREAK)
                continue;
            t[k] = f->cur.s.s[i];
            q[k] = f->cur.q[i];
            k++;
        }
        t[k] = 0;
        q[k] = 0;
        /* q as a string of flag digits: 'L' literal, 'Q' quoted */
        for (size_t i = 0; i < k; i++)
            q[i] = q[i] == Q_QUOTED ? 'Q' : 'L';
        sv_push(fields, t);
        sv_push(flags, q);
    }
    f->cur.s.n = 0;
    f->have = 0;
}

static void split_fields(struct xs *x, int nosplit, struct svec *fields, struct svec *flags)
{
    const char *sep = ifs();
    /* fast path: nothing to split (quoted or literal text only) */
    int simple = 1;
    for (size_t i = 0; i < x->s.n && simple; i++)
        if (x->q[i] == Q_EXP || x->q[i] == Q_BREAK)
            simple = 0;
    if (simple) {
        struct fieldacc f = {0};
        f.have = x->s.n > 0;
        f.cur = *x;
        field_end(&f, fields, flags);
        return; /* f.cur aliases x: the caller frees it */
    }
    struct fieldacc f = {0};
    for (size_t i = 0; i < x->s.n; i++) {
        char c = x->s.s[i], q = x->q[i];
        if (q == Q_BREAK) {
            field_end(&f, fields, flags);
            continue;
        }
        if (q == Q_EXP && !nosplit && c && strchr(sep, c)) {
            int white = c == ' ' || c == '\t' || c == '\n';
            if (white) {
                field_end(&f, fields, flags);
                continue;
            }
            /* non-whitespace IFS: ends a field, even an empty one */
            f.have = 1;
            field_end(&f, fields, flags);
            /* skip following IFS whitespace */
            continue;
        }
        if (q == Q_EMPTY) {
            f.have = 1;
            x_add(&f.cur, 0, Q_EMPTY);
            continue;
        }
        f.have = 1;
        x_add(&f.cur, c, q);
    }
    field_end(&f, fields, flags);
    x_free(&f.cur);
}

static void glob_field(char *text, char *flags, struct svec *out)
{
    if (sh->o_noglob) {
        sv_push(out, xstrdup(text));
        return;
    }
    /* pattern: quoted magic characters escaped */
    struct sbuf pat = {0};
    int magic = 0;
    for (size_t i = 0; text[i]; i++) {
        char c = text[i];
        if (flags[i] == 'Q' && strchr("*?[]\\()|@!+", c))
            sb_addc(&pat, '\\');
        else if (flags[i] == 'L' && c == '\\')
            sb_addc(&pat, '\\');
        else if (flags[i] == 'L' && (c == '*' || c == '?' || c == '['))
            magic = 1;
        else if (flags[i] == 'L' && sh->o_extglob && strchr("+@!", c) && text[i + 1] == '(')
            magic = 1;
        sb_addc(&pat, c);
    }
    if (!magic) {
        sv_push(out, xstrdup(text));
        sb_free(&pat);
        return;
    }
    int n = glob_expand(pat.s, out);
    if (n == 0) {
        if (sh->o_failglob) {
            sh_err("no match: %s", text);
            sb_free(&pat);
            exp_fatal();
        }
        if (!sh->o_nullglob)
            sv_push(out, xstrdup(text));
    }
    sb_free(&pat);
}

/* Does the word start with an assignment prefix (for tilde after = and :)? */
static void expand_one(const char *w, struct svec *out)
{
    struct xs x = {0};
    size_t len = strlen(w);
    if (w[0] == '~') {
        size_t i = exp_tilde(&x, w, len, 0);
        exp_text(&x, w + i, len - i, M_UNQ);
    } else {
        exp_text(&x, w, len, M_UNQ);
    }
    struct svec fields = {0}, flags = {0};
    split_fields(&x, 0, &fields, &flags);
    x_free(&x);
    for (size_t i = 0; i < fields.n; i++)
        glob_field(fields.v[i], flags.v[i], out);
    sv_free(&fields);
    sv_free(&flags);
}

void expand_words(struct svec *in, struct svec *out)
{
    for (size_t i = 0; i < in->n; i++) {
        struct svec braced = {0};
        brace_expand(in->v[i], &braced);
        for (size_t k = 0; k < braced.n; k++)
            expand_one(braced.v[k], out);
        sv_free(&braced);
    }
}

char *expand_str(const char *w, int flags)
{
    struct xs x = {0};
    size_t len = strlen(w);
    size_t i = 0;
    if (!(flags & EX_NOTILDE) && w[0] == '~')
        i = exp_tilde(&x, w, len, 0);
    if (flags & EX_ASSIGN) {
        /* tilde after ':' in assignments (PATH=~/a:~/b) */
        size_t start = i;
        for (size_t k = i; k <= len; k++) {
            if (k == len || (w[k] == ':' && k + 1 < len && w[k + 1] == '~')) {
                exp_text(&x, w + start, k - start, M_UNQ);
                if (k < len) {
                    x_add(&x, ':', Q_QUOTED);
                    k = exp_tilde(&x, w, len, k + 1) - 1;
                    start = k + 1;
                }
            }
        }
    } else {
        exp_text(&x, w + i, len - i, (flags & EX_HEREDOC) ? M_HEREDOC : M_UNQ);
    }
    struct sbuf b = {0};
    for (size_t k = 0; k < x.s.n; k++) {
        if (x.q[k] == Q_EMPTY)
            continue;
        sb_addc(&b, x.q[k] == Q_BREAK ? ' ' : x.s.s[k]);
    }
    x_free(&x);
    return sb_take(&b);
}

char *expand_pattern(const char *w)
{
    return word_pat(w, strlen(w), M_UNQ);
}

char *expand_heredoc(const char *body) { return expand_str(body, EX_HEREDOC | EX_NOTILDE); }

/* ------------------------------------------------------------ braces */
static int brace_find(const char *w, size_t start, size_t *open, size_t *close)
{
    /* first unquoted '{' with a matching '}' that has a ',' or '..' at depth 1 */
    size_t n = strlen(w);
    for (size_t i = start; i < n; i++) {
        char c = w[i];
        if (c == '\\') {
            i++;
            continue;
        }
        if (c == '\'') {
            while (++i < n && w[i] != '\'')
                ;
            continue;
        }
        if (c == '"') {
            while (++i < n && w[i] != '"')
                if (w[i] == '\\')
                    i++;
            continue;
        }
        if (c == '$' && i + 1 < n && (w[i + 1] == '{' || w[i + 1] == '(')) {
            i = match_paren(w, n, i + 1, w[i + 1], w[i + 1] == '{' ? '}' : ')');
            continue;
        }
        if (c != '{')
            continue;
        int depth = 0, comma = 0;
        size_t j;
        for (j = i; j < n; j++) {
            char d = w[j];
            if (d == '\\') {
                j++;
                continue;
            }
            if (d == '\'') {
                while (++j < n && w[j] != '\'')
                    ;
                continue;
            }
            if (d == '"') {
                while (++j < n && w[j] != '"')
                    if (w[j] == '\\')
                        j++;
                continue;
            }
            if (d == '$' && j + 1 < n && w[j + 1] == '{') {
                j = match_paren(w, n, j + 1, '{', '}');
                continue;
            }
            if (d == '{')
                depth++;
            else if (d == '}') {
                if (--depth == 0)
                    break;
            } else if (d == ',' && depth == 1)
                comma = 1;
        }
        if (j >= n)
            return 0;
        if (comma || (strstr(w + i, "..") && strstr(w + i, "..") < w + j)) {
            *open = i;
            *close = j;
            return 1;
        }
        /* not a brace expression: look further inside */
    }
    return 0;
}

static int seq_parse(const char *s, size_t n, struct svec *items)
{
    char *t = xstrndup(s, n);
    char *d1 = strstr(t, "..");
    if (!d1) {
        free(t);
        return 0;
    }
    *d1 = 0;
    char *a = t, *b = d1 + 2, *inc = NULL;
    char *d2 = strstr(b, "..");
    if (d2) {
        *d2 = 0;
        inc = d2 + 2;
    }
    char *e1, *e2;
    long long x = strtoll(a, &e1, 10), y = strtoll(b, &e2, 10), step = 1;
    int numeric = *a && *b && !*e1 && !*e2;
    if (inc) {
        char *e3;
        step = strtoll(inc, &e3, 10);
        if (!*inc || *e3) {
            free(t);
            return 0;
        }
        if (step < 0)
            step = -step;
        if (step == 0)
            step = 1;
    }
    if (numeric) {
        int width = 0;
        if ((a[0] == '0' && a[1]) || (a[0] == '-' && a[1] == '0' && a[2]))
            width = (int)strlen(a);
        if ((b[0] == '0' && b[1]) || (b[0] == '-' && b[1] == '0' && b[2]))
            if ((int)strlen(b) > width)
                width = (int)strlen(b);
        long long count = (x <= y ? y - x : x - y) / step + 1;
        if (count > 1000000) {
            free(t);
            return 0;
        }
        for (long long v = x; x <= y ? v <= y : v >= y; v += x <= y ? step : -step) {
            char buf[48];
            if (width)
                snprintf(buf, sizeof buf, "%0*lld", width, v);
            else
                snprintf(buf, sizeof buf, "%lld", v);
            sv_push(items, xstrdup(buf));
        }
        free(t);
        return 1;
    }
    if (strlen(a) == 1 && strlen(b) == 1 && isalpha((unsigned char)a[0]) && isalpha((unsigned char)b[0])) {
        int ca = a[0], cb = b[0];
        for (int v = ca; ca <= cb ? v <= cb : v >= cb; v += ca <= cb ? (int)step : -(int)step) {
            char buf[2] = {(char)v, 0};
            sv_push(items, xstrdup(buf));
        }
        free(t);
        return 1;
    }
    free(t);
    return 0;
}

void brace_expand(const char *w, struct svec *out)
{
    size_t o, c;
    if (!brace_find(w, 0, &o, &c)) {
        sv_push(out, xstrdup(w));
        return;
    }
    struct svec items = {0};
    const char *inner = w + o + 1;
    size_t ilen = c - o - 1;
    int isseq = 0;
    if (!memchr(inner, ',', ilen) || 1) {
        /* try a sequence when there is no top-level comma */
        int depth = 0, comma = 0;
        for (size_t i = 0; i < ilen; i++) {
            if (inner[i] == '{') depth++;
            else if (inner[i] == '}') depth--;
            else if (inner[i] == ',' && depth == 0) comma = 1;
            else if (inner[i] == '\\') i++;
        }
        if (!comma)
            isseq = seq_parse(inner, ilen, &items);
        if (!comma && !isseq) {
            /* not expandable: keep '{' literal and continue after it */
            struct svec rest = {0};
            brace_expand(w + o + 1, &rest);
            for (size_t i = 0; i < rest.n; i++) {
                struct sbuf b = {0};
                sb_addn(&b, w, o + 1);
                sb_adds(&b, rest.v[i]);
                sv_push(out, sb_take(&b));
            }
            sv_free(&rest);
            return;
        }
    }
    if (!isseq) {
        int depth = 0;
        size_t start = 0;
        for (size_t i = 0; i <= ilen; i++) {
            if (i < ilen && inner[i] == '\\') {
                i++;
                continue;
            }
            if (i < ilen && (inner[i] == '\'' || inner[i] == '"')) {
                char q = inner[i];
                while (++i < ilen && inner[i] != q)
                    if (q == '"' && inner[i] == '\\')
                        i++;
                continue;
            }
            if (i < ilen && inner[i] == '$' && i + 1 < ilen && inner[i + 1] == '{') {
                i = match_paren(inner, ilen, i + 1, '{', '}');
                continue;
            }
            if (i < ilen && inner[i] == '{')
                depth++;
            else if (i < ilen && inner[i] == '}')
                depth--;
            else if (i == ilen || (inner[i] == ',' && depth == 0)) {
                sv_push(&items, xstrndup(inner + start, i - start));
                start = i + 1;
            }
        }
    }
    for (size_t i = 0; i < items.n; i++) {
        struct sbuf b = {0};
        sb_addn(&b, w, o);
        sb_adds(&b, items.v[i]);
        sb_adds(&b, w + c + 1);
        char *comb = sb_take(&b);
        brace_expand(comb, out);
        free(comb);
    }
    sv_free(&items);
}
