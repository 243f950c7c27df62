/* insn.c — the instruction decoder of wasm-meter.
 *
 * The pass copies code through unchanged except at the few places it must
 * edit, so the one thing it cannot get wrong is where each instruction ends.
 * The decoder therefore knows every opcode of the features it accepts (MVP,
 * sign-ext, multi-value, reference types, bulk memory, non-trapping
 * float-to-int, tail calls, fixed-width SIMD, threads) with the exact shape
 * of its immediates, and refuses everything else by name: guessing a length
 * would produce a module that is wrong without saying so. */
#include <stdio.h>

#include "meter.h"

enum imm {
    IM_NONE,
    IM_BLOCKTYPE,
    IM_LABEL,
    IM_BR_TABLE,
    IM_FUNC,
    IM_CALL_INDIRECT, /* type index, table index */
    IM_IDX,           /* local, global, table, data or element index */
    IM_IDX2,          /* two indices (memory.copy, table.copy, memory.init, table.init) */
    IM_MEMARG,
    IM_I32,
    IM_I64,
    IM_F32,
    IM_F64,
    IM_SELECT_T,
    IM_HEAPTYPE,
    IM_V128,          /* 16 raw bytes: v128.const, i8x16.shuffle */
    IM_LANE,
    IM_MEMARG_LANE,
    IM_ZERO_BYTE,     /* atomic.fence */
};

void check_valtype(size_t at, uint8_t t)
{
    switch (t) {
    case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x7b: case 0x70: case 0x6f:
        return;
    default:
        meter_fail(at, "unsupported value type 0x%02x", t);
    }
}

static void read_blocktype(rd_t *r, const decode_env_t *env)
{
    size_t at = r->pos;
    int64_t bt = rd_s33(r);
    if (bt >= 0) {
        if ((uint64_t)bt >= env->ntypes)
            meter_fail(at, "block type index %lld out of range (%u types)", (long long)bt,
                       env->ntypes);
        return;
    }
    /* Negative values are the one-byte encodings of the empty type and of
     * the value types, as signed LEB. */
    if (bt == -64)
        return;
    if (bt < -64 || bt > -1)
        meter_fail(at, "malformed block type");
    check_valtype(at, (uint8_t)(bt & 0x7f));
}

static void read_memarg(rd_t *r)
{
    size_t at = r->pos;
    uint32_t align = rd_u32(r);
    /* Multi-memory: bit 6 of the alignment says a memory index follows. */
    if (align & 0x40) {
        align &= ~0x40u;
        rd_u32(r);
    }
    if (align >= 64)
        meter_fail(at, "malformed memory alignment %u", align);
    rd_u32(r); /* offset; memory64 is refused at the memory section */
}

static void read_imm(rd_t *r, const decode_env_t *env, enum imm im, insn_t *in)
{
    switch (im) {
    case IM_NONE:
        break;
    case IM_BLOCKTYPE:
        read_blocktype(r, env);
        break;
    case IM_LABEL:
        in->idx = rd_u32(r);
        break;
    case IM_BR_TABLE: {
        size_t at = r->pos;
        in->ntargets = rd_u32(r);
        in->targets_pos = r->pos;
        /* A label is at least one byte: checking the count against what is
         * left keeps a forged count from looping for long. */
        if (in->ntargets > r->end - r->pos)
            meter_fail(at, "br_table label count %u exceeds the code left", in->ntargets);
        for (uint32_t i = 0; i < in->ntargets; i++)
            rd_u32(r);
        rd_u32(r); /* default label */
        break;
    }
    case IM_FUNC: {
        size_t at = r->pos;
        in->idx_pos = at;
        in->idx = rd_u32(r);
        if (in->idx >= env->nfuncs)
            meter_fail(at, "function index %u out of range (%u functions)", in->idx,
                       env->nfuncs);
        break;
    }
    case IM_CALL_INDIRECT: {
        size_t at = r->pos;
        uint32_t t = rd_u32(r);
        if (t >= env->ntypes)
            meter_fail(at, "type index %u out of range (%u types)", t, env->ntypes);
        rd_u32(r);
        break;
    }
    case IM_IDX:
        rd_u32(r);
        break;
    case IM_IDX2:
        rd_u32(r);
        rd_u32(r);
        break;
    case IM_MEMARG:
        read_memarg(r);
        break;
    case IM_I32:
        rd_s32(r);
        break;
    case IM_I64:
        rd_s64(r);
        break;
    case IM_F32:
        rd_bytes(r, 4);
        break;
    case IM_F64:
        rd_bytes(r, 8);
        break;
    case IM_SELECT_T: {
        size_t at = r->pos;
        uint32_t n = rd_u32(r);
        if (n > r->end - r->pos)
            meter_fail(at, "select type count %u exceeds the code left", n);
        for (uint32_t i = 0; i < n; i++) {
            at = r->pos;
            check_valtype(at, rd_u8(r));
        }
        break;
    }
    case IM_HEAPTYPE: {
        size_t at = r->pos;
        int64_t ht = rd_s33(r);
        if (ht != -16 && ht != -17) /* funcref 0x70, externref 0x6f */
            meter_fail(at, "unsupported reference type in ref.null");
        break;
    }
    case IM_V128:
        rd_bytes(r, 16);
        break;
    case IM_LANE:
        rd_u8(r);
        break;
    case IM_MEMARG_LANE:
        read_memarg(r);
        rd_u8(r);
        break;
    case IM_ZERO_BYTE: {
        size_t at = r->pos;
        if (rd_u8(r) != 0)
            meter_fail(at, "atomic.fence: reserved byte must be 0");
        break;
    }
    }
}

/* Why an opcode we do not handle is refused, so that the message says what
 * to do rather than just "unknown". */
static const char *unsupported_why(uint32_t op)
{
    switch (op) {
    case 0x06: case 0x07: case 0x08: case 0x09: case 0x0a: case 0x18: case 0x19: case 0x1f:
        return "exception handling is not supported";
    case 0x14: case 0x15: case 0xd3: case 0xd4: case 0xd5: case 0xd6:
        return "typed function references are not supported";
    case 0xfb:
        return "GC instructions are not supported";
    default:
        return "unknown opcode";
    }
}

static void decode_fc(rd_t *r, const decode_env_t *env, uint32_t sub, insn_t *in)
{
    in->op = 0xfc0000u | sub;
    if (sub <= 7) /* saturating float-to-int */
        return;
    switch (sub) {
    case 8:  /* memory.init data mem */
        in->cls = IC_BULK;
        in->bulk_shift = 4;
        read_imm(r, env, IM_IDX2, in);
        return;
    case 9:  /* data.drop */
    case 13: /* elem.drop */
    case 15: /* table.grow */
    case 16: /* table.size */
        read_imm(r, env, IM_IDX, in);
        return;
    case 10: /* memory.copy dst src */
        in->cls = IC_BULK;
        in->bulk_shift = 4;
        read_imm(r, env, IM_IDX2, in);
        return;
    case 11: /* memory.fill */
        in->cls = IC_BULK;
        in->bulk_shift = 4;
        read_imm(r, env, IM_IDX, in);
        return;
    case 12: /* table.init elem table */
    case 14: /* table.copy dst src */
        in->cls = IC_BULK;
        in->bulk_shift = 0;
        read_imm(r, env, IM_IDX2, in);
        return;
    case 17: /* table.fill */
        in->cls = IC_BULK;
        in->bulk_shift = 0;
        read_imm(r, env, IM_IDX, in);
        return;
    default:
        meter_fail(in->start, "unknown opcode 0xfc %u", sub);
    }
}

static void decode_fd(rd_t *r, const decode_env_t *env, uint32_t sub, insn_t *in)
{
    in->op = 0xfd0000u | sub;
    enum imm im = IM_NONE;
    if (sub <= 0x0b)
        im = IM_MEMARG; /* loads, load-extend, load-splat, v128.store */
    else if (sub == 0x0c || sub == 0x0d)
        im = IM_V128; /* v128.const, i8x16.shuffle */
    else if (sub >= 0x15 && sub <= 0x22)
        im = IM_LANE; /* extract_lane / replace_lane */
    else if (sub >= 0x54 && sub <= 0x5b)
        im = IM_MEMARG_LANE; /* load*_lane, store*_lane */
    else if (sub == 0x5c || sub == 0x5d)
        im = IM_MEMARG; /* load32_zero, load64_zero */
    else if (sub >= 0x100 && sub <= 0x113)
        meter_fail(in->start, "opcode 0xfd %u: relaxed SIMD is not supported", sub);
    else if (sub > 0xff)
        meter_fail(in->start, "unknown opcode 0xfd %u", sub);
    else {
        /* The holes left in the final SIMD numbering. */
        switch (sub) {
        case 0x9a: case 0xa2: case 0xa5: case 0xa6: case 0xaf: case 0xb0: case 0xb2:
        case 0xb3: case 0xb4: case 0xbb: case 0xc2: case 0xc5: case 0xc6: case 0xcf:
        case 0xd0: case 0xd2: case 0xd3: case 0xd4: case 0xe2: case 0xee:
            meter_fail(in->start, "unknown opcode 0xfd %u", sub);
        default:
            break;
        }
    }
    read_imm(r, env, im, in);
}

static void decode_fe(rd_t *r, const decode_env_t *env, uint32_t sub, insn_t *in)
{
    in->op = 0xfe0000u | sub;
    if (sub <= 0x02 || (sub >= 0x10 && sub <= 0x4e))
        read_imm(r, env, IM_MEMARG, in);
    else if (sub == 0x03)
        read_imm(r, env, IM_ZERO_BYTE, in);
    else
        meter_fail(in->start, "unknown opcode 0xfe %u", sub);
}

void insn_decode(rd_t *r, const decode_env_t *env, insn_t *in)
{
    in->start = r->pos;
    in->cls = IC_PLAIN;
    in->idx = 0;
    in->idx_pos = 0;
    in->ntargets = 0;
    in->targets_pos = 0;
    in->bulk_shift = 0;
    uint8_t op = rd_u8(r);
    in->op = op;
    enum imm im = IM_NONE;

    if (op >= 0x45 && op <= 0xc4) { /* numeric, including sign-ext */
        in->end = r->pos;
        return;
    }
    if (op >= 0x28 && op <= 0x3e) { /* loads and stores */
        read_memarg(r);
        in->end = r->pos;
        return;
    }
    switch (op) {
    case 0x00: in->cls = IC_UNREACHABLE; break;
    case 0x01: in->cls = IC_FREE; break;
    case 0x02: in->cls = IC_BLOCK; im = IM_BLOCKTYPE; break;
    case 0x03: in->cls = IC_LOOP; im = IM_BLOCKTYPE; break;
    case 0x04: in->cls = IC_IF; im = IM_BLOCKTYPE; break;
    case 0x05: in->cls = IC_ELSE; break;
    case 0x0b: in->cls = IC_END; break;
    case 0x0c: in->cls = IC_BR; im = IM_LABEL; break;
    case 0x0d: in->cls = IC_BR_IF; im = IM_LABEL; break;
    case 0x0e: in->cls = IC_BR_TABLE; im = IM_BR_TABLE; break;
    case 0x0f: in->cls = IC_RETURN; break;
    case 0x10: in->cls = IC_CALL; im = IM_FUNC; break;
    case 0x11: im = IM_CALL_INDIRECT; break;
    case 0x12: in->cls = IC_RETURN_CALL; im = IM_FUNC; break;
    case 0x13: in->cls = IC_RETURN; im = IM_CALL_INDIRECT; break;
    case 0x1a: case 0x1b: break; /* drop, select */
    case 0x1c: im = IM_SELECT_T; break;
    case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: /* local.*, global.* */
    case 0x25: case 0x26:                                  /* table.get, table.set */
        im = IM_IDX;
        break;
    case 0x3f: case 0x40: im = IM_IDX; break; /* memory.size, memory.grow */
    case 0x41: im = IM_I32; break;
    case 0x42: im = IM_I64; break;
    case 0x43: im = IM_F32; break;
    case 0x44: im = IM_F64; break;
    case 0xd0: im = IM_HEAPTYPE; break;
    case 0xd1: break; /* ref.is_null */
    case 0xd2: in->cls = IC_REF_FUNC; im = IM_FUNC; break;
    case 0xfc: case 0xfd: case 0xfe: {
        uint32_t sub = rd_u32(r);
        if (op == 0xfc)
            decode_fc(r, env, sub, in);
        else if (op == 0xfd)
            decode_fd(r, env, sub, in);
        else
            decode_fe(r, env, sub, in);
        in->end = r->pos;
        return;
    }
    default:
        meter_fail(in->start, "opcode 0x%02x: %s", op, unsupported_why(op));
    }
    read_imm(r, env, im, in);
    in->end = r->pos;
}
