/* Shell variables: scalars, indexed and associative arrays, attributes,
 * function-local scopes (dynamic scoping, like bash). */
#include "sh.h"
#include "../rt/proc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % VHASH;
}

int valid_name_n(const char *s, size_t n)
{
    if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    return 1;
}

int valid_name(const char *s) { return valid_name_n(s, strlen(s)); }

struct var *var_get(const char *name)
{
    for (struct var *v = sh->vars[hash(name)]; v; v = v->next)
        if (!strcmp(v->name, name))
            return v;
    return NULL;
}

static void var_clear_value(struct var *v)
{
    free(v->str);
    v->str = NULL;
    arr_clear(v);
}

static struct var *var_make(const char *name)
{
    struct var *v = xmalloc(sizeof *v);
    memset(v, 0, sizeof *v);
    v->name = xstrdup(name);
    v->flags = V_UNSET;
    unsigned h = hash(name);
    v->next = sh->vars[h];
    sh->vars[h] = v;
    return v;
}

static struct var *var_lookup_or_make(const char *name)
{
    struct var *v = var_get(name);
    return v ? v : var_make(name);
}

char *var_apply_case(struct var *v, const char *val)
{
    char *s = xstrdup(val);
    if (v->flags & V_UPPER)
        for (char *c = s; *c; c++)
            *c = (char)toupper((unsigned char)*c);
    if (v->flags & V_LOWER)
        for (char *c = s; *c; c++)
            *c = (char)tolower((unsigned char)*c);
    return s;
}

/* The value a scalar assignment stores: integer attribute evaluates. */
static char *assigned_value(struct var *v, const char *val, int *err)
{
    *err = 0;
    if (v->flags & V_INTEGER) {
        long long r = arith_eval(val, err);
        if (*err)
            return NULL;
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", r);
        return xstrdup(buf);
    }
    return var_apply_case(v, val);
}

static int readonly_err(const char *name)
{
    sh_err("%s: readonly variable", name);
    return 1;
}

static int special_set(const char *name, const char *val)
{
    if (!strcmp(name, "RANDOM")) {
        sh->rand_state = (uint32_t)strtoul(val, NULL, 10);
        return 1;
    }
    if (!strcmp(name, "BASH_ARGV0")) { /* bash 5: assigning sets $0 */
        free(sh->arg0);
        sh->arg0 = xstrdup(val);
        return 0;
    }
    return 0;
}

int var_set(const char *name, const char *val, int flags_add)
{
    struct var *v = var_lookup_or_make(name);
    if (v->flags & V_READONLY)
        return readonly_err(name);
    if (special_set(name, val))
        return 0;
    v->flags |= flags_add;
    int err;
    char *nv = assigned_value(v, val, &err);
    if (err)
        return 1;
    if (v->flags & (V_ARRAY | V_ASSOC)) {
        if (v->flags & V_ASSOC)
            assoc_set(v, "0", nv);
        else
            arr_set(v, 0, nv);
    } else {
        free(v->str);
        v->str = nv;
    }
    v->flags &= ~V_UNSET;
    if (sh->o_allexport)
        v->flags |= V_EXPORT;
    return 0;
}

void var_set_flag(struct var *v, int flags) { v->flags |= flags; }

int var_unset(const char *name)
{
    unsigned h = hash(name);
    for (struct var **pp = &sh->vars[h]; *pp; pp = &(*pp)->next) {
        struct var *v = *pp;
        if (strcmp(v->name, name))
            continue;
        if (v->flags & V_READONLY) {
            sh_err("unset: %s: cannot unset: readonly variable", name);
            return 1;
        }
        if (v->level > 0 && v->level == sh->level) {
            /* unset of a local: stays local, but unset */
            var_clear_value(v);
            v->flags = V_UNSET;
            return 0;
        }
        if (v->shadow) {
            /* a local of an outer function: reveal what it hid */
            struct var *s = v->shadow;
            s->next = v->next;
            *pp = s;
        } else {
            *pp = v->next;
        }
        var_clear_value(v);
        free(v->name);
        free(v);
        return 0;
    }
    return 0;
}

struct var *var_new_local(const char *name)
{
    struct var *old = var_get(name);
    if (old && old->level == sh->level)
        return old;
    unsigned h = hash(name);
    if (old) {
        /* unlink old from the chain; the local takes its place */
        for (struct var **pp = &sh->vars[h]; *pp; pp = &(*pp)->next)
            if (*pp == old) {
                *pp = old->next;
                break;
            }
    }
    struct var *v = var_make(name);
    v->shadow = old;
    v->level = sh->level;
    if (old)
        v->flags |= old->flags & (V_EXPORT);
    return v;
}

/* Function return: drop the locals of this level, revealing what they hid. */
void var_pop_level(int level)
{
    for (int h = 0; h < VHASH; h++) {
        for (struct var **pp = &sh->vars[h]; *pp;) {
            struct var *v = *pp;
            if (v->level >= level && v->level > 0) {
                struct var *s = v->shadow;
                if (s) {
                    s->next = v->next;
                    *pp = s;
                } else {
                    *pp = v->next;
                }
                var_clear_value(v);
                free(v->name);
                free(v);
                continue;
            }
            pp = &(*pp)->next;
        }
    }
}

/* ------------------------------------------------------------ arrays */
void arr_clear(struct var *v)
{
    for (size_t i = 0; i < v->nents; i++) {
        free(v->ents[i].key);
        free(v->ents[i].val);
    }
    free(v->ents);
    v->ents = NULL;
    v->nents = v->cap = 0;
}

static size_t arr_find(struct var *v, long idx, int *found)
{
    size_t lo = 0, hi = v->nents;
    if (hi && v->ents[hi - 1].idx < idx) {
        *found = 0;
        return hi;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->ents[mid].idx < idx)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = lo < v->nents && v->ents[lo].idx == idx;
    return lo;
}

struct aent *arr_get(struct var *v, long idx)
{
    int found;
    size_t i = arr_find(v, idx, &found);
    return found ? &v->ents[i] : NULL;
}

static void ents_grow(struct var *v)
{
    if (v->nents == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->ents = xrealloc(v->ents, v->cap * sizeof *v->ents);
    }
}

void arr_set(struct var *v, long idx, char *val)
{
    int found;
    size_t i = arr_find(v, idx, &found);
    if (found) {
        free(v->ents[i].val);
        v->ents[i].val = val;
        return;
    }
    ents_grow(v);
    memmove(&v->ents[i + 1], &v->ents[i], (v->nents - i) * sizeof *v->ents);
    v->ents[i].key = NULL;
    v->ents[i].idx = idx;
    v->ents[i].val = val;
    v->nents++;
}

long arr_max(struct var *v) { return v->nents ? v->ents[v->nents - 1].idx : -1; }

int arr_unset(struct var *v, long idx)
{
    int found;
    size_t i = arr_find(v, idx, &found);
    if (!found)
        return 0;
    free(v->ents[i].val);
    memmove(&v->ents[i], &v->ents[i + 1], (v->nents - i - 1) * sizeof *v->ents);
    v->nents--;
    return 1;
}

struct aent *assoc_get(struct var *v, const char *key)
{
    for (size_t i = 0; i < v->nents; i++)
        if (!strcmp(v->ents[i].key, key))
            return &v->ents[i];
    return NULL;
}

void assoc_set(struct var *v, const char *key, char *val)
{
    struct aent *e = assoc_get(v, key);
    if (e) {
        free(e->val);
        e->val = val;
        return;
    }
    ents_grow(v);
    e = &v->ents[v->nents++];
    e->key = xstrdup(key);
    e->idx = 0;
    e->val = val;
}

int assoc_unset(struct var *v, const char *key)
{
    for (size_t i = 0; i < v->nents; i++)
        if (!strcmp(v->ents[i].key, key)) {
            free(v->ents[i].key);
            free(v->ents[i].val);
            memmove(&v->ents[i], &v->ents[i + 1], (v->nents - i - 1) * sizeof *v->ents);
            v->nents--;
            return 1;
        }
    return 0;
}

/* NAME[sub]=val (sub already expanded for assoc; arithmetic for indexed). */
int var_assign_elem(const char *name, const char *sub, const char *val, int append)
{
    struct var *v = var_lookup_or_make(name);
    if (v->flags & V_READONLY)
        return readonly_err(name);
    if (!(v->flags & (V_ARRAY | V_ASSOC))) {
        /* a scalar becomes element 0 */
        v->flags |= V_ARRAY;
        if (v->str) {
            arr_set(v, 0, v->str);
            v->str = NULL;
        }
    }
    v->flags &= ~V_UNSET;
    int err = 0;
    if (v->flags & V_ASSOC) {
        struct aent *e = assoc_get(v, sub);
        char *nv;
        if (append && e) {
            struct sbuf b = {0};
            sb_adds(&b, e->val);
            sb_adds(&b, val);
            nv = sb_take(&b);
        } else {
            nv = assigned_value(v, val, &err);
        }
        if (err)
            return 1;
        assoc_set(v, sub, nv);
        return 0;
    }
    char *xs = expand_str(sub, EX_NOTILDE);
    long long idx = arith_eval(xs, &err);
    free(xs);
    if (err)
        return 1;
    if (idx < 0) {
        idx += arr_max(v) + 1;
        if (idx < 0) {
            sh_err("%s[%s]: bad array subscript", name, sub);
            return 1;
        }
    }
    struct aent *e = arr_get(v, (long)idx);
    char *nv;
    if (append && e) {
        if (v->flags & V_INTEGER) {
            char buf[64];
            long long cur = strtoll(e->val, NULL, 10);
            long long add = arith_eval(val, &err);
            snprintf(buf, sizeof buf, "%lld", cur + add);
            nv = xstrdup(buf);
        } else {
            struct sbuf b = {0};
            sb_adds(&b, e->val);
            sb_adds(&b, val);
            nv = sb_take(&b);
        }
    } else {
        nv = assigned_value(v, val, &err);
    }
    if (err)
        return 1;
    arr_set(v, (long)idx, nv);
    return 0;
}

/* ------------------------------------------------------------ lookup */
const char *special_var(const char *name, char *buf, size_t bufsz)
{
    if (!strcmp(name, "RANDOM")) {
        sh->rand_state = sh->rand_state * 1103515245u + 12345u;
        snprintf(buf, bufsz, "%u", (sh->rand_state >> 16) & 0x7fff);
        return buf;
    }
    if (!strcmp(name, "LINENO")) {
        snprintf(buf, bufsz, "%d", sh->lineno);
        return buf;
    }
    if (!strcmp(name, "SECONDS")) {
        snprintf(buf, bufsz, "0");
        return buf;
    }
    if (!strcmp(name, "WASMBOX_MEMORY")) {
        /* the sandbox's linear memory in bytes (tests: memory stays flat) */
        snprintf(buf, bufsz, "%zu", arena_live_bytes());
        return buf;
    }
    if (!strcmp(name, "BASH_SUBSHELL")) {
        snprintf(buf, bufsz, "%d", sh->subshell);
        return buf;
    }
    if (!strcmp(name, "PWD") && !var_get("PWD")) {
        return sh->cwd;
    }
    if (!strcmp(name, "FUNCNAME")) {
        return sh->nfuncname ? sh->funcname_stack[sh->nfuncname - 1] : NULL;
    }
    return NULL;
}

const char *var_str(const char *name)
{
    static char buf[64]; /* only for the specials' numbers; copied by callers at once */
    const char *sp = special_var(name, buf, sizeof buf);
    if (sp)
        return sp;
    struct var *v = var_get(name);
    if (!v || (v->flags & V_UNSET))
        return NULL;
    if (v->flags & V_ASSOC) {
        struct aent *e = assoc_get(v, "0");
        return e ? e->val : NULL;
    }
    if (v->flags & V_ARRAY) {
        struct aent *e = arr_get(v, 0);
        return e ? e->val : NULL;
    }
    return v->str;
}

/* ------------------------------------------------------------ copies */
static struct var *var_dup(const struct var *v)
{
    struct var *c = xmalloc(sizeof *c);
    *c = *v;
    c->next = NULL;
    c->name = xstrdup(v->name);
    c->str = v->str ? xstrdup(v->str) : NULL;
    c->shadow = v->shadow ? var_dup(v->shadow) : NULL;
    c->ents = NULL;
    c->cap = c->nents = 0;
    if (v->nents) {
        c->cap = v->nents;
        c->ents = xmalloc(c->cap * sizeof *c->ents);
        for (size_t i = 0; i < v->nents; i++) {
            c->ents[i].idx = v->ents[i].idx;
            c->ents[i].key = v->ents[i].key ? xstrdup(v->ents[i].key) : NULL;
            c->ents[i].val = xstrdup(v->ents[i].val);
        }
        c->nents = v->nents;
    }
    return c;
}

void vars_copy(struct shell *dst, const struct shell *src)
{
    for (int h = 0; h < VHASH; h++) {
        struct var **tail = &dst->vars[h];
        *tail = NULL;
        for (struct var *v = src->vars[h]; v; v = v->next) {
            *tail = var_dup(v);
            tail = &(*tail)->next;
        }
    }
}

static void var_free_chain(struct var *v)
{
    while (v) {
        struct var *s = v->shadow;
        free(v->str);
        for (size_t i = 0; i < v->nents; i++) {
            free(v->ents[i].key);
            free(v->ents[i].val);
        }
        free(v->ents);
        free(v->name);
        free(v);
        v = s;
    }
}

void vars_free(struct shell *s)
{
    for (int h = 0; h < VHASH; h++) {
        struct var *v = s->vars[h];
        while (v) {
            struct var *n = v->next;
            var_free_chain(v);
            v = n;
        }
        s->vars[h] = NULL;
    }
}

char **env_build(void)
{
    struct svec e = {0};
    for (int h = 0; h < VHASH; h++)
        for (struct var *v = sh->vars[h]; v; v = v->next) {
            if (!(v->flags & V_EXPORT) || (v->flags & V_UNSET))
                continue;
            const char *val = var_str(v->name);
            if (!val)
                continue;
            struct sbuf b = {0};
            sb_printf(&b, "%s=%s", v->name, val);
            sv_push(&e, sb_take(&b));
        }
    if (!e.v)
        sv_push(&e, NULL), e.n = 0;
    return e.v;
}
