/* The shell: a bash-compatible interpreter that runs inside the sandbox
 * without fork.  Subshells, command substitutions and pipeline stages run
 * in the same instance on a COPY of the shell state (struct shell), which
 * is discarded when they end.
 *
 * Words are kept as their source text and expanded when a command runs
 * (expand.c); the parser (parse.c) builds the command tree (struct node).
 * Files: parse.c (lexer+parser), expand.c (words), arith.c ($(( ))),
 * glob.c (patterns, pathnames), vars.c (variables, arrays), exec.c
 * (commands, pipelines, redirections), builtins*.c, test.c ([ and [[),
 * entry.c (the guest entry point). */
#ifndef WB_SHELL_SH_H
#define WB_SHELL_SH_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ strings */
struct sbuf {
    char *s;
    size_t n, cap;
};
void sb_addc(struct sbuf *b, char c);
void sb_addn(struct sbuf *b, const char *s, size_t n);
void sb_adds(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(struct sbuf *b); /* NUL-terminated, caller frees; b is reset */
void sb_free(struct sbuf *b);

/* String vector (NULL-terminated). */
struct svec {
    char **v;
    size_t n, cap;
};
void sv_push(struct svec *v, char *s); /* takes s */
void sv_free(struct svec *v);

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* ------------------------------------------------------------ AST */
enum nkind {
    N_SIMPLE, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_SUBSHELL, N_GROUP, N_IF, N_WHILE,
    N_UNTIL, N_FOR, N_CFOR, N_CASE, N_FUNC, N_ARITH, N_COND, N_SELECT
};

enum rop { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_DUPIN, R_DUPOUT, R_RDWR, R_HEREDOC, R_HERESTR,
           R_OUTERR, R_APPENDERR };

struct redir {
    struct redir *next;
    int fd;          /* -1: default for the operator */
    enum rop op;
    char *word;      /* target word (source text) or here-doc delimiter */
    char *body;      /* here-doc body */
    int quoted;      /* here-doc delimiter was quoted: no expansion */
    int strip_tabs;  /* <<- */
    char *fdvar;     /* {name}> */
};

/* [[ ]] expression tree. */
enum cond_kind { C_AND, C_OR, C_NOT, C_UNARY, C_BINARY, C_WORD };
struct cond {
    enum cond_kind kind;
    char *op;
    char *w1, *w2;
    struct cond *a, *b;
};

struct case_item {
    struct svec pats;
    struct node *body;
    int term; /* 0 ;;  1 ;&  2 ;;& */
};

struct node {
    enum nkind kind;
    int lineno;
    struct redir *redirs;
    struct node *a, *b, *c;     /* children (and/or/seq: a b; if: a cond, b then, c else) */
    struct svec words;          /* simple: words; for: list */
    struct svec assigns;        /* simple: NAME=value / NAME=(...) words */
    struct node **cmds;         /* pipe stages */
    size_t ncmds;
    int bang;                   /* ! pipeline */
    int pipe_err;               /* stage i uses |& (bit per stage, first 32) */
    char *name;                 /* for/select var, function name */
    int has_list;               /* for: 'in' given */
    char *s1, *s2, *s3;         /* cfor: init cond step; arith: expr */
    struct case_item *items;
    size_t nitems;
    struct cond *cond;
    char *src;                  /* function: source text of the body (type, declare -f) */
};

/* A parsed program: nodes live as long as the arena's reference count
 * (functions defined by it hold a reference). */
struct parsed {
    int refs;
    struct node *root;
    void **blocks;
    size_t nblocks, cap;
};

/* Parses src.  Returns NULL with *err set (malloc'd, "line N: syntax
 * error ...") on a syntax error.  name is used for messages. */
struct parsed *sh_parse(const char *src, size_t len, int lineno, char **err);
void parsed_ref(struct parsed *p);
/* NAME=..., NAME+=..., NAME[sub]=... */
int sh_is_assignment(const char *w);
void parsed_unref(struct parsed *p);
/* Scans the end of a $( ... ) starting at s (just after "$("): returns the
 * offset of the closing ')' or -1. */
long sh_scan_cmdsub(const char *s, size_t len);
/* Incremental parsing, one top-level command line at a time (bash runs a
 * line before it parses the next, so a syntax error on line 5 comes after
 * lines 1-4 ran). */
struct shparser;
struct shparser *sh_parser_new(const char *src, size_t len, int lineno);
/* 1: *out is the next command (NULL root for blank input), 0: end,
 * -1: syntax error in *err (malloc'd) with *errline the line's text. */
int sh_parser_next(struct shparser *ps, struct parsed **out, char **err, char **errline);
void sh_parser_free(struct shparser *ps);

/* ------------------------------------------------------------ variables */
enum {
    V_EXPORT = 1, V_READONLY = 2, V_INTEGER = 4, V_ARRAY = 8, V_ASSOC = 16,
    V_LOWER = 32, V_UPPER = 64, V_UNSET = 128, V_NAMEREF = 256, V_SPECIAL = 512
};

struct aent {
    char *key;  /* assoc key (NULL for indexed) */
    long idx;   /* indexed: index */
    char *val;
};

struct var {
    struct var *next;   /* hash chain */
    struct var *shadow; /* the variable a local hides */
    char *name;
    int flags;
    int level;          /* function depth that created it (0 global) */
    char *str;          /* scalar value (NULL when unset/array) */
    struct aent *ents;  /* arrays: indexed sorted by idx; assoc in insertion order */
    size_t nents, cap;
};

#define VHASH 256

struct func {
    struct func *next;
    char *name;
    struct node *body;
    struct parsed *owner;
};

struct alias {
    struct alias *next;
    char *name, *val;
};

struct frame {  /* one function call */
    struct svec locals; /* names declared local at this level */
};

struct shell {
    struct var *vars[VHASH];
    struct func *funcs;
    struct alias *aliases;
    char *cwd;
    char *arg0;
    struct svec pos;        /* $1..$n */
    int status;             /* $? */
    int last_bg;            /* $! */
    int lineno;
    int level;              /* function depth */
    int subshell;           /* BASH_SUBSHELL */
    int loop_depth;
    int breaking, continuing, returning;
    int return_status;      /* the value given to return */
    int exiting;
    /* options */
    int o_errexit, o_nounset, o_xtrace, o_pipefail, o_noglob, o_noclobber, o_allexport, o_verbose;
    int o_nullglob, o_extglob, o_dotglob, o_nocaseglob, o_nocasematch, o_failglob, o_globstar,
        o_expand_aliases, o_lastpipe;
    int no_errexit;         /* >0 inside if/while conditions, && || lhs, ! */
    char *trap_exit, *trap_err, *trap_return;
    int in_trap;
    uint32_t rand_state;
    int getopts_pos;        /* position inside a bundle of short options */
    struct svec pipestatus;
    char *funcname_stack[256];
    struct svec *frame_pos;   /* [256]: positional parameters saved by each call */
    int nfuncname;
    char *script_name;      /* "bash" prefix for messages */
};

extern struct shell *sh; /* the running shell (state copies swap it) */

/* vars.c */
struct var *var_get(const char *name);
const char *var_str(const char *name);          /* scalar or element 0; NULL if unset */
int var_set(const char *name, const char *val, int flags_add); /* 0 ok, 1 readonly */
int var_unset(const char *name);
struct var *var_new_local(const char *name);
void var_pop_level(int level);
void var_set_flag(struct var *v, int flags);
int var_assign_elem(const char *name, const char *sub, const char *val, int append);
struct aent *arr_get(struct var *v, long idx);
struct aent *assoc_get(struct var *v, const char *key);
void arr_set(struct var *v, long idx, char *val);   /* takes val */
void assoc_set(struct var *v, const char *key, char *val);
void arr_clear(struct var *v);
long arr_max(struct var *v);
int arr_unset(struct var *v, long idx);
int assoc_unset(struct var *v, const char *key);
char *var_apply_case(struct var *v, const char *val);
void vars_copy(struct shell *dst, const struct shell *src);
void vars_free(struct shell *s);
int valid_name(const char *s);
int valid_name_n(const char *s, size_t n);
char **env_build(void);
const char *special_var(const char *name, char *buf, size_t bufsz);

/* expand.c */
enum { EX_NOSPLIT = 1, EX_NOGLOB = 2, EX_ASSIGN = 4, EX_HEREDOC = 8, EX_PATTERN = 16, EX_NOTILDE = 32 };
void expand_words(struct svec *in, struct svec *out); /* full expansion of command words */
char *expand_str(const char *w, int flags);           /* one string, no split/glob */
char *expand_pattern(const char *w);                  /* pattern: quoted chars escaped */
char *expand_heredoc(const char *body);
void brace_expand(const char *w, struct svec *out);
char *cmdsub_run(const char *src, size_t len);
/* <(cmd) / >(cmd): returns "/dev/fd/N" (malloc'd). */
char *procsub_run(const char *src, size_t len, int input);
void sh_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void sh_fatal(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *quote_for_reuse(const char *s);
char *quote_single(const char *s);
char *expand_regex(const char *w);
void sh_stack_base(void);
/* 1 when the C stack is nearly used up: deep recursion must stop with an
 * error here (the wasm stack is 1 MiB; past it the guest traps). */
int sh_stack_deep(void);
/* Host asked to stop (a limit): no more commands, no traps. */
int sh_stopping(void);
void sh_stop_reset(void);

/* arith.c */
long long arith_eval(const char *expr, int *err);

/* glob.c */
int pat_match(const char *pat, const char *s, int flags); /* 1 match */
enum { PM_NOCASE = 1, PM_EXTGLOB = 2, PM_PATHNAME = 4, PM_PERIOD = 8 };
/* Longest/shortest prefix/suffix match helpers for ${x#p} etc. */
int glob_has_magic(const char *p);
int glob_expand(const char *pat, struct svec *out); /* appends sorted matches; returns count */
char *pat_unescape(const char *p);

/* exec.c */
int exec_node(struct node *n);
int exec_string(const char *src, size_t len, const char *what);
int run_argv(char **argv, int nassign_local);
int sh_subshell_begin(void);
void sh_subshell_end(int saved);
struct shell *shell_clone(const struct shell *src);
void shell_free(struct shell *s);
int run_in_subshell(int (*fn)(void *), void *arg);
int call_function(struct func *f, char **argv);
struct func *func_find(const char *name);
void func_define(const char *name, struct node *body, struct parsed *owner);
int func_unset(const char *name);
void run_exit_trap(void);
enum { THROW_EXIT = 0x10000, THROW_ERR = 0x20000 }; /* wb_throw values: tag | status */
/* Unwinds function calls above depth (after an abort or exit). */
void shell_unwind_to(int depth);
/* An error that abandons the current command line (bash's "jump to top
 * level"): arithmetic errors, bad substitutions, readonly assignments. */
_Noreturn void sh_abort(void);

/* builtins.c */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn builtin_find(const char *name);
int builtin_special(const char *name);
int is_keyword(const char *name);

/* test.c */
int test_main(int argc, char **argv, int bracket);
int cond_eval(struct cond *c);

/* output helpers (through the fd layer) */
void out_str(int fd, const char *s);
void out_n(int fd, const char *s, size_t n);
void out_printf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* printf builtin core, shared with printf -v */
int printf_format(struct sbuf *out, int argc, char **argv);

/* read one line from fd: returns 0 at EOF without data */
int read_line_fd(int fd, struct sbuf *b, int delim, int *got_delim, long nchars);

#endif
