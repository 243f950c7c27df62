/* awk in the applet table: the one true awk (onetrue-awk, Debian's
 * original-awk), built by tools/build-awk.sh into one state region whose
 * globals are put back before every run (../state.h). */
#include "applets.h"
#include "state.h"

#include <stdio.h>
#include <string.h>

int wb_awk_main(int argc, char **argv);

extern char wb_awk_data_begin[], wb_awk_data_end[], wb_awk_bss_begin[], wb_awk_bss_end[];
extern const char *const wb_awk_symbols[], *const wb_awk_symbol_names[];

/* awk's initialised data is a few KiB (mostly the keyword table); the
 * first run says so if it ever outgrows this. */
static unsigned char saved[32768];
static struct wb_state_region region = {
    .name = "awk",
    .data_begin = wb_awk_data_begin, .data_end = wb_awk_data_end,
    .bss_begin = wb_awk_bss_begin, .bss_end = wb_awk_bss_end,
    .symbols = wb_awk_symbols, .symbol_names = wb_awk_symbol_names, .saved = saved, .saved_cap = sizeof saved,
};

static const char usage[] = "awk [-F fs] [-v var=value] [-f progfile | 'prog'] [file ...]";

static const char help[] =
    "Usage: awk [-F fs] [-v var=value] [-f progfile | 'prog'] [file ...]\n"
    "\n"
    "POSIX awk: the one true awk (onetrue-awk 20220912) by Aho, Weinberger and Kernighan.\n"
    "Runs 'prog' (or the program in progfile) on each line of the files, or of stdin.\n"
    "\n"
    "  -F fs          field separator (a regular expression; 't' is a tab)\n"
    "  -v var=value   assign var before the program starts (repeatable)\n"
    "  -f progfile    read the program from progfile (repeatable; - is stdin)\n"
    "  -safe          no system(), no output redirection, no ENVIRON\n"
    "  -version       print the version\n"
    "  --             end of options\n"
    "\n"
    "Language: patterns and actions, BEGIN/END, $0 $1..$NF, NR NF FNR FS OFS ORS RS\n"
    "SUBSEP RSTART RLENGTH FILENAME ENVIRON ARGV ARGC CONVFMT OFMT, arrays, user\n"
    "functions, printf, getline [var] [< file], print > file, >> file,\n"
    "length substr index split sub gsub match sprintf tolower toupper int sqrt exp\n"
    "log sin cos atan2 rand srand system fflush close.\n"
    "\n"
    "In this sandbox: system(cmd) runs cmd in the sandbox's shell; pipes to or\n"
    "from a command (print | \"cmd\", \"cmd\" | getline) are not available yet.\n";

static int awk_main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "--help")) {
        fputs(help, stdout);
        return 0;
    }
    if (wb_state_region_reset(&region) != 0)
        return 70;
    /* The shell owns argv (and frees it after the command). */
    char **args = wb_argv_copy(argc, argv);
    if (!args) {
        fprintf(stderr, "awk: out of memory\n");
        return 1;
    }
    int status = wb_awk_main(argc, args);
    fflush(stdout);
    fflush(stderr);
    return status;
}

const struct wb_applet wb_applets_awk[] = {
    { "awk", awk_main, usage, help },
    { "nawk", awk_main, "nawk [-F fs] [-v var=value] [-f progfile | 'prog'] [file ...]", help },
    { NULL, NULL, NULL, NULL },
};
