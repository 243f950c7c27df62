/* The executor: commands, pipelines, redirections, compound commands,
 * functions, subshells (state copies), command substitution. */
#include "sh.h"
#include "../applets/applets.h"
#include "../rt/proc.h"
#include "../rt/unwind.h"
#include "../rt/host.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct shell *sh;

/* ------------------------------------------------------------ stack guard */
/* Deep recursion (f(){ f; }; f, nested evals) must end with an error, not
 * a fault: the wasm shadow stack is 1 MiB and grows down toward 0. */
static uintptr_t stack_base;
static int stopping;          /* see poll_stop() */
static int poll_now;          /* poll_stop() asks the host at the next command */
__attribute__((unused)) static unsigned poll_count; /* wasm only */
#ifdef __wasm__
#define STACK_BUDGET (720u * 1024u)
#else
#define STACK_BUDGET (6u * 1024u * 1024u)
#endif

void sh_stack_base(void)
{
    volatile char here = 0;
    stack_base = (uintptr_t)&here;
}

int sh_stack_deep(void)
{
    volatile char here = 0;
    if (!stack_base)
        return 0;
    return stack_base - (uintptr_t)&here > STACK_BUDGET;
}

_Noreturn void sh_fatal(int status, const char *fmt, ...)
{
    if (fmt && *fmt) {
        va_list ap;
        va_start(ap, fmt);
        char tmp[512];
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        va_end(ap);
        if (*tmp)
            sh_err("%s", tmp);
    }
    wb_throw(THROW_EXIT | (status & 0xff));
}

_Noreturn void sh_abort(void)
{
    wb_throw(THROW_ERR | 1);
}

void shell_unwind_to(int depth)
{
    while (sh->nfuncname > depth) {
        int i = --sh->nfuncname;
        var_pop_level(sh->level);
        sh->level--;
        free(sh->funcname_stack[i]);
        sv_free(&sh->pos);
        sh->pos = sh->frame_pos[i];
        memset(&sh->frame_pos[i], 0, sizeof sh->frame_pos[i]);
    }
    sh->returning = 0;
}

/* ------------------------------------------------------------ shell copies */
struct shell *shell_clone(const struct shell *src)
{
    struct shell *c = xmalloc(sizeof *c);
    *c = *src;
    vars_copy(c, src);
    c->funcs = NULL;
    struct func **ft = &c->funcs;
    for (struct func *f = src->funcs; f; f = f->next) {
        struct func *n = xmalloc(sizeof *n);
        n->name = xstrdup(f->name);
        n->body = f->body;
        n->owner = f->owner;
        parsed_ref(f->owner);
        n->next = NULL;
        *ft = n;
        ft = &n->next;
    }
    c->aliases = NULL;
    struct alias **at = &c->aliases;
    for (struct alias *a = src->aliases; a; a = a->next) {
        struct alias *n = xmalloc(sizeof *n);
        n->name = xstrdup(a->name);
        n->val = xstrdup(a->val);
        n->next = NULL;
        *at = n;
        at = &n->next;
    }
    c->cwd = xstrdup(src->cwd);
    c->arg0 = xstrdup(src->arg0);
    memset(&c->pos, 0, sizeof c->pos);
    for (size_t i = 0; i < src->pos.n; i++)
        sv_push(&c->pos, xstrdup(src->pos.v[i]));
    memset(&c->pipestatus, 0, sizeof c->pipestatus);
    c->trap_exit = NULL; /* a subshell does not run its parent's EXIT trap */
    c->trap_err = src->trap_err ? xstrdup(src->trap_err) : NULL;
    c->trap_return = NULL;
    c->frame_pos = NULL;
    if (src->frame_pos) {
        c->frame_pos = xmalloc(256 * sizeof *c->frame_pos);
        memset(c->frame_pos, 0, 256 * sizeof *c->frame_pos);
    }
    for (int i = 0; i < src->nfuncname; i++) {
        c->funcname_stack[i] = xstrdup(src->funcname_stack[i]);
        for (size_t k = 0; k < src->frame_pos[i].n; k++)
            sv_push(&c->frame_pos[i], xstrdup(src->frame_pos[i].v[k]));
    }
    return c;
}

void shell_free(struct shell *s)
{
    vars_free(s);
    while (s->funcs) {
        struct func *f = s->funcs;
        s->funcs = f->next;
        parsed_unref(f->owner);
        free(f->name);
        free(f);
    }
    while (s->aliases) {
        struct alias *a = s->aliases;
        s->aliases = a->next;
        free(a->name);
        free(a->val);
        free(a);
    }
    free(s->cwd);
    free(s->arg0);
    sv_free(&s->pos);
    sv_free(&s->pipestatus);
    free(s->trap_exit);
    free(s->trap_err);
    free(s->trap_return);
    for (int i = 0; i < s->nfuncname; i++) {
        free(s->funcname_stack[i]);
        sv_free(&s->frame_pos[i]);
    }
    free(s->frame_pos);
    free(s);
}

static void sigpipe_shell(void) { wb_throw(THROW_EXIT | PROC_SIGPIPE_STATUS); }

static int decode_throw(int v)
{
    return v & 0xff;
}

static int exit_trap_tramp(void *arg)
{
    (void)arg;
    run_exit_trap();
    return 0;
}

struct sub_job {
    int (*fn)(void *);
    void *arg;
};

static int sub_tramp(void *arg)
{
    struct sub_job *j = arg;
    return j->fn(j->arg);
}

int run_in_subshell(int (*fn)(void *), void *arg)
{
    struct shell *parent = sh;
    struct shell *c = shell_clone(parent);
    c->subshell++;
    sh = c;
    struct fdtab *ft = proc_save();
    void (*hook)(void) = proc_sigpipe_hook;
    proc_sigpipe_hook = sigpipe_shell;
    struct sub_job j = {fn, arg};
    int st = 0;
    int thrown = wb_try(sub_tramp, &j, &st);
    if (thrown)
        st = decode_throw(thrown);
    if (sh->trap_exit && !stopping) {
        sh->status = st;
        int t = wb_try(exit_trap_tramp, NULL, NULL);
        if (t)
            st = decode_throw(t); /* exit inside the trap sets the status */
    }
    proc_sigpipe_hook = hook;
    if (strcmp(c->cwd, parent->cwd))
        if (chdir(parent->cwd) != 0) {
        }
    sh = parent;
    proc_restore(ft);
    shell_free(c);
    return st;
}

/* ------------------------------------------------------------ functions */
struct func *func_find(const char *name)
{
    for (struct func *f = sh->funcs; f; f = f->next)
        if (!strcmp(f->name, name))
            return f;
    return NULL;
}

void func_define(const char *name, struct node *body, struct parsed *owner)
{
    struct func *f = func_find(name);
    parsed_ref(owner);
    if (f) {
        parsed_unref(f->owner);
        f->body = body;
        f->owner = owner;
        return;
    }
    f = xmalloc(sizeof *f);
    f->name = xstrdup(name);
    f->body = body;
    f->owner = owner;
    f->next = sh->funcs;
    sh->funcs = f;
}

int func_unset(const char *name)
{
    for (struct func **pp = &sh->funcs; *pp; pp = &(*pp)->next)
        if (!strcmp((*pp)->name, name)) {
            struct func *f = *pp;
            *pp = f->next;
            parsed_unref(f->owner);
            free(f->name);
            free(f);
            return 1;
        }
    return 0;
}

/* The parse tree a command came from: function definitions keep it. */
static struct parsed *current_owner;

int call_function(struct func *f, char **argv)
{
    if (sh->nfuncname >= 255 || sh_stack_deep()) {
        sh_err("%s: maximum function nesting level exceeded (%d)", argv[0], sh->nfuncname);
        return 1;
    }
    if (!sh->frame_pos) {
        sh->frame_pos = xmalloc(256 * sizeof *sh->frame_pos);
        memset(sh->frame_pos, 0, 256 * sizeof *sh->frame_pos);
    }
    int depth = sh->nfuncname;
    sh->frame_pos[depth] = sh->pos;
    memset(&sh->pos, 0, sizeof sh->pos);
    for (int i = 1; argv[i]; i++)
        sv_push(&sh->pos, xstrdup(argv[i]));
    sh->level++;
    sh->funcname_stack[sh->nfuncname++] = xstrdup(f->name);
    struct parsed *owner = f->owner;
    parsed_ref(owner);
    struct parsed *saved_owner = current_owner;
    current_owner = owner;
    int saved_loop = sh->loop_depth;
    sh->loop_depth = 0;
    int st = exec_node(f->body);
    sh->loop_depth = saved_loop;
    current_owner = saved_owner;
    if (sh->returning) {
        sh->returning = 0;
        st = sh->return_status;
    }
    sh->breaking = sh->continuing = 0;
    shell_unwind_to(depth);
    parsed_unref(owner);
    return st;
}

/* ------------------------------------------------------------ redirections */
static int expand_redir_word(struct redir *r, char **out)
{
    struct svec in = {0}, res = {0};
    sv_push(&in, xstrdup(r->word));
    expand_words(&in, &res);
    sv_free(&in);
    if (res.n != 1) {
        sh_err("%s: ambiguous redirect", r->word);
        sv_free(&res);
        return 1;
    }
    *out = xstrdup(res.v[0]);
    sv_free(&res);
    return 0;
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int open_err(const char *path)
{
    sh_err("%s: %s", path, strerror(errno));
    return 1;
}

/* Applies redirections to the current fd table; 0 ok, 1 failed (reported). */
static int apply_redirs(struct redir *r)
{
    for (; r; r = r->next) {
        int fd = r->fd;
        int in = r->op == R_IN || r->op == R_DUPIN || r->op == R_HEREDOC || r->op == R_HERESTR ||
                 r->op == R_RDWR;
        if (fd < 0)
            fd = in ? 0 : 1;
        char *w = NULL;
        if (r->op == R_HEREDOC) {
            char *body = r->quoted ? xstrdup(r->body ? r->body : "") : expand_heredoc(r->body ? r->body : "");
            int p = proc_pipe_with(body, strlen(body));
            free(body);
            if (p < 0)
                return open_err("here-document");
            if (p != fd) {
                proc_dup2(p, fd);
                proc_close(p);
            }
            continue;
        }
        if (r->op == R_HERESTR) {
            char *s = expand_str(r->word, 0);
            struct sbuf b = {0};
            sb_adds(&b, s);
            sb_addc(&b, '\n');
            free(s);
            int p = proc_pipe_with(b.s, b.n);
            sb_free(&b);
            if (p < 0)
                return open_err("here-string");
            if (p != fd) {
                proc_dup2(p, fd);
                proc_close(p);
            }
            continue;
        }
        if (expand_redir_word(r, &w))
            return 1;
        if (r->op == R_DUPIN || r->op == R_DUPOUT) {
            if (r->fdvar) {
                /* {var}>&N allocates; {var}>&- closes the fd named by var */
                if (!strcmp(w, "-")) {
                    const char *v = var_str(r->fdvar);
                    if (v)
                        proc_close(atoi(v));
                } else if (all_digits(w) && proc_isopen(atoi(w))) {
                    char buf[16];
                    snprintf(buf, sizeof buf, "%d", proc_dup_min(atoi(w), 10));
                    var_set(r->fdvar, buf, 0);
                } else {
                    sh_err("%s: Bad file descriptor", w);
                    free(w);
                    return 1;
                }
                free(w);
                continue;
            }
            if (!strcmp(w, "-")) {
                proc_close(fd);
                free(w);
                continue;
            }
            size_t wl = strlen(w);
            int move = wl > 1 && w[wl - 1] == '-';
            if (move)
                w[wl - 1] = 0;
            if (all_digits(w)) {
                int from = atoi(w);
                if (!proc_isopen(from)) {
                    sh_err("%s: Bad file descriptor", w);
                    free(w);
                    return 1;
                }
                proc_dup2(from, fd);
                if (move && from != fd)
                    proc_close(from);
                free(w);
                continue;
            }
            if (r->op == R_DUPOUT && r->fd < 0) {
                /* >&file: both stdout and stderr */
                int h = proc_open(w, O_WRONLY | O_CREAT | O_TRUNC, 0666);
                if (h < 0) {
                    open_err(w);
                    free(w);
                    return 1;
                }
                proc_dup2(h, 1);
                proc_dup2(h, 2);
                proc_close(h);
                free(w);
                continue;
            }
            sh_err("%s: ambiguous redirect", w);
            free(w);
            return 1;
        }
        int flags = 0;
        switch (r->op) {
        case R_IN: flags = O_RDONLY; break;
        case R_OUT: case R_OUTERR:
            flags = O_WRONLY | O_CREAT | O_TRUNC;
            if (sh->o_noclobber) {
                struct stat st;
                if (stat(w, &st) == 0 && S_ISREG(st.st_mode)) {
                    sh_err("%s: cannot overwrite existing file", w);
                    free(w);
                    return 1;
                }
            }
            break;
        case R_CLOBBER: flags = O_WRONLY | O_CREAT | O_TRUNC; break;
        case R_APPEND: case R_APPENDERR: flags = O_WRONLY | O_CREAT | O_APPEND; break;
        case R_RDWR: flags = O_RDWR | O_CREAT; break;
        default: break;
        }
        int h = proc_open(w, flags, 0666);
        if (h < 0) {
            open_err(w);
            free(w);
            return 1;
        }
        if (r->fdvar) {
            int nfd = proc_dup_min(h, 10);
            proc_close(h);
            char buf[16];
            snprintf(buf, sizeof buf, "%d", nfd);
            var_set(r->fdvar, buf, 0);
        } else if (r->op == R_OUTERR || r->op == R_APPENDERR) {
            proc_dup2(h, 1);
            proc_dup2(h, 2);
            proc_close(h);
        } else if (h != fd) {
            proc_dup2(h, fd);
            proc_close(h);
        }
        free(w);
    }
    return 0;
}

/* ------------------------------------------------------------ traps */
static int trap_running;

void run_exit_trap(void)
{
    if (!sh->trap_exit)
        return;
    char *t = sh->trap_exit;
    sh->trap_exit = NULL;
    int st = sh->status;
    exec_string(t, strlen(t), "trap");
    free(t);
    sh->status = st;
}

static void run_err_trap(int st)
{
    if (!sh->trap_err || trap_running || sh->no_errexit)
        return;
    trap_running = 1;
    sh->status = st;
    exec_string(sh->trap_err, strlen(sh->trap_err), "trap");
    sh->status = st;
    trap_running = 0;
}

/* After a command that can trigger set -e / ERR. */
static int check_fail(int st)
{
    sh->status = st;
    if (st != 0 && !sh->no_errexit) {
        run_err_trap(st);
        if (sh->o_errexit)
            wb_throw(THROW_EXIT | (st & 0xff));
    }
    return st;
}

/* ------------------------------------------------------------ simple commands */
static void xtrace(char **argv, struct svec *assigns)
{
    struct sbuf b = {0};
    const char *ps4 = var_str("PS4");
    if (!ps4)
        ps4 = "+ ";
    for (int i = 0; i <= sh->subshell && i < 1; i++)
        sb_adds(&b, ps4);
    int first = 1;
    if (assigns)
        for (size_t i = 0; i < assigns->n; i++) {
            if (!first)
                sb_addc(&b, ' ');
            sb_adds(&b, assigns->v[i]);
            first = 0;
        }
    for (int i = 0; argv && argv[i]; i++) {
        if (!first)
            sb_addc(&b, ' ');
        char *q = quote_for_reuse(argv[i]);
        sb_adds(&b, q);
        free(q);
        first = 0;
    }
    sb_addc(&b, '\n');
    out_n(2, b.s, b.n);
    sb_free(&b);
}

/* Performs NAME=value / NAME[i]=v / NAME=(...) / NAME+=...; 0 ok. */
int do_assign(const char *w, int local_flags);

/* One [key]=value of a compound assignment into v (which may be a fresh
 * array not yet installed under name). */
static int elem_set(struct var *v, const char *name, const char *k, const char *val, int append)
{
    if (v->flags & V_ASSOC) {
        struct aent *e = append ? assoc_get(v, k) : NULL;
        struct sbuf b = {0};
        sb_adds(&b, e ? e->val : "");
        sb_adds(&b, val);
        assoc_set(v, k, sb_take(&b));
        return 0;
    }
    int err = 0;
    long long idx = arith_eval(k, &err);
    if (err)
        return 1;
    if (idx < 0) {
        sh_err("%s[%s]: bad array subscript", name, k);
        return 1;
    }
    struct aent *e = append ? arr_get(v, (long)idx) : NULL;
    struct sbuf b = {0};
    sb_adds(&b, e ? e->val : "");
    sb_adds(&b, val);
    arr_set(v, (long)idx, sb_take(&b));
    return 0;
}

static int assign_array_list(const char *name, const char *body, size_t len, int append)
{
    struct var *v = var_get(name);
    if (v && (v->flags & V_READONLY)) {
        sh_err("%s: readonly variable", name);
        return 1;
    }
    if (!v || (v->flags & V_UNSET) || !(v->flags & (V_ARRAY | V_ASSOC))) {
        if (!v) {
            var_set(name, "", 0);
            v = var_get(name);
        }
        free(v->str);
        v->str = NULL;
        if (!(v->flags & V_ASSOC))
            v->flags |= V_ARRAY;
    }
    v->flags &= ~V_UNSET;
    /* words of the list (a parse of "x (...)" gives them as words) */
    struct sbuf src = {0};
    sb_adds(&src, "x ");
    sb_addn(&src, body, len);
    char *err = NULL;
    struct parsed *p = sh_parse(src.s, src.n, sh->lineno, &err);
    sb_free(&src);
    if (!p) {
        sh_err("syntax error in array assignment: %s", err);
        free(err);
        return 1;
    }
    struct svec raw = {0};
    if (p->root && p->root->kind == N_SIMPLE)
        for (size_t i = 1; i < p->root->words.n; i++)
            sv_push(&raw, xstrdup(p->root->words.v[i]));
    parsed_unref(p);
    long next = append && (v->flags & V_ARRAY) ? arr_max(v) + 1 : 0;
    /* the values may read the array itself (a=("${a[@]}")): expand them
     * all into a new array, then swap it in */
    struct var *target = v;
    struct var fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.flags = v->flags;
    fresh.name = v->name;
    if (!append) {
        v = &fresh;
    }
    int rc = 0;
    for (size_t i = 0; i < raw.n; i++) {
        const char *w = raw.v[i];
        if (w[0] == '[') {
            /* [key]=value */
            const char *q = w + 1;
            int depth = 1;
            while (*q && depth) {
                if (*q == '[')
                    depth++;
                else if (*q == ']')
                    depth--;
                if (depth)
                    q++;
            }
            if (*q == ']' && (q[1] == '=' || (q[1] == '+' && q[2] == '='))) {
                char *key = xstrndup(w + 1, (size_t)(q - w - 1));
                int app = q[1] == '+';
                char *val = expand_str(q + 2 + app, EX_ASSIGN);
                char *k = (v->flags & V_ASSOC) ? expand_str(key, 0) : expand_str(key, EX_NOTILDE);
                if (!(v->flags & V_ASSOC)) {
                    int e = 0;
                    long long idx = arith_eval(k, &e);
                    if (!e)
                        next = (long)idx + 1;
                }
                rc |= elem_set(v, name, k, val, app);
                free(k);
                free(key);
                free(val);
                continue;
            }
        }
        if (v->flags & V_ASSOC) {
            /* bash 5.2: key value pairs */
            struct svec one = {0}, ex = {0};
            sv_push(&one, xstrdup(w));
            expand_words(&one, &ex);
            sv_free(&one);
            for (size_t k = 0; k < ex.n; k += 2)
                assoc_set(v, ex.v[k], xstrdup(k + 1 < ex.n ? ex.v[k + 1] : ""));
            sv_free(&ex);
            continue;
        }
        struct svec one = {0}, ex = {0};
        sv_push(&one, xstrdup(w));
        expand_words(&one, &ex);
        sv_free(&one);
        for (size_t k = 0; k < ex.n; k++)
            arr_set(v, next++, xstrdup(ex.v[k]));
        sv_free(&ex);
    }
    sv_free(&raw);
    if (v == &fresh) {
        arr_clear(target);
        target->ents = fresh.ents;
        target->nents = fresh.nents;
        target->cap = fresh.cap;
    }
    return rc;
}

int do_assign(const char *w, int local_flags)
{
    const char *eq = strchr(w, '=');
    size_t nl = (size_t)(eq - w);
    int append = nl > 0 && w[nl - 1] == '+';
    if (append)
        nl--;
    char *lhs = xstrndup(w, nl);
    const char *rhs = eq + 1;
    int rc;
    char *br = strchr(lhs, '[');
    if (local_flags) {
        char *base = xstrdup(lhs);
        char *b2 = strchr(base, '[');
        if (b2)
            *b2 = 0;
        var_new_local(base);
        free(base);
    }
    if (rhs[0] == '(' && rhs[strlen(rhs) - 1] == ')' && !br) {
        rc = assign_array_list(lhs, rhs + 1, strlen(rhs) - 2, append);
    } else if (br) {
        *br = 0;
        char *sub = xstrndup(br + 1, strlen(br + 1) - 1);
        struct var *v = var_get(lhs);
        char *k = (v && (v->flags & V_ASSOC)) ? expand_str(sub, 0) : expand_str(sub, EX_NOTILDE);
        char *val = expand_str(rhs, EX_ASSIGN);
        rc = var_assign_elem(lhs, k, val, append);
        free(k);
        free(sub);
        free(val);
    } else {
        char *val = expand_str(rhs, EX_ASSIGN);
        struct var *v = var_get(lhs);
        if (append && v && (v->flags & (V_ARRAY | V_ASSOC))) {
            rc = var_assign_elem(lhs, "0", val, 1);
        } else if (append) {
            if (v && (v->flags & V_INTEGER)) {
                struct sbuf b = {0};
                const char *cur = var_str(lhs);
                sb_printf(&b, "%s+(%s)", cur && *cur ? cur : "0", val);
                rc = var_set(lhs, b.s, 0);
                sb_free(&b);
            } else {
                const char *cur = var_str(lhs);
                struct sbuf b = {0};
                sb_adds(&b, cur ? cur : "");
                sb_adds(&b, val);
                rc = var_set(lhs, b.s, 0);
                sb_free(&b);
            }
        } else {
            rc = var_set(lhs, val, 0);
        }
        free(val);
    }
    free(lhs);
    return rc;
}

/* Saved values of NAME=value prefixes around a builtin or function. */
struct saved_var {
    char *name;
    char *val;
    int flags;
    int existed;
};

static int pending_cmdsub_status = -1;

static int run_script_file(const char *path, char **argv);
static int run_child_shell(char **argv);

static const char *applet_path_name(const char *name)
{
    /* /bin/echo, /usr/bin/grep: our commands by their usual paths */
    static const char *const dirs[] = {"/bin/", "/usr/bin/", "/usr/local/bin/", "/sbin/", "/usr/sbin/", NULL};
    for (int i = 0; dirs[i]; i++) {
        size_t n = strlen(dirs[i]);
        if (!strncmp(name, dirs[i], n) && !strchr(name + n, '/'))
            return name + n;
    }
    return NULL;
}

/* Runs argv with the current fds: function, builtin, applet or script. */
static int run_command(char **argv, int allow_funcs)
{
    const char *name = argv[0];
    if (allow_funcs) {
        struct func *f = func_find(name);
        if (f)
            return call_function(f, argv);
    }
    builtin_fn b = builtin_find(name);
    if (b) {
        int argc = 0;
        while (argv[argc])
            argc++;
        return b(argc, argv);
    }
    const char *base = strchr(name, '/') ? applet_path_name(name) : name;
    if (base && (!strcmp(base, "bash") || !strcmp(base, "sh")))
        return run_child_shell(argv);
    const struct wb_applet *a = base ? wb_applet_find(base) : NULL;
    if (a) {
        int argc = 0;
        while (argv[argc])
            argc++;
        char **env = env_build();
        extern char **environ;
        char **saved_env = environ;
        environ = env;
        int st = proc_run_applet(a->main, argc, argv);
        poll_now = 1; /* it may have waited on stdin past the deadline */
        environ = saved_env;
        for (char **e = env; *e; e++)
            free(*e);
        free(env);
        return st;
    }
    if (base && strchr(name, '/') && builtin_find(base)) {
        char *saved = argv[0];
        argv[0] = (char *)base;
        int st = run_command(argv, 0);
        argv[0] = saved;
        return st;
    }
    if (strchr(name, '/')) {
        struct stat st;
        if (stat(name, &st) != 0) {
            sh_err("%s: No such file or directory", name);
            return 127;
        }
        if (S_ISDIR(st.st_mode)) {
            sh_err("%s: Is a directory", name);
            return 126;
        }
        return run_script_file(name, argv);
    }
    sh_err("%s: command not found", name);
    return 127;
}

int run_argv(char **argv, int unused)
{
    (void)unused;
    if (!argv[0])
        return 0;
    return run_command(argv, 1);
}

static int exec_simple(struct node *n)
{
    sh->lineno = n->lineno;
    struct svec argv = {0};
    pending_cmdsub_status = -1;
    const char *w0 = n->words.n ? n->words.v[0] : "";
    if (!strcmp(w0, "declare") || !strcmp(w0, "typeset") || !strcmp(w0, "local") || !strcmp(w0, "export") ||
        !strcmp(w0, "readonly")) {
        /* declaration builtins: NAME=value arguments are assignments (no
         * splitting, compound values kept), expanded by the builtin */
        for (size_t i = 0; i < n->words.n; i++) {
            if (i > 0 && sh_is_assignment(n->words.v[i])) {
                struct sbuf b = {0};
                sb_addc(&b, '\001'); /* raw: bi_declare expands it */
                sb_adds(&b, n->words.v[i]);
                sv_push(&argv, sb_take(&b));
            } else {
                struct svec one = {0};
                sv_push(&one, xstrdup(n->words.v[i]));
                expand_words(&one, &argv);
                sv_free(&one);
            }
        }
    } else {
        expand_words(&n->words, &argv);
    }
    int st = 0;
    if (argv.n == 0) {
        /* assignments and/or redirections only */
        int rc = 0;
        for (size_t i = 0; i < n->assigns.n; i++) {
            if (sh->o_xtrace) {
                char *v = expand_str(strchr(n->assigns.v[i], '=') + 1, EX_ASSIGN);
                struct sbuf b = {0};
                sb_addn(&b, n->assigns.v[i], (size_t)(strchr(n->assigns.v[i], '=') - n->assigns.v[i] + 1));
                char *q = quote_for_reuse(v);
                sb_adds(&b, q);
                free(q);
                free(v);
                struct svec one = {0};
                sv_push(&one, sb_take(&b));
                xtrace(NULL, &one);
                sv_free(&one);
            }
            if (do_assign(n->assigns.v[i], 0))
                sh_abort(); /* bash abandons the line after a failed assignment */
        }
        if (n->redirs) {
            struct fdtab *ft = proc_save();
            if (apply_redirs(n->redirs))
                rc = 1;
            proc_restore(ft);
        }
        sv_free(&argv);
        if (rc)
            return 1;
        return pending_cmdsub_status >= 0 ? pending_cmdsub_status : 0;
    }
    /* prefix assignments: temporary for this command */
    struct saved_var *saved = NULL;
    size_t nsaved = n->assigns.n;
    int special = builtin_special(argv.v[0]) && !func_find(argv.v[0]);
    if (nsaved) {
        saved = xmalloc(nsaved * sizeof *saved);
        for (size_t i = 0; i < nsaved; i++) {
            const char *w = n->assigns.v[i];
            const char *eq = strchr(w, '=');
            size_t nl = (size_t)(eq - w);
            if (nl && w[nl - 1] == '+')
                nl--;
            saved[i].name = xstrndup(w, nl);
            char *br = strchr(saved[i].name, '[');
            if (br)
                *br = 0;
            struct var *v = var_get(saved[i].name);
            saved[i].existed = v && !(v->flags & V_UNSET);
            const char *cur = saved[i].existed ? var_str(saved[i].name) : NULL;
            saved[i].val = cur ? xstrdup(cur) : NULL;
            saved[i].flags = v ? v->flags : 0;
            do_assign(w, 0);
            v = var_get(saved[i].name);
            if (v)
                v->flags |= V_EXPORT;
        }
    }
    if (sh->o_xtrace)
        xtrace(argv.v, NULL);
    struct fdtab *ft = NULL;
    int is_exec = !strcmp(argv.v[0], "exec") && !func_find("exec");
    if (n->redirs) {
        if (is_exec && argv.n == 1) {
            st = apply_redirs(n->redirs);
            goto restore;
        }
        ft = proc_save();
        if (apply_redirs(n->redirs)) {
            proc_restore(ft);
            st = 1;
            goto restore;
        }
    }
    st = run_command(argv.v, 1);
    if (ft)
        proc_restore(ft);
restore:
    if (nsaved) {
        for (size_t i = 0; i < nsaved; i++) {
            if (!special) {
                struct var *v = var_get(saved[i].name);
                if (v && !(v->flags & V_READONLY)) {
                    if (saved[i].existed) {
                        if (!(v->flags & (V_ARRAY | V_ASSOC)))
                            var_set(saved[i].name, saved[i].val, 0);
                        v->flags = saved[i].flags;
                    } else {
                        var_unset(saved[i].name);
                    }
                }
            }
            free(saved[i].name);
            free(saved[i].val);
        }
        free(saved);
    }
    sv_free(&argv);
    return st;
}

/* ------------------------------------------------------------ pipelines */
struct stage_job {
    struct node *n;
    int in, out, errtoo;
};

static int stage_run(void *arg)
{
    struct stage_job *j = arg;
    if (j->in >= 0) {
        proc_dup2(j->in, 0);
        proc_close(j->in);
    }
    if (j->out >= 0) {
        proc_dup2(j->out, 1);
        if (j->errtoo)
            proc_dup2(j->out, 2);
        proc_close(j->out);
    }
    return exec_node(j->n);
}

static int exec_pipe(struct node *n)
{
    int st;
    if (n->ncmds == 1) {
        if (n->bang)
            sh->no_errexit++;
        st = exec_node(n->cmds[0]);
        if (n->bang) {
            sh->no_errexit--;
            st = !st;
        }
        sv_free(&sh->pipestatus);
        char buf[16];
        snprintf(buf, sizeof buf, "%d", n->bang ? !st : st);
        sv_push(&sh->pipestatus, xstrdup(buf));
        return st;
    }
    int *codes = xmalloc(n->ncmds * sizeof *codes);
    int prev = -1;
    for (size_t i = 0; i < n->ncmds; i++) {
        int fds[2] = {-1, -1};
        int last = i + 1 == n->ncmds;
        if (!last && proc_pipe(fds) < 0) {
            sh_err("cannot make a pipe: %s", strerror(errno));
            codes[i] = 1;
            break;
        }
        struct stage_job j = {n->cmds[i], prev, fds[1], i < 32 && ((n->pipe_err >> i) & 1)};
        /* the next stage's read end is not the writer's business */
        struct stage_job *jp = &j;
        int rd = fds[0];
        if (rd >= 0) {
            /* keep the read end out of the writer's table */
            int hidden = proc_dup_min(rd, 200);
            proc_close(rd);
            rd = hidden;
        }
        codes[i] = run_in_subshell(stage_run, jp);
        if (prev >= 0)
            proc_close(prev);
        if (fds[1] >= 0)
            proc_close(fds[1]);
        prev = rd;
    }
    if (prev >= 0)
        proc_close(prev);
    sv_free(&sh->pipestatus);
    st = 0;
    for (size_t i = 0; i < n->ncmds; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", codes[i]);
        sv_push(&sh->pipestatus, xstrdup(buf));
        if (sh->o_pipefail && codes[i])
            st = codes[i];
    }
    if (!sh->o_pipefail)
        st = codes[n->ncmds - 1];
    free(codes);
    if (n->bang)
        st = !st;
    return st;
}

/* ------------------------------------------------------------ compound */
static int loop_check(void)
{
    /* returns 1 when the loop must stop */
    if (sh->returning || sh->exiting)
        return 1;
    if (sh->breaking) {
        sh->breaking--;
        return 1;
    }
    if (sh->continuing) {
        if (--sh->continuing > 0)
            return 1;
    }
    return 0;
}

static int exec_cond_list(struct node *n)
{
    sh->no_errexit++;
    int st = exec_node(n);
    sh->no_errexit--;
    return st;
}

static int case_match(struct node *n)
{
    char *w = expand_str(n->name, 0);
    int st = 0;
    for (size_t i = 0; i < n->nitems; i++) {
        struct case_item *it = &n->items[i];
        int matched = 0;
        for (size_t k = 0; k < it->pats.n && !matched; k++) {
            char *pat = expand_pattern(it->pats.v[k]);
            matched = pat_match(pat, w, sh->o_nocasematch ? PM_NOCASE : 0);
            free(pat);
        }
        if (!matched)
            continue;
        for (;;) {
            st = it->body ? exec_node(it->body) : 0;
            if (it->term == 1 && i + 1 < n->nitems) {
                it = &n->items[++i];
                continue;
            }
            break;
        }
        if (it->term == 2)
            continue;
        break;
    }
    free(w);
    return st;
}

static void set_loop_var(const char *name, const char *val)
{
    if (var_set(name, val, 0))
        sh_abort();
}

static int exec_compound(struct node *n)
{
    int st = 0;
    switch (n->kind) {
    case N_GROUP:
        return exec_node(n->a);
    case N_IF: {
        int c = exec_cond_list(n->a);
        if (sh->breaking || sh->continuing || sh->returning)
            return c;
        if (c == 0)
            return exec_node(n->b);
        return n->c ? exec_node(n->c) : 0;
    }
    case N_WHILE:
    case N_UNTIL:
        sh->loop_depth++;
        for (;;) {
            int c = exec_cond_list(n->a);
            if (loop_check())
                break;
            if ((n->kind == N_WHILE) != (c == 0))
                break;
            st = exec_node(n->b);
            if (loop_check())
                break;
        }
        sh->loop_depth--;
        return st;
    case N_FOR: {
        struct svec items = {0};
        if (n->has_list)
            expand_words(&n->words, &items);
        else
            for (size_t i = 0; i < sh->pos.n; i++)
                sv_push(&items, xstrdup(sh->pos.v[i]));
        if (!valid_name(n->name)) {
            sv_free(&items);
            sh_err("`%s': not a valid identifier", n->name);
            sh_abort();
        }
        sh->loop_depth++;
        for (size_t i = 0; i < items.n; i++) {
            set_loop_var(n->name, items.v[i]);
            st = exec_node(n->a);
            if (loop_check())
                break;
        }
        sh->loop_depth--;
        sv_free(&items);
        return st;
    }
    case N_SELECT: {
        /* non-interactive: menu on stderr, reply from stdin */
        struct svec items = {0};
        if (n->has_list)
            expand_words(&n->words, &items);
        sh->loop_depth++;
        for (;;) {
            for (size_t i = 0; i < items.n; i++)
                out_printf(2, "%zu) %s\n", i + 1, items.v[i]);
            const char *ps3 = var_str("PS3");
            out_str(2, ps3 ? ps3 : "#? ");
            struct sbuf line = {0};
            int gd;
            if (!read_line_fd(0, &line, '\n', &gd, -1)) {
                sb_free(&line);
                st = 1;
                break;
            }
            var_set("REPLY", line.s ? line.s : "", 0);
            long k = line.s ? atol(line.s) : 0;
            set_loop_var(n->name, k >= 1 && (size_t)k <= items.n ? items.v[k - 1] : "");
            sb_free(&line);
            st = exec_node(n->a);
            if (loop_check())
                break;
        }
        sh->loop_depth--;
        sv_free(&items);
        return st;
    }
    case N_CFOR: {
        int err = 0;
        char *e1 = expand_str(n->s1, EX_NOTILDE);
        arith_eval(e1, &err);
        free(e1);
        if (err)
            return 1;
        sh->loop_depth++;
        for (;;) {
            char *e2 = expand_str(n->s2, EX_NOTILDE);
            long long c = 1;
            if (e2[strspn(e2, " \t\n")])
                c = arith_eval(e2, &err);
            free(e2);
            if (err) {
                st = 1;
                break;
            }
            if (!c)
                break;
            st = exec_node(n->a);
            if (loop_check())
                break;
            char *e3 = expand_str(n->s3, EX_NOTILDE);
            arith_eval(e3, &err);
            free(e3);
            if (err) {
                st = 1;
                break;
            }
        }
        sh->loop_depth--;
        return st;
    }
    case N_CASE:
        return case_match(n);
    case N_ARITH: {
        char *e = expand_str(n->s1, EX_NOTILDE);
        if (sh->o_xtrace) {
            out_printf(2, "+ (( %s ))\n", e);
        }
        int err = 0;
        extern const char *arith_who;
        arith_who = "((";
        long long v = arith_eval(e, &err);
        arith_who = NULL;
        free(e);
        return err ? 1 : v == 0;
    }
    case N_COND:
        return cond_eval(n->cond);
    default:
        return 0;
    }
}

static int subshell_body(void *arg)
{
    struct node *n = arg;
    return exec_node(n->a);
}

/* Limits: the host asks the guest to stop (time or output limit); the
 * shell checks every 1024 commands and unwinds for good (every later
 * check throws again, so no subshell or trap carries on). */
int sh_stopping(void) { return stopping; }

static void poll_stop(void)
{
#ifdef __wasm__
    if (!stopping && ((++poll_count & 1023) == 0 || poll_now) && wb_host_call(WB_HOST_OP_POLL, NULL, 0) == 1)
        stopping = 1;
    poll_now = 0;
#endif
    if (stopping)
        wb_throw(THROW_EXIT | 143);
}

void sh_stop_reset(void) { stopping = 0; }

int exec_node(struct node *n)
{
    if (!n)
        return 0;
    poll_stop();
    if (sh_stack_deep())
        sh_fatal(2, "maximum nesting depth exceeded: the script recurses too deeply for the sandbox's stack");
    int st = 0;
    switch (n->kind) {
    case N_SEQ:
        st = exec_node(n->a);
        if (sh->breaking || sh->continuing || sh->returning)
            return st;
        return exec_node(n->b);
    case N_AND:
    case N_OR:
        sh->no_errexit++;
        st = exec_node(n->a);
        sh->no_errexit--;
        if (sh->breaking || sh->continuing || sh->returning)
            return st;
        sh->status = st;
        if ((n->kind == N_AND) == (st == 0))
            st = exec_node(n->b);
        sh->status = st;
        return st;
    case N_BG:
        st = run_in_subshell(subshell_body, &(struct node){.a = n->a});
        sh->last_bg = sh->last_bg ? sh->last_bg + 1 : 1001;
        sh->status = 0;
        return 0;
    case N_PIPE:
        st = exec_pipe(n);
        sh->status = st;
        if (!n->bang)
            check_fail(st);
        return st;
    case N_SIMPLE:
        st = exec_simple(n);
        sv_free(&sh->pipestatus);
        {
            char buf[16];
            snprintf(buf, sizeof buf, "%d", st);
            sv_push(&sh->pipestatus, xstrdup(buf));
        }
        return check_fail(st);
    case N_FUNC:
        func_define(n->name, n->a, current_owner);
        sh->status = 0;
        return 0;
    case N_SUBSHELL: {
        if (n->redirs) {
            struct fdtab *ft = proc_save();
            if (apply_redirs(n->redirs)) {
                proc_restore(ft);
                return check_fail(1);
            }
            st = run_in_subshell(subshell_body, n);
            proc_restore(ft);
        } else {
            st = run_in_subshell(subshell_body, n);
        }
        return check_fail(st);
    }
    default: {
        struct fdtab *ft = NULL;
        if (n->redirs) {
            ft = proc_save();
            if (apply_redirs(n->redirs)) {
                proc_restore(ft);
                return check_fail(1);
            }
        }
        st = exec_compound(n);
        if (ft)
            proc_restore(ft);
        sh->status = st;
        if (n->kind == N_ARITH || n->kind == N_COND)
            return check_fail(st);
        return st;
    }
    }
}

/* ------------------------------------------------------------ strings */
struct line_job {
    struct node *root;
};

static int line_run(void *arg)
{
    return exec_node(((struct line_job *)arg)->root);
}

/* Parses and runs src one command line at a time in the current shell. */
int exec_string(const char *src, size_t len, const char *what)
{
    struct shparser *ps = sh_parser_new(src, len, sh->lineno ? sh->lineno : 1);
    int st = 0;
    for (;;) {
        struct parsed *p;
        char *err, *line;
        int r = sh_parser_next(ps, &p, &err, &line);
        if (r == 0)
            break;
        if (r < 0) {
            /* bash: "bash: line N: msg" for the script, "bash: eval: line N: msg"
             * for eval and the like, then the line's text for a bad token */
            const char *pre = !strcmp(what, "-c") ? "" : what;
            out_printf(2, "bash: %s%s%s\n", pre, *pre ? ": " : "", err);
            if (strstr(err, "unexpected token"))
                out_printf(2, "bash: %s%sline %d: `%s'\n", pre, *pre ? ": " : "", atoi(err + 5), line);
            free(err);
            free(line);
            st = 2;
            sh->status = 2;
            break;
        }
        struct parsed *saved = current_owner;
        current_owner = p;
        struct line_job lj = {p->root};
        int depth = sh->nfuncname, loops = sh->loop_depth, noerr = sh->no_errexit, level = sh->level;
        int thrown = wb_try(line_run, &lj, &st);
        current_owner = saved;
        parsed_unref(p);
        if (thrown) {
            if (!(thrown & THROW_ERR)) {
                sh_parser_free(ps);
                wb_throw(thrown);
            }
            /* the command line is abandoned; the next one runs */
            shell_unwind_to(depth);
            sh->level = level;
            sh->loop_depth = loops;
            sh->no_errexit = noerr;
            sh->breaking = sh->continuing = 0;
            st = 1;
            sh->status = 1;
        }
        if (sh->breaking || sh->continuing || sh->returning)
            break;
    }
    sh_parser_free(ps);
    return st;
}

/* ------------------------------------------------------------ substitution */
struct cmdsub_job {
    const char *src;
    size_t len;
    int out;
};

static int cmdsub_body(void *arg)
{
    struct cmdsub_job *j = arg;
    proc_dup2(j->out, 1);
    proc_close(j->out);
    sh->o_errexit = 0; /* bash: command substitution does not inherit -e */
    sh->loop_depth = 0;
    return exec_string(j->src, j->len, "command substitution");
}

char *cmdsub_run(const char *src, size_t len)
{
    int fds[2];
    if (proc_pipe(fds) < 0) {
        sh_err("cannot make a pipe for command substitution: %s", strerror(errno));
        return xstrdup("");
    }
    int rd = proc_dup_min(fds[0], 200);
    proc_close(fds[0]);
    struct cmdsub_job j = {src, len, fds[1]};
    int st = run_in_subshell(cmdsub_body, &j);
    proc_close(fds[1]);
    struct sbuf b = {0};
    char buf[4096];
    for (;;) {
        ssize_t r = proc_read(rd, buf, sizeof buf);
        if (r <= 0)
            break;
        sb_addn(&b, buf, (size_t)r);
    }
    proc_close(rd);
    while (b.n > 0 && b.s[b.n - 1] == '\n')
        b.s[--b.n] = 0;
    /* bash drops NUL bytes from command substitution output */
    size_t k = 0;
    for (size_t i = 0; i < b.n; i++)
        if (b.s[i])
            b.s[k++] = b.s[i];
    if (b.s)
        b.s[k] = 0;
    b.n = k;
    sh->status = st;
    pending_cmdsub_status = st;
    return sb_take(&b);
}

char *procsub_run(const char *src, size_t len, int input)
{
    int fds[2];
    if (proc_pipe(fds) < 0)
        return xstrdup("/dev/null");
    char path[32];
    if (input) {
        /* <(cmd): run it now; the reader gets its output */
        int rd = proc_dup_min(fds[0], 60);
        proc_close(fds[0]);
        struct cmdsub_job j = {src, len, fds[1]};
        run_in_subshell(cmdsub_body, &j);
        proc_close(fds[1]);
        snprintf(path, sizeof path, "/dev/fd/%d", rd);
        return xstrdup(path);
    }
    /* >(cmd): the writer runs first; the reader cannot run afterwards in
     * this sequential model, so its output is discarded. */
    int wr = proc_dup_min(fds[1], 60);
    proc_close(fds[1]);
    proc_close(fds[0]);
    snprintf(path, sizeof path, "/dev/fd/%d", wr);
    return xstrdup(path);
}

/* ------------------------------------------------------------ scripts */
struct script_job {
    char *text;
    size_t len;
    char **argv;
};

static int script_body(void *arg)
{
    struct script_job *j = arg;
    free(sh->arg0);
    sh->arg0 = xstrdup(j->argv[0]);
    sv_free(&sh->pos);
    for (int i = 1; j->argv[i]; i++)
        sv_push(&sh->pos, xstrdup(j->argv[i]));
    sh->lineno = 1;
    return exec_string(j->text, j->len, j->argv[0]);
}

char *read_file_all(const char *path, size_t *len);

/* A new shell process: what a child bash would inherit (exported variables
 * only, no functions, default options, no traps). */
static void fresh_shell_state(void)
{
    for (int h = 0; h < VHASH; h++)
        for (struct var **pp = &sh->vars[h]; *pp;) {
            struct var *v = *pp;
            if (!(v->flags & V_EXPORT) && strcmp(v->name, "IFS") && strcmp(v->name, "PS4") &&
                strcmp(v->name, "OPTIND") && strcmp(v->name, "BASH_VERSION")) {
                *pp = v->next;
                v->next = NULL;
                struct shell tmp;
                memset(&tmp, 0, sizeof tmp);
                tmp.vars[0] = v;
                vars_free(&tmp);
                continue;
            }
            pp = &v->next;
        }
    while (sh->funcs)
        func_unset(sh->funcs->name);
    sh->o_errexit = sh->o_nounset = sh->o_xtrace = sh->o_pipefail = sh->o_noglob = sh->o_noclobber = 0;
    sh->o_allexport = sh->o_nullglob = sh->o_extglob = sh->o_dotglob = sh->o_failglob = sh->o_globstar = 0;
    free(sh->trap_err);
    sh->trap_err = NULL;
    sh->loop_depth = 0;
    sh->level = 0;
}

struct child_job {
    char **argv;
};

static int child_shell_body(void *arg)
{
    char **argv = ((struct child_job *)arg)->argv;
    fresh_shell_state();
    int i = 1;
    const char *cmd = NULL;
    for (; argv[i] && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[1] == '-')
            continue; /* --norc, --noprofile, --posix: nothing to do here */
        int on = a[0] == '-';
        for (const char *c = a + 1; *c; c++) {
            switch (*c) {
            case 'c': cmd = ""; break;
            case 'e': sh->o_errexit = on; break;
            case 'u': sh->o_nounset = on; break;
            case 'x': sh->o_xtrace = on; break;
            case 'f': sh->o_noglob = on; break;
            case 'o':
                if (argv[i + 1] && !strcmp(argv[i + 1], "pipefail"))
                    sh->o_pipefail = on;
                else if (argv[i + 1] && !strcmp(argv[i + 1], "errexit"))
                    sh->o_errexit = on;
                else if (argv[i + 1] && !strcmp(argv[i + 1], "nounset"))
                    sh->o_nounset = on;
                if (argv[i + 1])
                    i++;
                break;
            default: break; /* -l -i -s -p: ignored */
            }
        }
    }
    char *text = NULL;
    size_t len = 0;
    const char *name = argv[0];
    if (cmd) {
        if (!argv[i]) {
            sh_err("-c: option requires an argument");
            return 2;
        }
        text = xstrdup(argv[i++]);
        len = strlen(text);
        if (argv[i])
            name = argv[i++];
    } else if (argv[i]) {
        name = argv[i++];
        text = read_file_all(name, &len);
        if (!text) {
            out_printf(2, "bash: %s: %s\n", name, strerror(errno));
            return 127;
        }
    } else {
        struct sbuf b = {0};
        char buf[4096];
        ssize_t r;
        while ((r = proc_read(0, buf, sizeof buf)) > 0)
            sb_addn(&b, buf, (size_t)r);
        len = b.n;
        text = sb_take(&b);
    }
    free(sh->arg0);
    sh->arg0 = xstrdup(name);
    sv_free(&sh->pos);
    for (; argv[i]; i++)
        sv_push(&sh->pos, xstrdup(argv[i]));
    sh->lineno = 1;
    int st = exec_string(text, len, "-c");
    free(text);
    return st;
}

/* bash ... / sh ...: a child shell, run in a copy of this one. */
static int run_child_shell(char **argv)
{
    struct child_job j = {argv};
    return run_in_subshell(child_shell_body, &j);
}

static int run_script_file(const char *path, char **argv)
{
    size_t len;
    char *text = read_file_all(path, &len);
    if (!text) {
        sh_err("%s: %s", path, strerror(errno));
        return 126;
    }
    struct script_job j = {text, len, argv};
    int st = run_in_subshell(script_body, &j);
    free(text);
    return st;
}

char *read_file_all(const char *path, size_t *len)
{
    int fd = proc_open(path, O_RDONLY, 0);
    if (fd < 0)
        return NULL;
    struct sbuf b = {0};
    char buf[8192];
    for (;;) {
        ssize_t r = proc_read(fd, buf, sizeof buf);
        if (r < 0) {
            int e = errno;
            proc_close(fd);
            sb_free(&b);
            errno = e;
            return NULL;
        }
        if (r == 0)
            break;
        sb_addn(&b, buf, (size_t)r);
    }
    proc_close(fd);
    *len = b.n;
    return sb_take(&b);
}

/* ------------------------------------------------------------ applets' entry */
int wb_run_command(char *const argv[])
{
    if (!sh || !argv || !argv[0])
        return 127;
    int saved = arena_suspend();
    struct svec copy = {0};
    for (int i = 0; argv[i]; i++)
        sv_push(&copy, xstrdup(argv[i]));
    int st = run_argv(copy.v, 0);
    sv_free(&copy);
    arena_resume(saved);
    return st;
}
