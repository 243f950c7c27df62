# awk: the one true awk (Debian original-awk) in the guest's applet table.
# tools/build-awk.sh builds it into one archive (renamed globals, one state
# region); -u pulls its table in, since registry.c refers to it weakly.
# The Makefile reads mk/*.mk before its own first rule: keep "all" the default.
.DEFAULT_GOAL := all

AWK_STAMP := third_party/src/original-awk.stamp
AWK_LIB   := $(G)/awk/libwbawk.a
# byacc: the grammar; original-awk: the reference of the differential
# upstream suite (tests/suites.d/applets-upstream.sh).
PKGS      += byacc original-awk
GUEST_LIBS += $(AWK_LIB)
GUEST_LDFLAGS += -Wl,-u,wb_applets_awk

$(AWK_STAMP): tools/third_party.lock tools/fetch-source.sh | $(DEPS)
	$(Q)tools/fetch-source.sh original-awk

$(AWK_LIB): $(AWK_STAMP) tools/build-awk.sh tools/applet-lib.sh guest/applets/applets.h \
            guest/applets/state.h guest/rt/unwind.h $(wildcard guest/applets/awk/*.[ch]) \
            $(wildcard guest/applets/awk/include/*.h guest/applets/awk/include/*/*.h) $(WASM_SYSROOT)/.ok
	@echo "  BUILD   $@"
	$(Q)WASM_SYSROOT=$(WASM_SYSROOT) WASM_CC=$(WASM_CC) tools/build-awk.sh $(G)/awk
