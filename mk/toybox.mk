# toybox (0BSD) for the guest: coreutils-like applets, grep, sed, find,
# xargs, diff, tar, ... (guest/applets/toybox/, tools/build-toybox.sh).
# mk/*.mk are read before the Makefile names "all"; keep it the default.
.DEFAULT_GOAL := all

TOYBOX_STAMP := third_party/src/toybox.stamp
TOYBOX_B     := $(B)/toybox
TOYBOX_LIB   := $(TOYBOX_B)/libtoybox.a
TOYBOX_DEPS  := tools/build-toybox.sh tools/patch-toybox.sh tools/toybox-table.c \
                $(wildcard guest/applets/toybox/*.c guest/applets/toybox/*.config \
                           guest/applets/toybox/include/*.h guest/applets/toybox/include/*/*.h) \
                guest/applets/applets.h

$(TOYBOX_STAMP): tools/third_party.lock tools/fetch-source.sh | $(DEPS)
	$(Q)tools/fetch-source.sh toybox

$(TOYBOX_LIB): $(TOYBOX_STAMP) $(TOYBOX_DEPS) $(WASM_SYSROOT)/.ok
	@echo "  TOYBOX  $@"
	$(Q)WASM_CC="$(WASM_CC)" WASM_CFLAGS="$(WASM_CFLAGS)" JOBS="$(JOBS)" tools/build-toybox.sh $(TOYBOX_B)

GUEST_LIBS += $(TOYBOX_LIB)
# wasi-libc's emulations toybox needs (signal(), mman, times/getrusage,
# getpid); wasm-ld resolves archives in any order.
GUEST_LDFLAGS += -lwasi-emulated-signal -lwasi-emulated-mman -lwasi-emulated-process-clocks \
                 -lwasi-emulated-getpid
# registry.c refers to the table weakly, which does not pull an archive
# member in: ask for it.
GUEST_LDFLAGS += -Wl,--undefined=wb_applets_toybox

# Test-only: the applets as one WASI command for node's WASI
# (tests/applets/wasi-run.mjs), independent of the shell and the sandbox;
# the same 1 MiB stack, placed first, as the guest.
$(TOYBOX_B)/driver.wasm: tests/applets/wasi-driver.c guest/applets/registry.c $(TOYBOX_LIB) mk/toybox.mk
	@echo "  WASMLD  $@"
	$(Q)$(WASM_CC) $(WASM_CFLAGS) -Iguest/applets -o $@ tests/applets/wasi-driver.c \
	    guest/applets/registry.c $(TOYBOX_LIB) -lwasi-emulated-signal -lwasi-emulated-mman \
	    -lwasi-emulated-process-clocks -lwasi-emulated-getpid -Wl,--undefined=wb_applets_toybox \
	    -Wl,--stack-first -Wl,-z,stack-size=1048576
