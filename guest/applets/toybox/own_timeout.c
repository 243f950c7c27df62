/* timeout(1) for the sandbox (ours: toybox's forks the command and signals
 * it, and there are no processes here).
 *
 * The command runs in-process through the shell (wb_run_command) and
 * cannot be interrupted from inside the guest: it runs to its end, bounded
 * by the sandbox's own limits (fuel, deadline).  Then, if it took longer
 * than DURATION, counting time slept (virtual when the host cannot wait,
 * see wbtb_nanosleep), the status is the one GNU timeout gives a command
 * it had to stop: 124 (137 for -s KILL), or with --preserve-status 128 +
 * the signal, the status of a command killed by it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "applets.h"

unsigned long long wbtb_slept_ns(void);

static const char usage[] =
    "timeout [-k DURATION] [-s SIGNAL] [--preserve-status] [--foreground] [-v] DURATION COMMAND [ARG...]";

static _Noreturn void fail(const char *what, const char *arg)
{
    fflush(stdout);
    fprintf(stderr, "timeout: %s '%s'\nusage: %s\n", what, arg, usage);
    exit(125);
}

/* "1.5", "2m", "0.1h", "1d": seconds as a double, or -1. */
static double duration(const char *s)
{
    char *end;
    double d = strtod(s, &end);
    if (end == s || d < 0)
        return -1;
    switch (*end) {
    case 0: case 's': break;
    case 'm': d *= 60; break;
    case 'h': d *= 3600; break;
    case 'd': d *= 86400; break;
    default: return -1;
    }
    if (*end && end[1])
        return -1;
    return d;
}

static int signal_number(const char *s)
{
    static const char *names[] = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
                                  "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM"};
    char *end;
    long n = strtol(s, &end, 10);
    if (end != s && !*end && n > 0 && n < 65)
        return (int)n;
    if (!strncasecmp(s, "SIG", 3))
        s += 3;
    for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
        if (!strcasecmp(s, names[i]))
            return (int)i + 1;
    return -1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 + (double)wbtb_slept_ns() / 1e9;
}

void wbtb_prepare(void); /* glue.c: before any path is used */

int wbtb_own_timeout(int argc, char **argv)
{
    int sig = 15, preserve = 0, verbose = 0, i;
    double limit;

    wbtb_prepare();

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help")) {
            printf("usage: %s\n\nRun COMMAND; if it ran longer than DURATION, exit 124 (137 with -s KILL).\n"
                   "In the sandbox a command cannot be stopped from inside: it runs to its end\n"
                   "(the sandbox's limits bound it) and the time it took, sleeps included, is judged.\n\n"
                   "-k DURATION\tAccepted, no effect (nothing is killed)\n"
                   "-s SIGNAL\tSignal that would be sent (KILL makes the status 137)\n"
                   "-v\t\tSay when the command timed out\n"
                   "--preserve-status\tExit with the status of a command killed by SIGNAL (128+SIGNAL)\n"
                   "--foreground\tAccepted, no effect\n", usage);
            fflush(stdout);
            exit(0);
        }
        if (!strcmp(a, "--preserve-status")) preserve = 1;
        else if (!strcmp(a, "--foreground")) ;
        else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) verbose = 1;
        else if (!strcmp(a, "-s") || !strcmp(a, "-k")) {
            if (i + 1 >= argc)
                fail("option needs an argument:", a);
            if (a[1] == 's' && (sig = signal_number(argv[i + 1])) < 0)
                fail("invalid signal", argv[i + 1]);
            if (a[1] == 'k' && duration(argv[i + 1]) < 0)
                fail("invalid duration", argv[i + 1]);
            i++;
        } else if (!strncmp(a, "-s", 2)) {
            if ((sig = signal_number(a + 2)) < 0)
                fail("invalid signal", a + 2);
        } else if (!strncmp(a, "-k", 2)) {
            if (duration(a + 2) < 0)
                fail("invalid duration", a + 2);
        } else if (!strncmp(a, "--signal=", 9)) {
            if ((sig = signal_number(a + 9)) < 0)
                fail("invalid signal", a + 9);
        } else if (!strncmp(a, "--kill-after=", 13)) {
            if (duration(a + 13) < 0)
                fail("invalid duration", a + 13);
        } else
            fail("unknown option", a);
    }
    if (argc - i < 2) {
        fflush(stdout);
        fprintf(stderr, "timeout: needs DURATION and COMMAND\nusage: %s\n", usage);
        exit(125);
    }
    if ((limit = duration(argv[i])) < 0)
        fail("invalid duration", argv[i]);

    double start = now();
    fflush(stdout);
    int status = wb_run_command(argv + i + 1);
    double took = now() - start;
    if (limit > 0 && took > limit) {
        if (verbose) {
            fflush(stdout);
            fprintf(stderr, "timeout: sending signal %d to command '%s'\n", sig, argv[i + 1]);
        }
        /* What the command would have exited with, killed by sig. */
        status = preserve ? 128 + sig : sig == 9 ? 137 : 124;
    }
    fflush(stdout);
    exit(status);
}
