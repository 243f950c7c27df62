/* Function types and tables for wasm2c output.
 *
 * Function types are interned process-wide: call_indirect compares the
 * numbers, so equal signatures must get equal numbers.  Registration runs
 * only while a module initialises (once per process, under its own
 * pthread_once), but a mutex keeps it safe whatever the caller does. */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"

#define WB__MAX_SIG_TYPES 32 /* params + results in one signature */
#define WB__MAX_FUNC_TYPES 1024

typedef struct {
    uint32_t params, results;
    wasm_rt_type_t types[WB__MAX_SIG_TYPES];
} func_type;

/* Process-wide state (listed in include/wasmbox.h). */
static pthread_mutex_t types_lock = PTHREAD_MUTEX_INITIALIZER;
static func_type types[WB__MAX_FUNC_TYPES];
static uint32_t ntypes;

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...)
{
    func_type t;
    memset(&t, 0, sizeof t);
    t.params = params;
    t.results = results;
    /* A signature too long to intern gets a number no other matches
     * (UINT32_MAX): calls through it trap instead of mixing types. */
    if (params + results > WB__MAX_SIG_TYPES)
        return UINT32_MAX;
    va_list ap;
    va_start(ap, results);
    for (uint32_t i = 0; i < params + results; i++)
        t.types[i] = (wasm_rt_type_t)va_arg(ap, int);
    va_end(ap);

    pthread_mutex_lock(&types_lock);
    uint32_t id = UINT32_MAX;
    for (uint32_t i = 0; i < ntypes; i++)
        if (memcmp(&types[i], &t, sizeof t) == 0) {
            id = i;
            break;
        }
    if (id == UINT32_MAX && ntypes < WB__MAX_FUNC_TYPES) {
        types[ntypes] = t;
        id = ntypes++;
    }
    pthread_mutex_unlock(&types_lock);
    return id;
}

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t *t, uint32_t elements, uint32_t max_elements)
{
    t->data = calloc(elements ? elements : 1, sizeof *t->data);
    if (!t->data)
        wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_NOMEM);
    t->size = elements;
    t->max_size = max_elements;
}

void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t *t)
{
    free(t->data);
    t->data = NULL;
    t->size = 0;
}

void wasm_rt_allocate_externref_table(wasm_rt_externref_table_t *t, uint32_t elements, uint32_t max_elements)
{
    t->data = calloc(elements ? elements : 1, sizeof *t->data);
    if (!t->data)
        wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_NOMEM);
    t->size = elements;
    t->max_size = max_elements;
}

void wasm_rt_free_externref_table(wasm_rt_externref_table_t *t)
{
    free(t->data);
    t->data = NULL;
    t->size = 0;
}

/* Our guests never grow tables (no table.grow in C code); refusing keeps
 * the table's memory fixed and the clone logic in src/guest_glue.c simple. */
uint32_t wasm_rt_grow_funcref_table(wasm_rt_funcref_table_t *t, uint32_t delta, wasm_rt_funcref_t init)
{
    (void)t; (void)delta; (void)init;
    return UINT32_MAX;
}

uint32_t wasm_rt_grow_externref_table(wasm_rt_externref_table_t *t, uint32_t delta, wasm_rt_externref_t init)
{
    (void)t; (void)delta; (void)init;
    return UINT32_MAX;
}
