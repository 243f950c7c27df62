/* libFuzzer target: the shell's parser (guest/shell/parse.c), built
 * natively.  Arbitrary bytes go to sh_parse (whole script) and to the
 * incremental parser (one command line at a time, as scripts run).  Every
 * input must end in a tree or a syntax error whose message is non-empty
 * and names a line; nothing may crash, leak or recurse past the stack
 * (10,000 nested parentheses, unterminated quotes and the like are among
 * the seeds).  Any violation aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../guest/shell/sh.h"

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_sh_parse: check failed: %s\n  ", #cond);     \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)

static void check_err(const char *err)
{
    CHECK(err && *err, "a syntax error without a message");
    CHECK(!strncmp(err, "line ", 5) || strstr(err, "line "), "error does not name a line: %s", err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sh_stack_base();
    char *err = NULL;
    struct parsed *p = sh_parse((const char *)data, size, 1, &err);
    if (p) {
        CHECK(!err, "a tree and an error: %s", err);
        parsed_unref(p);
    } else {
        check_err(err);
        free(err);
    }
    struct shparser *ps = sh_parser_new((const char *)data, size, 1);
    for (int lines = 0; lines < 100000; lines++) {
        struct parsed *one;
        char *e, *line;
        int r = sh_parser_next(ps, &one, &e, &line);
        if (r == 0)
            break;
        if (r < 0) {
            check_err(e);
            CHECK(line != NULL, "no line text with the error %s", e);
            free(e);
            free(line);
            break;
        }
        parsed_unref(one);
    }
    sh_parser_free(ps);
    return 0;
}
