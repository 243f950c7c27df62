/* grep -c with one literal pattern, counted over whole buffers.
 *
 * toybox's grep reads a line at a time (getdelim: a malloc, a copy and a
 * free per line) and tries the pattern at every byte; on 10 MB of short
 * lines that is most of `cat FILE | grep -c x`.  This wraps toybox's
 * grep_main (wasm-ld --wrap, mk/perf.mk): after toybox has parsed the
 * options, the case of -c with at most -F -v -h -H besides, one pattern
 * argument (no -e/-f) that is a plain string (no newline; without -F no
 * regex character either) and inputs that are stdin, "-" or regular files
 * is counted here with memmem over large reads.  Everything else, and any
 * input that does not open, goes to toybox's grep unchanged.
 *
 * The count is toybox's: a line counts when the pattern occurs in it, but
 * a line whose first byte is NUL never does (its fixed-string loop starts
 * only `if (*start)`); -v counts the others; the last line counts without
 * a newline; with more than one input (or -H, not -h) each count is
 * preceded by NAME: ("(standard input)" for stdin); the exit status is 0
 * when some line was counted, 1 when none. */
#define FOR_grep
#include "toys.h"

void __real_wbtb_grep_main(void);
void __wrap_wbtb_grep_main(void);

/* Lines of buf[0..len) holding pat (complete lines, but the last one at
 * EOF may have no newline).  Only when buf holds a NUL byte at all does a
 * match need its line's start (text has none: one memchr skips that). */
static long count_matching(const char *buf, size_t len, const char *pat, size_t plen)
{
    int nul = memchr(buf, 0, len) != NULL;
    const char *p = buf, *end = buf + len;
    long n = 0;

    while (p < end) {
        const char *q = memmem(p, end - p, pat, plen), *ls, *nl;

        if (!q)
            break;
        if (!nul)
            n++;
        else {
            ls = memrchr(p, '\n', q - p);
            ls = ls ? ls + 1 : p;
            n += *ls != 0;
        }
        nl = memchr(q + plen, '\n', end - (q + plen));
        if (!nl)
            break;
        p = nl + 1;
    }
    return n;
}

static long count_lines(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len, *nl;
    long n = 0;

    while (p < end && (nl = memchr(p, '\n', end - p))) {
        n++;
        p = nl + 1;
    }
    return n + (p < end);
}

/* Counts the selected lines of fd; a read error is reported as toybox's
 * grep does (the count so far is still printed). */
static long count_fd(int fd, char *name, const char *pat, size_t plen, int invert)
{
    size_t cap = 1 << 16, have = 0;
    char *buf = xmalloc(cap);
    long n = 0;

    for (;;) {
        ssize_t r;
        size_t done;
        int eof;

        if (have == cap)
            buf = xrealloc(buf, cap *= 2);
        r = read(fd, buf + have, cap - have);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            perror_msg("%s", name);
        eof = r <= 0;
        if (r > 0)
            have += r;
        if (eof)
            done = have;
        else {
            char *nl = memrchr(buf, '\n', have);

            if (!nl)
                continue;
            done = nl - buf + 1;
        }
        {
            long m = count_matching(buf, done, pat, plen);

            n += invert ? count_lines(buf, done) - m : m;
        }
        memmove(buf, buf + done, have - done);
        have -= done;
        if (eof)
            break;
    }
    free(buf);
    return n;
}

/* The pattern argument and the inputs when this case applies, else 0. */
static int simple_case(char **pat, size_t *plen)
{
    long long allowed = FLAG_c | FLAG_F | FLAG_v | FLAG_h | FLAG_H;
    char *p;

    if (strcmp(toys.which->name, "grep") || !FLAG(c) || (toys.optflags & ~allowed))
        return 0;
    if (TT.e || TT.f || !toys.optargs[0])
        return 0;
    p = toys.optargs[0];
    *plen = strlen(p);
    if (!*plen || strchr(p, '\n'))
        return 0;
    if (!FLAG(F) && strpbrk(p, "\\.^$[]()|*+?{}"))
        return 0;
    *pat = p;
    return 1;
}

void __wrap_wbtb_grep_main(void)
{
    char *pat, **names;
    size_t plen;
    int nin, i, *fds, found = 0;

    if (!simple_case(&pat, &plen)) {
        __real_wbtb_grep_main();
        return;
    }
    names = toys.optargs + 1;
    for (nin = 0; names[nin]; nin++)
        ;
    fds = xzalloc((nin + 1) * sizeof(*fds));
    /* every input opens (and is stdin or a regular file) before any
     * output, or toybox does it all, with its messages */
    for (i = 0; i < nin; i++) {
        struct stat st;

        if (!strcmp(names[i], "-"))
            continue;
        fds[i] = open(names[i], O_RDONLY);
        if (fds[i] < 0 || fstat(fds[i], &st) || !S_ISREG(st.st_mode)) {
            for (; i >= 0; i--)
                if (fds[i] > 0)
                    close(fds[i]);
            free(fds);
            __real_wbtb_grep_main();
            return;
        }
    }
    for (i = 0; i < (nin ? nin : 1); i++) {
        int fd = nin ? fds[i] : 0;
        char *name = fd ? names[i] : "(standard input)";
        long n = count_fd(fd, name, pat, plen, FLAG(v));

        if (FLAG(H) || (!FLAG(h) && nin > 1))
            xprintf("%s:", name);
        xprintf("%ld\n", n);
        found |= n > 0;
        if (fd)
            close(fd);
    }
    free(fds);
    toys.exitval = !found;
}
