/* module.h — the module-level entry point of wasm-meter. */
#ifndef WASM_METER_MODULE_H
#define WASM_METER_MODULE_H

#include "meter.h"

/* What the pass adds to the module.  The host binds the import and reads
 * and writes the global through these names. */
#define METER_IMPORT_MODULE "wasmbox"
#define METER_IMPORT_FIELD "out_of_fuel"
#define METER_IMPORT_NAME "wb_out_of_fuel" /* its entry in the "name" section */
#define METER_EXPORT "wb_fuel"
#define METER_STACK_EXPORT "wb_stack_limit"

typedef struct {
    int64_t initial_fuel; /* the fuel global's initialiser */
    bool naive;
    bool local_fuel;
    bool strip_names;
    bool stack_check;
} meter_opts_t;

typedef struct {
    meter_stats_t stats;
    uint32_t defined_funcs, imported_funcs;
    uint32_t fuel_global, oof_func;
    int64_t limit_global; /* -1 without --stack-check */
    size_t dropped_sections, dropped_bytes;
    size_t code_bytes_in, code_bytes_out; /* code section payloads */
} meter_result_t;

/* Meters the module in[0..len) into out; fails (exit 1) on any malformed
 * or unsupported input. */
void meter_module(const uint8_t *in, size_t len, const meter_opts_t *opts, buf_t *out,
                  meter_result_t *res);

#endif
