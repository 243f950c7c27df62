/* body.c — metering of one function body.
 *
 * Two passes over the same decoder.  The first walks the structured control
 * flow and splits the body into segments (see the cost scheme at the top of
 * tools/wasm-meter.c): it only records, for each segment, the instruction
 * after which its charge goes and its cost.  The second copies the body,
 * inserting the charges and rewriting function indices.  Costs are only
 * known once a segment has been walked to its end (and code after a block
 * may be folded back into an earlier segment), which is why the charge
 * cannot be written on the fly. */
#include <stdlib.h>
#include <string.h>

#include "meter.h"

/* Opcodes of the code the pass emits. */
enum {
    OP_UNREACHABLE = 0x00,
    OP_IF = 0x04,
    OP_END = 0x0b,
    OP_CALL = 0x10,
    OP_LOCAL_GET = 0x20,
    OP_LOCAL_SET = 0x21,
    OP_LOCAL_TEE = 0x22,
    OP_GLOBAL_GET = 0x23,
    OP_GLOBAL_SET = 0x24,
    OP_I64_CONST = 0x42,
    OP_I32_LT_U = 0x49,
    OP_I64_LT_S = 0x53,
    OP_I64_SUB = 0x7d,
    OP_I64_SHR_U = 0x88,
    OP_I64_EXTEND_I32_U = 0xad,
    BT_EMPTY = 0x40,
};

#define ANCHOR_ENTRY (-1) /* charge before the first instruction */
#define NO_SEG (-1)

typedef struct {
    int64_t anchor; /* ordinal of the instruction the charge follows */
    uint64_t cost;
    bool check;     /* function entry or loop header: also test for exhaustion */
} seg_t;

enum frame_kind { FR_FUNC, FR_BLOCK, FR_LOOP, FR_IF };

typedef struct {
    enum frame_kind kind;
    bool start_reach;    /* the frame's first instruction can run */
    bool has_else;
    bool then_end_reach; /* if: the then-arm can fall through to else */
    bool targeted;       /* a reachable branch goes to this frame's end */
    int64_t seg_at_start; /* segment active where the frame begins */
    /* Lowest frame index that a reachable branch inside this frame goes to
     * (-1 for return).  Below the frame's own index: control can leave the
     * frame other than through its end. */
    int64_t min_target;
} frame_t;

typedef struct {
    seg_t *segs;
    size_t nsegs, segcap;
    frame_t *frames;
    size_t nframes, framecap;
    bool reach;
    int64_t cur; /* segment the next instructions are charged to */
    bool needs_tmp;
    bool calls; /* the body contains a call of any kind */
} walk_t;

static int64_t new_seg(walk_t *w, int64_t anchor, bool check)
{
    if (w->nsegs == w->segcap) {
        w->segcap = w->segcap ? w->segcap * 2 : 64;
        w->segs = xrealloc(w->segs, w->segcap * sizeof *w->segs);
    }
    w->segs[w->nsegs] = (seg_t){anchor, 0, check};
    return (int64_t)w->nsegs++;
}

static void push_frame(walk_t *w, enum frame_kind kind)
{
    if (w->nframes == w->framecap) {
        w->framecap = w->framecap ? w->framecap * 2 : 32;
        w->frames = xrealloc(w->frames, w->framecap * sizeof *w->frames);
    }
    w->frames[w->nframes++] = (frame_t){
        .kind = kind, .start_reach = w->reach, .seg_at_start = w->cur, .min_target = INT64_MAX};
}

static void branch(walk_t *w, size_t at, uint32_t depth)
{
    if (depth >= w->nframes)
        meter_fail(at, "branch depth %u exceeds the %zu enclosing blocks", depth, w->nframes);
    if (!w->reach)
        return;
    size_t target = w->nframes - 1 - depth;
    /* A branch to a loop goes back to its header, not to its end. */
    if (w->frames[target].kind != FR_LOOP)
        w->frames[target].targeted = true;
    frame_t *top = &w->frames[w->nframes - 1];
    if ((int64_t)target < top->min_target)
        top->min_target = (int64_t)target;
}

static void leave_function(walk_t *w)
{
    if (w->reach)
        w->frames[w->nframes - 1].min_target = -1;
}

static void dead(walk_t *w)
{
    w->reach = false;
    w->cur = NO_SEG;
}

static void on_end(walk_t *w, int64_t ordinal)
{
    frame_t f = w->frames[--w->nframes];
    int64_t index = (int64_t)w->nframes;
    if (w->nframes > 0 && f.min_target < w->frames[w->nframes - 1].min_target)
        w->frames[w->nframes - 1].min_target = f.min_target;
    if (f.kind == FR_FUNC || f.kind == FR_LOOP)
        return; /* past a loop's end only its fallthrough leads: same segment */

    bool fall = w->reach;
    /* The other edge into the end of an if: its false edge when there is no
     * else, else the end of its then-arm. */
    bool side = f.kind == FR_IF && (f.has_else ? f.then_end_reach : f.start_reach);
    if (!fall && !side && !f.targeted) {
        dead(w);
    } else if (fall && !side && !f.targeted) {
        /* Only reached by falling through: still straight-line code. */
    } else if (f.start_reach && f.min_target >= index) {
        /* Every path that enters the frame leaves through its end (or traps),
         * so what follows runs exactly as often as the frame's start: charge
         * it with the segment that was active there. */
        w->reach = true;
        w->cur = f.seg_at_start;
    } else {
        w->reach = true;
        w->cur = new_seg(w, ordinal, false);
    }
}

static uint64_t insn_cost(const insn_t *in)
{
    switch (in->cls) {
    case IC_BLOCK: case IC_LOOP: case IC_ELSE: case IC_END: case IC_FREE:
        return 0;
    default:
        return 1;
    }
}

/* Reads the local declarations; returns the number of locals declared. */
static uint64_t read_locals(rd_t *r)
{
    size_t at = r->pos;
    uint32_t ngroups = rd_u32(r);
    if (ngroups > r->end - r->pos)
        meter_fail(at, "local declaration count %u exceeds the body", ngroups);
    uint64_t total = 0;
    for (uint32_t i = 0; i < ngroups; i++) {
        total += rd_u32(r);
        size_t tat = r->pos;
        check_valtype(tat, rd_u8(r));
    }
    if (total > UINT32_MAX)
        meter_fail(at, "more than 2^32 locals");
    return total;
}

/* global.set of the stack pointer, with --stack-check. */
static bool is_stack_store(const meter_cfg_t *cfg, const insn_t *in)
{
    return cfg->stack_check && in->op == OP_GLOBAL_SET && in->idx == cfg->sp_global;
}

static void walk(walk_t *w, const meter_cfg_t *cfg, rd_t r)
{
    push_frame(w, FR_FUNC);
    w->reach = true;
    w->cur = new_seg(w, ANCHOR_ENTRY, true);
    w->frames[0].seg_at_start = w->cur;
    insn_t in;
    for (int64_t ordinal = 0; w->nframes > 0; ordinal++) {
        if (rd_done(&r))
            meter_fail(r.pos, "function body ends inside a block (missing end)");
        insn_decode(&r, &cfg->env, &in);
        if (w->reach)
            w->segs[w->cur].cost += insn_cost(&in);
        switch (in.cls) {
        case IC_BLOCK:
            push_frame(w, FR_BLOCK);
            break;
        case IC_LOOP:
            push_frame(w, FR_LOOP);
            if (w->reach)
                w->cur = new_seg(w, ordinal, true);
            break;
        case IC_IF:
            push_frame(w, FR_IF);
            if (w->reach)
                w->cur = new_seg(w, ordinal, false);
            break;
        case IC_ELSE: {
            frame_t *f = &w->frames[w->nframes - 1];
            if (f->kind != FR_IF || f->has_else)
                meter_fail(in.start, "else without a matching if");
            f->has_else = true;
            f->then_end_reach = w->reach;
            w->reach = f->start_reach;
            w->cur = w->reach ? new_seg(w, ordinal, false) : NO_SEG;
            break;
        }
        case IC_END:
            on_end(w, ordinal);
            break;
        case IC_BR:
            branch(w, in.start, in.idx);
            dead(w);
            break;
        case IC_BR_IF:
            branch(w, in.start, in.idx);
            if (w->reach)
                w->cur = new_seg(w, ordinal, false);
            break;
        case IC_BR_TABLE: {
            rd_t t = {r.base, in.targets_pos, in.end};
            for (uint32_t i = 0; i <= in.ntargets; i++) {
                size_t at = t.pos;
                branch(w, at, rd_u32(&t));
            }
            dead(w);
            break;
        }
        case IC_RETURN_CALL:
            w->calls = true;
            leave_function(w);
            dead(w);
            break;
        case IC_RETURN:
            if (in.op == 0x13) /* return_call_indirect */
                w->calls = true;
            leave_function(w);
            dead(w);
            break;
        case IC_UNREACHABLE:
            /* A trap ends the run: not an exit the following code must be
             * protected from (see "traps" in the scheme). */
            dead(w);
            break;
        case IC_BULK:
            w->needs_tmp = true;
            break;
        case IC_CALL:
            w->calls = true;
            break;
        case IC_PLAIN:
            if (in.op == 0x11) /* call_indirect */
                w->calls = true;
            if (is_stack_store(cfg, &in))
                w->needs_tmp = true;
            break;
        case IC_FREE: case IC_REF_FUNC:
            break;
        }
    }
    if (!rd_done(&r))
        meter_fail(r.pos, "%zu byte(s) after the function's final end", r.end - r.pos);
    /* Without calls the function cannot recurse: one entry runs a bounded
     * amount of code (its loops check for themselves), so the caller's
     * checks suffice and the entry only needs its debit. */
    if (!w->calls)
        w->segs[0].check = false;
}

/* ------------------------------------------------------------ emitting */

/* Where the code being emitted keeps the fuel count: the global itself, or
 * with --local-fuel a copy in a local of its own (fuel_local), which wasm2c
 * and the C compiler keep in a register.  The global lives in the instance
 * struct and every store to linear memory might alias it, so charging it
 * directly costs a load and a store at most charge points.  With the local,
 * the global is brought up to date wherever someone else can look at it:
 * before every call (the callee charges it, imports may read it), before
 * every way out of the function, and before out_of_fuel; after a call the
 * local is reloaded.  A trap that is not a call (memory access,
 * unreachable, ...) leaves the global at its last update, which is as
 * deterministic as the trap.  The price: a value another thread stores
 * into the global is overwritten at the next sync instead of being seen. */
typedef struct {
    buf_t *o;
    const meter_cfg_t *cfg;
    bool local;
    uint32_t fuel_local;
} emit_t;

static void emit_idx(buf_t *o, uint8_t op, uint32_t idx)
{
    buf_u8(o, op);
    buf_u32(o, idx);
}

static void fuel_get(const emit_t *e)
{
    if (e->local)
        emit_idx(e->o, OP_LOCAL_GET, e->fuel_local);
    else
        emit_idx(e->o, OP_GLOBAL_GET, e->cfg->fuel_global);
}

static void fuel_set(const emit_t *e)
{
    if (e->local)
        emit_idx(e->o, OP_LOCAL_SET, e->fuel_local);
    else
        emit_idx(e->o, OP_GLOBAL_SET, e->cfg->fuel_global);
}

/* local -> global, before anyone else can read the count. */
static void sync_out(const emit_t *e)
{
    if (!e->local)
        return;
    emit_idx(e->o, OP_LOCAL_GET, e->fuel_local);
    emit_idx(e->o, OP_GLOBAL_SET, e->cfg->fuel_global);
}

/* global -> local, after a callee (or the host) may have changed it. */
static void sync_in(const emit_t *e)
{
    if (!e->local)
        return;
    emit_idx(e->o, OP_GLOBAL_GET, e->cfg->fuel_global);
    emit_idx(e->o, OP_LOCAL_SET, e->fuel_local);
}

static void emit_debit(const emit_t *e, uint64_t cost)
{
    fuel_get(e);
    buf_u8(e->o, OP_I64_CONST);
    buf_s64(e->o, (int64_t)cost);
    buf_u8(e->o, OP_I64_SUB);
    fuel_set(e);
}

/* if (fuel < 0) out_of_fuel(); — the host's import should not return, but
 * if it does (say, after adding fuel) the count is reloaded. */
static void emit_check(const emit_t *e)
{
    fuel_get(e);
    buf_u8(e->o, OP_I64_CONST);
    buf_s64(e->o, 0);
    buf_u8(e->o, OP_I64_LT_S);
    buf_u8(e->o, OP_IF);
    buf_u8(e->o, BT_EMPTY);
    sync_out(e);
    emit_idx(e->o, OP_CALL, e->cfg->oof_func);
    sync_in(e);
    buf_u8(e->o, OP_END);
}

static void emit_charge(const emit_t *e, const seg_t *s, meter_stats_t *st)
{
    if (e->cfg->naive) {
        /* The per-instruction debits are the charge; keep the checks so that
         * naive output still stops runaway loops. */
        if (s->check)
            emit_check(e);
        return;
    }
    /* A zero-cost segment needs no charge; a zero-cost loop header or entry
     * needs no check either: it is followed at once by a nested loop
     * (which checks) or by the end of the loop/function. */
    if (s->cost == 0)
        return;
    emit_debit(e, s->cost);
    st->static_cost += s->cost;
    if (s->check) {
        emit_check(e);
        if (s->anchor == ANCHOR_ENTRY)
            st->entry_checks++;
        else
            st->loop_checks++;
    } else if (s->anchor == ANCHOR_ENTRY) {
        st->leaf_entries++;
    } else {
        st->debits++;
    }
}

/* Before a store to the stack pointer: trap if the new value is below the
 * limit.  A shadow stack that is not first in memory (a fiber's, in the
 * heap) would otherwise grow down over whatever lies below it.
 *   local.tee tmp  global.get limit  i32.lt_u  if  unreachable  end
 *   local.get tmp  (then the original global.set) */
static void emit_stack_check(const emit_t *e, uint32_t tmp)
{
    emit_idx(e->o, OP_LOCAL_TEE, tmp);
    emit_idx(e->o, OP_GLOBAL_GET, e->cfg->limit_global);
    buf_u8(e->o, OP_I32_LT_U);
    buf_u8(e->o, OP_IF);
    buf_u8(e->o, BT_EMPTY);
    buf_u8(e->o, OP_UNREACHABLE);
    buf_u8(e->o, OP_END);
    emit_idx(e->o, OP_LOCAL_GET, tmp);
}

/* The length operand is on top of the stack: park it in the scratch
 * local, charge length >> shift, check, and put it back. */
static void emit_bulk_charge(const emit_t *e, uint32_t tmp, unsigned shift)
{
    emit_idx(e->o, OP_LOCAL_SET, tmp);
    fuel_get(e);
    emit_idx(e->o, OP_LOCAL_GET, tmp);
    buf_u8(e->o, OP_I64_EXTEND_I32_U);
    if (shift) {
        buf_u8(e->o, OP_I64_CONST);
        buf_s64(e->o, shift);
        buf_u8(e->o, OP_I64_SHR_U);
    }
    buf_u8(e->o, OP_I64_SUB);
    fuel_set(e);
    emit_check(e);
    emit_idx(e->o, OP_LOCAL_GET, tmp);
}

/* Does this branch leave the function (target the function's own label)?
 * depth: blocks open inside the function body. */
static bool leaves_function(const insn_t *in, const uint8_t *base, uint32_t depth)
{
    if (in->cls == IC_BR || in->cls == IC_BR_IF)
        return in->idx == depth;
    if (in->cls != IC_BR_TABLE)
        return false;
    /* Already decoded once: the labels are known to be well formed. */
    rd_t t = {base, in->targets_pos, in->end};
    for (uint32_t i = 0; i <= in->ntargets; i++)
        if (rd_u32(&t) == depth)
            return true;
    return false;
}

static bool is_call(const insn_t *in)
{
    return in->cls == IC_CALL || in->cls == IC_RETURN_CALL || in->op == 0x11 /* call_indirect */
           || in->op == 0x13 /* return_call_indirect */;
}

void meter_body(const meter_cfg_t *cfg, rd_t body, uint32_t nparams, buf_t *out,
                meter_stats_t *st)
{
    walk_t w = {0};
    rd_t r = body;
    size_t locals_at = r.pos;
    uint64_t nlocals = read_locals(&r);
    size_t code_at = r.pos;
    walk(&w, cfg, r);

    /* Locals: the original groups, then an i32 scratch for bulk operations
     * and the i64 fuel copy, as needed. */
    emit_t e = {.o = out, .cfg = cfg, .local = cfg->local_fuel && !cfg->naive};
    uint64_t next_local = (uint64_t)nparams + nlocals;
    uint32_t tmp = 0, extra = 0;
    if (w.needs_tmp) {
        tmp = (uint32_t)next_local++;
        extra++;
    }
    if (e.local) {
        e.fuel_local = (uint32_t)next_local++;
        extra++;
    }
    if (next_local > UINT32_MAX)
        meter_fail(locals_at, "no room for the locals metering needs");
    rd_t lr = {body.base, locals_at, code_at};
    uint32_t ngroups = rd_u32(&lr);
    buf_u32(out, ngroups + extra);
    buf_put(out, body.base + lr.pos, code_at - lr.pos);
    if (w.needs_tmp) {
        buf_u32(out, 1);
        buf_u8(out, 0x7f);
    }
    if (e.local) {
        buf_u32(out, 1);
        buf_u8(out, 0x7e);
    }

    sync_in(&e);
    size_t next = 0;
    if (w.nsegs > 0 && w.segs[0].anchor == ANCHOR_ENTRY)
        emit_charge(&e, &w.segs[next++], st);
    r.pos = code_at;
    insn_t in;
    uint32_t depth = 0;
    for (int64_t ordinal = 0; !rd_done(&r); ordinal++) {
        insn_decode(&r, &cfg->env, &in);
        if (in.cls == IC_BULK) {
            emit_bulk_charge(&e, tmp, in.bulk_shift);
            st->bulk_charges++;
        }
        if (cfg->naive && insn_cost(&in)) {
            emit_debit(&e, insn_cost(&in));
            st->debits++;
        }
        bool call = is_call(&in);
        if (call || in.cls == IC_RETURN || (in.cls == IC_END && depth == 0) ||
            leaves_function(&in, body.base, depth))
            sync_out(&e);
        switch (in.cls) {
        case IC_CALL: case IC_RETURN_CALL: case IC_REF_FUNC:
            buf_put(out, body.base + in.start, in.idx_pos - in.start);
            buf_u32(out, remap_func(cfg, in.idx));
            break;
        default:
            if (is_stack_store(cfg, &in))
                emit_stack_check(&e, tmp);
            buf_put(out, body.base + in.start, in.end - in.start);
            break;
        }
        if (call && in.cls != IC_RETURN_CALL && in.op != 0x13)
            sync_in(&e);
        if (in.cls == IC_BLOCK || in.cls == IC_LOOP || in.cls == IC_IF)
            depth++;
        else if (in.cls == IC_END && depth > 0)
            depth--;
        if (next < w.nsegs && w.segs[next].anchor == ordinal)
            emit_charge(&e, &w.segs[next++], st);
    }
    if (next != w.nsegs)
        meter_fail(body.pos, "internal error: %zu charge(s) not placed", w.nsegs - next);
    st->funcs++;
    free(w.segs);
    free(w.frames);
}

void meter_const_expr(const meter_cfg_t *cfg, rd_t *r, buf_t *out)
{
    insn_t in;
    do {
        insn_decode(r, &cfg->env, &in);
        switch (in.cls) {
        case IC_PLAIN: case IC_END:
            buf_put(out, r->base + in.start, in.end - in.start);
            break;
        case IC_REF_FUNC:
            buf_put(out, r->base + in.start, in.idx_pos - in.start);
            buf_u32(out, remap_func(cfg, in.idx));
            break;
        default:
            meter_fail(in.start, "instruction not allowed in a constant expression");
        }
    } while (in.cls != IC_END);
}
