/* md5sum/sha*sum -c as GNU coreutils': toybox's md5sum main hands -c to
 * wbtb_sum_check (a scripted edit, tools/patch-toybox.sh), with its hash
 * function; toybox's own -c refused --quiet and printed no summary.
 *
 * Lines: "HEX  FILE", "HEX *FILE", "HEX FILE" or BSD's "ALGO (FILE) = HEX";
 * '#' comments and empty lines are skipped.  Per file "FILE: OK" (not
 * with --quiet), "FILE: FAILED", or "FILE: FAILED open or read" after the
 * error on stderr; then the WARNING lines on stderr.  --status prints
 * none of these; exit 1 on any mismatch, unreadable file, check file
 * without a valid line, or (--strict) a malformed line. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SUM_STATUS = 1, SUM_QUIET = 2, SUM_STRICT = 4, SUM_WARN = 8, SUM_IGNORE_MISSING = 16 };

int wbtb_sum_check(const char *prog, void (*hash)(int fd, char *hex), char **files, int flags);

/* The digest's hex length and BSD tag name for sha256sum etc. */
static size_t digest_hex(const char *prog, char *tag, size_t cap)
{
    static const struct { const char *prog, *tag; size_t len; } algos[] = {
        {"md5sum", "MD5", 32}, {"sha1sum", "SHA1", 40}, {"sha224sum", "SHA224", 56},
        {"sha256sum", "SHA256", 64}, {"sha384sum", "SHA384", 96}, {"sha512sum", "SHA512", 128},
    };
    for (size_t i = 0; i < sizeof(algos) / sizeof(*algos); i++)
        if (!strcmp(prog, algos[i].prog)) {
            snprintf(tag, cap, "%s", algos[i].tag);
            return algos[i].len;
        }
    snprintf(tag, cap, "?");
    return 0;
}

/* A file name in a message on stderr, as GNU's quotef: stdin is
 * 'standard input', a name with blanks or shell characters is quoted. */
static const char *shown(const char *name, char *buf, size_t cap)
{
    size_t o = 0;
    if (!strcmp(name, "-"))
        return "'standard input'";
    if (name[strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/+-,:@%^=")] == 0)
        return name;
    if (strchr(name, '\'') && !strpbrk(name, "\"$`\\")) {
        snprintf(buf, cap, "\"%s\"", name);
        return buf;
    }
    buf[o++] = '\'';
    for (const char *p = name; *p && o + 6 < cap; p++) {
        if (*p == '\'') {
            memcpy(buf + o, "'\\''", 4);
            o += 4;
        } else {
            buf[o++] = *p;
        }
    }
    buf[o++] = '\'';
    buf[o] = 0;
    return buf;
}

static int all_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Splits a line into its hex digest and file name; 0 if well formed.
 * *reversed is GNU's guard against mixing "HEX FILE" (one blank: 1) and
 * "HEX  FILE" / "HEX *FILE" (0) lines in one run: -1 until one is seen. */
static int split(char *line, size_t hexlen, const char *tag, char **hex, char **name,
                 int *reversed)
{
    char *p = line;
    size_t taglen = strlen(tag);

    while (*p == ' ' || *p == '\t')
        p++;
    if (!strncmp(p, tag, taglen) && p[taglen] == ' ' && p[taglen + 1] == '(') {
        /* ALGO (FILE) = HEX: the name ends at the last ") = ". */
        char *start = p + taglen + 2, *end = NULL;
        for (char *q = strstr(start, ") = "); q; q = strstr(q + 1, ") = "))
            end = q;
        if (!end || end == start)
            return -1;
        *end = 0;
        *name = start;
        *hex = end + 4;
        return strlen(*hex) == hexlen && all_hex(*hex, hexlen) ? 0 : -1;
    }
    if (strlen(p) < hexlen + 2 || !all_hex(p, hexlen) || (p[hexlen] != ' ' && p[hexlen] != '\t'))
        return -1;
    *hex = p;
    p[hexlen] = 0;
    p += hexlen + 1;
    if (strlen(p) == 1 || (*p != ' ' && *p != '*')) {
        if (*reversed == 0)
            return -1;
        *reversed = 1;
    } else if (*reversed != 1) {
        *reversed = 0;
        p++;
    }
    if (!*p)
        return -1;
    *name = p;
    return 0;
}

static void check_file(const char *prog, void (*hash)(int fd, char *hex), const char *file,
                       int flags, int *rc, int *reversed)
{
    FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
    char tag[16], got[160], q[512];
    size_t hexlen = digest_hex(prog, tag, sizeof(tag));
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    long bad_lines = 0, unreadable = 0, mismatched = 0, good_lines = 0, verified = 0;

    if (!f) {
        fflush(stdout);
        fprintf(stderr, "%s: %s: %s\n", prog, shown(file, q, sizeof(q)), strerror(errno));
        *rc = 1;
        return;
    }
    while ((n = getline(&line, &cap, f)) >= 0) {
        char *hex, *name;
        int fd;
        struct stat st;

        lineno++;
        if (line[0] == '#')
            continue;
        if (n && line[n - 1] == '\n')
            line[--n] = 0;
        if (n && line[n - 1] == '\r')
            line[--n] = 0;
        if (!n)
            continue;
        if (split(line, hexlen, tag, &hex, &name, reversed)) {
            bad_lines++;
            if (flags & SUM_WARN) {
                fflush(stdout);
                fprintf(stderr, "%s: %s: %zu: improperly formatted %s checksum line\n", prog,
                        shown(file, q, sizeof(q)), lineno, tag);
            }
            continue;
        }
        good_lines++;
        fd = strcmp(name, "-") ? open(name, O_RDONLY) : 0;
        if (fd >= 0 && !fstat(fd, &st) && S_ISDIR(st.st_mode)) {
            close(fd);
            fd = -1;
            errno = EISDIR;
        }
        if (fd < 0) {
            if (errno == ENOENT && (flags & SUM_IGNORE_MISSING))
                continue;
            fflush(stdout);
            fprintf(stderr, "%s: %s: %s\n", prog, shown(name, q, sizeof(q)), strerror(errno));
            unreadable++;
            if (!(flags & SUM_STATUS))
                printf("%s: FAILED open or read\n", name);
            continue;
        }
        got[0] = 0;
        hash(fd, got);
        if (fd > 0)
            close(fd);
        verified++;
        if (strcasecmp(got, hex)) {
            mismatched++;
            if (!(flags & SUM_STATUS))
                printf("%s: FAILED\n", name);
        } else if (!(flags & (SUM_STATUS | SUM_QUIET))) {
            printf("%s: OK\n", name);
        }
    }
    if (f != stdin)
        fclose(f);
    free(line);
    fflush(stdout);
    if (!good_lines) {
        fprintf(stderr, "%s: %s: no properly formatted checksum lines found\n", prog,
                shown(file, q, sizeof(q)));
        *rc = 1;
        return;
    }
    if (!(flags & SUM_STATUS)) {
        if (bad_lines)
            fprintf(stderr, "%s: WARNING: %ld line%s improperly formatted\n", prog, bad_lines,
                    bad_lines == 1 ? " is" : "s are");
        if (unreadable)
            fprintf(stderr, "%s: WARNING: %ld listed file%s could not be read\n", prog, unreadable,
                    unreadable == 1 ? "" : "s");
        if (mismatched)
            fprintf(stderr, "%s: WARNING: %ld computed checksum%s did NOT match\n", prog,
                    mismatched, mismatched == 1 ? "" : "s");
    }
    if ((flags & SUM_IGNORE_MISSING) && !verified) {
        fprintf(stderr, "%s: %s: no file was verified\n", prog, shown(file, q, sizeof(q)));
        *rc = 1;
    }
    if (mismatched || unreadable || ((flags & SUM_STRICT) && bad_lines))
        *rc = 1;
}

int wbtb_sum_check(const char *prog, void (*hash)(int fd, char *hex), char **files, int flags)
{
    int rc = 0, reversed = -1;
    if (!files || !*files)
        check_file(prog, hash, "-", flags, &rc, &reversed);
    else
        for (; *files; files++)
            check_file(prog, hash, *files, flags, &rc, &reversed);
    return rc;
}
