# bench/bench.mk — `make bench`.  The main Makefile calls it, after building
# the CLI and libwasmbox.a, as
#     $(MAKE) -f bench/bench.mk H=$(H) G=$(G) QJS_DIR=$(QJS_DIR) QJS_VER=$(QJS_VER) run
# Everything goes to $(B)/bench, next to $(H): binaries, raw.txt (the
# measurements) and results.txt (raw.txt plus ratios and verdicts, one
# "name value unit" per line).  About two minutes the first time (native
# QuickJS is compiled twice), under a minute after that.
#
# Knobs: REPS (timed runs per workload, default 11), CLI_N (processes, 50),
# MEM_N (sandboxes kept alive, 1000), ONLY=fib|json|sort (one workload).
#
# `make -f bench/bench.mk H=$(B)/host instr` (not part of `run`; needs
# valgrind; about three minutes): instructions per timed run, by callgrind.
# Unlike times they do not move with the machine's load, and they work
# where perf has no hardware counters (most VMs).

H       ?= build/host
G       ?= build/guest
QJS_DIR ?= third_party/src/quickjs
QJS_VER ?= 2025-04-26
REPS    ?= 11
CLI_N   ?= 50
MEM_N   ?= 1000
ONLY    ?=

B  := $(patsubst %/,%,$(dir $(H)))
BD := $(B)/bench

# A sanitizer build (SANITIZE=1 puts it in $(B)/asan) is not worth timing.
ifneq ($(filter %/asan,$(H)),)
$(error make bench: $(H) is a sanitizer build; benchmark without SANITIZE=1)
endif

CC := gcc
BENCH_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror
# Native QuickJS: the same sources as the guest, gcc -O2.  Third-party
# code, so its warnings are not ours (-w).
NATIVE_CFLAGS := -O2 -D_GNU_SOURCE -DCONFIG_VERSION=\"$(QJS_VER)\" -w -I$(QJS_DIR)
NATIVE_SRCS := quickjs.c libregexp.c libunicode.c cutils.c dtoa.c
NATIVE_OBJS := $(addprefix $(BD)/native/,$(NATIVE_SRCS:.c=.o))
# The same with DIRECT_DISPATCH 0 (one switch instead of computed goto), the
# dispatch the guest ends up with: wasm has no indirect branch, so clang
# lowers the computed goto to one br_table, which wasm2c emits as a switch.
# quickjs.c defines DIRECT_DISPATCH itself (only -DEMSCRIPTEN turns it off,
# and that also drops the stack check and malloc_usable_size accounting), so
# a copy in the build directory gets the one-line edit instead.
SWITCH_OBJS := $(BD)/native-switch/quickjs.o $(filter-out $(BD)/native/quickjs.o,$(NATIVE_OBJS))

JS_DIR := bench/js
JS_FILES := $(wildcard $(JS_DIR)/*.js $(JS_DIR)/*.expect)
BINS := $(BD)/wb_bench $(BD)/js_bench $(BD)/js_bench_switch $(BD)/report $(BD)/limits_bench \
        $(BD)/session_bench

.PHONY: run bins instr
bins: $(BINS)

$(BD)/native/%.o: $(QJS_DIR)/%.c
	@echo "  CC      $< (native)"
	@mkdir -p $(dir $@)
	@$(CC) $(NATIVE_CFLAGS) -c $< -o $@

$(BD)/native-switch/quickjs.c: $(QJS_DIR)/quickjs.c bench/bench.mk
	@mkdir -p $(dir $@)
	@sed 's/^#define DIRECT_DISPATCH  1$$/#define DIRECT_DISPATCH  0/' $< > $@.tmp
	@if grep -q '^#define DIRECT_DISPATCH *1' $@.tmp || cmp -s $< $@.tmp; then \
	    echo "bench.mk: cannot turn DIRECT_DISPATCH off in $<: upstream text changed" >&2; \
	    rm -f $@.tmp; exit 1; fi
	@mv $@.tmp $@

$(BD)/native-switch/quickjs.o: $(BD)/native-switch/quickjs.c
	@echo "  CC      $< (native, switch dispatch)"
	@$(CC) $(NATIVE_CFLAGS) -c $< -o $@

# The JS workloads: wasmbox and one native build in one process, so their
# runs can be interleaved.
$(BD)/js_bench: bench/js_bench.c bench/bench_util.h include/wasmbox.h $(H)/libwasmbox.a $(NATIVE_OBJS)
	@echo "  LD      $@"
	@$(CC) $(BENCH_CFLAGS) -Iinclude -isystem $(QJS_DIR) -o $@ $< $(H)/libwasmbox.a $(NATIVE_OBJS) -lpthread -lm

$(BD)/js_bench_switch: bench/js_bench.c bench/bench_util.h include/wasmbox.h $(H)/libwasmbox.a $(SWITCH_OBJS)
	@echo "  LD      $@"
	@$(CC) $(BENCH_CFLAGS) -Iinclude -isystem $(QJS_DIR) -o $@ $< $(H)/libwasmbox.a $(SWITCH_OBJS) -lpthread -lm

$(BD)/wb_bench: bench/wb_bench.c bench/bench_util.h include/wasmbox.h $(H)/libwasmbox.a
	@echo "  LD      $@"
	@mkdir -p $(dir $@)
	@$(CC) $(BENCH_CFLAGS) -Iinclude -o $@ $< $(H)/libwasmbox.a -lpthread -lm

$(BD)/limits_bench: bench/limits_bench.c bench/bench_util.h include/wasmbox.h $(H)/libwasmbox.a
	@echo "  LD      $@"
	@mkdir -p $(dir $@)
	@$(CC) $(BENCH_CFLAGS) -Iinclude -o $@ $< $(H)/libwasmbox.a -lpthread -lm

$(BD)/session_bench: bench/session_bench.c bench/bench_util.h include/wasmbox.h src/session/store.h $(H)/libwasmbox.a
	@echo "  LD      $@"
	@mkdir -p $(dir $@)
	@$(CC) $(BENCH_CFLAGS) -Iinclude -o $@ $< $(H)/libwasmbox.a -lsqlite3 -llz4 -lz -lpthread -lm

$(BD)/report: bench/report.c
	@echo "  LD      $@"
	@mkdir -p $(dir $@)
	@$(CC) $(BENCH_CFLAGS) -o $@ $<

# Each kind of measurement in its own process, so that none sees another's
# memory or address space (fork() cost grows with it).
run: $(BINS) $(JS_FILES)
	@echo "bench: measuring (about a minute)..." >&2
	@set -e; raw=$(BD)/raw.txt; : > $$raw.tmp; \
	  $(BD)/wb_bench mem new $(MEM_N) >> $$raw.tmp; \
	  $(BD)/wb_bench mem run $(MEM_N) >> $$raw.tmp; \
	  $(BD)/wb_bench new >> $$raw.tmp; \
	  $(BD)/wb_bench cli $(H)/wasmbox $(CLI_N) >> $$raw.tmp; \
	  $(BD)/limits_bench tool 5000 >> $$raw.tmp; \
	  $(BD)/limits_bench deadline 9 >> $$raw.tmp; \
	  $(BD)/session_bench fork 2000 >> $$raw.tmp; \
	  $(BD)/session_bench save $(BD) 100 >> $$raw.tmp; \
	  $(BD)/js_bench $(JS_DIR) $(REPS) wb native $(ONLY) >> $$raw.tmp; \
	  $(BD)/js_bench_switch $(JS_DIR) $(REPS) wb_sw native_switch $(ONLY) >> $$raw.tmp; \
	  mv $$raw.tmp $$raw; \
	  $(BD)/report $$raw $(BD)/results.txt

# Instructions executed inside timed_wasmbox / timed_native (js_bench.c),
# inclusive, per run (each js_bench here does a warm-up and one timed run).
# A workload that fails under valgrind is reported and skipped: the undo
# log's write tracking (SIGSEGV on first write to a page) can trap there.
instr: $(BD)/js_bench $(BD)/js_bench_switch $(JS_FILES)
	@command -v valgrind >/dev/null || { echo "bench.mk: instr needs valgrind" >&2; exit 1; }
	@set -e; out=$(BD)/instr.txt; : > $$out.tmp; \
	for b in js_bench js_bench_switch; do \
	  nk=native; [ $$b = js_bench ] || nk=native_switch; \
	  for w in fib json sort; do \
	    echo "bench: callgrind $$b $$w" >&2; \
	    if ! valgrind --tool=callgrind --callgrind-out-file=$(BD)/callgrind.$$b.$$w \
	      $(BD)/$$b $(JS_DIR) 1 wb $$nk $$w > /dev/null 2> $(BD)/callgrind.$$b.$$w.log; then \
	      echo "bench: $$b $$w failed under valgrind, skipped: $$(grep '^bench:' $(BD)/callgrind.$$b.$$w.log)" >&2; \
	      continue; fi; \
	    callgrind_annotate --inclusive=yes $(BD)/callgrind.$$b.$$w 2>/dev/null | \
	      awk -v w=$$w -v nk=$$nk -v b=$$b ' \
	        / [^ ]*:timed_wasmbox / { gsub(",", "", $$1); wb = $$1 } \
	        / [^ ]*:timed_native / { gsub(",", "", $$1); nat = $$1 } \
	        END { if (!wb || !nat) { print "bench.mk: no counts for " b " " w > "/dev/stderr"; exit 1 } \
	              if (b == "js_bench") printf "instr_wb_%s %.1f Minstr\n", w, wb / 2e6; \
	              printf "instr_%s_%s %.1f Minstr\n", nk, w, nat / 2e6; \
	              printf "instr_ratio_%s_%s %.3f x\n", nk, w, wb / nat }' >> $$out.tmp; \
	  done; \
	done; mv $$out.tmp $$out; cat $$out
