/* libFuzzer target: wb__vfs_load() on arbitrary bytes (a session file from
 * disk that anyone may have edited).  It must answer 0, EINVAL or ENOMEM,
 * never crash or leak; a state it accepts must work (save, reload to the
 * same bytes, list, change, remove) and must not break the tree's rules. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vfs/vfs.h"

#define CHECK(c)                                                        \
    do {                                                                \
        if (!(c)) {                                                     \
            fprintf(stderr, "fuzz_vfs: check failed: %s\n", #c);        \
            abort();                                                    \
        }                                                               \
    } while (0)

static wb__vfs *fresh(void)
{
    wb__vfs_opts o = { .fixed_clock = 1, .clock_ms = 1000 };
    wb__vfs *v = NULL;
    char msg[128];
    CHECK(wb__vfs_new(&o, &v, msg, sizeof msg) == 0);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb__vfs *v = fresh();
    int e = wb__vfs_load(v, data, size);
    CHECK(e == 0 || e == EINVAL || e == ENOMEM);
    if (e == 0) {
        wb__buf a = {0}, b = {0};
        CHECK(wb__vfs_save(v, &a) == 0);
        wb__vfs *w = fresh();
        CHECK(wb__vfs_load(w, a.data, a.len) == 0);
        CHECK(wb__vfs_save(w, &b) == 0);
        CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
        char *text;
        size_t len;
        if (wb__vfs_list(w, "/workspace", &text, &len) == 0)
            free(text);
        (void)wb__vfs_write_file(w, "/tmp/fuzz/new.txt", "x", 1, 1); /* may hit the quota */
        wb__vfs_remove(w, "/workspace", 1); /* its contents go, the folder stays */
        wb__vfs_remove(w, "/tmp", 1);
        uint64_t bytes, files;
        wb__vfs_usage(w, &bytes, &files);
        wb__vfs *c;
        if (wb__vfs_clone(w, &c) == 0)
            wb__vfs_free(c);
        wb__vfs_free(w);
        wb__buf_free(&a);
        wb__buf_free(&b);
    }
    wb__vfs_free(v);
    return 0;
}
