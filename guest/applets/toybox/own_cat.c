/* cat(1) with GNU's options (ours: toybox's cat has only -etuv, and agents
 * use cat -n).  -A -b -e -E -n -s -t -T -u -v, "-" for stdin. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] = "cat [-AbeEnstTuv] [FILE...]";

static int number, number_nonblank, squeeze, show_ends, show_tabs, show_nonprint;

/* Across files, as GNU does: numbering and squeezing go on from the last. */
static unsigned long line_no;
static int at_line_start = 1, blank_run;

static void put_visible(int c)
{
    if (c >= 128) {
        fputs("M-", stdout);
        c -= 128;
    }
    if (c < 32) {
        putchar('^');
        putchar(c + 64);
    } else if (c == 127) {
        fputs("^?", stdout);
    } else
        putchar(c);
}

static void cat_plain(FILE *f)
{
    char buf[16384]; /* on the 1 MiB shadow stack the shell shares */
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, stdout);
}

static void cat_fancy(FILE *f)
{
    int c;
    while ((c = getc(f)) != EOF) {
        if (at_line_start) {
            if (c == '\n') {
                if (squeeze && blank_run)
                    continue;
                blank_run = 1;
            } else
                blank_run = 0;
            if (number_nonblank ? c != '\n' : number)
                printf("%6lu\t", ++line_no);
        }
        at_line_start = c == '\n';
        if (c == '\n') {
            if (show_ends)
                putchar('$');
            putchar('\n');
        } else if (c == '\t') {
            fputs(show_tabs ? "^I" : "\t", stdout);
        } else if (show_nonprint && (c < 32 || c >= 127)) {
            put_visible(c);
        } else
            putchar(c);
    }
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_cat(int argc, char **argv)
{
    int i, status = 0, fancy, files = 0;

    wbtb_prepare();

    line_no = 0, at_line_start = 1, blank_run = 0;
    number = number_nonblank = squeeze = show_ends = show_tabs = show_nonprint = 0;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nCopy (concatenate) files to stdout.  If no files listed, copy from stdin.\n"
                   "Filename \"-\" is a synonym for stdin.\n\n"
                   "-A\tSame as -vET\n-b\tNumber nonempty lines\n-e\tSame as -vE\n"
                   "-E\tShow $ at the end of each line\n-n\tNumber all lines\n"
                   "-s\tSqueeze repeated empty lines\n-t\tSame as -vT\n-T\tShow tabs as ^I\n"
                   "-u\tIgnored (output is unbuffered already)\n"
                   "-v\tShow nonprinting characters as ^X and M-X\n", usage);
            fflush(stdout);
            exit(0);
        }
        if (!strcmp(a, "--number")) { number = 1; continue; }
        if (!strcmp(a, "--number-nonblank")) { number_nonblank = 1; continue; }
        if (!strcmp(a, "--squeeze-blank")) { squeeze = 1; continue; }
        if (!strcmp(a, "--show-all")) { show_nonprint = show_ends = show_tabs = 1; continue; }
        if (!strcmp(a, "--show-ends")) { show_ends = 1; continue; }
        if (!strcmp(a, "--show-tabs")) { show_tabs = 1; continue; }
        if (!strcmp(a, "--show-nonprinting")) { show_nonprint = 1; continue; }
        for (const char *o = a + 1; *o; o++) {
            switch (*o) {
            case 'A': show_nonprint = show_ends = show_tabs = 1; break;
            case 'b': number_nonblank = 1; break;
            case 'e': show_nonprint = show_ends = 1; break;
            case 'E': show_ends = 1; break;
            case 'n': number = 1; break;
            case 's': squeeze = 1; break;
            case 't': show_nonprint = show_tabs = 1; break;
            case 'T': show_tabs = 1; break;
            case 'u': break;
            case 'v': show_nonprint = 1; break;
            default:
                fflush(stdout);
                fprintf(stderr, "cat: unknown option '%c' in '%s'\nusage: %s\n", *o, a, usage);
                exit(1);
            }
        }
    }
    fancy = number || number_nonblank || squeeze || show_ends || show_tabs || show_nonprint;
    for (;; i++) {
        const char *name = i < argc ? argv[i] : "-";
        FILE *f;
        if (i >= argc && files)
            break;
        files++;
        if (!strcmp(name, "-"))
            f = stdin;
        else if (!(f = fopen(name, "r"))) {
            fflush(stdout);
            fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
            status = 1;
            continue;
        }
        if (fancy)
            cat_fancy(f);
        else
            cat_plain(f);
        if (ferror(f)) {
            fflush(stdout);
            fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
            status = 1;
        }
        if (f == stdin)
            clearerr(stdin);
        else
            fclose(f);
    }
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "cat: write error: %s\n", strerror(errno));
        status = 1;
    }
    exit(status);
}
