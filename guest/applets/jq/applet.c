/* jq in the applet table: jq 1.7.1 with oniguruma 6.9.9, built by
 * tools/build-jq.sh into one state region whose globals are put back
 * before every run (../state.h). */
#include "applets.h"
#include "state.h"

#include <stdio.h>

int wb_jq_main(int argc, char **argv);

extern char wb_jq_data_begin[], wb_jq_data_end[], wb_jq_bss_begin[], wb_jq_bss_end[];
extern const char *const wb_jq_symbols[], *const wb_jq_symbol_names[];

/* jq's and oniguruma's initialised data (syntax tables, encodings): the
 * first run says so if it ever outgrows this. */
static unsigned char saved[65536];
static struct wb_state_region region = {
    .name = "jq",
    .data_begin = wb_jq_data_begin, .data_end = wb_jq_data_end,
    .bss_begin = wb_jq_bss_begin, .bss_end = wb_jq_bss_end,
    .symbols = wb_jq_symbols, .symbol_names = wb_jq_symbol_names,
    .saved = saved, .saved_cap = sizeof saved,
};

static const char usage[] = "jq [OPTION]... FILTER [FILE]...";

/* jq's own --help (its main prints it) covers the options; this is the
 * registry's copy, with what differs in the sandbox. */
static const char help[] =
    "Usage: jq [OPTION]... FILTER [FILE]...\n"
    "\n"
    "jq 1.7.1 (with oniguruma 6.9.9 regular expressions): a JSON processor.\n"
    "Applies FILTER to each JSON value of the files (or stdin).\n"
    "\n"
    "  -n  null input          -r  raw strings        -j  raw, no newline\n"
    "  -a  ASCII output        -c  compact            -s  slurp into an array\n"
    "  -e  exit status from the last output           -S  sort keys\n"
    "  -C/-M  color on/off     -R  raw input lines    --tab, --indent N\n"
    "  --arg NAME VALUE, --argjson NAME JSON, --slurpfile NAME FILE,\n"
    "  --rawfile NAME FILE, --args, --jsonargs, --seq, --stream, -L DIR\n"
    "\n"
    "In this sandbox: $ENV and env are the sandbox's environment, now/mktime/\n"
    "strftime use the sandbox's clock; input_filename works on sandbox files.\n";

static int jq_main(int argc, char **argv)
{
    if (wb_state_region_reset(&region) != 0)
        return 70;
    /* The shell owns argv (and frees it after the command). */
    char **args = wb_argv_copy(argc, argv);
    if (!args) {
        fprintf(stderr, "jq: out of memory\n");
        return 1;
    }
    int status = wb_jq_main(argc, args);
    fflush(stdout);
    fflush(stderr);
    return status;
}

const struct wb_applet wb_applets_jq[] = {
    { "jq", jq_main, usage, help },
    { NULL, NULL, NULL, NULL },
};
