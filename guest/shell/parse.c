/* Lexer and recursive-descent parser: source text to a command tree.
 * Words keep their source text (quotes included); expand.c interprets
 * them when the command runs.  Errors are reported like bash's:
 * "syntax error near unexpected token `X'". */
#include "sh.h"
#include "../rt/unwind.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting deeper than this is refused: the guest's stack is 1 MiB. */
#define MAX_DEPTH 200

enum tok {
    T_EOF, T_WORD, T_NL, T_SEMI, T_DSEMI, T_SEMIAND, T_DSEMIAND, T_AMP, T_AND, T_OR, T_PIPE, T_PIPEAMP,
    T_LPAREN, T_RPAREN, T_LESS, T_GREAT, T_DGREAT, T_DLESS, T_DLESSDASH, T_TLESS, T_GREATAND, T_LESSAND,
    T_LESSGREAT, T_CLOBBER, T_ANDGREAT, T_ANDDGREAT, T_IONUM, T_FDVAR
};

struct heredoc_pending {
    struct redir *r;
};

struct parser {
    const char *s;
    size_t len, pos;
    int lineno;
    struct parsed *arena;
    /* one token of lookahead */
    int have;
    enum tok tok;
    char *text;      /* word text / io number */
    size_t tok_start;
    int tok_line;
    struct redir *hd[64];
    int nhd;
    int depth;
    char *err;
    int in_cond;     /* inside [[ ]]: < > are operators, not redirections */
    struct parser *root; /* where errors are recorded (sub-parsers of $( )) */
    int scan_depth;  /* nesting of quotes and expansions inside one word */
};

static void *palloc(struct parser *p, size_t n)
{
    struct parsed *a = p->arena;
    if (a->nblocks == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->blocks = xrealloc(a->blocks, a->cap * sizeof *a->blocks);
    }
    void *m = xmalloc(n);
    memset(m, 0, n);
    a->blocks[a->nblocks++] = m;
    return m;
}

static char *pstrndup(struct parser *p, const char *s, size_t n)
{
    char *m = palloc(p, n + 1);
    memcpy(m, s, n);
    m[n] = 0;
    return m;
}

/* The node's svecs are owned by the arena too: their arrays are
 * registered as blocks when the node is finished. */
static void pvec_push(struct parser *p, struct svec *v, char *s)
{
    (void)p;
    if (v->n + 2 > v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        char **nv = palloc(p, cap * sizeof *nv);
        if (v->n)
            memcpy(nv, v->v, v->n * sizeof *nv);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = s;
    v->v[v->n] = NULL;
}

static _Noreturn void perr(struct parser *p, const char *msg)
{
    while (p->root)
        p = p->root;
    if (!p->err) {
        struct sbuf b = {0};
        sb_printf(&b, "line %d: %s", p->tok_line ? p->tok_line : p->lineno, msg);
        p->err = sb_take(&b);
    }
    wb_throw(1);
}

static const char *tok_name(enum tok t, const char *text)
{
    switch (t) {
    case T_EOF: return "end of file";
    case T_WORD: return text;
    case T_NL: return "newline";
    case T_SEMI: return ";";
    case T_DSEMI: return ";;";
    case T_SEMIAND: return ";&";
    case T_DSEMIAND: return ";;&";
    case T_AMP: return "&";
    case T_AND: return "&&";
    case T_OR: return "||";
    case T_PIPE: return "|";
    case T_PIPEAMP: return "|&";
    case T_LPAREN: return "(";
    case T_RPAREN: return ")";
    case T_LESS: return "<";
    case T_GREAT: return ">";
    case T_DGREAT: return ">>";
    case T_DLESS: return "<<";
    case T_DLESSDASH: return "<<-";
    case T_TLESS: return "<<<";
    case T_GREATAND: return ">&";
    case T_LESSAND: return "<&";
    case T_LESSGREAT: return "<>";
    case T_CLOBBER: return ">|";
    case T_ANDGREAT: return "&>";
    case T_ANDDGREAT: return "&>>";
    case T_IONUM: case T_FDVAR: return text;
    }
    return "?";
}

static _Noreturn void unexpected(struct parser *p)
{
    char m[300];
    if (p->tok == T_EOF)
        snprintf(m, sizeof m, "syntax error: unexpected end of file");
    else
        snprintf(m, sizeof m, "syntax error near unexpected token `%.200s'", tok_name(p->tok, p->text));
    perr(p, m);
}

/* ------------------------------------------------------------ word scanning */
static int is_meta(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' ||
           c == '(' || c == ')';
}

static size_t scan_squote(struct parser *p, size_t i)
{ /* i at the opening quote; returns index after the closing one */
    i++;
    while (i < p->len && p->s[i] != '\'') {
        if (p->s[i] == '\n')
            p->lineno++;
        i++;
    }
    if (i >= p->len) {
        p->pos = p->len;
        perr(p, "unexpected EOF while looking for matching `''");
    }
    return i + 1;
}

static size_t scan_dollar_squote(struct parser *p, size_t i)
{ /* i at '$' of $'...' */
    i += 2;
    while (i < p->len && p->s[i] != '\'') {
        if (p->s[i] == '\\' && i + 1 < p->len)
            i++;
        if (p->s[i] == '\n')
            p->lineno++;
        i++;
    }
    if (i >= p->len)
        perr(p, "unexpected EOF while looking for matching `''");
    return i + 1;
}

static size_t scan_dollar(struct parser *p, size_t i);
static size_t scan_backquote(struct parser *p, size_t i);

static size_t scan_dquote(struct parser *p, size_t i)
{
    i++;
    while (i < p->len && p->s[i] != '"') {
        char c = p->s[i];
        if (c == '\\' && i + 1 < p->len) {
            if (p->s[i + 1] == '\n')
                p->lineno++;
            i += 2;
        } else if (c == '$' && i + 1 < p->len && p->s[i + 1] != '"' && p->s[i + 1] != '\'') {
            i = scan_dollar(p, i);
        } else if (c == '`') {
            i = scan_backquote(p, i);
        } else {
            if (c == '\n')
                p->lineno++;
            i++;
        }
    }
    if (i >= p->len)
        perr(p, "unexpected EOF while looking for matching `\"'");
    return i + 1;
}

static size_t scan_backquote(struct parser *p, size_t i)
{
    i++;
    while (i < p->len && p->s[i] != '`') {
        if (p->s[i] == '\\' && i + 1 < p->len)
            i++;
        if (p->s[i] == '\n')
            p->lineno++;
        i++;
    }
    if (i >= p->len)
        perr(p, "unexpected EOF while looking for matching ``'");
    return i + 1;
}

/* Matching ')' of an arithmetic $(( or (( : i just after the opening
 * parens; depth counts the parens still open. */
static size_t scan_arith(struct parser *p, size_t i, int depth)
{
    while (i < p->len) {
        char c = p->s[i];
        if (c == '(') {
            if (++depth > MAX_DEPTH)
                perr(p, "nesting too deep: more than 200 levels of parentheses in an arithmetic expression");
        } else if (c == ')') {
            if (--depth == 0)
                return i + 1;
        } else if (c == '\'') {
            i = scan_squote(p, i);
            continue;
        } else if (c == '"') {
            i = scan_dquote(p, i);
            continue;
        } else if (c == '$') {
            size_t j = scan_dollar(p, i);
            if (j > i + 1) {
                i = j;
                continue;
            }
        } else if (c == '\n')
            p->lineno++;
        i++;
    }
    perr(p, "unexpected EOF while looking for matching `)'");
}

static size_t scan_brace(struct parser *p, size_t i)
{ /* i after "${" */
    int depth = 1;
    while (i < p->len) {
        char c = p->s[i];
        if (c == '\\' && i + 1 < p->len) {
            i += 2;
            continue;
        }
        if (c == '\'') {
            i = scan_squote(p, i);
            continue;
        }
        if (c == '"') {
            i = scan_dquote(p, i);
            continue;
        }
        if (c == '`') {
            i = scan_backquote(p, i);
            continue;
        }
        if (c == '$') {
            size_t j = scan_dollar(p, i);
            if (j > i + 1) {
                i = j;
                continue;
            }
        }
        if (c == '{')
            depth++;
        else if (c == '}' && --depth == 0)
            return i + 1;
        if (c == '\n')
            p->lineno++;
        i++;
    }
    perr(p, "unexpected EOF while looking for matching `}'");
}

static struct node *parse_list(struct parser *p, int stop_rparen);

/* $( ... ): parsed for real (a ')' inside a case pattern or quotes must
 * not end it), the tree is dropped; expand.c parses the text again. */
static size_t scan_cmdsub(struct parser *p, size_t i)
{ /* i just after "$(" */
    struct parser sub;
    memset(&sub, 0, sizeof sub);
    sub.s = p->s;
    sub.len = p->len;
    sub.pos = i;
    sub.lineno = p->lineno;
    sub.arena = p->arena;
    sub.root = p->root ? p->root : p;
    sub.depth = p->depth + 1 + p->scan_depth;
    if (sub.depth > MAX_DEPTH)
        perr(p, "nesting too deep: more than 200 levels of $( ), ( ), { } or compound commands");
    parse_list(&sub, 1);
    /* next token must be ')' */
    if (!(sub.have && sub.tok == T_RPAREN)) {
        struct parser *r = p;
        while (r->root)
            r = r->root;
        if (!r->err) {
            struct sbuf b = {0};
            sb_printf(&b, "line %d: unexpected EOF while looking for matching `)'", sub.lineno);
            r->err = sb_take(&b);
        }
        wb_throw(1);
    }
    p->lineno = sub.lineno;
    return sub.pos;
}

static size_t scan_dollar_in(struct parser *p, size_t i);

static size_t scan_dollar(struct parser *p, size_t i)
{ /* i at '$'; returns the index after the expansion */
    if (++p->scan_depth > MAX_DEPTH)
        perr(p, "nesting too deep: more than 200 levels of quotes and expansions in one word");
    size_t r = scan_dollar_in(p, i);
    p->scan_depth--;
    return r;
}

static size_t scan_dollar_in(struct parser *p, size_t i)
{
    if (i + 1 >= p->len)
        return i + 1;
    char c = p->s[i + 1];
    if (c == '\'')
        return scan_dollar_squote(p, i);
    if (c == '"')
        return scan_dquote(p, i + 1);
    if (c == '{')
        return scan_brace(p, i + 2);
    if (c == '(') {
        if (i + 2 < p->len && p->s[i + 2] == '(')
            return scan_arith(p, i + 3, 2);
        return scan_cmdsub(p, i + 2);
    }
    return i + 1;
}

/* Skips a quoted or expanded piece at i (backslash pair, '...', "...",
 * `...`, $...); returns the index after it, or i when s[i] starts none. */
static size_t skip_quoted(struct parser *p, size_t i)
{
    char c = p->s[i];
    if (c == '\\')
        return i + 2 <= p->len ? i + 2 : p->len;
    if (c == '\'')
        return scan_squote(p, i);
    if (c == '"')
        return scan_dquote(p, i);
    if (c == '`')
        return scan_backquote(p, i);
    if (c == '$') {
        size_t j = scan_dollar(p, i);
        if (j > i + 1)
            return j;
    }
    return i;
}

/* A word from p->pos; returns its text (arena).  Assumes the current
 * char is not a metacharacter (or is the '(' of an array assignment). */
static char *scan_word(struct parser *p)
{
    size_t start = p->pos, i = p->pos;
    while (i < p->len) {
        char c = p->s[i];
        if (c == '\\') {
            if (i + 1 < p->len && p->s[i + 1] == '\n')
                p->lineno++;
            i += i + 1 < p->len ? 2 : 1;
            continue;
        }
        if (c == '\'') {
            i = scan_squote(p, i);
            continue;
        }
        if (c == '"') {
            i = scan_dquote(p, i);
            continue;
        }
        if (c == '`') {
            i = scan_backquote(p, i);
            continue;
        }
        if (c == '$') {
            i = scan_dollar(p, i);
            continue;
        }
        if ((c == '<' || c == '>') && i + 1 < p->len && p->s[i + 1] == '(' && i == start && !p->in_cond) {
            i = scan_cmdsub(p, i + 2);
            continue;
        }
        if (c == '(' && i > start && strchr("@!?*+", p->s[i - 1])) {
            /* extglob group */
            int depth = 0;
            while (i < p->len) {
                char d = p->s[i];
                if (d == '\\') {
                    i += 2;
                    continue;
                }
                if (d == '(')
                    depth++;
                else if (d == ')' && --depth == 0) {
                    i++;
                    break;
                }
                i++;
            }
            continue;
        }
        if (c == '(' && i > start) {
            /* NAME=( or NAME+=( : compound assignment */
            size_t n = i - start;
            const char *w = p->s + start;
            int ok = n >= 2 && w[n - 1] == '=';
            size_t namelen = ok ? n - 1 : 0;
            if (ok && namelen > 0 && w[namelen - 1] == '+')
                namelen--;
            if (ok && valid_name_n(w, namelen)) {
                int depth = 0;
                while (i < p->len) {
                    char d = p->s[i];
                    size_t j = skip_quoted(p, i);
                    if (j != i) {
                        i = j;
                        continue;
                    }
                    if (d == '#' && (p->s[i - 1] == ' ' || p->s[i - 1] == '\n' || p->s[i - 1] == '\t')) {
                        while (i < p->len && p->s[i] != '\n')
                            i++;
                        continue;
                    }
                    if (d == '\n')
                        p->lineno++;
                    if (d == '(')
                        depth++;
                    else if (d == ')' && --depth == 0) {
                        i++;
                        break;
                    }
                    i++;
                }
                if (depth)
                    perr(p, "unexpected EOF while looking for matching `)'");
                continue;
            }
        }
        if (is_meta(c))
            break;
        i++;
    }
    p->pos = i;
    /* line continuations vanish before words are looked at (b\<nl>=2 is an
     * assignment); inside single quotes they stay */
    if (memmem(p->s + start, i - start, "\\\n", 2)) {
        char *w = palloc(p, i - start + 1);
        size_t k = 0;
        int sq = 0, dq = 0;
        for (size_t j = start; j < i; j++) {
            char c = p->s[j];
            if (c == '\'' && !dq)
                sq = !sq;
            else if (c == '"' && !sq)
                dq = !dq;
            if (c == '\\' && !sq && j + 1 < i && p->s[j + 1] == '\n') {
                j++;
                continue;
            }
            if (c == '\\' && !sq && j + 1 < i) {
                w[k++] = c;
                w[k++] = p->s[++j];
                continue;
            }
            w[k++] = c;
        }
        w[k] = 0;
        return w;
    }
    return pstrndup(p, p->s + start, i - start);
}

/* ------------------------------------------------------------ here-docs */
static void read_heredocs(struct parser *p)
{
    for (int k = 0; k < p->nhd; k++) {
        struct redir *r = p->hd[k];
        struct sbuf body = {0};
        const char *delim = r->word;
        size_t dl = strlen(delim);
        int found = 0;
        while (p->pos < p->len) {
            size_t e = p->pos;
            while (e < p->len && p->s[e] != '\n')
                e++;
            const char *line = p->s + p->pos;
            size_t ll = e - p->pos;
            if (r->strip_tabs)
                while (ll > 0 && *line == '\t') {
                    line++;
                    ll--;
                }
            p->pos = e < p->len ? e + 1 : e;
            p->lineno++;
            if (ll == dl && !memcmp(line, delim, dl)) {
                found = 1;
                break;
            }
            sb_addn(&body, line, ll);
            sb_addc(&body, '\n');
        }
        (void)found; /* bash only warns when the delimiter is missing */
        char *b = sb_take(&body);
        r->body = pstrndup(p, b, strlen(b));
        free(b);
    }
    p->nhd = 0;
}

/* Removes quotes from a here-doc delimiter; sets *quoted if any. */
static char *heredoc_delim(struct parser *p, const char *w, int *quoted)
{
    struct sbuf b = {0};
    *quoted = 0;
    for (size_t i = 0; w[i]; i++) {
        char c = w[i];
        if (c == '\'' || c == '"') {
            *quoted = 1;
            continue;
        }
        if (c == '\\' && w[i + 1]) {
            *quoted = 1;
            sb_addc(&b, w[++i]);
            continue;
        }
        if (c == '$' && (w[i + 1] == '\'' || w[i + 1] == '"'))
            continue;
        sb_addc(&b, c);
    }
    char *s = sb_take(&b);
    char *r = pstrndup(p, s, strlen(s));
    free(s);
    return r;
}

/* ------------------------------------------------------------ tokens */
static void skip_blanks(struct parser *p)
{
    for (;;) {
        while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
            p->pos++;
        if (p->pos + 1 < p->len && p->s[p->pos] == '\\' && p->s[p->pos + 1] == '\n') {
            p->pos += 2;
            p->lineno++;
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == '#') {
            while (p->pos < p->len && p->s[p->pos] != '\n')
                p->pos++;
        }
        return;
    }
}

static int starts(struct parser *p, const char *op)
{
    size_t n = strlen(op);
    return p->pos + n <= p->len && !memcmp(p->s + p->pos, op, n);
}

static enum tok lex(struct parser *p)
{
    skip_blanks(p);
    p->tok_start = p->pos;
    p->tok_line = p->lineno;
    p->text = NULL;
    if (p->pos >= p->len)
        return T_EOF;
    char c = p->s[p->pos];
    if (c == '\n') {
        p->pos++;
        p->lineno++;
        if (p->nhd)
            read_heredocs(p);
        return T_NL;
    }
    static const struct { const char *op; enum tok t; } ops[] = {
        {";;&", T_DSEMIAND}, {";;", T_DSEMI}, {";&", T_SEMIAND}, {";", T_SEMI},
        {"&&", T_AND}, {"&>>", T_ANDDGREAT}, {"&>", T_ANDGREAT}, {"&", T_AMP},
        {"||", T_OR}, {"|&", T_PIPEAMP}, {"|", T_PIPE},
        {"<<<", T_TLESS}, {"<<-", T_DLESSDASH}, {"<<", T_DLESS}, {"<&", T_LESSAND}, {"<>", T_LESSGREAT},
        {">>", T_DGREAT}, {">&", T_GREATAND}, {">|", T_CLOBBER},
        {"(", T_LPAREN}, {")", T_RPAREN},
    };
    if (!((c == '<' || c == '>') && p->pos + 1 < p->len && p->s[p->pos + 1] == '(' && !p->in_cond)) {
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
            if (starts(p, ops[k].op)) {
                p->pos += strlen(ops[k].op);
                return ops[k].t;
            }
        if (c == '<') {
            p->pos++;
            return T_LESS;
        }
        if (c == '>') {
            p->pos++;
            return T_GREAT;
        }
    }
    /* IO number: digits directly followed by < or > */
    size_t i = p->pos;
    while (i < p->len && isdigit((unsigned char)p->s[i]))
        i++;
    if (i > p->pos && i < p->len && (p->s[i] == '<' || p->s[i] == '>') && !p->in_cond &&
        !(i + 1 < p->len && p->s[i + 1] == '(')) {
        p->text = pstrndup(p, p->s + p->pos, i - p->pos);
        p->pos = i;
        return T_IONUM;
    }
    /* {varname}> */
    if (c == '{' && !p->in_cond) {
        size_t j = p->pos + 1;
        while (j < p->len && (isalnum((unsigned char)p->s[j]) || p->s[j] == '_'))
            j++;
        if (j > p->pos + 1 && j + 1 < p->len && p->s[j] == '}' && (p->s[j + 1] == '<' || p->s[j + 1] == '>') &&
            valid_name_n(p->s + p->pos + 1, j - p->pos - 1)) {
            p->text = pstrndup(p, p->s + p->pos + 1, j - p->pos - 1);
            p->pos = j + 1;
            return T_FDVAR;
        }
    }
    p->text = scan_word(p);
    return T_WORD;
}

static enum tok peek(struct parser *p)
{
    if (!p->have) {
        p->tok = lex(p);
        p->have = 1;
    }
    return p->tok;
}

static void consume(struct parser *p) { p->have = 0; }

static int peek_word(struct parser *p, const char *w)
{
    return peek(p) == T_WORD && !strcmp(p->text, w);
}

static void expect_word(struct parser *p, const char *w)
{
    if (!peek_word(p, w))
        unexpected(p);
    consume(p);
}

static void skip_nl(struct parser *p)
{
    while (peek(p) == T_NL)
        consume(p);
}

static int is_reserved_stop(const char *w)
{
    static const char *const stops[] = {"then", "else", "elif", "fi", "do", "done", "esac", "}", "in", NULL};
    for (int i = 0; stops[i]; i++)
        if (!strcmp(w, stops[i]))
            return 1;
    return 0;
}

/* ------------------------------------------------------------ grammar */
static struct node *new_node(struct parser *p, enum nkind k)
{
    struct node *n = palloc(p, sizeof *n);
    n->kind = k;
    n->lineno = p->tok_line ? p->tok_line : p->lineno;
    return n;
}

static struct node *parse_and_or(struct parser *p);
static struct node *parse_command(struct parser *p);

/* A list of and-or lists separated by ; & or newlines, until a reserved
 * stop word, ')' (when stop_rparen), ';;' or EOF. */
static struct node *parse_list(struct parser *p, int stop_rparen)
{
    struct node *head = NULL;
    for (;;) {
        skip_nl(p);
        enum tok t = peek(p);
        if (t == T_EOF || (t == T_RPAREN && stop_rparen) || t == T_DSEMI || t == T_SEMIAND ||
            t == T_DSEMIAND)
            break;
        if (t == T_RPAREN)
            unexpected(p);
        if (t == T_WORD && is_reserved_stop(p->text))
            break;
        struct node *cmd = parse_and_or(p);
        t = peek(p);
        if (t == T_AMP) {
            consume(p);
            struct node *bg = new_node(p, N_BG);
            bg->a = cmd;
            cmd = bg;
        } else if (t == T_SEMI) {
            consume(p);
        } else if (t == T_NL || t == T_EOF || (t == T_RPAREN && stop_rparen) || t == T_DSEMI ||
                   t == T_SEMIAND || t == T_DSEMIAND) {
        } else if (t == T_WORD && is_reserved_stop(p->text)) {
        } else {
            unexpected(p);
        }
        if (!head) {
            head = cmd;
        } else {
            struct node *s = new_node(p, N_SEQ);
            s->a = head;
            s->b = cmd;
            head = s;
        }
    }
    return head;
}

/* A list that must not be empty (bash: syntax error at the next token). */
static struct node *parse_body(struct parser *p)
{
    struct node *n = parse_list(p, 0);
    if (!n)
        unexpected(p);
    return n;
}

static struct node *parse_pipeline(struct parser *p)
{
    int bang = 0;
    while (peek_word(p, "!")) {
        consume(p);
        bang ^= 1;
    }
    if (peek_word(p, "time")) {
        consume(p);
        while (peek_word(p, "-p"))
            consume(p);
    }
    struct node *first = parse_command(p);
    if (peek(p) != T_PIPE && peek(p) != T_PIPEAMP && !bang)
        return first;
    struct node *n = new_node(p, N_PIPE);
    n->bang = bang;
    size_t cap = 4;
    n->cmds = palloc(p, cap * sizeof *n->cmds);
    n->cmds[n->ncmds++] = first;
    while (peek(p) == T_PIPE || peek(p) == T_PIPEAMP) {
        if (p->tok == T_PIPEAMP && n->ncmds <= 32)
            n->pipe_err |= 1 << (n->ncmds - 1);
        consume(p);
        skip_nl(p);
        if (n->ncmds == cap) {
            struct node **nc = palloc(p, cap * 2 * sizeof *nc);
            memcpy(nc, n->cmds, cap * sizeof *nc);
            n->cmds = nc;
            cap *= 2;
        }
        n->cmds[n->ncmds++] = parse_command(p);
    }
    return n;
}

static struct node *parse_and_or(struct parser *p)
{
    struct node *left = parse_pipeline(p);
    for (;;) {
        enum tok t = peek(p);
        if (t != T_AND && t != T_OR)
            return left;
        consume(p);
        skip_nl(p);
        struct node *n = new_node(p, t == T_AND ? N_AND : N_OR);
        n->a = left;
        n->b = parse_pipeline(p);
        left = n;
    }
}

static int is_redir_tok(enum tok t)
{
    return t == T_LESS || t == T_GREAT || t == T_DGREAT || t == T_DLESS || t == T_DLESSDASH || t == T_TLESS ||
           t == T_GREATAND || t == T_LESSAND || t == T_LESSGREAT || t == T_CLOBBER || t == T_ANDGREAT ||
           t == T_ANDDGREAT || t == T_IONUM || t == T_FDVAR;
}

static struct redir *parse_redir(struct parser *p)
{
    struct redir *r = palloc(p, sizeof *r);
    r->fd = -1;
    enum tok t = peek(p);
    if (t == T_IONUM) {
        r->fd = atoi(p->text);
        consume(p);
        t = peek(p);
    } else if (t == T_FDVAR) {
        r->fdvar = p->text;
        consume(p);
        t = peek(p);
    }
    switch (t) {
    case T_LESS: r->op = R_IN; break;
    case T_GREAT: r->op = R_OUT; break;
    case T_DGREAT: r->op = R_APPEND; break;
    case T_CLOBBER: r->op = R_CLOBBER; break;
    case T_LESSAND: r->op = R_DUPIN; break;
    case T_GREATAND: r->op = R_DUPOUT; break;
    case T_LESSGREAT: r->op = R_RDWR; break;
    case T_DLESS: case T_DLESSDASH: r->op = R_HEREDOC; r->strip_tabs = t == T_DLESSDASH; break;
    case T_TLESS: r->op = R_HERESTR; break;
    case T_ANDGREAT: r->op = R_OUTERR; break;
    case T_ANDDGREAT: r->op = R_APPENDERR; break;
    default: unexpected(p);
    }
    consume(p);
    if (peek(p) != T_WORD)
        unexpected(p);
    r->word = p->text;
    consume(p);
    if (r->op == R_HEREDOC) {
        r->word = heredoc_delim(p, r->word, &r->quoted);
        if (p->nhd >= 64)
            perr(p, "more than 64 here-documents on one line");
        p->hd[p->nhd++] = r;
    }
    return r;
}

static void parse_redirs(struct parser *p, struct node *n)
{
    struct redir **tail = &n->redirs;
    while (*tail)
        tail = &(*tail)->next;
    while (is_redir_tok(peek(p))) {
        *tail = parse_redir(p);
        tail = &(*tail)->next;
    }
}

int sh_is_assignment(const char *w)
{
    const char *eq = strchr(w, '=');
    if (!eq || eq == w)
        return 0;
    size_t n = (size_t)(eq - w);
    if (w[n - 1] == '+')
        n--;
    /* NAME[sub]= */
    const char *br = memchr(w, '[', n);
    if (br) {
        if (w[n - 1] != ']')
            return 0;
        return valid_name_n(w, (size_t)(br - w));
    }
    return valid_name_n(w, n);
}

/* ---- [[ ]] */
static char *cond_word(struct parser *p)
{
    if (peek(p) != T_WORD)
        unexpected(p);
    char *w = p->text;
    consume(p);
    return w;
}

static struct cond *cond_or(struct parser *p);
static struct cond *cond_primary_in(struct parser *p);

static struct cond *cond_new(struct parser *p, enum cond_kind k)
{
    struct cond *c = palloc(p, sizeof *c);
    c->kind = k;
    return c;
}

/* The right side of =~ is read raw: parentheses and | belong to the regex. */
static char *cond_regex(struct parser *p)
{
    skip_blanks(p);
    size_t start = p->pos, i = p->pos;
    int depth = 0;
    while (i < p->len) {
        char c = p->s[i];
        size_t j = skip_quoted(p, i);
        if (j != i) {
            i = j;
            continue;
        }
        if (c == '(')
            depth++;
        else if (c == ')') {
            if (depth == 0)
                break;
            depth--;
        } else if (depth == 0 && (c == ' ' || c == '\t' || c == '\n'))
            break;
        else if (depth == 0 && (c == '&' || c == '|') && i + 1 < p->len && p->s[i + 1] == c)
            break;
        i++;
    }
    p->pos = i;
    if (i == start)
        unexpected(p);
    return pstrndup(p, p->s + start, i - start);
}

static const char *const cond_binops[] = {"==", "=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
                                          "-nt", "-ot", "-ef", "=~", NULL};

static struct cond *cond_primary(struct parser *p)
{
    if (++p->depth > MAX_DEPTH)
        perr(p, "nesting too deep: more than 200 levels in [[ ]]");
    struct cond *r = cond_primary_in(p);
    p->depth--;
    return r;
}

static struct cond *cond_primary_in(struct parser *p)
{
    enum tok t = peek(p);
    if (t == T_WORD && !strcmp(p->text, "!")) {
        consume(p);
        struct cond *c = cond_new(p, C_NOT);
        c->a = cond_primary(p);
        return c;
    }
    if (t == T_LPAREN) {
        consume(p);
        skip_nl(p);
        struct cond *c = cond_or(p);
        skip_nl(p);
        if (peek(p) != T_RPAREN)
            unexpected(p);
        consume(p);
        return c;
    }
    if (t != T_WORD)
        unexpected(p);
    char *w = p->text;
    consume(p);
    /* unary operator? */
    if (w[0] == '-' && w[1] && !w[2] && strchr("abcdefghknoprstuvwxzGLNOS", w[1])) {
        enum tok t2 = peek(p);
        if (t2 == T_WORD && strcmp(p->text, "]]")) {
            int isbin = 0;
            for (int k = 0; cond_binops[k]; k++)
                if (!strcmp(p->text, cond_binops[k]))
                    isbin = 1;
            if (!isbin) {
                struct cond *c = cond_new(p, C_UNARY);
                c->op = w;
                c->w1 = cond_word(p);
                return c;
            }
        }
    }
    t = peek(p);
    const char *op = NULL;
    if (t == T_LESS)
        op = "<";
    else if (t == T_GREAT)
        op = ">";
    else if (t == T_WORD)
        for (int k = 0; cond_binops[k]; k++)
            if (!strcmp(p->text, cond_binops[k]))
                op = cond_binops[k];
    if (op) {
        consume(p);
        struct cond *c = cond_new(p, C_BINARY);
        c->op = (char *)op;
        c->w1 = w;
        if (!strcmp(op, "=~")) {
            if (p->have)
                unexpected(p);
            c->w2 = cond_regex(p);
        } else {
            c->w2 = cond_word(p);
        }
        return c;
    }
    struct cond *c = cond_new(p, C_WORD);
    c->w1 = w;
    return c;
}

static struct cond *cond_and(struct parser *p)
{
    struct cond *l = cond_primary(p);
    while (peek(p) == T_AND) {
        consume(p);
        skip_nl(p);
        struct cond *c = cond_new(p, C_AND);
        c->a = l;
        c->b = cond_primary(p);
        l = c;
    }
    return l;
}

static struct cond *cond_or(struct parser *p)
{
    struct cond *l = cond_and(p);
    while (peek(p) == T_OR) {
        consume(p);
        skip_nl(p);
        struct cond *c = cond_new(p, C_OR);
        c->a = l;
        c->b = cond_and(p);
        l = c;
    }
    return l;
}

/* ---- compound commands */
static struct node *parse_compound_rest(struct parser *p, struct node *n)
{
    parse_redirs(p, n);
    return n;
}

static struct node *parse_for(struct parser *p, int select)
{
    struct node *n = new_node(p, select ? N_SELECT : N_FOR);
    /* C-style for (( ; ; )) */
    skip_blanks(p);
    if (!p->have && starts(p, "((")) {
        size_t s = p->pos + 2;
        size_t e = scan_arith(p, s, 2);
        const char *body = p->s + s;
        size_t bl = e - 2 - s;
        /* split on top-level ';' */
        char *parts[3] = {NULL, NULL, NULL};
        size_t k = 0, last = 0;
        int depth = 0;
        for (size_t i = 0; i < bl && k < 3; i++) {
            if (body[i] == '(')
                depth++;
            else if (body[i] == ')')
                depth--;
            else if (body[i] == ';' && depth == 0) {
                parts[k++] = pstrndup(p, body + last, i - last);
                last = i + 1;
            }
        }
        if (k != 2)
            perr(p, "syntax error: `((...))' in for needs exactly two `;'");
        parts[2] = pstrndup(p, body + last, bl - last);
        n->kind = N_CFOR;
        n->s1 = parts[0];
        n->s2 = parts[1];
        n->s3 = parts[2];
        p->pos = e;
        if (peek(p) == T_SEMI)
            consume(p);
        skip_nl(p);
        if (peek_word(p, "{")) {
            consume(p);
            n->a = parse_body(p);
            expect_word(p, "}");
        } else {
            expect_word(p, "do");
            n->a = parse_body(p);
            expect_word(p, "done");
        }
        return parse_compound_rest(p, n);
    }
    if (peek(p) != T_WORD)
        unexpected(p);
    n->name = p->text; /* checked when the loop runs, as bash does */
    consume(p);
    skip_nl(p);
    if (peek_word(p, "in")) {
        consume(p);
        n->has_list = 1;
        while (peek(p) == T_WORD)  {
            pvec_push(p, &n->words, p->text);
            consume(p);
        }
        if (peek(p) != T_SEMI && peek(p) != T_NL)
            unexpected(p);
        consume(p);
    } else if (peek(p) == T_SEMI) {
        consume(p);
    }
    skip_nl(p);
    if (peek_word(p, "{")) {
        consume(p);
        n->a = parse_body(p);
        expect_word(p, "}");
    } else {
        expect_word(p, "do");
        n->a = parse_body(p);
        expect_word(p, "done");
    }
    return parse_compound_rest(p, n);
}

static struct node *parse_case(struct parser *p)
{
    struct node *n = new_node(p, N_CASE);
    if (peek(p) != T_WORD)
        unexpected(p);
    n->name = p->text;
    consume(p);
    skip_nl(p);
    expect_word(p, "in");
    size_t cap = 0;
    for (;;) {
        skip_nl(p);
        if (peek_word(p, "esac")) {
            consume(p);
            break;
        }
        if (peek(p) == T_LPAREN)
            consume(p);
        if (n->nitems == cap) {
            cap = cap ? cap * 2 : 4;
            struct case_item *ni = palloc(p, cap * sizeof *ni);
            if (n->nitems)
                memcpy(ni, n->items, n->nitems * sizeof *ni);
            n->items = ni;
        }
        struct case_item *it = &n->items[n->nitems++];
        for (;;) {
            if (peek(p) != T_WORD)
                unexpected(p);
            pvec_push(p, &it->pats, p->text);
            consume(p);
            if (peek(p) == T_PIPE) {
                consume(p);
                continue;
            }
            break;
        }
        if (peek(p) != T_RPAREN)
            unexpected(p);
        consume(p);
        it->body = parse_list(p, 0);
        enum tok t = peek(p);
        if (t == T_DSEMI || t == T_SEMIAND || t == T_DSEMIAND) {
            it->term = t == T_DSEMI ? 0 : t == T_SEMIAND ? 1 : 2;
            consume(p);
        } else if (peek_word(p, "esac")) {
            consume(p);
            break;
        } else {
            unexpected(p);
        }
    }
    return parse_compound_rest(p, n);
}

static struct node *parse_if(struct parser *p)
{
    struct node *n = new_node(p, N_IF);
    n->a = parse_body(p);
    expect_word(p, "then");
    n->b = parse_body(p);
    if (peek_word(p, "elif")) {
        consume(p);
        n->c = parse_if(p);
        return n; /* the inner if consumed "fi" and redirections */
    }
    if (peek_word(p, "else")) {
        consume(p);
        n->c = parse_body(p);
    }
    expect_word(p, "fi");
    return parse_compound_rest(p, n);
}

static struct node *parse_func_body(struct parser *p, char *name)
{
    struct node *n = new_node(p, N_FUNC);
    n->name = name;
    skip_nl(p);
    size_t start = p->have ? p->tok_start : p->pos;
    struct node *body = parse_command(p);
    if (body->kind == N_SIMPLE || body->kind == N_PIPE)
        unexpected(p);
    size_t end = p->have ? p->tok_start : p->pos;
    while (end > start && (p->s[end - 1] == ' ' || p->s[end - 1] == '\n' || p->s[end - 1] == '\t'))
        end--;
    n->src = pstrndup(p, p->s + start, end - start);
    n->a = body;
    return n;
}

static struct node *parse_command(struct parser *p)
{
    if (++p->depth > MAX_DEPTH)
        perr(p, "nesting too deep: more than 200 levels of compound commands");
    struct node *result;
    enum tok t = peek(p);
    if (t == T_LPAREN) {
        /* (( arithmetic )) or ( subshell ) */
        if (p->pos < p->len && p->s[p->pos] == '(' && p->tok_start + 1 == p->pos) {
            size_t s = p->pos + 1;
            size_t save_pos = p->pos;
            int save_line = p->lineno;
            char *save_err = p->err;
            size_t e = scan_arith(p, s, 2);
            (void)save_pos; (void)save_line; (void)save_err;
            struct node *n = new_node(p, N_ARITH);
            n->s1 = pstrndup(p, p->s + s, e - 2 - s);
            p->pos = e;
            consume(p);
            result = parse_compound_rest(p, n);
            goto done;
        }
        consume(p);
        struct node *n = new_node(p, N_SUBSHELL);
        n->a = parse_list(p, 1);
        if (!n->a || peek(p) != T_RPAREN)
            unexpected(p);
        consume(p);
        result = parse_compound_rest(p, n);
        goto done;
    }
    if (t == T_WORD) {
        const char *w = p->text;
        if (!strcmp(w, "{")) {
            consume(p);
            struct node *n = new_node(p, N_GROUP);
            n->a = parse_body(p);
            expect_word(p, "}");
            result = parse_compound_rest(p, n);
            goto done;
        }
        if (!strcmp(w, "if")) {
            consume(p);
            result = parse_if(p);
            goto done;
        }
        if (!strcmp(w, "while") || !strcmp(w, "until")) {
            consume(p);
            struct node *n = new_node(p, w[0] == 'w' ? N_WHILE : N_UNTIL);
            n->a = parse_body(p);
            expect_word(p, "do");
            n->b = parse_body(p);
            expect_word(p, "done");
            result = parse_compound_rest(p, n);
            goto done;
        }
        if (!strcmp(w, "for") || !strcmp(w, "select")) {
            consume(p);
            result = parse_for(p, w[0] == 's');
            goto done;
        }
        if (!strcmp(w, "case")) {
            consume(p);
            result = parse_case(p);
            goto done;
        }
        if (!strcmp(w, "[[")) {
            consume(p);
            struct node *n = new_node(p, N_COND);
            p->in_cond = 1;
            skip_nl(p);
            n->cond = cond_or(p);
            skip_nl(p);
            p->in_cond = 0;
            expect_word(p, "]]");
            result = parse_compound_rest(p, n);
            goto done;
        }
        if (!strcmp(w, "function")) {
            consume(p);
            if (peek(p) != T_WORD)
                unexpected(p);
            char *name = p->text;
            consume(p);
            if (peek(p) == T_LPAREN) {
                consume(p);
                if (peek(p) != T_RPAREN)
                    unexpected(p);
                consume(p);
            }
            result = parse_func_body(p, name);
            goto done;
        }
        if (is_reserved_stop(w) || !strcmp(w, "then")) {
            unexpected(p);
        }
    }
    /* simple command */
    struct node *n = new_node(p, N_SIMPLE);
    struct redir **tail = &n->redirs;
    for (;;) {
        t = peek(p);
        if (is_redir_tok(t)) {
            *tail = parse_redir(p);
            tail = &(*tail)->next;
            continue;
        }
        if (t != T_WORD)
            break;
        char *w = p->text;
        if (n->words.n == 0 && sh_is_assignment(w)) {
            pvec_push(p, &n->assigns, w);
            consume(p);
            continue;
        }
        if (n->words.n == 0 && n->assigns.n == 0 && !n->redirs) {
            consume(p);
            if (peek(p) == T_LPAREN) {
                /* name ( ) compound */
                consume(p);
                if (peek(p) != T_RPAREN)
                    unexpected(p);
                consume(p);
                result = parse_func_body(p, w);
                goto done;
            }
            pvec_push(p, &n->words, w);
            continue;
        }
        pvec_push(p, &n->words, w);
        consume(p);
    }
    if (n->words.n == 0 && n->assigns.n == 0 && !n->redirs)
        unexpected(p);
    result = n;
done:
    p->depth--;
    return result;
}

/* ------------------------------------------------------------ entry */
struct parse_job {
    struct parser *p;
    struct node *root;
};

static int parse_all(void *arg)
{
    struct parse_job *j = arg;
    struct node *n = parse_list(j->p, 0);
    if (peek(j->p) != T_EOF)
        unexpected(j->p);
    if (j->p->nhd)
        read_heredocs(j->p);
    j->root = n;
    return 0;
}

struct parsed *sh_parse(const char *src, size_t len, int lineno, char **err)
{
    struct parsed *a = xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->refs = 1;
    struct parser p;
    memset(&p, 0, sizeof p);
    p.s = src;
    p.len = len;
    p.lineno = lineno;
    p.arena = a;
    struct parse_job j = {&p, NULL};
    if (wb_try(parse_all, &j, NULL) || p.err) {
        *err = p.err ? p.err : xstrdup("syntax error");
        parsed_unref(a);
        return NULL;
    }
    a->root = j.root;
    *err = NULL;
    return a;
}

void parsed_ref(struct parsed *p)
{
    if (p)
        p->refs++;
}

void parsed_unref(struct parsed *p)
{
    if (!p || --p->refs > 0)
        return;
    for (size_t i = 0; i < p->nblocks; i++)
        free(p->blocks[i]);
    free(p->blocks);
    free(p);
}

struct scan_job {
    struct parser *p;
    size_t end;
};

static int scan_job_run(void *arg)
{
    struct scan_job *j = arg;
    j->end = scan_cmdsub(j->p, 0);
    return 0;
}

long sh_scan_cmdsub(const char *s, size_t len)
{
    struct parsed *a = xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->refs = 1;
    struct parser p;
    memset(&p, 0, sizeof p);
    p.s = s;
    p.len = len;
    p.lineno = 1;
    p.arena = a;
    struct scan_job j = {&p, 0};
    long r = -1;
    if (!wb_try(scan_job_run, &j, NULL) && !p.err)
        r = (long)j.end - 1;
    free(p.err);
    parsed_unref(a);
    return r;
}

/* ------------------------------------------------------------ incremental */
struct shparser {
    struct parser p;
};

struct parser *sh_parser_raw(struct shparser *ps) { return &ps->p; }

struct shparser *sh_parser_new(const char *src, size_t len, int lineno)
{
    struct shparser *ps = xmalloc(sizeof *ps);
    memset(ps, 0, sizeof *ps);
    ps->p.s = src;
    ps->p.len = len;
    ps->p.lineno = lineno;
    return ps;
}

void sh_parser_free(struct shparser *ps)
{
    if (!ps)
        return;
    free(ps->p.err);
    free(ps);
}

/* One command line: and-or lists up to a newline (or the end). */
static int parse_line(void *arg)
{
    struct parse_job *j = arg;
    struct parser *p = j->p;
    struct node *head = NULL;
    while (peek(p) == T_NL)
        consume(p);
    if (peek(p) == T_EOF) {
        j->root = NULL;
        return 0;
    }
    for (;;) {
        enum tok t = peek(p);
        if (t == T_EOF || t == T_NL)
            break;
        if (t == T_RPAREN || (t == T_WORD && is_reserved_stop(p->text)))
            unexpected(p);
        struct node *cmd = parse_and_or(p);
        t = peek(p);
        if (t == T_AMP) {
            consume(p);
            struct node *bg = new_node(p, N_BG);
            bg->a = cmd;
            cmd = bg;
        } else if (t == T_SEMI) {
            consume(p);
        } else if (t != T_NL && t != T_EOF) {
            unexpected(p);
        }
        if (!head) {
            head = cmd;
        } else {
            struct node *s = new_node(p, N_SEQ);
            s->a = head;
            s->b = cmd;
            head = s;
        }
    }
    if (peek(p) == T_NL) {
        consume(p); /* reads pending here-documents */
    } else if (p->nhd) {
        read_heredocs(p);
    }
    j->root = head;
    return 1;
}

int sh_parser_next(struct shparser *ps, struct parsed **out, char **err, char **errline)
{
    struct parser *p = &ps->p;
    *out = NULL;
    *err = NULL;
    *errline = NULL;
    if (p->err)
        return -1;
    struct parsed *a = xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->refs = 1;
    p->arena = a;
    p->depth = 0;
    p->nhd = 0;
    struct parse_job j = {p, NULL};
    int more = 0;
    if (wb_try(parse_line, &j, &more) || p->err) {
        *err = p->err ? p->err : xstrdup("syntax error");
        p->err = xstrdup("");
        /* the text of the line where the error was found */
        int line = p->tok_line ? p->tok_line : p->lineno;
        size_t s = 0;
        int l = 1;
        (void)l;
        size_t pos = p->have ? p->tok_start : p->pos;
        if (pos > p->len)
            pos = p->len;
        s = pos;
        while (s > 0 && p->s[s - 1] != '\n')
            s--;
        size_t e = pos;
        while (e < p->len && p->s[e] != '\n')
            e++;
        (void)line;
        *errline = xstrndup(p->s + s, e - s);
        parsed_unref(a);
        return -1;
    }
    p->have = 0;
    if (!more) {
        parsed_unref(a);
        return 0;
    }
    a->root = j.root;
    *out = a;
    return 1;
}
