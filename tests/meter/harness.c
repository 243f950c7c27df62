/* harness.c — runs a test module three ways, each translated by wasm2c and
 * linked here with wabt's stock runtime:
 *   plain  the module as written (the reference for results),
 *   opt    metered by wasm-meter (what the build ships),
 *   naive  metered with --naive, which charges 1 before every instruction
 *          and is so simple it serves as the oracle for fuel counts.
 * Built twice by run.sh: SUITE=1 for basic.wat (hand-written, with the
 * targeted checks), SUITE=2 for kernels.c compiled by clang-19 -O2.
 * Prints PASS/FAIL lines; exit status 1 if any failed. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "wasm-rt-impl.h"
#include "plain.h"
#include "opt.h"
#include "naive.h"

#if SUITE == 1
#define EXPORTS(X, M)                                                                    \
    X(M, started) X(M, fib) X(M, sum) X(M, spin) X(M, rec) X(M, interp) X(M, find)      \
    X(M, escape) X(M, mv) X(M, indirect) X(M, indirect2) X(M, tinit) X(M, fill)         \
    X(M, copy) X(M, misc) X(M, imp)
#define PLAIN_IMPORTS , &env_inst
#define METERED_IMPORTS , &env_inst, &wasmbox_inst
#else
#define EXPORTS(X, M)                                                                    \
    X(M, k_fib) X(M, k_sort) X(M, k_interp) X(M, k_memops) X(M, k_collatz) X(M, k_float) \
    X(M, k_bits) X(M, k_indirect) X(M, k_lexer) X(M, k_frames)
#define PLAIN_IMPORTS
#define METERED_IMPORTS , &wasmbox_inst
#endif

#define ENUM_X(M, n) E_##n,
enum { EXPORTS(ENUM_X, _) N_EXPORTS };
#define NAME_X(M, n) #n,
static const char *const export_names[] = {EXPORTS(NAME_X, _)};

enum { PLAIN, OPT, NAIVE };

/* Imports.  The harness does not use instance pointers for them. */
struct Z_wasmbox_instance_t { int unused; };
static struct Z_wasmbox_instance_t wasmbox_inst;
static bool out_of_fuel;

#if SUITE == 1
struct Z_env_instance_t { int unused; };
static struct Z_env_instance_t env_inst;

u32 Z_envZ_add1(struct Z_env_instance_t *e, u32 x)
{
    (void)e;
    return x + 1;
}
#endif

void Z_wasmboxZ_out_of_fuel(struct Z_wasmbox_instance_t *w)
{
    (void)w;
    out_of_fuel = true;
    wasm_rt_trap(WASM_RT_TRAP_EXHAUSTION);
}

static Z_plain_instance_t plain_inst;
static Z_opt_instance_t opt_inst;
static Z_naive_instance_t naive_inst;

#define CASE_X(M, n) case E_##n: return Z_##M##Z_##n(&M##_inst, arg);
static u32 call_plain(int e, u32 arg) { switch (e) { EXPORTS(CASE_X, plain) } return 0; }
static u32 call_opt(int e, u32 arg) { switch (e) { EXPORTS(CASE_X, opt) } return 0; }
static u32 call_naive(int e, u32 arg) { switch (e) { EXPORTS(CASE_X, naive) } return 0; }

typedef struct {
    wasm_rt_trap_t trap;
    bool oof;
    u32 result;
    int64_t used, left;
    u8 mem0; /* first byte of linear memory after the run */
} outcome_t;

/* setjmp lives here, alone, so nothing it could clobber is used after a
 * trap. */
__attribute__((noinline)) static wasm_rt_trap_t guarded(int mod, int e, u32 arg, u32 *result)
{
    wasm_rt_trap_t t = wasm_rt_impl_try();
    if (t != WASM_RT_TRAP_NONE)
        return t;
    *result = mod == PLAIN ? call_plain(e, arg) : mod == OPT ? call_opt(e, arg)
                                                             : call_naive(e, arg);
    return WASM_RT_TRAP_NONE;
}

/* Each run gets a fresh instance, so runs cannot influence each other. */
static outcome_t run(int mod, int e, u32 arg, int64_t budget)
{
    outcome_t o = {0};
    u64 *fuel = NULL;
    switch (mod) {
    case PLAIN: Z_plain_instantiate(&plain_inst PLAIN_IMPORTS); break;
    case OPT:
        Z_opt_instantiate(&opt_inst METERED_IMPORTS);
        fuel = Z_optZ_wb_fuel(&opt_inst);
        break;
    default:
        Z_naive_instantiate(&naive_inst METERED_IMPORTS);
        fuel = Z_naiveZ_wb_fuel(&naive_inst);
        break;
    }
    if (fuel)
        *fuel = (u64)budget;
    out_of_fuel = false;
    o.trap = guarded(mod, e, arg, &o.result);
    o.oof = out_of_fuel;
    if (fuel) {
        o.left = (int64_t)*fuel;
        o.used = budget - o.left;
    }
    switch (mod) {
    case PLAIN: o.mem0 = Z_plainZ_memory(&plain_inst)->data[0]; Z_plain_free(&plain_inst); break;
    case OPT: o.mem0 = Z_optZ_memory(&opt_inst)->data[0]; Z_opt_free(&opt_inst); break;
    default: o.mem0 = Z_naiveZ_memory(&naive_inst)->data[0]; Z_naive_free(&naive_inst); break;
    }
    return o;
}

static int npass, nfail;

static void report(bool ok, const char *name, const char *fmt, ...)
{
    if (ok) {
        printf("PASS %s\n", name);
        npass++;
        return;
    }
    va_list ap;
    printf("FAIL %s: ", name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    nfail++;
}

#define BIG ((int64_t)1 << 40)

typedef struct {
    int e;
    u32 args[8];
    int nargs;
} cases_t;

static const cases_t cases[] = {
#if SUITE == 1
    {E_started, {0}, 1},
    {E_fib, {0, 1, 2, 10, 20}, 5},
    {E_sum, {0, 1, 10, 1000}, 4},
    {E_interp, {1, 2, 5, 50}, 4},
    {E_find, {6, 35, 97, 143}, 4},
    {E_escape, {0, 1, 2, 3, 4, 5, 6, 7}, 8},
    {E_mv, {0, 1, 5, 6, 10}, 5},
    {E_indirect, {0, 1, 2, 5, 9}, 5},
    {E_indirect2, {3}, 1},
    {E_tinit, {0, 1, 2}, 3},
    {E_fill, {0, 1, 16, 1600, 65536}, 5},
    {E_copy, {0, 2, 7}, 3},
    {E_misc, {0, 1, 127, 128, 0xffffffffu, 300}, 6},
    {E_imp, {0, 41}, 2},
#else
    {E_k_fib, {0, 1, 15}, 3},
    {E_k_sort, {0, 1, 2, 100, 4096}, 5},
    {E_k_interp, {0, 1, 7, 200}, 4},
    {E_k_memops, {0, 1, 15, 16, 17, 1000, 30000}, 7},
    {E_k_collatz, {1, 10, 1000}, 3},
    {E_k_float, {0, 1, 30}, 3},
    {E_k_bits, {0, 1, 1000}, 3},
    {E_k_indirect, {0, 3, 1000}, 3},
    {E_k_lexer, {0, 1, 50}, 3},
    {E_k_frames, {0, 1, 100}, 3},
#endif
};

int main(void)
{
    wasm_rt_init();
    Z_plain_init_module();
    Z_opt_init_module();
    Z_naive_init_module();
    char name[128];

    /* (3) metering changes no result, and (exactness) the fuel used by a
     * completed run is the number of instructions it executed. */
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (int a = 0; a < cases[c].nargs; a++) {
            int e = cases[c].e;
            u32 arg = cases[c].args[a];
            outcome_t p = run(PLAIN, e, arg, 0);
            outcome_t o = run(OPT, e, arg, BIG);
            outcome_t n = run(NAIVE, e, arg, BIG);
            snprintf(name, sizeof name, "same-result %s(%" PRIu32 ")", export_names[e], arg);
            report(!p.trap && !o.trap && !n.trap && p.result == o.result && p.result == n.result
                       && p.mem0 == o.mem0,
                   name, "plain %" PRIu32 " (trap %d), metered %" PRIu32 " (trap %d), naive %" PRIu32
                   " (trap %d)", p.result, p.trap, o.result, o.trap, n.result, n.trap);
            snprintf(name, sizeof name, "exact-fuel %s(%" PRIu32 ")", export_names[e], arg);
            report(o.used == n.used && o.used > 0, name,
                   "metered used %" PRId64 ", naive (one per instruction) used %" PRId64, o.used,
                   n.used);
        }
    }

#if SUITE == 1
    outcome_t f20 = run(OPT, E_fib, 20, BIG);
    report(!f20.trap && f20.result == 6765, "fib(20) = 6765", "got %" PRIu32 " (trap %d)",
           f20.result, f20.trap);

    /* (1) a loop of N iterations costs a + b*N, the same on every run; b is
     * the loop body's instruction count (13, counted by hand in basic.wat). */
    {
        static const u32 ns[] = {0, 1, 2, 10, 100, 1000, 100000};
        int64_t base = run(OPT, E_sum, 0, BIG).used;
        int64_t per = run(OPT, E_sum, 1, BIG).used - base;
        bool linear = per == 13, same = true;
        for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
            int64_t u = run(OPT, E_sum, ns[i], BIG).used;
            if (u != base + per * (int64_t)ns[i])
                linear = false;
            for (int rep = 0; rep < 3; rep++)
                if (run(OPT, E_sum, ns[i], BIG).used != u)
                    same = false;
        }
        report(linear, "loop fuel = a + 13*N", "a=%" PRId64 ", per iteration %" PRId64, base, per);
        report(same, "loop fuel identical across runs", "differs between runs");
        outcome_t i1 = run(OPT, E_interp, 1000, BIG), i2 = run(OPT, E_interp, 1000, BIG);
        report(i1.used == i2.used && !i1.trap, "interpreter fuel identical across runs",
               "%" PRId64 " vs %" PRId64, i1.used, i2.used);
    }

    /* (2) small budgets stop runaway code. */
    {
        outcome_t s = run(OPT, E_spin, 0, 1000);
        /* The loop header charges 1 (its br): the 1001st iteration drives the
         * counter to -1 and trips the check. */
        report(s.trap == WASM_RT_TRAP_EXHAUSTION && s.oof && s.left == -1,
               "infinite loop stops at budget", "trap %d, out_of_fuel %d, left %" PRId64, s.trap,
               s.oof, s.left);
        outcome_t r = run(OPT, E_rec, 0, 100000);
        report(r.trap == WASM_RT_TRAP_EXHAUSTION && r.oof && r.left < 0 && r.left > -10,
               "infinite recursion stops at budget", "trap %d, out_of_fuel %d, left %" PRId64,
               r.trap, r.oof, r.left);
        outcome_t z = run(OPT, E_fib, 10, 0);
        report(z.oof, "zero budget stops at entry", "out_of_fuel %d", z.oof);
        outcome_t n = run(NAIVE, E_spin, 0, 1000);
        report(n.oof && n.left == -1, "naive output also stops loops", "left %" PRId64, n.left);
    }

    /* A budget of exactly the cost completes with 0 left; half of it does not
     * complete. */
    {
        int64_t c = run(OPT, E_fib, 15, BIG).used;
        outcome_t ok = run(OPT, E_fib, 15, c);
        report(!ok.trap && ok.left == 0 && ok.result == 610, "exact budget completes with 0 left",
               "trap %d, left %" PRId64, ok.trap, ok.left);
        outcome_t half = run(OPT, E_fib, 15, c / 2);
        report(half.oof && half.left < 0, "half budget runs out", "trap %d, left %" PRId64,
               half.trap, half.left);
    }

    /* Bulk memory: charged by length, before the operation runs. */
    {
        int64_t f0 = run(OPT, E_fill, 0, BIG).used;
        int64_t f1 = run(OPT, E_fill, 1600, BIG).used;
        int64_t f2 = run(OPT, E_fill, 65536, BIG).used;
        report(f1 - f0 == 100 && f2 - f0 == 4096, "memory.fill costs len/16",
               "fill(0) %" PRId64 ", fill(1600) %" PRId64 ", fill(65536) %" PRId64, f0, f1, f2);
        outcome_t s = run(OPT, E_fill, 65536, 1000);
        report(s.oof && s.mem0 == 0, "memory.fill over budget stops before filling",
               "out_of_fuel %d, first byte %u", s.oof, s.mem0);
    }

    /* Traps behave the same with and without metering. */
    {
        outcome_t p = run(PLAIN, E_escape, 100, 0), o = run(OPT, E_escape, 100, BIG);
        report(p.trap == WASM_RT_TRAP_UNREACHABLE && o.trap == p.trap && !o.oof,
               "unreachable traps the same", "plain trap %d, metered trap %d", p.trap, o.trap);
    }

    /* The start function runs inside instantiate, on --initial-fuel (run.sh
     * passes 1000000); its 2 instructions come out of that. */
    {
        Z_opt_instantiate(&opt_inst, &env_inst, &wasmbox_inst);
        int64_t left = (int64_t)*Z_optZ_wb_fuel(&opt_inst);
        u32 r = Z_optZ_started(&opt_inst, 0);
        Z_opt_free(&opt_inst);
        report(r == 42 && left == 1000000 - 2, "start function runs on the initial fuel",
               "started() = %" PRIu32 ", fuel after instantiation %" PRId64, r, left);
    }

#endif

#if defined(STACK_CHECK)
    /* --stack-check: a store to the stack pointer below wb_stack_limit
     * traps; the same recursion within the limit, or without one, runs. */
    {
        u32 r = 0;
        Z_opt_instantiate(&opt_inst METERED_IMPORTS);
        *Z_optZ_wb_fuel(&opt_inst) = (u64)BIG;
        u32 sp = opt_inst.w2c___stack_pointer;
        *Z_optZ_wb_stack_limit(&opt_inst) = sp - 2048;
        wasm_rt_trap_t shallow = guarded(OPT, E_k_frames, 3, &r);
        u32 shallow_r = r;
        wasm_rt_trap_t deep = guarded(OPT, E_k_frames, 1000, &r);
        opt_inst.w2c___stack_pointer = sp; /* a trap leaves it where it was */
        *Z_optZ_wb_stack_limit(&opt_inst) = 0;
        wasm_rt_trap_t free_run = guarded(OPT, E_k_frames, 1000, &r);
        Z_opt_free(&opt_inst);
        report(shallow == WASM_RT_TRAP_NONE && shallow_r == 6, "stack limit: shallow recursion runs",
               "trap %d, result %" PRIu32, shallow, shallow_r);
        report(deep == WASM_RT_TRAP_UNREACHABLE, "stack limit: deep recursion traps", "trap %d", deep);
        report(free_run == WASM_RT_TRAP_NONE && r == 500500, "stack limit 0: no limit",
               "trap %d, result %" PRIu32, free_run, r);
    }
#endif
    printf("harness: %d passed, %d failed\n", npass, nfail);
    return nfail ? 1 : 0;
}
