/* Builtins that change the shell itself: cd, set, export, declare, read,
 * eval, source, trap, getopts, ...  (output builtins: builtins_io.c) */
#include "sh.h"
#include "../applets/applets.h"
#include "../rt/proc.h"
#include "../rt/modes.h"
#include "../rt/unwind.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int do_assign(const char *w, int local_flags);
char *read_file_all(const char *path, size_t *len);
int bi_echo(int argc, char **argv);
int bi_printf(int argc, char **argv);
int bi_read(int argc, char **argv);
int bi_mapfile(int argc, char **argv);

static int bi_true(int argc, char **argv) { (void)argc; (void)argv; return 0; }
static int bi_false(int argc, char **argv) { (void)argc; (void)argv; return 1; }

static int bi_test(int argc, char **argv) { return test_main(argc, argv, 0); }
static int bi_bracket(int argc, char **argv) { return test_main(argc, argv, 1); }

/* ------------------------------------------------------------ cd pwd */
static char *path_join_norm(const char *cwd, const char *p)
{
    struct svec parts = {0};
    struct sbuf full = {0};
    if (p[0] != '/') {
        sb_adds(&full, cwd);
        sb_addc(&full, '/');
    }
    sb_adds(&full, p);
    char *s = full.s;
    char *save = NULL;
    for (char *tok = strtok_r(s, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
        if (!strcmp(tok, "."))
            continue;
        if (!strcmp(tok, "..")) {
            if (parts.n) {
                free(parts.v[--parts.n]);
                parts.v[parts.n] = NULL;
            }
            continue;
        }
        sv_push(&parts, xstrdup(tok));
    }
    struct sbuf out = {0};
    for (size_t i = 0; i < parts.n; i++) {
        sb_addc(&out, '/');
        sb_adds(&out, parts.v[i]);
    }
    if (!out.n)
        sb_addc(&out, '/');
    sv_free(&parts);
    sb_free(&full);
    return sb_take(&out);
}

static int bi_cd(int argc, char **argv)
{
    const char *dir;
    int i = 1;
    while (i < argc && (!strcmp(argv[i], "-L") || !strcmp(argv[i], "-P") || !strcmp(argv[i], "-e")))
        i++;
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    int print = 0;
    if (i >= argc) {
        dir = var_str("HOME");
        if (!dir) {
            sh_err("cd: HOME not set");
            return 1;
        }
    } else if (argc - i > 1) {
        sh_err("cd: too many arguments");
        return 1;
    } else if (!strcmp(argv[i], "-")) {
        dir = var_str("OLDPWD");
        if (!dir) {
            sh_err("cd: OLDPWD not set");
            return 1;
        }
        print = 1;
    } else {
        dir = argv[i];
    }
    if (!*dir)
        return 0;
    char *target = path_join_norm(sh->cwd, dir);
    struct stat st;
    if (stat(target, &st) != 0) {
        sh_err("cd: %s: %s", dir, strerror(errno));
        free(target);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        sh_err("cd: %s: Not a directory", dir);
        free(target);
        return 1;
    }
    if (chdir(target) != 0) {
        sh_err("cd: %s: %s", dir, strerror(errno));
        free(target);
        return 1;
    }
    var_set("OLDPWD", sh->cwd, 0);
    free(sh->cwd);
    sh->cwd = target;
    var_set("PWD", target, 0);
    if (print)
        out_printf(1, "%s\n", target);
    return 0;
}

static int bi_pwd(int argc, char **argv)
{
    (void)argc; (void)argv;
    out_printf(1, "%s\n", sh->cwd);
    return 0;
}

/* ------------------------------------------------------------ exit & co */
static int parse_status(const char *who, const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end) {
        sh_err("%s: %s: numeric argument required", who, s);
        *out = 2;
        return 1;
    }
    *out = (int)(v & 0xff);
    return 0;
}

static int bi_exit(int argc, char **argv)
{
    int st = sh->status;
    if (argc > 2) {
        sh_err("exit: too many arguments");
        return 1;
    }
    if (argc == 2)
        parse_status("exit", argv[1], &st);
    wb_throw(THROW_EXIT | (st & 0xff));
}

static int bi_return(int argc, char **argv)
{
    int st = sh->status;
    if (argc >= 2 && parse_status("return", argv[1], &st)) {
        st = 2;
    }
    if (sh->level == 0 && !sh->in_trap) {
        sh_err("return: can only `return' from a function or sourced script");
        return 2;
    }
    sh->status = st;
    sh->return_status = st;
    sh->returning = 1;
    return st;
}

static int bi_break(int argc, char **argv)
{
    int n = 1;
    if (argc > 1) {
        n = atoi(argv[1]);
        if (n < 1) {
            sh_err("%s: %s: loop count out of range", argv[0], argv[1]);
            return 1;
        }
    }
    if (sh->loop_depth == 0) {
        sh_err("%s: only meaningful in a `for', `while', or `until' loop", argv[0]);
        return 0;
    }
    if (n > sh->loop_depth)
        n = sh->loop_depth;
    if (argv[0][0] == 'b')
        sh->breaking = n;
    else
        sh->continuing = n;
    return 0;
}

static int bi_shift(int argc, char **argv)
{
    long n = 1;
    if (argc > 1) {
        char *end;
        n = strtol(argv[1], &end, 10);
        if (*end || n < 0) {
            sh_err("shift: %s: numeric argument required", argv[1]);
            return 1;
        }
    }
    if ((size_t)n > sh->pos.n)
        return 1;
    for (long i = 0; i < n; i++)
        free(sh->pos.v[i]);
    memmove(sh->pos.v, sh->pos.v + n, (sh->pos.n - (size_t)n + 1) * sizeof *sh->pos.v);
    sh->pos.n -= (size_t)n;
    return 0;
}

/* ------------------------------------------------------------ set shopt */
static int *opt_by_name(const char *name)
{
    if (!strcmp(name, "errexit")) return &sh->o_errexit;
    if (!strcmp(name, "nounset")) return &sh->o_nounset;
    if (!strcmp(name, "xtrace")) return &sh->o_xtrace;
    if (!strcmp(name, "pipefail")) return &sh->o_pipefail;
    if (!strcmp(name, "noglob")) return &sh->o_noglob;
    if (!strcmp(name, "noclobber")) return &sh->o_noclobber;
    if (!strcmp(name, "allexport")) return &sh->o_allexport;
    if (!strcmp(name, "verbose")) return &sh->o_verbose;
    return NULL;
}

static int *opt_by_letter(char c)
{
    switch (c) {
    case 'e': return &sh->o_errexit;
    case 'u': return &sh->o_nounset;
    case 'x': return &sh->o_xtrace;
    case 'f': return &sh->o_noglob;
    case 'C': return &sh->o_noclobber;
    case 'a': return &sh->o_allexport;
    case 'v': return &sh->o_verbose;
    default: return NULL;
    }
}

static void set_positional(int argc, char **argv, int from)
{
    sv_free(&sh->pos);
    for (int i = from; i < argc; i++)
        sv_push(&sh->pos, xstrdup(argv[i]));
}

static int cmp_var(const void *a, const void *b)
{
    return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

static struct var **sorted_vars(size_t *n)
{
    size_t cnt = 0;
    for (int h = 0; h < VHASH; h++)
        for (struct var *v = sh->vars[h]; v; v = v->next)
            cnt++;
    struct var **list = xmalloc((cnt + 1) * sizeof *list);
    size_t k = 0;
    for (int h = 0; h < VHASH; h++)
        for (struct var *v = sh->vars[h]; v; v = v->next)
            list[k++] = v;
    qsort(list, k, sizeof *list, cmp_var);
    *n = k;
    return list;
}

static void print_decl(struct var *v, int fd);

static int bi_set(int argc, char **argv)
{
    if (argc == 1) {
        size_t n;
        struct var **list = sorted_vars(&n);
        for (size_t i = 0; i < n; i++) {
            struct var *v = list[i];
            if (v->flags & V_UNSET)
                continue;
            if (v->flags & (V_ARRAY | V_ASSOC)) {
                continue;
            }
            char *q = quote_for_reuse(v->str ? v->str : "");
            out_printf(1, "%s=%s\n", v->name, q);
            free(q);
        }
        free(list);
        return 0;
    }
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            set_positional(argc, argv, i + 1);
            return 0;
        }
        if ((a[0] == '-' || a[0] == '+') && a[1] == 'o' && a[2] == 0) {
            int on = a[0] == '-';
            if (i + 1 >= argc) {
                const char *names[] = {"allexport", "errexit", "noclobber", "noglob", "nounset", "pipefail",
                                       "verbose", "xtrace", NULL};
                for (int k = 0; names[k]; k++) {
                    if (on)
                        out_printf(1, "%-15s\t%s\n", names[k], *opt_by_name(names[k]) ? "on" : "off");
                    else
                        out_printf(1, "set %co %s\n", *opt_by_name(names[k]) ? '-' : '+', names[k]);
                }
                return 0;
            }
            int *o = opt_by_name(argv[i + 1]);
            if (!o) {
                if (!strcmp(argv[i + 1], "posix") || !strcmp(argv[i + 1], "emacs") || !strcmp(argv[i + 1], "vi") ||
                    !strcmp(argv[i + 1], "history") || !strcmp(argv[i + 1], "monitor")) {
                    i++;
                    continue;
                }
                sh_err("set: %s: invalid option name", argv[i + 1]);
                return 2;
            }
            *o = on;
            i++;
            continue;
        }
        if ((a[0] == '-' || a[0] == '+') && a[1]) {
            int on = a[0] == '-', want_name = 0;
            for (const char *c = a + 1; *c; c++) {
                int *o = opt_by_letter(*c);
                if (*c == 'o') /* set -euo pipefail: the name is the next word */
                    want_name = 1;
                else if (o)
                    *o = on;
                else if (!strchr("hBHmbnPTEk", *c)) {
                    sh_err("set: %c%c: invalid option", a[0], *c);
                    out_str(2, "set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
                    return 2;
                }
            }
            if (want_name) {
                int *o = i + 1 < argc ? opt_by_name(argv[i + 1]) : NULL;
                if (!o) {
                    sh_err("set: %s: invalid option name", i + 1 < argc ? argv[i + 1] : "");
                    return 2;
                }
                *o = on;
                i++;
            }
            continue;
        }
        if (!strcmp(a, "-")) {
            sh->o_xtrace = sh->o_verbose = 0;
            i++;
        }
        break;
    }
    if (i < argc)
        set_positional(argc, argv, i);
    return 0;
}

static int *shopt_by_name(const char *n)
{
    if (!strcmp(n, "nullglob")) return &sh->o_nullglob;
    if (!strcmp(n, "extglob")) return &sh->o_extglob;
    if (!strcmp(n, "dotglob")) return &sh->o_dotglob;
    if (!strcmp(n, "nocaseglob")) return &sh->o_nocaseglob;
    if (!strcmp(n, "nocasematch")) return &sh->o_nocasematch;
    if (!strcmp(n, "failglob")) return &sh->o_failglob;
    if (!strcmp(n, "globstar")) return &sh->o_globstar;
    if (!strcmp(n, "expand_aliases")) return &sh->o_expand_aliases;
    if (!strcmp(n, "lastpipe")) return &sh->o_lastpipe;
    return NULL;
}

static int bi_shopt(int argc, char **argv)
{
    int set = -1, quiet = 0, i = 1, useo = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        for (const char *c = argv[i] + 1; *c; c++) {
            if (*c == 's') set = 1;
            else if (*c == 'u') set = 0;
            else if (*c == 'q') quiet = 1;
            else if (*c == 'o') useo = 1;
            else {
                sh_err("shopt: -%c: invalid option", *c);
                return 2;
            }
        }
    }
    int rc = 0;
    for (; i < argc; i++) {
        int *o = useo ? opt_by_name(argv[i]) : shopt_by_name(argv[i]);
        static int dummy;
        if (!o) {
            static const char *const known[] = {"inherit_errexit", "checkwinsize", "cmdhist", "histappend",
                                                "globasciiranges", "progcomp", "interactive_comments",
                                                "sourcepath", "patsub_replacement", "xpg_echo", NULL};
            int k = 0;
            for (; known[k] && strcmp(known[k], argv[i]); k++)
                ;
            if (!known[k]) {
                sh_err("shopt: %s: invalid shell option name", argv[i]);
                rc = 1;
                continue;
            }
            o = &dummy;
        }
        if (set >= 0)
            *o = set;
        else if (!quiet)
            out_printf(1, "%-15s\t%s\n", argv[i], *o ? "on" : "off");
        else if (!*o)
            rc = 1;
    }
    return rc;
}

/* ------------------------------------------------------------ declare */
static void print_value_quoted(struct sbuf *b, const char *s)
{
    sb_addc(b, '"');
    for (; *s; s++) {
        if (strchr("\"\\$`", *s))
            sb_addc(b, '\\');
        sb_addc(b, *s);
    }
    sb_addc(b, '"');
}

static void print_decl(struct var *v, int fd)
{
    struct sbuf b = {0};
    sb_adds(&b, "declare -");
    size_t flen = b.n;
    if (v->flags & V_ARRAY) sb_addc(&b, 'a');
    if (v->flags & V_ASSOC) sb_addc(&b, 'A');
    if (v->flags & V_INTEGER) sb_addc(&b, 'i');
    if (v->flags & V_LOWER) sb_addc(&b, 'l');
    if (v->flags & V_READONLY) sb_addc(&b, 'r');
    if (v->flags & V_UPPER) sb_addc(&b, 'u');
    if (v->flags & V_EXPORT) sb_addc(&b, 'x');
    if (b.n == flen)
        sb_addc(&b, '-');
    sb_addc(&b, ' ');
    sb_adds(&b, v->name);
    if (v->flags & V_UNSET) {
    } else if (v->flags & V_ASSOC) {
        sb_adds(&b, "=(");
        for (size_t i = 0; i < v->nents; i++) {
            sb_addc(&b, '[');
            const char *k = v->ents[i].key;
            int plain = *k != 0;
            for (const char *c = k; *c; c++)
                if (!(isalnum((unsigned char)*c) || *c == '_' || *c == '.' || *c == '-'))
                    plain = 0;
            if (plain)
                sb_adds(&b, k);
            else
                print_value_quoted(&b, k);
            sb_adds(&b, "]=");
            print_value_quoted(&b, v->ents[i].val);
            sb_addc(&b, ' ');
        }
        sb_addc(&b, ')');
    } else if (v->flags & V_ARRAY) {
        sb_adds(&b, "=(");
        for (size_t i = 0; i < v->nents; i++) {
            if (i)
                sb_addc(&b, ' ');
            sb_printf(&b, "[%ld]=", v->ents[i].idx);
            print_value_quoted(&b, v->ents[i].val);
        }
        sb_addc(&b, ')');
    } else if (v->str) {
        sb_addc(&b, '=');
        print_value_quoted(&b, v->str);
    }
    sb_addc(&b, '\n');
    out_n(fd, b.s, b.n);
    sb_free(&b);
}

static void print_func(struct func *f)
{
    (void)f;
}

static int bi_declare(int argc, char **argv)
{
    int add = 0, del = 0, print = 0, funcs = 0, fnames = 0, global = 0;
    int is_local = !strcmp(argv[0], "local");
    int is_readonly = !strcmp(argv[0], "readonly");
    int is_export = !strcmp(argv[0], "export");
    if (is_readonly)
        add |= V_READONLY;
    if (is_export)
        add |= V_EXPORT;
    if (is_local && sh->level == 0) {
        sh_err("local: can only be used in a function");
        return 1;
    }
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        int on = a[0] == '-';
        for (const char *c = a + 1; *c; c++) {
            int f = 0;
            switch (*c) {
            case 'a': f = V_ARRAY; break;
            case 'A': f = V_ASSOC; break;
            case 'i': f = V_INTEGER; break;
            case 'r': f = V_READONLY; break;
            case 'x': f = V_EXPORT; break;
            case 'l': f = V_LOWER; break;
            case 'u': f = V_UPPER; break;
            case 'n': f = 0; break;
            case 'p': print = 1; break;
            case 'f': funcs = 1; break;
            case 'F': fnames = 1; break;
            case 'g': global = 1; break;
            case 't': break;
            default:
                sh_err("%s: -%c: invalid option", argv[0], *c);
                return 2;
            }
            if (on)
                add |= f;
            else
                del |= f;
        }
    }
    if (funcs || fnames) {
        int rc = 0;
        if (i >= argc) {
            for (struct func *f = sh->funcs; f; f = f->next)
                out_printf(1, fnames ? "declare -f %s\n" : "%s\n", f->name);
            return 0;
        }
        for (; i < argc; i++) {
            struct func *f = func_find(argv[i]);
            if (!f) {
                rc = 1;
                continue;
            }
            if (fnames)
                out_printf(1, "%s\n", f->name);
            else
                print_func(f);
        }
        return rc;
    }
    if (i >= argc) {
        size_t n;
        struct var **list = sorted_vars(&n);
        for (size_t k = 0; k < n; k++) {
            struct var *v = list[k];
            if ((add & ~(V_READONLY | V_EXPORT)) && !(v->flags & add))
                continue;
            if (is_export || (add & V_EXPORT)) {
                if (!(v->flags & V_EXPORT))
                    continue;
            }
            if (is_readonly && !(v->flags & V_READONLY))
                continue;
            print_decl(v, 1);
        }
        free(list);
        return 0;
    }
    int rc = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        /* \001: an assignment word left unexpanded by exec_simple */
        int raw = a[0] == '\001';
        if (raw)
            a++;
        const char *eq = strchr(a, '=');
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (eq && nl && a[nl - 1] == '+')
            nl--;
        char *name = xstrndup(a, nl);
        char *br = strchr(name, '[');
        if (br)
            *br = 0;
        if (!valid_name(name)) {
            sh_err("%s: `%s': not a valid identifier", argv[0], a);
            free(name);
            rc = 1;
            continue;
        }
        if (print) {
            struct var *v = var_get(name);
            if (!v) {
                sh_err("declare: %s: not found", name);
                rc = 1;
            } else {
                print_decl(v, 1);
            }
            free(name);
            continue;
        }
        struct var *v;
        /* local x=$((x+1)): the value is expanded before x becomes local */
        char *preval = NULL;
        if (eq && raw && eq[1] != '(')
            preval = expand_str(eq + 1, EX_ASSIGN);
        if ((is_local || (!global && sh->level > 0 && !is_export && !is_readonly)) && sh->level > 0)
            v = var_new_local(name);
        else {
            v = var_get(name);
            if (!v) {
                var_set(name, "", 0);
                v = var_get(name);
                v->flags |= V_UNSET;
                free(v->str);
                v->str = NULL;
            }
        }
        if ((v->flags & V_READONLY) && (eq || (del & V_READONLY))) {
            sh_err("%s: readonly variable", name);
            free(name);
            rc = 1;
            continue;
        }
        if ((add & V_ASSOC) && (v->flags & V_ARRAY)) {
            sh_err("%s: %s: cannot convert indexed to associative array", argv[0], name);
            free(name);
            rc = 1;
            continue;
        }
        int newflags = (v->flags | add) & ~del;
        if ((add & (V_ARRAY | V_ASSOC)) && !(v->flags & (V_ARRAY | V_ASSOC))) {
            if (v->str) {
                if (add & V_ASSOC)
                    assoc_set(v, "0", v->str);
                else
                    arr_set(v, 0, v->str);
                v->str = NULL;
            }
        }
        v->flags = newflags & ~V_READONLY;
        if (eq && raw && preval) {
            int append = eq > a && eq[-1] == '+';
            if (br) {
                char *sub = xstrndup(br + 1, strlen(br + 1));
                char *close = strrchr(sub, ']');
                if (close)
                    *close = 0;
                rc |= var_assign_elem(name, sub, preval, append);
                free(sub);
            } else if (append) {
                const char *cur = var_str(name);
                struct sbuf b = {0};
                sb_adds(&b, cur ? cur : "");
                sb_adds(&b, preval);
                rc |= var_set(name, b.s, 0);
                sb_free(&b);
            } else {
                rc |= var_set(name, preval, 0);
            }
            free(preval);
        } else if (eq && raw) {
            if (do_assign(a, 0))
                rc = 1;
        } else if (eq) {
            /* from an expansion: the value is literal */
            int append = eq > a && eq[-1] == '+';
            struct sbuf b = {0};
            const char *cur = append ? var_str(name) : NULL;
            sb_adds(&b, cur ? cur : "");
            sb_adds(&b, eq + 1);
            if (br) {
                char *sub = xstrndup(a + (br - name) + 1, strlen(a + (br - name) + 1));
                char *close = strchr(sub, ']');
                if (close)
                    *close = 0;
                rc |= var_assign_elem(name, sub, eq + 1, append);
                free(sub);
            } else {
                rc |= var_set(name, b.s, 0);
            }
            sb_free(&b);
        } else if (!(v->flags & V_UNSET) && (add & (V_UPPER | V_LOWER)) && v->str) {
            char *nv = var_apply_case(v, v->str);
            free(v->str);
            v->str = nv;
        }
        v = var_get(name);
        if (v)
            v->flags |= newflags & V_READONLY;
        if (v && (add & (V_ARRAY | V_ASSOC)) && (v->flags & V_UNSET) && !eq) {
            /* declare -a x: an empty array is set in bash's eyes for ${#x[@]} */
        }
        free(name);
    }
    return rc;
}

static int bi_unset(int argc, char **argv)
{
    int funcs = 0, vars_only = 0, i = 1, rc = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-f"))
            funcs = 1;
        else if (!strcmp(argv[i], "-v"))
            vars_only = 1;
        else if (!strcmp(argv[i], "-n"))
            ;
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            sh_err("unset: %s: invalid option", argv[i]);
            return 2;
        }
    }
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (funcs) {
            func_unset(a);
            continue;
        }
        const char *br = strchr(a, '[');
        if (br && a[strlen(a) - 1] == ']') {
            char *name = xstrndup(a, (size_t)(br - a));
            char *sub = xstrndup(br + 1, strlen(br + 1) - 1);
            struct var *v = var_get(name);
            if (v && (v->flags & V_READONLY)) {
                sh_err("unset: %s: cannot unset: readonly variable", name);
                rc = 1;
            } else if (v && (!strcmp(sub, "@") || !strcmp(sub, "*"))) {
                var_unset(name);
            } else if (v && (v->flags & V_ASSOC)) {
                assoc_unset(v, sub);
            } else if (v && (v->flags & V_ARRAY)) {
                int err = 0;
                long long idx = arith_eval(sub, &err);
                if (idx < 0)
                    idx += arr_max(v) + 1;
                if (!err)
                    arr_unset(v, (long)idx);
            } else if (v) {
                var_unset(name);
            }
            free(name);
            free(sub);
            continue;
        }
        if (!valid_name(a))
            continue; /* bash 5.2: no message, status unchanged */
        struct var *v = var_get(a);
        if (v || vars_only)
            rc |= var_unset(a);
        else
            func_unset(a);
    }
    return rc;
}

/* ------------------------------------------------------------ eval source */
static int bi_eval(int argc, char **argv)
{
    struct sbuf b = {0};
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            sb_addc(&b, ' ');
        sb_adds(&b, argv[i]);
    }
    if (!b.n) {
        sb_free(&b);
        return 0;
    }
    int line = sh->lineno;
    int st = exec_string(b.s, b.n, "eval");
    sh->lineno = line;
    sb_free(&b);
    return st;
}

static int bi_source(int argc, char **argv)
{
    if (argc < 2) {
        sh_err("%s: filename argument required", argv[0]);
        out_printf(2, "%s: usage: %s filename [arguments]\n", argv[0], argv[0]);
        return 2;
    }
    size_t len;
    char *text = read_file_all(argv[1], &len);
    if (!text) {
        sh_err("%s: %s", argv[1], strerror(errno));
        return 1;
    }
    struct svec saved = sh->pos;
    int has_args = argc > 2;
    if (has_args) {
        memset(&sh->pos, 0, sizeof sh->pos);
        for (int i = 2; i < argc; i++)
            sv_push(&sh->pos, xstrdup(argv[i]));
    }
    int line = sh->lineno;
    sh->lineno = 1;
    sh->level++;
    sh->in_trap++;
    int st = exec_string(text, len, argv[1]);
    sh->in_trap--;
    sh->level--;
    if (sh->returning) {
        sh->returning = 0;
        st = sh->return_status;
    }
    sh->lineno = line;
    if (has_args) {
        sv_free(&sh->pos);
        sh->pos = saved;
    }
    free(text);
    return st;
}

/* ------------------------------------------------------------ type command */
static int describe(const char *name, int mode)
{
    /* mode 0: type; 1: command -v; 2: command -V; 3: type -t */
    static const char *const kw[] = {"if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until",
                                     "do", "done", "in", "function", "select", "time", "{", "}", "!", "[[", "]]",
                                     NULL};
    for (int i = 0; kw[i]; i++)
        if (!strcmp(kw[i], name)) {
            if (mode == 1) out_printf(1, "%s\n", name);
            else if (mode == 3) out_str(1, "keyword\n");
            else out_printf(1, "%s is a shell keyword\n", name);
            return 0;
        }
    for (struct alias *a = sh->aliases; a; a = a->next)
        if (!strcmp(a->name, name)) {
            if (mode == 1) out_printf(1, "alias %s='%s'\n", name, a->val);
            else if (mode == 3) out_str(1, "alias\n");
            else out_printf(1, "%s is aliased to `%s'\n", name, a->val);
            return 0;
        }
    struct func *f = func_find(name);
    if (f) {
        if (mode == 1) out_printf(1, "%s\n", name);
        else if (mode == 3) out_str(1, "function\n");
        else {
            out_printf(1, "%s is a function\n", name);
        }
        return 0;
    }
    if (builtin_find(name)) {
        if (mode == 1) out_printf(1, "%s\n", name);
        else if (mode == 3) out_str(1, "builtin\n");
        else out_printf(1, "%s is a shell builtin\n", name);
        return 0;
    }
    if (wb_applet_find(name)) {
        if (mode == 1) out_printf(1, "/usr/bin/%s\n", name);
        else if (mode == 3) out_str(1, "file\n");
        else out_printf(1, "%s is /usr/bin/%s\n", name, name);
        return 0;
    }
    if (strchr(name, '/')) {
        struct stat st;
        if (stat(name, &st) == 0) {
            if (mode == 1) out_printf(1, "%s\n", name);
            else if (mode == 3) out_str(1, "file\n");
            else out_printf(1, "%s is %s\n", name, name);
            return 0;
        }
    }
    if (mode == 0 || mode == 2)
        sh_err("%s: %s: not found", mode == 0 ? "type" : "command", name);
    return 1;
}

static int bi_type(int argc, char **argv)
{
    int mode = 0, rc = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strchr(argv[i], 't'))
            mode = 3;
        else if (strchr(argv[i], 'P') || strchr(argv[i], 'p'))
            mode = 1;
    }
    for (; i < argc; i++)
        rc |= describe(argv[i], mode);
    return rc;
}

static int bi_command(int argc, char **argv)
{
    int i = 1, mode = -1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        for (const char *c = argv[i] + 1; *c; c++) {
            if (*c == 'v') mode = 1;
            else if (*c == 'V') mode = 2;
            else if (*c == 'p') ;
            else {
                sh_err("command: -%c: invalid option", *c);
                return 2;
            }
        }
    }
    if (i >= argc)
        return 0;
    if (mode >= 0) {
        int rc = 0;
        for (; i < argc; i++)
            rc |= describe(argv[i], mode);
        return rc;
    }
    /* run skipping functions */
    builtin_fn b = builtin_find(argv[i]);
    if (b)
        return b(argc - i, argv + i);
    if (wb_applet_find(argv[i]))
        return run_argv(argv + i, 0) ;
    sh_err("%s: command not found", argv[i]);
    return 127;
}

static int bi_builtin(int argc, char **argv)
{
    if (argc < 2)
        return 0;
    builtin_fn b = builtin_find(argv[1]);
    if (!b) {
        sh_err("builtin: %s: not a shell builtin", argv[1]);
        return 1;
    }
    return b(argc - 1, argv + 1);
}

static int bi_exec(int argc, char **argv)
{
    if (argc < 2)
        return 0;
    int st = run_argv(argv + 1, 0);
    wb_throw(THROW_EXIT | (st & 0xff));
}

/* ------------------------------------------------------------ alias */
static int bi_alias(int argc, char **argv)
{
    int rc = 0;
    if (argc == 1) {
        for (struct alias *a = sh->aliases; a; a = a->next)
            out_printf(1, "alias %s='%s'\n", a->name, a->val);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            struct alias *a = sh->aliases;
            for (; a && strcmp(a->name, argv[i]); a = a->next)
                ;
            if (a)
                out_printf(1, "alias %s='%s'\n", a->name, a->val);
            else {
                sh_err("alias: %s: not found", argv[i]);
                rc = 1;
            }
            continue;
        }
        char *name = xstrndup(argv[i], (size_t)(eq - argv[i]));
        struct alias *a = sh->aliases;
        for (; a && strcmp(a->name, name); a = a->next)
            ;
        if (!a) {
            a = xmalloc(sizeof *a);
            a->name = name;
            a->val = NULL;
            a->next = sh->aliases;
            sh->aliases = a;
        } else {
            free(name);
        }
        free(a->val);
        a->val = xstrdup(eq + 1);
    }
    return rc;
}

static int bi_unalias(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-a")) {
            while (sh->aliases) {
                struct alias *a = sh->aliases;
                sh->aliases = a->next;
                free(a->name);
                free(a->val);
                free(a);
            }
            continue;
        }
        struct alias **pp = &sh->aliases;
        for (; *pp && strcmp((*pp)->name, argv[i]); pp = &(*pp)->next)
            ;
        if (!*pp) {
            sh_err("unalias: %s: not found", argv[i]);
            rc = 1;
            continue;
        }
        struct alias *a = *pp;
        *pp = a->next;
        free(a->name);
        free(a->val);
        free(a);
    }
    return rc;
}

/* ------------------------------------------------------------ trap */
static int bi_trap(int argc, char **argv)
{
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    if (i >= argc || !strcmp(argv[i], "-p")) {
        if (sh->trap_exit) {
            char *q = quote_single(sh->trap_exit);
            out_printf(1, "trap -- %s EXIT\n", q);
            free(q);
        }
        if (sh->trap_err) {
            char *q = quote_single(sh->trap_err);
            out_printf(1, "trap -- %s ERR\n", q);
            free(q);
        }
        return 0;
    }
    if (!strcmp(argv[i], "-l")) {
        out_str(1, " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 6) SIGABRT\t 9) SIGKILL\t13) SIGPIPE\t15) SIGTERM\n");
        return 0;
    }
    const char *action = argv[i++];
    int reset = !strcmp(action, "-");
    int rc = 0;
    /* "trap SIG" with a single numeric arg resets */
    if (i >= argc) {
        sh_err("trap: usage: trap [-lp] [[arg] signal_spec ...]");
        return 2;
    }
    for (; i < argc; i++) {
        const char *s = argv[i];
        if (!strncmp(s, "SIG", 3))
            s += 3;
        char **slot = NULL;
        if (!strcmp(s, "EXIT") || !strcmp(s, "0"))
            slot = &sh->trap_exit;
        else if (!strcmp(s, "ERR"))
            slot = &sh->trap_err;
        else if (!strcmp(s, "RETURN"))
            slot = &sh->trap_return;
        else if (!strcmp(s, "INT") || !strcmp(s, "TERM") || !strcmp(s, "HUP") || !strcmp(s, "QUIT") ||
                 !strcmp(s, "PIPE") || !strcmp(s, "USR1") || !strcmp(s, "USR2") || !strcmp(s, "DEBUG") ||
                 !strcmp(s, "CHLD") || !strcmp(s, "ALRM") || (isdigit((unsigned char)s[0]) && atoi(s) < 65)) {
            continue; /* no signals arrive in the sandbox */
        } else {
            sh_err("trap: %s: invalid signal specification", argv[i]);
            rc = 1;
            continue;
        }
        free(*slot);
        *slot = reset || !*action ? (reset ? NULL : xstrdup("")) : xstrdup(action);
    }
    return rc;
}

/* ------------------------------------------------------------ getopts */
static int bi_getopts(int argc, char **argv)
{
    if (argc < 3) {
        sh_err("getopts: usage: getopts optstring name [arg ...]");
        return 2;
    }
    const char *optstring = argv[1];
    const char *name = argv[2];
    char **args;
    int nargs;
    if (argc > 3) {
        args = argv + 3;
        nargs = argc - 3;
    } else {
        args = sh->pos.v;
        nargs = (int)sh->pos.n;
    }
    int silent = optstring[0] == ':';
    if (silent)
        optstring++;
    const char *oi = var_str("OPTIND");
    int optind = oi ? atoi(oi) : 1;
    if (optind < 1)
        optind = 1;
    if (optind == 1 && sh->getopts_pos && !(oi && sh->getopts_pos))
        sh->getopts_pos = 0;
    char buf[16];
    if (optind > nargs) {
        var_set(name, "?", 0);
        sh->getopts_pos = 0;
        return 1;
    }
    const char *arg = args[optind - 1];
    if (sh->getopts_pos == 0) {
        if (arg[0] != '-' || !arg[1]) {
            var_set(name, "?", 0);
            return 1;
        }
        if (!strcmp(arg, "--")) {
            snprintf(buf, sizeof buf, "%d", optind + 1);
            var_set("OPTIND", buf, 0);
            var_set(name, "?", 0);
            return 1;
        }
        sh->getopts_pos = 1;
    }
    char c = arg[sh->getopts_pos++];
    int last = arg[sh->getopts_pos] == 0;
    const char *spec = strchr(optstring, c);
    var_unset("OPTARG");
    if (!spec || c == ':') {
        char o[2] = {c, 0};
        if (silent) {
            var_set("OPTARG", o, 0);
        } else {
            out_printf(2, "bash: illegal option -- %c\n", c);
        }
        var_set(name, "?", 0);
        if (last) {
            optind++;
            sh->getopts_pos = 0;
        }
        snprintf(buf, sizeof buf, "%d", optind);
        var_set("OPTIND", buf, 0);
        return 0;
    }
    if (spec[1] == ':') {
        if (!last) {
            var_set("OPTARG", arg + sh->getopts_pos, 0);
            optind++;
        } else if (optind < nargs) {
            var_set("OPTARG", args[optind], 0);
            optind += 2;
        } else {
            char o[2] = {c, 0};
            if (silent) {
                var_set(name, ":", 0);
                var_set("OPTARG", o, 0);
            } else {
                out_printf(2, "bash: option requires an argument -- %c\n", c);
                var_set(name, "?", 0);
            }
            optind++;
            sh->getopts_pos = 0;
            snprintf(buf, sizeof buf, "%d", optind);
            var_set("OPTIND", buf, 0);
            return 0;
        }
        sh->getopts_pos = 0;
    } else if (last) {
        optind++;
        sh->getopts_pos = 0;
    }
    char o[2] = {c, 0};
    var_set(name, o, 0);
    snprintf(buf, sizeof buf, "%d", optind);
    var_set("OPTIND", buf, 0);
    return 0;
}

/* ------------------------------------------------------------ misc */
static int bi_let(int argc, char **argv)
{
    if (argc < 2) {
        sh_err("let: expression expected");
        return 1;
    }
    long long v = 0;
    extern const char *arith_who;
    for (int i = 1; i < argc; i++) {
        int err = 0;
        arith_who = "let";
        v = arith_eval(argv[i], &err);
        arith_who = NULL;
        if (err)
            return 1;
    }
    return v == 0;
}

static int bi_wait(int argc, char **argv)
{
    (void)argc; (void)argv;
    return 0; /* background jobs ran to completion when started */
}

static int bi_noop(int argc, char **argv) { (void)argc; (void)argv; return 0; }

/* umask [-S] [OCTAL]: the mask applies to the files and directories
 * commands create (guest/rt/modes.c). */
static int bi_umask(int argc, char **argv)
{
    int sym = argc > 1 && !strcmp(argv[1], "-S");
    int i = sym ? 2 : 1;
    mode_t cur = umask(0);
    umask(cur);
    if (i >= argc) {
        if (!sym) {
            out_printf(1, "%04o\n", (unsigned)cur);
            return 0;
        }
        static const char *const who[] = {"u", "g", "o"};
        for (int k = 0; k < 3; k++) {
            unsigned bits = ~(unsigned)cur >> (6 - 3 * k) & 7;
            out_printf(1, "%s%s=%s%s%s", k ? "," : "", who[k], bits & 4 ? "r" : "", bits & 2 ? "w" : "",
                       bits & 1 ? "x" : "");
        }
        out_str(1, "\n");
        return 0;
    }
    char *end;
    unsigned long m = strtoul(argv[i], &end, 8);
    if (!*argv[i] || *end || m > 0777) {
        sh_err("umask: %s: octal number out of range (give an octal mask 000 to 777, e.g. umask 022)", argv[i]);
        return 1;
    }
    umask((mode_t)m);
    return 0;
}

static int bi_caller(int argc, char **argv)
{
    (void)argc; (void)argv;
    if (sh->nfuncname == 0)
        return 1;
    out_printf(1, "%d %s\n", sh->lineno, sh->nfuncname > 1 ? sh->funcname_stack[sh->nfuncname - 2] : "main");
    return 0;
}

static int bi_kill(int argc, char **argv)
{
    (void)argc; (void)argv;
    return 0;
}

static int bi_times(int argc, char **argv)
{
    (void)argc; (void)argv;
    out_str(1, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
    return 0;
}

/* help: the shell's summary, then the applets' own help command (every
 * command with its usage line); help NAME: a builtin's one line, an
 * applet's full help. */
static int bi_help(int argc, char **argv)
{
    const struct wb_applet *a = wb_applet_find("help");
    if (argc < 2) {
        out_str(1, "wasmbox shell: a bash-compatible shell inside the sandbox. Builtins: . : [ alias break builtin\n"
                   "caller cd command continue declare echo eval exec exit export false getopts hash help let local\n"
                   "mapfile printf pwd read readarray readonly return set shift shopt source test trap true type\n"
                   "typeset unalias unset wait. Other commands are applets:\n");
        return a ? proc_run_applet(a->main, argc, argv) : 0;
    }
    int st = 0;
    for (int i = 1; i < argc; i++) {
        const struct wb_applet *c = wb_applet_find(argv[i]);
        if (builtin_find(argv[i]) && (!c || !strcmp(argv[i], "help"))) {
            out_str(1, argv[i]);
            out_str(1, ": a shell builtin, as in bash (see the bash manual)\n");
        } else if (a && c) {
            char *one[] = {argv[0], argv[i], NULL};
            int r = proc_run_applet(a->main, 2, one);
            if (r)
                st = r;
        } else {
            sh_err("help: no command named '%s' (help lists them all)", argv[i]);
            st = 1;
        }
    }
    return st;
}

/* ------------------------------------------------------------ table */
static const struct {
    const char *name;
    builtin_fn fn;
    int special;
} table[] = {
    {":", bi_true, 1}, {".", bi_source, 1}, {"[", bi_bracket, 0}, {"alias", bi_alias, 0},
    {"break", bi_break, 1}, {"builtin", bi_builtin, 0}, {"caller", bi_caller, 0}, {"cd", bi_cd, 0},
    {"command", bi_command, 0}, {"continue", bi_break, 1}, {"declare", bi_declare, 0}, {"disown", bi_noop, 0},
    {"echo", bi_echo, 0}, {"eval", bi_eval, 1}, {"exec", bi_exec, 1}, {"exit", bi_exit, 1},
    {"export", bi_declare, 1}, {"false", bi_false, 0}, {"getopts", bi_getopts, 0}, {"hash", bi_noop, 0},
    {"help", bi_help, 0}, {"jobs", bi_noop, 0}, {"kill", bi_kill, 0}, {"let", bi_let, 0}, {"local", bi_declare, 0},
    {"mapfile", bi_mapfile, 0}, {"printf", bi_printf, 0}, {"pwd", bi_pwd, 0}, {"read", bi_read, 0},
    {"readarray", bi_mapfile, 0}, {"readonly", bi_declare, 1}, {"return", bi_return, 1}, {"set", bi_set, 1},
    {"shift", bi_shift, 1}, {"shopt", bi_shopt, 0}, {"source", bi_source, 1}, {"test", bi_test, 0},
    {"times", bi_times, 1}, {"trap", bi_trap, 1}, {"true", bi_true, 0}, {"type", bi_type, 0},
    {"typeset", bi_declare, 0}, {"ulimit", bi_noop, 0}, {"umask", bi_umask, 0}, {"unalias", bi_unalias, 0},
    {"unset", bi_unset, 1}, {"wait", bi_wait, 0},
};

builtin_fn builtin_find(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (!strcmp(table[i].name, name))
            return table[i].fn;
    return NULL;
}

int builtin_special(const char *name)
{
    (void)name;
    return 0; /* bash (not POSIX mode): prefix assignments are temporary for all builtins */
}
