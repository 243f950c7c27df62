/* base64(1) as GNU coreutils' (ours, not toybox's): toybox's base64 -d
 * accepts invalid input silently and lost data past its first read
 * buffer.  As GNU: decoding goes by quanta of four characters (newlines
 * skipped, and with -i anything outside the alphabet); a quantum that is
 * short or has a bad character ends decoding after the bytes it did
 * give, with "base64: invalid input" and exit 1.  Padded quanta may be
 * followed by more (concatenated encodings). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] = "base64 [-di] [-w COLS] [FILE]";
static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static _Noreturn void fail(const char *fmt, const char *arg)
{
    fflush(stdout);
    fputs("base64: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static int value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* One quantum of n (1..4) characters: writes what it decodes; 0 if the
 * quantum is complete and valid. */
static int decode4(const unsigned char *in, int n)
{
    int a, b, c, d;
    if (n < 2 || (a = value(in[0])) < 0 || (b = value(in[1])) < 0)
        return -1;
    putchar((a << 2) | (b >> 4));
    if (n == 2)
        return -1;
    if (in[2] == '=')
        return n == 4 && in[3] == '=' ? 0 : -1;
    if ((c = value(in[2])) < 0)
        return -1;
    putchar(((b & 15) << 4) | (c >> 2));
    if (n == 3)
        return -1;
    if (in[3] == '=')
        return 0;
    if ((d = value(in[3])) < 0)
        return -1;
    putchar(((c & 3) << 6) | d);
    return 0;
}

static void decode(int fd, int ignore_garbage)
{
    unsigned char buf[4096], q[4];
    int nq = 0;
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = buf[i];
            if (c == '\n' || (ignore_garbage && c != '=' && value(c) < 0))
                continue;
            q[nq++] = c;
            if (nq == 4) {
                if (decode4(q, 4))
                    fail("%s", "invalid input");
                nq = 0;
            }
        }
    }
    if (n < 0)
        fail("read error: %s", strerror(errno));
    if (nq && decode4(q, nq))
        fail("%s", "invalid input");
}

static void encode(int fd, long wrap)
{
    unsigned char buf[3 * 1024];
    long col = 0;
    size_t have = 0;
    ssize_t n;
    int eof = 0;

    while (!eof) {
        n = read(fd, buf + have, sizeof(buf) - have);
        if (n < 0)
            fail("read error: %s", strerror(errno));
        if (n == 0)
            eof = 1;
        have += (size_t)n;
        size_t whole = eof ? have : have - have % 3, i;
        for (i = 0; i < whole; i += 3) {
            char out[4];
            size_t k = whole - i < 3 ? whole - i : 3;
            unsigned v = (unsigned)buf[i] << 16 | (k > 1 ? (unsigned)buf[i + 1] << 8 : 0) |
                         (k > 2 ? buf[i + 2] : 0);
            out[0] = alphabet[v >> 18];
            out[1] = alphabet[(v >> 12) & 63];
            out[2] = k > 1 ? alphabet[(v >> 6) & 63] : '=';
            out[3] = k > 2 ? alphabet[v & 63] : '=';
            for (int j = 0; j < 4; j++) {
                putchar(out[j]);
                if (wrap && ++col == wrap) {
                    putchar('\n');
                    col = 0;
                }
            }
        }
        memmove(buf, buf + whole, have - whole);
        have -= whole;
    }
    if (wrap && col)
        putchar('\n');
}

int wbtb_own_base64(int argc, char **argv)
{
    int dec = 0, ign = 0, fd = 0, i;
    long wrap = 76;
    const char *file = NULL;

    for (i = 1; i < argc; i++) {
        char *a = argv[i], *v = NULL;
        if (a[0] != '-' || !a[1]) {
            if (file)
                fail("extra operand '%s'", a);
            file = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            for (i++; i < argc; i++) {
                if (file)
                    fail("extra operand '%s'", argv[i]);
                file = argv[i];
            }
            break;
        }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nEncode FILE (or stdin) in base64, or decode it.\n\n"
                   "-d, --decode          decode; invalid input: message and exit 1\n"
                   "-i, --ignore-garbage  when decoding, skip characters outside the alphabet\n"
                   "-w, --wrap=COLS       wrap encoded lines after COLS characters (default 76,\n"
                   "                      0: no wrapping)\n", usage);
            return 0;
        }
        if (!strcmp(a, "--decode")) { dec = 1; continue; }
        if (!strcmp(a, "--ignore-garbage")) { ign = 1; continue; }
        if (!strncmp(a, "--wrap", 6) && (!a[6] || a[6] == '=')) {
            v = a[6] ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v)
                fail("option '--wrap' requires an argument%s", "");
        } else if (a[1] == '-') {
            fail("unrecognized option '%s'", a);
        } else {
            for (char *o = a + 1; *o && !v; o++) {
                if (*o == 'd') dec = 1;
                else if (*o == 'i') ign = 1;
                else if (*o == 'w') {
                    v = o[1] ? o + 1 : (i + 1 < argc ? argv[++i] : NULL);
                    if (!v)
                        fail("option requires an argument -- '%s'", "w");
                } else {
                    char opt[2] = {*o, 0};
                    fail("invalid option -- '%s'", opt);
                }
            }
            if (!v)
                continue;
        }
        char *end;
        errno = 0;
        wrap = strtol(v, &end, 10);
        if (end == v || *end || wrap < 0 || errno)
            fail("invalid wrap size: '%s'", v);
    }
    if (file && strcmp(file, "-") && (fd = open(file, O_RDONLY)) < 0) {
        fflush(stdout);
        fprintf(stderr, "base64: %s: %s\n", file, strerror(errno));
        return 1;
    }
    if (dec)
        decode(fd, ign);
    else
        encode(fd, wrap);
    fflush(stdout);
    return 0;
}
