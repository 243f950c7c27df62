# jq: jq 1.7.1 with oniguruma 6.9.9 (Debian jq and libonig) in the guest's
# applet table.  tools/build-jq.sh builds both into one archive (renamed
# globals, one state region); -u pulls its table in, since registry.c
# refers to it weakly.
.DEFAULT_GOAL := all

JQ_STAMPS := third_party/src/jq.stamp third_party/src/libonig.stamp
JQ_LIB    := $(G)/jq/libwbjq.a
GUEST_LIBS += $(JQ_LIB)
GUEST_LDFLAGS += -Wl,-u,wb_applets_jq

third_party/src/jq.stamp: tools/third_party.lock tools/fetch-source.sh | $(DEPS)
	$(Q)tools/fetch-source.sh jq
third_party/src/libonig.stamp: tools/third_party.lock tools/fetch-source.sh | $(DEPS)
	$(Q)tools/fetch-source.sh libonig

$(JQ_LIB): $(JQ_STAMPS) tools/build-jq.sh tools/applet-lib.sh guest/applets/applets.h \
           guest/applets/state.h $(wildcard guest/applets/jq/*.[ch] guest/applets/jq/*/*.h) $(WASM_SYSROOT)/.ok
	@echo "  BUILD   $@"
	$(Q)WASM_SYSROOT=$(WASM_SYSROOT) WASM_CC=$(WASM_CC) tools/build-jq.sh $(G)/jq
