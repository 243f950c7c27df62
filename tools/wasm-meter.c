/* wasm-meter — build-time fuel metering pass (DESIGN.md, build pipeline
 * step 4).
 *
 *   wasm-meter [--stats] [--initial-fuel N] [--strip-names] [--local-fuel]
 *              IN.wasm OUT.wasm
 *
 * Rewrites a wasm module so that the work it executes is counted
 * deterministically, in "fuel" units of roughly one wasm instruction.
 *
 * What is added
 *   - an imported function  wasmbox.out_of_fuel : [] -> []  that the host
 *     implements; it must not return normally (it traps or unwinds).  It is
 *     appended to the imports, so it takes the index of the first defined
 *     function, and every function index at or above it moves up by one
 *     (calls, return_call, ref.func, exports, element segments, the start
 *     function, global initialisers, and the "name" section, which is kept);
 *   - a mutable i64 global, exported as "wb_fuel", appended after all other
 *     globals (so no global index moves).  Its initialiser is
 *     --initial-fuel (default 0: a host that forgets to set a budget gets
 *     out_of_fuel at once rather than an unlimited run).  The host sets it
 *     before a run and reads what is left after; fuel only goes down.
 *
 * Cost scheme: exact per-segment counting, checked at function entries
 * and loop headers.
 *   Every instruction costs 1, except block, loop, else, end and nop, which
 *   generate no code and cost 0.  The body is split into segments of code
 *   that always runs as a whole once its first instruction runs: a new
 *   segment starts at function entry, at each loop header (every
 *   iteration), at the start of each arm of an if, after each br_if (its
 *   fallthrough), and after the end of a block or if that control can reach
 *   other than by falling through.  Each segment is charged its own
 *   instruction count once, before it runs.  Two refinements keep the count
 *   exact with fewer charges:
 *     - code after the end of a block/if/loop that is only reached by
 *       falling through continues the segment before the end;
 *     - code after the end of a block or if that no branch leaves other
 *       than through that end (no return, no branch to an enclosing label)
 *       runs exactly as often as the block's start, so it is added to the
 *       segment that was running where the block began.
 *   A call is charged at the caller (1) and the callee charges its own
 *   body.  So for any run that completes, the fuel consumed equals the
 *   number of non-structural instructions executed (plus the length costs
 *   of bulk operations, below), independent of the machine; tests/meter
 *   checks this against --naive, which charges 1
 *   before every single instruction.
 *   Traps: a segment is charged whole before it runs, so a run that traps,
 *   or runs out of fuel, or whose host import unwinds, has been charged for
 *   the rest of the segment it stopped in (and code after a block that
 *   traps inside is treated as reached).  Still deterministic.
 *   Bulk operations (memory.copy/fill/init, table.copy/fill/init) also cost
 *   their length: len >> 4 for memory (one unit per 16 bytes), len for
 *   tables, charged and checked before the operation runs, so a huge
 *   memory.fill with little fuel left stops before it starts.
 *
 * Emitted code
 *   loop header / function entry (a "check"), cost C > 0:
 *       global.get $fuel  i64.const C  i64.sub  global.set $fuel
 *       global.get $fuel  i64.const 0  i64.lt_s
 *       if  call $out_of_fuel  end
 *   other segments (a "debit"): the first four instructions only.
 *   (gcc turns a check into load/sub/store/js and merges nearby debits.)
 *   Checking only at loop headers and entries is enough to stop any run:
 *   every unbounded execution passes a loop header or a function entry
 *   infinitely often.  A function that contains no call cannot recurse, so
 *   its entry gets a debit only: one call of it runs a bounded amount of
 *   code and its loops check for themselves.  Between two checks only
 *   acyclic code runs, so fuel can overshoot below 0 by that much before
 *   out_of_fuel is called, and a run can even complete slightly below 0;
 *   hosts should read a negative remainder as "budget exhausted".
 *   Zero-cost segments get no code.
 *   Bulk operations: the length is parked in one extra i32 local added to
 *   the function, then "global.get; local.get; i64.extend_i32_u;
 *   [i64.const 4; i64.shr_u;] i64.sub; global.set", the check, local.get.
 *
 * --local-fuel (off by default)
 *   Each function counts in an i64 local of its own (a register once
 *   compiled) and writes it back to the global before calls, returns and
 *   out_of_fuel, reloading it after calls.  Same counts, fewer memory
 *   round trips (on QuickJS: +20-24% machine instructions instead of
 *   +30-34%), but a value another thread stores into wb_fuel is overwritten
 *   at the next write-back, so a watchdog cannot stop a run by zeroing it.
 *
 * For hosts
 *   - The start function, if any, runs inside instantiation on
 *     --initial-fuel, before the host can set a budget (a warning says so).
 *   - wb_fuel is a plain global: compiled C may keep it in a register for
 *     the length of a loop that touches no memory, so another thread that
 *     zeroes it is not guaranteed to be seen, and its store can race with
 *     the guest's own read-modify-write: zero it repeatedly until the run
 *     stops.  The budget itself is always enforced.
 *
 * Accepted input: wasm 1.0 binaries with sign-ext, mutable globals,
 * multi-value, reference types, bulk memory, non-trapping float-to-int,
 * tail calls, fixed-width SIMD and threads.  Anything else (exceptions, GC,
 * memory64, relaxed SIMD, relocatable objects, components) is refused with
 * the offset and the reason, exit status 1, and no output file.  DWARF
 * sections and source maps are dropped, since code offsets change.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "meter/meter.h"
#include "meter/module.h"

#define MAX_INPUT ((size_t)1 << 30)

static void usage(FILE *f)
{
    fprintf(f,
            "usage: wasm-meter [options] IN.wasm OUT.wasm\n"
            "Adds deterministic fuel metering to a wasm module: an exported mutable i64\n"
            "global \"wb_fuel\" counting down and an import wasmbox.out_of_fuel called\n"
            "when it goes below 0.\n"
            "  --stats             print counts and sizes to stdout\n"
            "  --initial-fuel N    initial value of wb_fuel (default 0)\n"
            "  --strip-names       drop the \"name\" section instead of rewriting it\n"
            "  --local-fuel        count in a local per function, synced around calls:\n"
            "                      faster, but a store to wb_fuel from another thread is\n"
            "                      lost (no watchdog by zeroing the fuel)\n"
            "  --stack-check       trap when a store to the stack pointer (global 0)\n"
            "                      goes below the exported i32 global \"wb_stack_limit\"\n"
            "                      (initially 0: no limit); for shadow stacks that are\n"
            "                      not first in memory, such as fibers'\n"
            "  --naive             (tests only) charge 1 before every instruction\n"
            "  -h, --help          this text\n");
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "wasm-meter: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *p = xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_INPUT) {
                fprintf(stderr, "wasm-meter: %s: larger than %zu bytes\n", path, MAX_INPUT);
                exit(1);
            }
            cap *= 2;
            p = xrealloc(p, cap);
        }
        size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "wasm-meter: %s: read error\n", path);
        exit(1);
    }
    fclose(f);
    *len = n;
    return p;
}

static void write_direct(const char *path, const buf_t *b)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b->p, 1, b->n, f) != b->n || fclose(f) != 0) {
        fprintf(stderr, "wasm-meter: %s: %s\n", path, strerror(errno));
        exit(1);
    }
}

/* A regular file is written beside the target and renamed over it, so OUT
 * is either the old file or the complete new one, never a torn write.
 * Anything else (a device such as /dev/stdout, a FIFO, a symlink) is
 * written in place: renaming over it would replace it. */
static void write_file(const char *path, const buf_t *b)
{
    struct stat st;
    if (lstat(path, &st) == 0 ? !S_ISREG(st.st_mode) : errno != ENOENT) {
        write_direct(path, b);
        return;
    }
    size_t plen = strlen(path);
    char *tmp = xmalloc(plen + 32);
    snprintf(tmp, plen + 32, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "wasm-meter: %s: %s\n", tmp, strerror(errno));
        exit(1);
    }
    bool ok = fwrite(b->p, 1, b->n, f) == b->n;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        fprintf(stderr, "wasm-meter: %s: %s\n", ok ? path : tmp, strerror(errno));
        remove(tmp);
        exit(1);
    }
    free(tmp);
}

static bool parse_i64(const char *s, int64_t *v)
{
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 0);
    if (errno || end == s || *end)
        return false;
    *v = x;
    return true;
}

static double pct(size_t before, size_t after)
{
    return before ? 100.0 * ((double)after - (double)before) / (double)before : 0.0;
}

int main(int argc, char **argv)
{
    meter_opts_t opts = {0};
    bool stats = false;
    const char *paths[2];
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--stats")) {
            stats = true;
        } else if (!strcmp(a, "--naive")) {
            opts.naive = true;
        } else if (!strcmp(a, "--local-fuel")) {
            opts.local_fuel = true;
        } else if (!strcmp(a, "--stack-check")) {
            opts.stack_check = true;
        } else if (!strcmp(a, "--strip-names")) {
            opts.strip_names = true;
        } else if (!strcmp(a, "--initial-fuel") || !strncmp(a, "--initial-fuel=", 15)) {
            const char *v = a[14] == '=' ? a + 15 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || !parse_i64(v, &opts.initial_fuel)) {
                fprintf(stderr, "wasm-meter: --initial-fuel needs a 64-bit integer\n");
                return 1;
            }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "wasm-meter: unknown option %s\n", a);
            usage(stderr);
            return 1;
        } else if (npaths < 2) {
            paths[npaths++] = a;
        } else {
            usage(stderr);
            return 1;
        }
    }
    if (npaths != 2) {
        usage(stderr);
        return 1;
    }

    size_t len;
    uint8_t *in = read_file(paths[0], &len);
    meter_input_name = paths[0];
    buf_t out = {0};
    meter_result_t res = {0};
    meter_module(in, len, &opts, &out, &res);
    write_file(paths[1], &out);

    if (stats) {
        const meter_stats_t *s = &res.stats;
        printf("wasm-meter: %s -> %s%s\n", paths[0], paths[1],
               opts.naive ? " (naive)" : opts.local_fuel ? " (local fuel)" : "");
        printf("  functions:      %" PRIu32 " defined, %" PRIu32 " imported; "
               "out_of_fuel is func %" PRIu32 ", wb_fuel is global %" PRIu32 "\n",
               res.defined_funcs, res.imported_funcs, res.oof_func, res.fuel_global);
        printf("  charge points:  %" PRIu64 " (%" PRIu64 " entry checks, %" PRIu64
               " leaf-function entry debits, %" PRIu64 " loop checks, %" PRIu64
               " other debits, %" PRIu64 " bulk-op charges)\n",
               s->entry_checks + s->leaf_entries + s->loop_checks + s->debits + s->bulk_charges,
               s->entry_checks, s->leaf_entries, s->loop_checks, s->debits, s->bulk_charges);
        printf("  static cost:    %" PRIu64 " instructions charged\n", s->static_cost);
        printf("  code section:   %zu -> %zu bytes (%+.1f%%)\n", res.code_bytes_in,
               res.code_bytes_out, pct(res.code_bytes_in, res.code_bytes_out));
        printf("  module:         %zu -> %zu bytes (%+.1f%%)\n", len, out.n, pct(len, out.n));
        if (res.dropped_sections)
            printf("  dropped:        %zu custom section(s), %zu bytes (debug info/names)\n",
                   res.dropped_sections, res.dropped_bytes);
    }
    buf_free(&out);
    free(in);
    return 0;
}
