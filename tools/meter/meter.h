/* meter.h — internals of wasm-meter (tools/wasm-meter.c), the build-time
 * fuel metering pass.  The design (cost scheme, emitted code, index
 * rewriting) is described at the top of tools/wasm-meter.c. */
#ifndef WASM_METER_H
#define WASM_METER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ errors */

/* Every failure is fatal: the tool prints one message naming the input
 * offset and what was wrong, and exits 1.  Nothing is written to the output
 * path before the whole module has been rewritten, so a failure never
 * leaves a half-metered file behind. */
#define NO_OFFSET ((size_t)-1)
_Noreturn void meter_fail(size_t off, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void meter_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* What is being decoded, for error messages ("code section, function 57"). */
void meter_context(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern const char *meter_input_name;

/* ------------------------------------------------------------ output */

typedef struct {
    uint8_t *p;
    size_t n, cap;
} buf_t;

void buf_put(buf_t *b, const void *p, size_t n);
void buf_u8(buf_t *b, uint8_t v);
void buf_u32(buf_t *b, uint32_t v); /* unsigned LEB128 */
void buf_s64(buf_t *b, int64_t v);  /* signed LEB128 */
void buf_name(buf_t *b, const char *s);
void buf_free(buf_t *b);
/* Appends id, LEB size and payload. */
void buf_section(buf_t *out, uint8_t id, const buf_t *payload);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);

/* ------------------------------------------------------------ input */

/* A window [pos, end) on the input file.  Offsets are absolute file
 * offsets so that every error can name where it happened. */
typedef struct {
    const uint8_t *base;
    size_t pos, end;
} rd_t;

uint8_t rd_u8(rd_t *r);
uint32_t rd_u32(rd_t *r);
int32_t rd_s32(rd_t *r);
int64_t rd_s33(rd_t *r);
int64_t rd_s64(rd_t *r);
const uint8_t *rd_bytes(rd_t *r, size_t n);
/* A sub-window of n bytes starting at r->pos; r moves past it. */
rd_t rd_sub(rd_t *r, size_t n);
/* A length-prefixed name; returns its bytes and sets *len. */
const uint8_t *rd_name(rd_t *r, uint32_t *len);
bool rd_done(const rd_t *r);

/* ------------------------------------------------------------ instructions */

/* What the metering pass needs to know about an instruction.  Everything
 * else is copied through byte for byte. */
enum insn_class {
    IC_PLAIN,        /* straight-line instruction, cost 1 */
    IC_FREE,         /* nop: emits no machine code, cost 0 */
    IC_BLOCK,
    IC_LOOP,
    IC_IF,
    IC_ELSE,
    IC_END,
    IC_BR,
    IC_BR_IF,
    IC_BR_TABLE,
    IC_RETURN,       /* return, return_call_indirect */
    IC_UNREACHABLE,
    IC_CALL,         /* call: function index to rewrite */
    IC_RETURN_CALL,  /* return_call: function index to rewrite, leaves the function */
    IC_REF_FUNC,     /* ref.func: function index to rewrite */
    IC_BULK,         /* memory.copy/fill/init, table.copy/fill/init: length-dependent work */
};

typedef struct {
    size_t start, end;   /* absolute input offsets of the whole instruction */
    uint32_t op;         /* first byte, or prefix << 16 | sub-opcode */
    enum insn_class cls;
    uint32_t idx;        /* label depth (br, br_if) or function index */
    size_t idx_pos;      /* offset of the function index immediate */
    uint32_t ntargets;   /* br_table: number of labels, default excluded */
    size_t targets_pos;  /* br_table: offset of the first label */
    unsigned bulk_shift; /* IC_BULK: cost is length >> bulk_shift */
} insn_t;

typedef struct {
    uint32_t ntypes;     /* block type indices must be below this */
    uint32_t nfuncs;     /* function indices must be below this (old space) */
} decode_env_t;

/* Fails unless t is a value type this pass accepts (numeric, v128,
 * funcref, externref). */
void check_valtype(size_t at, uint8_t t);

/* Decodes one instruction at r->pos; fails on unknown opcodes or truncated
 * or malformed immediates. */
void insn_decode(rd_t *r, const decode_env_t *env, insn_t *in);

/* ------------------------------------------------------------ rewriting */

typedef struct {
    decode_env_t env;
    uint32_t nimported_funcs; /* old count: indices at or above shift by one */
    uint32_t fuel_global;     /* index of the new fuel counter */
    uint32_t oof_func;        /* index of the new out_of_fuel import */
    bool naive;               /* test aid: charge 1 before every instruction */
    bool local_fuel;          /* keep the count in a local between syncs */
    bool stack_check;         /* check every store to the stack pointer */
    uint32_t sp_global;       /* the stack pointer (__stack_pointer) */
    uint32_t limit_global;    /* the new lowest allowed stack pointer */
} meter_cfg_t;

typedef struct {
    uint64_t funcs, entry_checks, leaf_entries, loop_checks, debits, bulk_charges, static_cost;
} meter_stats_t;

static inline uint32_t remap_func(const meter_cfg_t *c, uint32_t idx)
{
    return idx < c->nimported_funcs ? idx : idx + 1;
}

/* Rewrites one function body (locals and code, without the size prefix)
 * into out.  nparams: parameter count of its type. */
void meter_body(const meter_cfg_t *cfg, rd_t body, uint32_t nparams, buf_t *out,
                meter_stats_t *st);

/* Rewrites a constant expression up to and including its end, remapping
 * ref.func. */
void meter_const_expr(const meter_cfg_t *cfg, rd_t *r, buf_t *out);

#endif
