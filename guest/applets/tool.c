/* `tool NAME --key value ... | tool NAME --json '{...}'`: calls a host tool
 * from the shell and prints its JSON result.  The host turns the words into
 * typed arguments from the policy's schema and runs the call at once
 * (WB_HOST_OP_TOOL_ARGV): a shell command cannot wait for a batch the way a
 * JS promise does.  Exit status: 0 result printed, 1 the call was denied or
 * failed (message on stderr), 2 wrong usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets.h"
#include "../rt/host.h"

static const char tool_help[] =
    "Usage: tool NAME [--KEY VALUE | --KEY=VALUE]...\n"
    "       tool NAME --json '{\"key\": value, ...}'\n"
    "\n"
    "Calls the host tool NAME, which the sandbox's policy must allow, and prints\n"
    "its result as one line of JSON.  Each --KEY VALUE becomes an argument of the\n"
    "type the tool declares (--days 3 is a number when days is a number); a\n"
    "boolean may be given as --KEY alone.  --json passes the arguments verbatim.\n"
    "\n"
    "Exit status: 0 the result was printed; 1 the call was denied or failed\n"
    "(reason on stderr); 2 the options were wrong.\n";

static int tool_main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(tool_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    size_t len = 0;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *req = malloc(len), *p = req;
    if (!req) {
        fputs("tool: out of memory\n", stderr);
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        memcpy(p, argv[i], n);
        p += n;
    }
#ifdef __wasm__
    int n = wb_host_call(WB_HOST_OP_TOOL_ARGV, req, len);
#else
    int n = -2; /* a native build has no host */
#endif
    free(req);
    if (n <= 0) {
        fputs(n == -2 ? "tool: this sandbox has no tools (no policy)\n" : "tool: the host could not run the call\n",
              stderr);
        return 1;
    }
    char *ans = malloc((size_t)n + 1);
#ifdef __wasm__
    if (!ans || wb_host_call(WB_HOST_OP_READ, ans, (size_t)n) != n) {
#else
    if (!ans) {
#endif
        free(ans);
        fputs("tool: could not read the host's answer\n", stderr);
        return 1;
    }
    ans[n] = 0;
    int status = ans[0] - '0';
    if (status == 0)
        printf("%s\n", ans + 1);
    else
        fprintf(stderr, "tool: %s\n", ans + 1);
    free(ans);
    return status >= 0 && status <= 2 ? status : 1;
}

const struct wb_applet wb_applets_own[] = {
    { "tool", tool_main, "tool NAME [--KEY VALUE]... | tool NAME --json '{...}'", tool_help },
    { NULL, NULL, NULL, NULL },
};
