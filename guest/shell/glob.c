/* Pattern matching (case, [[ == ]], ${x#p}, globbing) with bash's
 * brackets, classes and extglob groups, and pathname expansion against the
 * sandbox's filesystem.  Patterns arrive with quoted characters escaped by
 * a backslash (expand_pattern). */
#include "sh.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int match_here(const char *p, const char *s, const char *send, int flags, int depth);

static int fold(int c, int flags) { return (flags & PM_NOCASE) ? tolower(c) : c; }

/* [...] at p (after '['): sets *end past ']'; returns 1 if c is in it, 0
 * if not, -1 if the bracket is not closed (then '[' is literal). */
static int bracket(const char *p, int c, const char **end, int flags)
{
    int neg = 0, ok = 0;
    if (*p == '!' || *p == '^') {
        neg = 1;
        p++;
    }
    const char *start = p;
    while (*p && (*p != ']' || p == start)) {
        if (p[0] == '[' && p[1] == ':') {
            const char *q = strstr(p + 2, ":]");
            if (q) {
                size_t n = (size_t)(q - p - 2);
                char cls[16];
                if (n < sizeof cls) {
                    memcpy(cls, p + 2, n);
                    cls[n] = 0;
                    int m = 0;
                    if (!strcmp(cls, "alpha")) m = isalpha(c);
                    else if (!strcmp(cls, "digit")) m = isdigit(c);
                    else if (!strcmp(cls, "alnum")) m = isalnum(c);
                    else if (!strcmp(cls, "upper")) m = isupper(c) || ((flags & PM_NOCASE) && islower(c));
                    else if (!strcmp(cls, "lower")) m = islower(c) || ((flags & PM_NOCASE) && isupper(c));
                    else if (!strcmp(cls, "space")) m = isspace(c);
                    else if (!strcmp(cls, "blank")) m = c == ' ' || c == '\t';
                    else if (!strcmp(cls, "punct")) m = ispunct(c);
                    else if (!strcmp(cls, "print")) m = isprint(c);
                    else if (!strcmp(cls, "graph")) m = isgraph(c);
                    else if (!strcmp(cls, "cntrl")) m = iscntrl(c);
                    else if (!strcmp(cls, "xdigit")) m = isxdigit(c);
                    else if (!strcmp(cls, "word")) m = isalnum(c) || c == '_';
                    if (m)
                        ok = 1;
                    p = q + 2;
                    continue;
                }
            }
        }
        int lo = (unsigned char)*p;
        if (*p == '\\' && p[1])
            lo = (unsigned char)*++p;
        p++;
        if (p[0] == '-' && p[1] && p[1] != ']') {
            int hi;
            if (p[1] == '\\' && p[2]) {
                hi = (unsigned char)p[2];
                p += 3;
            } else {
                hi = (unsigned char)p[1];
                p += 2;
            }
            if ((lo <= c && c <= hi) || ((flags & PM_NOCASE) && lo <= toupper(c) && toupper(c) <= hi) ||
                ((flags & PM_NOCASE) && lo <= tolower(c) && tolower(c) <= hi))
                ok = 1;
        } else if (fold(lo, flags) == fold(c, flags)) {
            ok = 1;
        }
    }
    if (*p != ']')
        return -1;
    *end = p + 1;
    return neg ? !ok : ok;
}

/* End of an extglob group: p at '(' ; returns pointer to matching ')'. */
static const char *group_end(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            return p;
    }
    return NULL;
}

/* Does s[0..n) match one of the alternatives of group g..gend? */
static int match_alts(const char *g, const char *gend, const char *s, const char *send, int flags, int depth)
{
    const char *a = g + 1;
    int d = 0;
    for (const char *q = a; q <= gend; q++) {
        if (*q == '\\' && q < gend) {
            q++;
            continue;
        }
        if (*q == '(')
            d++;
        else if (*q == ')' && q != gend)
            d--;
        if ((*q == '|' && d == 0) || q == gend) {
            char *alt = xstrndup(a, (size_t)(q - a));
            int m = match_here(alt, s, send, flags, depth + 1);
            free(alt);
            if (m)
                return 1;
            a = q + 1;
        }
    }
    return 0;
}

static int match_here(const char *p, const char *s, const char *send, int flags, int depth)
{
    if (depth > 200)
        return 0;
    while (*p) {
        char c = *p;
        if ((flags & PM_EXTGLOB) && strchr("?*+@!", c) && p[1] == '(') {
            const char *ge = group_end(p + 1);
            if (ge) {
                const char *g = p + 1, *rest = ge + 1;
                switch (c) {
                case '@':
                case '?':
                    if (c == '?' && match_here(rest, s, send, flags, depth + 1))
                        return 1;
                    for (const char *k = s; k <= send; k++)
                        if (match_alts(g, ge, s, k, flags, depth) && match_here(rest, k, send, flags, depth + 1))
                            return 1;
                    return 0;
                case '*':
                case '+':
                    if (c == '*' && match_here(rest, s, send, flags, depth + 1))
                        return 1;
                    for (const char *k = s + 1; k <= send; k++)
                        if (match_alts(g, ge, s, k, flags, depth)) {
                            if (match_here(rest, k, send, flags, depth + 1))
                                return 1;
                            /* more repetitions: *(...) again on the rest */
                            char *again = xmalloc(strlen(p) + 2);
                            again[0] = '*';
                            strcpy(again + 1, p + 1);
                            int m = match_here(again, k, send, flags, depth + 1);
                            free(again);
                            if (m)
                                return 1;
                        }
                    return 0;
                case '!':
                    for (const char *k = s; k <= send; k++)
                        if (!match_alts(g, ge, s, k, flags, depth) && match_here(rest, k, send, flags, depth + 1))
                            return 1;
                    return 0;
                }
            }
        }
        if (c == '*') {
            while (*p == '*')
                p++;
            if (!*p) {
                if (flags & PM_PATHNAME)
                    return !memchr(s, '/', (size_t)(send - s));
                return 1;
            }
            for (const char *k = s; k <= send; k++) {
                if (match_here(p, k, send, flags, depth + 1))
                    return 1;
                if ((flags & PM_PATHNAME) && k < send && *k == '/')
                    return 0;
            }
            return 0;
        }
        if (s >= send)
            return 0;
        if (c == '?') {
            p++;
            s++;
            continue;
        }
        if (c == '[') {
            const char *end;
            int r = bracket(p + 1, (unsigned char)*s, &end, flags);
            if (r >= 0) {
                if (!r)
                    return 0;
                p = end;
                s++;
                continue;
            }
        }
        if (c == '\\' && p[1]) {
            p++;
            c = *p;
        }
        if (fold((unsigned char)c, flags) != fold((unsigned char)*s, flags))
            return 0;
        p++;
        s++;
    }
    return s == send;
}

int pat_match(const char *pat, const char *s, int flags)
{
    if (sh && sh->o_extglob)
        flags |= PM_EXTGLOB;
    return match_here(pat, s, s + strlen(s), flags, 0);
}

int glob_has_magic(const char *p)
{
    for (; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '*' || *p == '?' || *p == '[')
            return 1;
        if (sh->o_extglob && strchr("+@!", *p) && p[1] == '(')
            return 1;
    }
    return 0;
}

char *pat_unescape(const char *p)
{
    struct sbuf b = {0};
    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        sb_addc(&b, *p);
    }
    return sb_take(&b);
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Expands one '/'-separated component list recursively. */
static void glob_rec(const char *base, const char *pat, struct svec *out, int depth)
{
    if (depth > 64)
        return;
    while (*pat == '/')
        pat++;
    const char *slash = strchr(pat, '/');
    size_t clen = slash ? (size_t)(slash - pat) : strlen(pat);
    char *comp = xstrndup(pat, clen);
    const char *rest = slash ? slash : NULL;
    char *dir = xstrdup(*base ? base : ".");
    if (!glob_has_magic(comp)) {
        char *lit = pat_unescape(comp);
        struct sbuf path = {0};
        sb_adds(&path, base);
        if (*base && base[strlen(base) - 1] != '/')
            sb_addc(&path, '/');
        sb_adds(&path, lit);
        free(lit);
        struct stat st;
        if (!rest) {
            if (lstat(path.s, &st) == 0)
                sv_push(out, sb_take(&path));
        } else if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode)) {
            glob_rec(path.s, rest, out, depth + 1);
        }
        sb_free(&path);
        free(comp);
        free(dir);
        return;
    }
    int globstar = sh->o_globstar && !strcmp(comp, "**");
    DIR *d = opendir(dir);
    if (!d) {
        free(comp);
        free(dir);
        return;
    }
    struct svec names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        sv_push(&names, xstrdup(e->d_name));
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmpstr);
    int flags = PM_PATHNAME | (sh->o_nocaseglob ? PM_NOCASE : 0);
    if (globstar && rest)
        glob_rec(base, rest, out, depth + 1);
    for (size_t i = 0; i < names.n; i++) {
        const char *n = names.v[i];
        if (!strcmp(n, ".") || !strcmp(n, ".."))
            continue;
        if (n[0] == '.' && comp[0] != '.' && !(comp[0] == '\\' && comp[1] == '.') && !sh->o_dotglob)
            continue;
        if (!globstar && !pat_match(comp, n, flags))
            continue;
        struct sbuf path = {0};
        sb_adds(&path, base);
        if (*base && base[strlen(base) - 1] != '/')
            sb_addc(&path, '/');
        sb_adds(&path, n);
        struct stat st;
        int isdir = stat(path.s, &st) == 0 && S_ISDIR(st.st_mode);
        if (globstar) {
            if (!rest)
                sv_push(out, xstrdup(path.s));
            if (isdir) {
                struct sbuf sub = {0};
                sb_adds(&sub, "**");
                if (rest)
                    sb_adds(&sub, rest);
                glob_rec(path.s, sub.s, out, depth + 1);
                sb_free(&sub);
            }
        } else if (!rest) {
            sv_push(out, xstrdup(path.s));
        } else if (isdir) {
            if (!strcmp(rest, "/") || !rest[strspn(rest, "/")]) {
                sb_adds(&path, "/");
                sv_push(out, xstrdup(path.s));
            } else {
                glob_rec(path.s, rest, out, depth + 1);
            }
        }
        sb_free(&path);
    }
    sv_free(&names);
    free(comp);
    free(dir);
}

int glob_expand(const char *pat, struct svec *out)
{
    size_t before = out->n;
    if (pat[0] == '/')
        glob_rec("/", pat + 1, out, 0);
    else
        glob_rec("", pat, out, 0);
    size_t n = out->n - before;
    if (n > 1)
        qsort(out->v + before, n, sizeof *out->v, cmpstr);
    return (int)n;
}
