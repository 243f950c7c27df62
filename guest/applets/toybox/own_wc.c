/* wc(1) as GNU prints it (ours: toybox's wc pads every count to 7
 * columns; GNU pads to the width of the largest possible count, so
 * `wc -l a b` prints " 2 a", and scripts compare that text).
 *
 * Counts: lines, words, characters (-m: UTF-8 characters unless the
 * locale is C), bytes, longest line (-L, tabs to the next multiple of 8).
 * Column width, as coreutils' compute_number_width: 1 when one count of
 * one input is asked for; else the digits of the summed sizes of the
 * regular files, at least 7 when an input is not a regular file (a pipe). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] = "wc [-clmwL] [FILE...]";

struct counts {
    unsigned long long lines, words, chars, bytes, maxlen;
};

static int want_l, want_w, want_m, want_c, want_L, utf8, mb;

/* The sandbox's default locale is UTF-8 (toybox's commands force it);
 * LC_ALL, LC_CTYPE or LANG set to C or POSIX count bytes, as GNU does. */
static int utf8_locale(void)
{
    const char *v = getenv("LC_ALL");
    if (!v || !*v)
        v = getenv("LC_CTYPE");
    if (!v || !*v)
        v = getenv("LANG");
    return !v || !*v || (strcmp(v, "C") && strcmp(v, "POSIX"));
}

static void count_fd(int fd, struct counts *c)
{
    char buf[16384]; /* on the 1 MiB shadow stack the shell shares */
    ssize_t n;
    int in_word = 0;
    unsigned long long col = 0;
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        c->bytes += (unsigned long long)n;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)buf[i];
            int cont = utf8 && (ch & 0xc0) == 0x80; /* UTF-8 continuation byte */
            if (!cont)
                c->chars++;
            if (ch == '\n') {
                c->lines++;
                if (col > c->maxlen)
                    c->maxlen = col;
                col = 0;
            } else if (ch == '\t') {
                col = (col + 8) & ~7ull;
            } else if (ch == '\r' || ch == '\f') {
                if (col > c->maxlen)
                    c->maxlen = col;
                col = 0;
            } else if (isprint(ch) || (mb && ch >= 0xc0)) {
                col++; /* GNU: unprintable bytes have no width */
            }
            if (isspace(ch)) {
                in_word = 0;
            } else if (!in_word && (isprint(ch) || (mb && ch >= 0x80))) {
                in_word = 1; /* GNU: only a printable character starts a word */
                c->words++;
            }
        }
    }
    if (col > c->maxlen)
        c->maxlen = col;
}

static void put(unsigned long long v, int width, int *first)
{
    printf(*first ? "%*llu" : " %*llu", width, v);
    *first = 0;
}

static void print(const struct counts *c, int width, const char *name)
{
    int first = 1;
    if (want_l) put(c->lines, width, &first);
    if (want_w) put(c->words, width, &first);
    if (want_m) put(c->chars, width, &first);
    if (want_c) put(c->bytes, width, &first);
    if (want_L) put(c->maxlen, width, &first);
    if (name)
        printf(" %s", name);
    putchar('\n');
}

static _Noreturn void bad_usage(const char *what, const char *arg)
{
    fprintf(stderr, "wc: %s '%s'\nusage: %s\n", what, arg, usage);
    exit(1);
}

int wbtb_own_wc(int argc, char **argv)
{
    int i, status = 0, nfiles, width = 1, minimum = 1;
    unsigned long long regular = 0;
    struct counts total = {0};

    want_l = want_w = want_m = want_c = want_L = 0;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (a[1] == '-') {
            if (!strcmp(a, "--lines")) want_l = 1;
            else if (!strcmp(a, "--words")) want_w = 1;
            else if (!strcmp(a, "--chars")) want_m = 1;
            else if (!strcmp(a, "--bytes")) want_c = 1;
            else if (!strcmp(a, "--max-line-length")) want_L = 1;
            else if (!strcmp(a, "--help")) {
                printf("usage: %s\n\nCount lines, words and bytes of each FILE (stdin without one, or -).\n\n"
                       "-c\tbytes\t-l\tlines\t-L\tlongest line (display width)\n"
                       "-m\tcharacters\t-w\twords\n\n"
                       "Columns are as wide as GNU wc makes them.\n", usage);
                fflush(stdout);
                exit(0);
            } else
                bad_usage("unknown option", a);
            continue;
        }
        for (char *o = a + 1; *o; o++) {
            switch (*o) {
            case 'l': want_l = 1; break;
            case 'w': want_w = 1; break;
            case 'm': want_m = 1; break;
            case 'c': want_c = 1; break;
            case 'L': want_L = 1; break;
            default: {
                char opt[3] = {'-', *o, 0};
                bad_usage("unknown option", opt);
            }
            }
        }
    }
    if (!(want_l || want_w || want_m || want_c || want_L))
        want_l = want_w = want_c = 1;
    mb = utf8_locale();
    utf8 = want_m && mb;

    char *stdin_only[] = {"-", NULL};
    char **files = argv + i;
    nfiles = argc - i;
    int named = nfiles > 0;
    if (!nfiles) {
        files = stdin_only;
        nfiles = 1;
    }

    /* The width, from what stat says before anything is read. */
    if (!(nfiles == 1 && want_l + want_w + want_m + want_c + want_L == 1)) {
        for (int k = 0; k < nfiles; k++) {
            struct stat st;
            int r = strcmp(files[k], "-") ? stat(files[k], &st) : fstat(0, &st);
            if (r)
                continue;
            if (S_ISREG(st.st_mode))
                regular += (unsigned long long)st.st_size;
            else
                minimum = 7;
        }
        for (; regular >= 10; regular /= 10)
            width++;
        if (width < minimum)
            width = minimum;
    }

    for (int k = 0; k < nfiles; k++) {
        struct counts c = {0};
        const char *name = files[k];
        int fd = strcmp(name, "-") ? open(name, O_RDONLY) : 0;
        if (fd < 0) {
            fflush(stdout);
            fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
            status = 1;
            continue;
        }
        struct stat st;
        if (!fstat(fd, &st) && S_ISDIR(st.st_mode)) {
            fflush(stdout);
            fprintf(stderr, "wc: %s: Is a directory\n", name);
            status = 1;
        } else {
            count_fd(fd, &c);
        }
        if (fd != 0)
            close(fd);
        print(&c, width, named ? name : NULL);
        total.lines += c.lines;
        total.words += c.words;
        total.chars += c.chars;
        total.bytes += c.bytes;
        if (c.maxlen > total.maxlen)
            total.maxlen = c.maxlen;
    }
    if (nfiles > 1)
        print(&total, width, "total");
    fflush(stdout);
    exit(status);
}
