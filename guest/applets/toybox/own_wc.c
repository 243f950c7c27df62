/* wc(1) as GNU coreutils' (ours: toybox's has no -L and pads its counts
 * differently).  Counts lines, words, characters (-m, UTF-8), bytes and
 * the longest line's display width (-L), printed in that order.
 *
 * Padding as GNU: one count of one file is printed bare; otherwise every
 * count is right-aligned to the width of the largest possible number,
 * taken from the total size of the regular files (at least 7 when an
 * input is not a regular file, e.g. a pipe). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] = "wc [-clmwL] [FILE...]";

enum { C_LINES, C_WORDS, C_CHARS, C_BYTES, C_MAXLEN, NCOUNTS };

struct counts { unsigned long long n[NCOUNTS]; };

/* Display width of code point U (what wcwidth gives in a UTF-8 locale,
 * for the common cases). */
static int width(unsigned u)
{
    if (u >= 0x300 && u <= 0x36f) return 0; /* combining marks */
    if (u == 0x200b || (u >= 0x200c && u <= 0x200f)) return 0;
    if ((u >= 0x1100 && u <= 0x115f) || (u >= 0x2e80 && u <= 0xa4cf && u != 0x303f)
        || (u >= 0xac00 && u <= 0xd7a3) || (u >= 0xf900 && u <= 0xfaff)
        || (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xff60)
        || (u >= 0xffe0 && u <= 0xffe6) || (u >= 0x1f300 && u <= 0x1f64f)
        || (u >= 0x1f900 && u <= 0x1f9ff) || (u >= 0x20000 && u <= 0x3fffd))
        return 2;
    return 1;
}

static int count_fd(int fd, struct counts *c)
{
    static unsigned char buf[65536];
    unsigned long long col = 0;
    int inword = 0;
    unsigned need = 0, cp = 0; /* UTF-8 sequence in progress */
    ssize_t r;

    memset(c, 0, sizeof(*c));
    while ((r = read(fd, buf, sizeof(buf))) > 0) {
        c->n[C_BYTES] += r;
        for (ssize_t i = 0; i < r; i++) {
            unsigned char b = buf[i];
            if (need) {
                if ((b & 0xc0) == 0x80) {
                    cp = cp << 6 | (b & 0x3f);
                    if (--need) continue;
                    c->n[C_CHARS]++;
                    col += width(cp);
                    if (!inword) c->n[C_WORDS]++, inword = 1;
                    continue;
                }
                need = 0; /* invalid sequence: not a character */
            }
            if (b >= 0x80) {
                if (b >= 0xc2 && b <= 0xdf) need = 1, cp = b & 0x1f;
                else if (b >= 0xe0 && b <= 0xef) need = 2, cp = b & 0x0f;
                else if (b >= 0xf0 && b <= 0xf4) need = 3, cp = b & 0x07;
                continue;
            }
            c->n[C_CHARS]++;
            switch (b) {
            case '\n':
                c->n[C_LINES]++;
                /* fallthrough */
            case '\r': case '\f':
                if (col > c->n[C_MAXLEN]) c->n[C_MAXLEN] = col;
                col = 0;
                inword = 0;
                break;
            case '\t':
                col += 8 - col % 8;
                inword = 0;
                break;
            case ' ':
                col++;
                inword = 0;
                break;
            case '\v':
                inword = 0;
                break;
            default:
                if (b > ' ' && b < 0x7f) {
                    col++;
                    if (!inword) c->n[C_WORDS]++, inword = 1;
                }
            }
        }
    }
    if (col > c->n[C_MAXLEN]) c->n[C_MAXLEN] = col;
    return r < 0 ? errno : 0;
}

static void show(const struct counts *c, const int *want, int w, const char *name)
{
    const char *sep = "";
    for (int k = 0; k < NCOUNTS; k++)
        if (want[k]) printf("%s%*llu", sep, w, c->n[k]), sep = " ";
    if (name) printf(" %s", name);
    putchar('\n');
}

static _Noreturn void bad(const char *msg, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "wc: %s '%s'\nusage: %s\n", msg, arg, usage);
    exit(1);
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_wc(int argc, char **argv)
{
    int want[NCOUNTS] = {0}, any = 0, i, status = 0, dashdash = 0;
    char **files = calloc(argc + 1, sizeof(char *));
    int nfiles = 0;

    wbtb_prepare();
    if (!files) exit(1);
    for (i = 1; i < argc; i++) {
        char *a = argv[i];
        if (dashdash || a[0] != '-' || !a[1]) { files[nfiles++] = a; continue; }
        if (!strcmp(a, "--")) { dashdash = 1; continue; }
        if (a[1] == '-') {
            static const char *const names[] = {"--lines", "--words", "--chars", "--bytes", "--max-line-length"};
            int k;
            if (!strcmp(a, "--help")) {
                printf("usage: %s\n\nCount lines, words, characters and bytes (in that order).\n\n"
                       "-l\tLines\n-w\tWords\n-m\tCharacters (UTF-8)\n-c\tBytes\n"
                       "-L\tWidth of the longest line\n\n"
                       "With no option: -l -w -c.  Counts are padded as GNU wc pads them.\n", usage);
                fflush(stdout);
                exit(0);
            }
            for (k = 0; k < NCOUNTS && strcmp(a, names[k]); k++) {}
            if (k == NCOUNTS) bad("unknown option", a);
            want[k] = any = 1;
            continue;
        }
        for (char *o = a + 1; *o; o++) {
            const char *p = strchr("lwmcL", *o);
            if (!p || !*o) bad("unknown option", a);
            want[p - "lwmcL"] = any = 1;
        }
    }
    if (!any) want[C_LINES] = want[C_WORDS] = want[C_BYTES] = 1;

    int nin = nfiles ? nfiles : 1, ncounts = 0;
    for (int k = 0; k < NCOUNTS; k++) ncounts += want[k];
    struct counts *cs = calloc(nin, sizeof(*cs)), total;
    int *failed = calloc(nin, sizeof(int)), *fds = calloc(nin, sizeof(int));
    struct stat *st = calloc(nin, sizeof(*st));
    if (!cs || !failed || !fds || !st) exit(1);

    /* Open and stat everything first: the width depends on all of them. */
    for (i = 0; i < nin; i++) {
        const char *name = nfiles ? files[i] : "-";
        fds[i] = strcmp(name, "-") ? open(name, O_RDONLY) : 0;
        if (fds[i] < 0 || fstat(fds[i], &st[i])) {
            fflush(stdout);
            fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
            failed[i] = 1, status = 1;
        }
    }
    int w = 1;
    if (!(ncounts == 1 && nin == 1) && !failed[0]) {
        unsigned long long sum = 0;
        int minw = 1;
        for (i = 0; i < nin; i++) {
            if (failed[i]) continue;
            if (S_ISREG(st[i].st_mode)) sum += st[i].st_size;
            else minw = 7;
        }
        for (; sum >= 10; sum /= 10) w++;
        if (w < minw) w = minw;
    }
    memset(&total, 0, sizeof(total));
    for (i = 0; i < nin; i++) {
        const char *name = nfiles ? files[i] : NULL;
        if (failed[i]) continue;
        int err = count_fd(fds[i], &cs[i]);
        if (fds[i] > 0) close(fds[i]);
        if (err) {
            fflush(stdout);
            fprintf(stderr, "wc: %s: %s\n", name ? name : "-", strerror(err));
            status = 1;
        }
        for (int k = 0; k < NCOUNTS; k++)
            if (k == C_MAXLEN) { if (cs[i].n[k] > total.n[k]) total.n[k] = cs[i].n[k]; }
            else total.n[k] += cs[i].n[k];
        show(&cs[i], want, w, name);
    }
    if (nfiles > 1) show(&total, want, w, "total");
    fflush(stdout);
    exit(status);
}
