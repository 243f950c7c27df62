/* module.c — section-level rewriting for wasm-meter: adds the out_of_fuel
 * import, the fuel global and its export, and shifts every function index
 * at or above the new import by one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meter.h"
#include "module.h"

enum {
    SEC_CUSTOM = 0, SEC_TYPE, SEC_IMPORT, SEC_FUNCTION, SEC_TABLE, SEC_MEMORY, SEC_GLOBAL,
    SEC_EXPORT, SEC_START, SEC_ELEM, SEC_CODE, SEC_DATA, SEC_DATACOUNT, SEC_TAG,
};

static const char *const sec_names[] = {
    "custom", "type", "import", "function", "table", "memory", "global",
    "export", "start", "elem", "code", "data", "datacount", "tag",
};

/* Where each known section must appear (the binary format fixes the order;
 * datacount sits between elem and code, tag between memory and global). */
static int sec_rank(uint8_t id)
{
    static const int rank[] = {
        [SEC_TYPE] = 1, [SEC_IMPORT] = 2, [SEC_FUNCTION] = 3, [SEC_TABLE] = 4,
        [SEC_MEMORY] = 5, [SEC_TAG] = 6, [SEC_GLOBAL] = 7, [SEC_EXPORT] = 8,
        [SEC_START] = 9, [SEC_ELEM] = 10, [SEC_DATACOUNT] = 11, [SEC_CODE] = 12,
        [SEC_DATA] = 13,
    };
    return rank[id];
}

typedef struct {
    uint8_t id;
    size_t hdr;      /* offset of the id byte */
    rd_t body;
    char name[64];   /* custom sections: name, truncated for messages */
    size_t name_end; /* custom sections: payload after the name */
} section_t;

typedef struct {
    const meter_opts_t *opts;
    section_t *secs;
    size_t nsecs;
    section_t *by_id[SEC_TAG + 1];

    uint32_t ntypes;
    uint32_t *type_nparams;
    bool *type_is_void; /* [] -> [] */
    int64_t void_type;  /* an existing [] -> [], or -1 */

    uint32_t nimported_funcs, nimported_globals;
    uint32_t ndefined_funcs, ndefined_globals;
    uint32_t *func_types; /* defined functions */

    meter_cfg_t cfg;
    meter_stats_t st;
} module_t;

/* ------------------------------------------------------------ reading */

static void read_limits(rd_t *r, bool is_memory)
{
    size_t at = r->pos;
    uint8_t flags = rd_u8(r);
    if (is_memory && (flags & 0x04))
        meter_fail(at, "64-bit memories are not supported");
    if (flags & ~(is_memory ? 0x03 : 0x01))
        meter_fail(at, "unsupported limits flags 0x%02x", flags);
    rd_u32(r);
    if (flags & 0x01)
        rd_u32(r);
}

static void read_reftype(rd_t *r)
{
    size_t at = r->pos;
    uint8_t t = rd_u8(r);
    if (t != 0x70 && t != 0x6f)
        meter_fail(at, "unsupported reference type 0x%02x", t);
}

static void check_count(rd_t *r, size_t at, uint32_t n, const char *what)
{
    /* Every entry takes at least one byte, so a count beyond what is left is
     * malformed; checking it first keeps a forged count from allocating
     * gigabytes. */
    if (n > r->end - r->pos)
        meter_fail(at, "%s count %u exceeds the %zu byte(s) left", what, n, r->end - r->pos);
}

static void scan_types(module_t *m, rd_t r)
{
    meter_context("type section");
    size_t at = r.pos;
    m->ntypes = rd_u32(&r);
    check_count(&r, at, m->ntypes, "type");
    m->type_nparams = xmalloc(sizeof(uint32_t) * (m->ntypes + 1));
    m->type_is_void = xmalloc(sizeof(bool) * (m->ntypes + 1));
    for (uint32_t i = 0; i < m->ntypes; i++) {
        at = r.pos;
        uint8_t form = rd_u8(&r);
        if (form != 0x60)
            meter_fail(at, "type %u: unsupported type form 0x%02x (only function types)", i, form);
        size_t pat = r.pos;
        uint32_t np = rd_u32(&r);
        check_count(&r, pat, np, "parameter");
        for (uint32_t k = 0; k < np; k++) {
            size_t vat = r.pos;
            check_valtype(vat, rd_u8(&r));
        }
        size_t rat = r.pos;
        uint32_t nr = rd_u32(&r);
        check_count(&r, rat, nr, "result");
        for (uint32_t k = 0; k < nr; k++) {
            size_t vat = r.pos;
            check_valtype(vat, rd_u8(&r));
        }
        m->type_nparams[i] = np;
        m->type_is_void[i] = np == 0 && nr == 0;
        if (m->type_is_void[i] && m->void_type < 0)
            m->void_type = i;
    }
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in type section");
}

static bool name_is(const uint8_t *p, uint32_t n, const char *s)
{
    return n == strlen(s) && memcmp(p, s, n) == 0;
}

static void scan_imports(module_t *m, rd_t r)
{
    meter_context("import section");
    size_t at = r.pos;
    uint32_t n = rd_u32(&r);
    check_count(&r, at, n, "import");
    for (uint32_t i = 0; i < n; i++) {
        uint32_t mlen, flen;
        at = r.pos;
        const uint8_t *mod = rd_name(&r, &mlen);
        const uint8_t *field = rd_name(&r, &flen);
        if (name_is(mod, mlen, METER_IMPORT_MODULE) && name_is(field, flen, METER_IMPORT_FIELD))
            meter_fail(at, "the module already imports %s.%s: it is metered already",
                       METER_IMPORT_MODULE, METER_IMPORT_FIELD);
        size_t kat = r.pos;
        uint8_t kind = rd_u8(&r);
        switch (kind) {
        case 0: {
            size_t tat = r.pos;
            uint32_t t = rd_u32(&r);
            if (t >= m->ntypes)
                meter_fail(tat, "import %u: type index %u out of range", i, t);
            if (m->nimported_funcs == UINT32_MAX - 1)
                meter_fail(tat, "too many functions");
            m->nimported_funcs++;
            break;
        }
        case 1:
            read_reftype(&r);
            read_limits(&r, false);
            break;
        case 2:
            read_limits(&r, true);
            break;
        case 3:
            check_valtype(r.pos, rd_u8(&r));
            rd_u8(&r);
            m->nimported_globals++;
            break;
        default:
            meter_fail(kat, "import %u: unsupported import kind %u", i, kind);
        }
    }
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in import section");
}

static void scan_functions(module_t *m, rd_t r)
{
    meter_context("function section");
    size_t at = r.pos;
    m->ndefined_funcs = rd_u32(&r);
    check_count(&r, at, m->ndefined_funcs, "function");
    if ((uint64_t)m->ndefined_funcs + m->nimported_funcs >= UINT32_MAX)
        meter_fail(at, "too many functions");
    m->func_types = xmalloc(sizeof(uint32_t) * (m->ndefined_funcs + 1));
    for (uint32_t i = 0; i < m->ndefined_funcs; i++) {
        at = r.pos;
        m->func_types[i] = rd_u32(&r);
        if (m->func_types[i] >= m->ntypes)
            meter_fail(at, "function %u: type index %u out of range", i, m->func_types[i]);
    }
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in function section");
}

static void scan_memories(rd_t r)
{
    meter_context("memory section");
    size_t at = r.pos;
    uint32_t n = rd_u32(&r);
    check_count(&r, at, n, "memory");
    for (uint32_t i = 0; i < n; i++)
        read_limits(&r, true);
}

static void scan_tables(rd_t r)
{
    meter_context("table section");
    size_t at = r.pos;
    uint32_t n = rd_u32(&r);
    check_count(&r, at, n, "table");
    for (uint32_t i = 0; i < n; i++) {
        /* Tables with an initialiser expression (0x40 0x00, typed function
         * references) could hold ref.func: refused rather than copied. */
        if (!rd_done(&r) && r.base[r.pos] == 0x40)
            meter_fail(r.pos, "table %u: tables with initialisers are not supported", i);
        read_reftype(&r);
        read_limits(&r, false);
    }
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in table section");
}

static void scan_exports(rd_t r)
{
    meter_context("export section");
    size_t at = r.pos;
    uint32_t n = rd_u32(&r);
    check_count(&r, at, n, "export");
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        at = r.pos;
        const uint8_t *name = rd_name(&r, &len);
        if (name_is(name, len, METER_EXPORT))
            meter_fail(at, "the module already exports \"%s\"", METER_EXPORT);
        rd_u8(&r);
        rd_u32(&r);
    }
}

static void read_sections(module_t *m, rd_t r)
{
    meter_context("module header");
    const uint8_t *magic = rd_bytes(&r, 8);
    if (memcmp(magic, "\0asm", 4) != 0)
        meter_fail(0, "not a wasm binary (bad magic)");
    if (memcmp(magic + 4, "\1\0\0\0", 4) != 0)
        meter_fail(4, "unsupported wasm version (only 1; components are not supported)");
    size_t cap = 0;
    int last_rank = 0;
    while (!rd_done(&r)) {
        meter_context("section header");
        section_t s = {0};
        s.hdr = r.pos;
        s.id = rd_u8(&r);
        size_t sat = r.pos;
        uint32_t size = rd_u32(&r);
        if (size > r.end - r.pos)
            meter_fail(sat, "section %u: size %u runs past the end of the file (%zu left)",
                       s.id, size, r.end - r.pos);
        s.body = rd_sub(&r, size);
        if (s.id > SEC_TAG)
            meter_fail(s.hdr, "unknown section id %u", s.id);
        if (s.id == SEC_TAG)
            meter_fail(s.hdr, "tag section: exception handling is not supported");
        if (s.id == SEC_CUSTOM) {
            meter_context("custom section");
            rd_t nr = s.body;
            uint32_t len;
            const uint8_t *name = rd_name(&nr, &len);
            snprintf(s.name, sizeof s.name, "%.*s", (int)(len < 63 ? len : 63),
                     (const char *)name);
            s.name_end = nr.pos;
            if (name_is(name, len, "linking") || (len >= 6 && memcmp(name, "reloc.", 6) == 0))
                meter_fail(s.hdr, "relocatable object file (\"%s\" section): meter the linked module",
                           s.name);
        } else {
            if (sec_rank(s.id) <= last_rank)
                meter_fail(s.hdr, "%s section out of order or duplicated", sec_names[s.id]);
            last_rank = sec_rank(s.id);
        }
        if (m->nsecs == cap) {
            cap = cap ? cap * 2 : 16;
            m->secs = xrealloc(m->secs, cap * sizeof *m->secs);
        }
        m->secs[m->nsecs++] = s;
    }
    for (size_t i = 0; i < m->nsecs; i++)
        if (m->secs[i].id != SEC_CUSTOM)
            m->by_id[m->secs[i].id] = &m->secs[i];
}

/* ------------------------------------------------------------ writing */

static void write_types(module_t *m, buf_t *out)
{
    buf_t p = {0};
    buf_u32(&p, m->ntypes + (m->void_type < 0));
    if (m->by_id[SEC_TYPE]) {
        rd_t r = m->by_id[SEC_TYPE]->body;
        rd_u32(&r);
        buf_put(&p, r.base + r.pos, r.end - r.pos);
    }
    if (m->void_type < 0) {
        buf_u8(&p, 0x60);
        buf_u32(&p, 0);
        buf_u32(&p, 0);
    }
    buf_section(out, SEC_TYPE, &p);
    buf_free(&p);
}

static void write_imports(module_t *m, buf_t *out)
{
    buf_t p = {0};
    uint32_t n = 0;
    rd_t r = {0};
    if (m->by_id[SEC_IMPORT]) {
        r = m->by_id[SEC_IMPORT]->body;
        n = rd_u32(&r);
    }
    /* Appended last, so the imported functions keep their indices and the
     * new one takes the first index of the defined functions. */
    buf_u32(&p, n + 1);
    buf_put(&p, r.base + r.pos, r.end - r.pos);
    buf_name(&p, METER_IMPORT_MODULE);
    buf_name(&p, METER_IMPORT_FIELD);
    buf_u8(&p, 0x00);
    buf_u32(&p, m->void_type >= 0 ? (uint32_t)m->void_type : m->ntypes);
    buf_section(out, SEC_IMPORT, &p);
    buf_free(&p);
}

static void write_globals(module_t *m, buf_t *out)
{
    buf_t p = {0};
    meter_context("global section");
    buf_u32(&p, m->ndefined_globals + 1 + m->cfg.stack_check);
    if (m->by_id[SEC_GLOBAL]) {
        rd_t r = m->by_id[SEC_GLOBAL]->body;
        size_t at = r.pos;
        uint32_t n = rd_u32(&r);
        check_count(&r, at, n, "global");
        for (uint32_t i = 0; i < n; i++) {
            size_t tat = r.pos;
            check_valtype(tat, rd_u8(&r));
            buf_put(&p, r.base + tat, 1);
            size_t mat = r.pos;
            uint8_t mut = rd_u8(&r);
            if (mut > 1)
                meter_fail(mat, "global %u: malformed mutability 0x%02x", i, mut);
            buf_u8(&p, mut);
            meter_const_expr(&m->cfg, &r, &p);
        }
        if (!rd_done(&r))
            meter_fail(r.pos, "trailing bytes in global section");
    }
    buf_u8(&p, 0x7e); /* i64 */
    buf_u8(&p, 0x01); /* mutable */
    buf_u8(&p, 0x42); /* i64.const */
    buf_s64(&p, m->opts->initial_fuel);
    buf_u8(&p, 0x0b);
    if (m->cfg.stack_check) {
        buf_u8(&p, 0x7f); /* i32 */
        buf_u8(&p, 0x01); /* mutable */
        buf_u8(&p, 0x41); /* i32.const 0: no limit until the host sets one */
        buf_s64(&p, 0);
        buf_u8(&p, 0x0b);
    }
    buf_section(out, SEC_GLOBAL, &p);
    buf_free(&p);
}

static void write_exports(module_t *m, buf_t *out)
{
    buf_t p = {0};
    uint32_t n = 0;
    rd_t r = {0};
    meter_context("export section");
    if (m->by_id[SEC_EXPORT]) {
        r = m->by_id[SEC_EXPORT]->body;
        n = rd_u32(&r);
    }
    buf_u32(&p, n + 1 + m->cfg.stack_check);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        const uint8_t *name = rd_name(&r, &len);
        buf_u32(&p, len);
        buf_put(&p, name, len);
        size_t kat = r.pos;
        uint8_t kind = rd_u8(&r);
        size_t iat = r.pos;
        uint32_t idx = rd_u32(&r);
        buf_u8(&p, kind);
        if (kind == 0) {
            if (idx >= m->cfg.env.nfuncs)
                meter_fail(iat, "export %u: function index %u out of range", i, idx);
            idx = remap_func(&m->cfg, idx);
        } else if (kind > 3) {
            meter_fail(kat, "export %u: unsupported export kind %u", i, kind);
        }
        buf_u32(&p, idx);
    }
    if (r.base && !rd_done(&r))
        meter_fail(r.pos, "trailing bytes in export section");
    buf_name(&p, METER_EXPORT);
    buf_u8(&p, 0x03);
    buf_u32(&p, m->cfg.fuel_global);
    if (m->cfg.stack_check) {
        buf_name(&p, METER_STACK_EXPORT);
        buf_u8(&p, 0x03);
        buf_u32(&p, m->cfg.limit_global);
    }
    buf_section(out, SEC_EXPORT, &p);
    buf_free(&p);
}

static uint32_t read_func_idx(module_t *m, rd_t *r)
{
    size_t at = r->pos;
    uint32_t idx = rd_u32(r);
    if (idx >= m->cfg.env.nfuncs)
        meter_fail(at, "function index %u out of range (%u functions)", idx, m->cfg.env.nfuncs);
    return remap_func(&m->cfg, idx);
}

static void write_start(module_t *m, const section_t *s, buf_t *out)
{
    buf_t p = {0};
    meter_context("start section");
    rd_t r = s->body;
    buf_u32(&p, read_func_idx(m, &r));
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in start section");
    buf_section(out, SEC_START, &p);
    buf_free(&p);
}

static void write_elems(module_t *m, const section_t *s, buf_t *out)
{
    buf_t p = {0};
    meter_context("elem section");
    rd_t r = s->body;
    size_t at = r.pos;
    uint32_t n = rd_u32(&r);
    check_count(&r, at, n, "element segment");
    buf_u32(&p, n);
    for (uint32_t i = 0; i < n; i++) {
        meter_context("elem section, segment %u", i);
        at = r.pos;
        uint32_t flags = rd_u32(&r);
        if (flags > 7)
            meter_fail(at, "unsupported element segment flags %u", flags);
        buf_u32(&p, flags);
        bool passive_or_declared = flags & 1;
        bool explicit_table = (flags & 3) == 2;
        bool uses_exprs = flags & 4;
        if (explicit_table)
            buf_u32(&p, rd_u32(&r));
        if (!passive_or_declared)
            meter_const_expr(&m->cfg, &r, &p);
        if (passive_or_declared || explicit_table) {
            /* elemkind (0x00 = funcref) for index lists, a reftype for
             * expression lists. */
            size_t kat = r.pos;
            uint8_t kind = rd_u8(&r);
            if (uses_exprs ? (kind != 0x70 && kind != 0x6f) : kind != 0x00)
                meter_fail(kat, "unsupported element kind 0x%02x", kind);
            buf_u8(&p, kind);
        }
        at = r.pos;
        uint32_t count = rd_u32(&r);
        check_count(&r, at, count, "element");
        buf_u32(&p, count);
        for (uint32_t k = 0; k < count; k++) {
            if (uses_exprs)
                meter_const_expr(&m->cfg, &r, &p);
            else
                buf_u32(&p, read_func_idx(m, &r));
        }
    }
    meter_context("elem section");
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in elem section");
    buf_section(out, SEC_ELEM, &p);
    buf_free(&p);
}

static void write_code(module_t *m, const section_t *s, buf_t *out, meter_result_t *res)
{
    buf_t p = {0}, body = {0};
    meter_context("code section");
    rd_t r = s->body;
    size_t at = r.pos;
    uint32_t n = rd_u32(&r);
    if (n != m->ndefined_funcs)
        meter_fail(at, "code section has %u bodies for %u functions", n, m->ndefined_funcs);
    buf_u32(&p, n);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t fidx = m->nimported_funcs + i;
        meter_context("code section, function %u (body %u)", fidx, i);
        size_t sat = r.pos;
        uint32_t size = rd_u32(&r);
        if (size > r.end - r.pos)
            meter_fail(sat, "body size %u runs past the section (%zu left)", size, r.end - r.pos);
        rd_t b = rd_sub(&r, size);
        body.n = 0;
        meter_body(&m->cfg, b, m->type_nparams[m->func_types[i]], &body, &m->st);
        if (body.n > UINT32_MAX)
            meter_fail(sat, "body too large after metering");
        buf_u32(&p, (uint32_t)body.n);
        buf_put(&p, body.p, body.n);
    }
    meter_context("code section");
    if (!rd_done(&r))
        meter_fail(r.pos, "trailing bytes in code section");
    res->code_bytes_in = s->body.end - s->body.pos;
    res->code_bytes_out = p.n;
    buf_section(out, SEC_CODE, &p);
    buf_free(&p);
    buf_free(&body);
}

/* ------------------------------------------------------------ name section */

static void copy_namemap(rd_t *r, buf_t *p)
{
    size_t at = r->pos;
    uint32_t n = rd_u32(r);
    check_count(r, at, n, "name");
    buf_u32(p, n);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        buf_u32(p, rd_u32(r));
        const uint8_t *s = rd_name(r, &len);
        buf_u32(p, len);
        buf_put(p, s, len);
    }
}

/* Function names: shifted, with an entry for the new import inserted where
 * its index falls so that the map stays sorted. */
static void write_func_names(module_t *m, rd_t *r, buf_t *p)
{
    size_t at = r->pos;
    uint32_t n = rd_u32(r);
    check_count(r, at, n, "function name");
    buf_u32(p, n + 1);
    bool placed = false;
    int64_t prev = -1;
    for (uint32_t i = 0; i < n; i++) {
        size_t iat = r->pos;
        uint32_t idx = rd_u32(r);
        if ((int64_t)idx <= prev)
            meter_fail(iat, "function names not in increasing index order");
        if (idx >= m->cfg.env.nfuncs)
            meter_fail(iat, "function name for index %u out of range", idx);
        prev = idx;
        if (!placed && idx >= m->cfg.oof_func) {
            buf_u32(p, m->cfg.oof_func);
            buf_name(p, METER_IMPORT_NAME);
            placed = true;
        }
        uint32_t len;
        const uint8_t *s = rd_name(r, &len);
        buf_u32(p, remap_func(&m->cfg, idx));
        buf_u32(p, len);
        buf_put(p, s, len);
    }
    if (!placed) {
        buf_u32(p, m->cfg.oof_func);
        buf_name(p, METER_IMPORT_NAME);
    }
}

/* Local and label names: keyed by function index, inner maps unchanged. */
static void write_indirect_names(module_t *m, rd_t *r, buf_t *p)
{
    size_t at = r->pos;
    uint32_t n = rd_u32(r);
    check_count(r, at, n, "name");
    buf_u32(p, n);
    for (uint32_t i = 0; i < n; i++) {
        buf_u32(p, read_func_idx(m, r));
        copy_namemap(r, p);
    }
}

static void write_global_names(module_t *m, rd_t *r, buf_t *p)
{
    size_t at = r->pos;
    uint32_t n = rd_u32(r);
    check_count(r, at, n, "global name");
    buf_u32(p, n + 1 + m->cfg.stack_check);
    buf_put(p, r->base + r->pos, r->end - r->pos); /* the new globals are the last indices */
    r->pos = r->end;
    buf_u32(p, m->cfg.fuel_global);
    buf_name(p, METER_EXPORT);
    if (m->cfg.stack_check) {
        buf_u32(p, m->cfg.limit_global);
        buf_name(p, METER_STACK_EXPORT);
    }
}

static void write_names(module_t *m, const section_t *s, buf_t *out)
{
    buf_t p = {0}, sub = {0};
    meter_context("\"name\" section (use --strip-names to drop it)");
    rd_t r = s->body;
    buf_name(&p, "name");
    r.pos = s->name_end;
    int last = -1;
    while (!rd_done(&r)) {
        size_t at = r.pos;
        uint8_t id = rd_u8(&r);
        if ((int)id <= last)
            meter_fail(at, "name subsection %u out of order or duplicated", id);
        last = id;
        size_t sat = r.pos;
        uint32_t size = rd_u32(&r);
        if (size > r.end - r.pos)
            meter_fail(sat, "name subsection %u runs past the section", id);
        rd_t sr = rd_sub(&r, size);
        sub.n = 0;
        switch (id) {
        case 1:
            write_func_names(m, &sr, &sub);
            break;
        case 2: case 3: /* locals, labels */
            write_indirect_names(m, &sr, &sub);
            break;
        case 7:
            write_global_names(m, &sr, &sub);
            break;
        case 0: case 4: case 5: case 6: case 8: case 9: case 10: case 11:
            /* module, types, tables, memories, elem, data, fields, tags: no
             * function or global index that changes */
            buf_put(&sub, sr.base + sr.pos, size);
            sr.pos = sr.end;
            break;
        default:
            meter_warn("dropping unknown name subsection %u (it might hold function indices)", id);
            continue;
        }
        if (!rd_done(&sr))
            meter_fail(sr.pos, "trailing bytes in name subsection %u", id);
        buf_u8(&p, id);
        buf_u32(&p, (uint32_t)sub.n);
        buf_put(&p, sub.p, sub.n);
    }
    buf_section(out, SEC_CUSTOM, &p);
    buf_free(&p);
    buf_free(&sub);
}

/* ------------------------------------------------------------ driver */

static bool is_debug_section(const char *name)
{
    /* DWARF and source maps address code by byte offset, which metering
     * changes: kept, they would point debuggers at the wrong code. */
    return strncmp(name, ".debug_", 7) == 0 || strcmp(name, "sourceMappingURL") == 0;
}

/* Writes the sections we add or rewrite whose rank comes before `rank`
 * and that the input lacks. */
/* --stack-check: the stack pointer of a module linked by wasm-ld without
 * -fPIC is its first global, defined, a mutable i32 (__stack_pointer);
 * anything else is refused rather than guessed at. */
static void find_stack_pointer(module_t *m)
{
    meter_context("global section (--stack-check)");
    if (m->nimported_globals != 0 || !m->by_id[SEC_GLOBAL])
        meter_fail(NO_OFFSET, "--stack-check needs the stack pointer as the module's first global, "
                              "defined in it (a non-PIC module linked by wasm-ld)");
    rd_t r = m->by_id[SEC_GLOBAL]->body;
    if (rd_u32(&r) == 0)
        meter_fail(NO_OFFSET, "--stack-check: the module defines no globals");
    size_t at = r.pos;
    uint8_t type = rd_u8(&r), mut = rd_u8(&r);
    if (type != 0x7f || mut != 1)
        meter_fail(at, "--stack-check: global 0 is not a mutable i32, so it is not a stack pointer");
    m->cfg.stack_check = true;
    m->cfg.sp_global = 0;
    m->cfg.limit_global = m->cfg.fuel_global + 1;
}

static void write_missing(module_t *m, int rank, buf_t *out, bool *done)
{
    static const uint8_t needed[] = {SEC_TYPE, SEC_IMPORT, SEC_GLOBAL, SEC_EXPORT};
    for (size_t i = 0; i < sizeof needed; i++) {
        uint8_t id = needed[i];
        if (done[id] || m->by_id[id] || sec_rank(id) >= rank)
            continue;
        if (id == SEC_TYPE && m->void_type >= 0)
            continue;
        done[id] = true;
        if (id == SEC_TYPE)
            write_types(m, out);
        else if (id == SEC_IMPORT)
            write_imports(m, out);
        else if (id == SEC_GLOBAL)
            write_globals(m, out);
        else
            write_exports(m, out);
    }
}

void meter_module(const uint8_t *in, size_t len, const meter_opts_t *opts, buf_t *out,
                  meter_result_t *res)
{
    module_t m = {.opts = opts, .void_type = -1};
    read_sections(&m, (rd_t){in, 0, len});

    if (m.by_id[SEC_TYPE])
        scan_types(&m, m.by_id[SEC_TYPE]->body);
    if (m.by_id[SEC_IMPORT])
        scan_imports(&m, m.by_id[SEC_IMPORT]->body);
    if (m.by_id[SEC_FUNCTION])
        scan_functions(&m, m.by_id[SEC_FUNCTION]->body);
    if (m.by_id[SEC_TABLE])
        scan_tables(m.by_id[SEC_TABLE]->body);
    if (m.by_id[SEC_MEMORY])
        scan_memories(m.by_id[SEC_MEMORY]->body);
    if (m.by_id[SEC_EXPORT])
        scan_exports(m.by_id[SEC_EXPORT]->body);
    if (m.by_id[SEC_GLOBAL]) {
        meter_context("global section");
        rd_t r = m.by_id[SEC_GLOBAL]->body;
        m.ndefined_globals = rd_u32(&r);
    }
    if (!m.by_id[SEC_CODE] && m.ndefined_funcs)
        meter_fail(NO_OFFSET, "function section declares %u functions but there is no code section",
                   m.ndefined_funcs);
    if ((uint64_t)m.nimported_globals + m.ndefined_globals >= UINT32_MAX)
        meter_fail(NO_OFFSET, "too many globals");

    m.cfg.env.ntypes = m.ntypes + (m.void_type < 0);
    m.cfg.env.nfuncs = m.nimported_funcs + m.ndefined_funcs;
    m.cfg.nimported_funcs = m.nimported_funcs;
    m.cfg.oof_func = m.nimported_funcs;
    m.cfg.fuel_global = m.nimported_globals + m.ndefined_globals;
    m.cfg.naive = opts->naive;
    m.cfg.local_fuel = opts->local_fuel;
    if (opts->stack_check)
        find_stack_pointer(&m);
    if (m.by_id[SEC_START] && opts->initial_fuel <= 0)
        meter_warn("the start function runs during instantiation, before the host can set "
                   "wb_fuel: with --initial-fuel %lld it will run out of fuel at once",
                   (long long)opts->initial_fuel);

    buf_put(out, "\0asm\1\0\0\0", 8);
    bool done[SEC_TAG + 1] = {false};
    for (size_t i = 0; i < m.nsecs; i++) {
        section_t *s = &m.secs[i];
        if (s->id == SEC_CUSTOM) {
            if (is_debug_section(s->name) || (opts->strip_names && !strcmp(s->name, "name"))) {
                res->dropped_bytes += s->body.end - s->hdr;
                res->dropped_sections++;
                continue;
            }
            if (!strcmp(s->name, "name")) {
                write_names(&m, s, out);
            } else {
                buf_put(out, in + s->hdr, s->body.end - s->hdr);
            }
            continue;
        }
        write_missing(&m, sec_rank(s->id), out, done);
        done[s->id] = true;
        switch (s->id) {
        case SEC_TYPE: write_types(&m, out); break;
        case SEC_IMPORT: write_imports(&m, out); break;
        case SEC_GLOBAL: write_globals(&m, out); break;
        case SEC_EXPORT: write_exports(&m, out); break;
        case SEC_START: write_start(&m, s, out); break;
        case SEC_ELEM: write_elems(&m, s, out); break;
        case SEC_CODE: write_code(&m, s, out, res); break;
        default:
            /* function, table, memory, datacount, data: no function index
             * inside (data offsets are constant expressions, but only
             * global.get and numeric constants are valid there) */
            buf_put(out, in + s->hdr, s->body.end - s->hdr);
            break;
        }
    }
    write_missing(&m, 100, out, done);

    res->stats = m.st;
    res->defined_funcs = m.ndefined_funcs;
    res->imported_funcs = m.nimported_funcs;
    res->fuel_global = m.cfg.fuel_global;
    res->limit_global = m.cfg.stack_check ? (int64_t)m.cfg.limit_global : -1;
    res->oof_func = m.cfg.oof_func;
    free(m.secs);
    free(m.type_nparams);
    free(m.type_is_void);
    free(m.func_types);
}
