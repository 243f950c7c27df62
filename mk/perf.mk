# Faster libc routines for the guest's hot paths (guest/rt/libc_fast.c):
# strcmp, strlen, memchr, memrchr (8 bytes at a time), memcpy/memmove/memset
# (wasm bulk memory, metered by length in tools/meter).  Every reference in
# the guest, libc's own included, goes to __wrap_NAME.
PERF_WRAP := strcmp strlen memchr memrchr memcpy memmove memset
GUEST_LDFLAGS += $(foreach s,$(PERF_WRAP),-Wl,--wrap=$(s))
$(G)/rt/libc_fast.o: GUEST_CFLAGS += -mbulk-memory
# toybox fast paths: grep -c with a literal pattern counts whole buffers
# (guest/applets/toybox/fast_grep.c wraps toybox's grep_main).
GUEST_LDFLAGS += -Wl,--wrap=wbtb_grep_main
