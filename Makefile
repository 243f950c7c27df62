# wasmbox — one plain GNU Makefile.
#
#   make            build libwasmbox.a, libwasmbox.so and the wasmbox CLI
#   make demo       install what is missing, build, run a demo
#   make test       install what is missing, build, run every test
#   make test SANITIZE=1   the same with ASan+UBSan on host code
#   make bench      benchmarks (ratios against native QuickJS)
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean
# Quiet unless V=1.

PREFIX  ?= /usr/local
DESTDIR ?=
V       ?= 0
SANITIZE ?= 0
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

ifeq ($(V),1)
Q :=
else
Q := @
endif

CC       := gcc
WASM_CC  := clang-19
WASM2C   := wasm2c

B        ?= build
G        := $(B)/guest
ifeq ($(SANITIZE),1)
H        := $(B)/asan
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
H        := $(B)/host
SAN      :=
endif

# Debian packages the build and the tests need (bookworm).
PKGS := gcc make pkg-config perl clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc wabt \
        libcmocka-dev libclang-rt-19-dev
DEPS := $(B)/.deps

# ------------------------------------------------------------------ guest
QJS_DIR  := third_party/src/quickjs
QJS_STAMP := third_party/src/quickjs.stamp
QJS_VER  := 2025-04-26
WASM_SYSROOT := $(G)/sysroot
WASM_CFLAGS := --target=wasm32-wasi --sysroot=$(WASM_SYSROOT) -O2 -D_GNU_SOURCE
# QuickJS is third-party: its own warnings are not ours to fix (-w).
# malloc.h: quickjs.c calls malloc_usable_size but only includes
# <malloc.h> on Linux; including it first adapts it without an edit.
QJS_CFLAGS := $(WASM_CFLAGS) -w -DCONFIG_VERSION=\"$(QJS_VER)\" -Iguest/include -I$(QJS_DIR) -include malloc.h
GUEST_CFLAGS := $(WASM_CFLAGS) -std=c11 -Wall -Wextra -Werror -isystem $(QJS_DIR) -I$(G)
# Reactor (no main), the 1 MiB shadow stack first so an overflow faults
# below address 0 instead of running into data, 4 GiB declared maximum (the
# host enforces the sandbox's own cap on every grow).
GUEST_LDFLAGS := -mexec-model=reactor -Wl,--stack-first -Wl,-z,stack-size=1048576 \
                 -Wl,--max-memory=4294901760

QJS_SRCS := libregexp.c libunicode.c cutils.c dtoa.c
QJS_OBJS := $(addprefix $(G)/qjs/,$(QJS_SRCS:.c=.o)) $(G)/qjs/quickjs.o
# Our guest C: every .c under guest/ (js, rt, shell, applets).  Third-party
# guest libraries add their archives to GUEST_LIBS from mk/*.mk.
GUEST_SRCS := $(wildcard guest/*/*.c)
GUEST_OBJS := $(patsubst guest/%.c,$(G)/%.o,$(GUEST_SRCS))
GUEST_HDRS := $(wildcard guest/*/*.h)
GUEST_LIBS :=

# Components (third-party guest libraries, extra packages, extra test
# programs) each add what they need from their own file in mk/; they are
# read here so their additions reach the rules below.
include $(sort $(wildcard mk/*.mk))

# ------------------------------------------------------------------ host
HOST_WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
HOST_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 -g -fPIC -fvisibility=hidden $(HOST_WARN) $(SAN) \
               -Iinclude -Isrc -Isrc/runtime -I$(G)
# Every .c under src/ and its sub-folders, but the CLI and the empty image
# of the stage-1 library.
HOST_SRCS := $(filter-out src/image_none.c src/cli/%,$(wildcard src/*.c src/*/*.c))
CLI_SRCS  := $(wildcard src/cli/*.c)
HOST_OBJS := $(patsubst src/%.c,$(H)/%.o,$(HOST_SRCS))
# The translated guest: ~9 MB of C, compiled once (about a minute, 1 GB of
# RAM) and shared by the normal and sanitizer builds.  No sanitizers and no
# warnings: it is generated code, and it faults on purpose on guard pages.
GEN_CFLAGS := -std=c11 -O2 -g0 -fPIC -fvisibility=hidden -w -Isrc/runtime -I$(G)

LIB_A  := $(H)/libwasmbox.a
LIB_SO := $(H)/libwasmbox.so
CLI    := $(H)/wasmbox
LIBS   += -lpthread -lm

.PHONY: all demo test bench install clean deps guest fuzz
all: $(CLI) $(LIB_SO)

deps: $(DEPS)
$(DEPS): tools/install-deps.sh Makefile
	$(Q)mkdir -p $(B)
	$(Q)tools/install-deps.sh $(PKGS)
	$(Q)touch $@

$(QJS_STAMP): tools/third_party.lock tools/fetch-source.sh | $(DEPS)
	$(Q)tools/fetch-source.sh quickjs

$(WASM_SYSROOT)/.ok: | $(DEPS)
	@# Only the wasi-libc headers and libraries: the host's /usr/include must not leak in.
	$(Q)mkdir -p $(WASM_SYSROOT)/include $(WASM_SYSROOT)/lib
	$(Q)ln -sfn /usr/include/wasm32-wasi $(WASM_SYSROOT)/include/wasm32-wasi
	$(Q)ln -sfn /usr/lib/wasm32-wasi $(WASM_SYSROOT)/lib/wasm32-wasi
	$(Q)touch $@

$(G)/qjs/quickjs.c: $(QJS_STAMP) tools/patch-quickjs.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)tools/patch-quickjs.sh $(QJS_DIR)/quickjs.c $@

$(G)/qjs/quickjs.o: $(G)/qjs/quickjs.c $(WASM_SYSROOT)/.ok
	@echo "  WASMCC  $<"
	$(Q)$(WASM_CC) $(QJS_CFLAGS) -c $< -o $@

$(G)/qjs/%.o: $(QJS_STAMP) $(WASM_SYSROOT)/.ok
	@echo "  WASMCC  $(QJS_DIR)/$*.c"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(WASM_CC) $(QJS_CFLAGS) -c $(QJS_DIR)/$*.c -o $@

$(G)/prelude.h: guest/js/inspect.js guest/js/prelude.js guest/js/tools.js tools/embed-js.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)tools/embed-js.sh $@ wb_inspect_js=guest/js/inspect.js wb_prelude_js=guest/js/prelude.js \
	    wb_tools_js=guest/js/tools.js

$(G)/%.o: guest/%.c $(GUEST_HDRS) $(G)/prelude.h $(QJS_STAMP) $(WASM_SYSROOT)/.ok
	@echo "  WASMCC  $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(WASM_CC) $(GUEST_CFLAGS) -c $< -o $@

$(G)/guest.wasm: $(QJS_OBJS) $(GUEST_OBJS) $(GUEST_LIBS)
	@echo "  WASMLD  $@"
	$(Q)$(WASM_CC) $(WASM_CFLAGS) $(GUEST_LDFLAGS) -o $@ $(QJS_OBJS) $(GUEST_OBJS) $(GUEST_LIBS)

# The metering pass (tools/wasm-meter, ours): deterministic fuel accounting
# at function entries and loop headers, an import wasmbox.out_of_fuel and an
# exported global wb_fuel (see tools/meter/meter.h).  --local-fuel keeps the
# counter in a local between calls (about a third less overhead); the host
# only touches the global from inside out_of_fuel (src/fuel.c), where it is
# current, so nothing is lost.  --stack-check traps when the shadow stack
# pointer goes below the exported global wb_stack_limit: 0 (no check) for
# the main stack, which is first in memory and faults below address 0, and
# the bottom of a fiber's shadow stack, which sits in the heap
# (src/guest_fiber.c).
METER      := $(B)/tools/wasm-meter
METER_SRCS := tools/wasm-meter.c $(wildcard tools/meter/*.c)
$(METER): $(METER_SRCS) $(wildcard tools/meter/*.h) | $(DEPS)
	@echo "  CC      $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror -O2 -o $@ $(METER_SRCS)

$(G)/guest.metered.wasm: $(G)/guest.wasm $(METER) Makefile
	@echo "  METER   $<"
	$(Q)$(METER) --local-fuel --stack-check $< $@

# wasm2c output replaces the old only when it differs, so an unchanged
# guest never triggers the long compile of guest.c.
$(G)/guest.c: $(G)/guest.metered.wasm
	@echo "  WASM2C  $<"
	$(Q)$(WASM2C) $< -n guest -o $(G)/guest.new.c
	$(Q)sed 's/guest\.new\.h/guest.h/' $(G)/guest.new.c > $(G)/guest.new2.c && rm $(G)/guest.new.c
	$(Q)if cmp -s $(G)/guest.new2.c $@ && cmp -s $(G)/guest.new.h $(G)/guest.h; then \
	      rm $(G)/guest.new2.c $(G)/guest.new.h; touch -r $@ $<; \
	    else mv $(G)/guest.new2.c $@; mv $(G)/guest.new.h $(G)/guest.h; fi
$(G)/guest.h: $(G)/guest.c

$(G)/guest.o: $(G)/guest.c src/runtime/wasm-rt.h
	@echo "  CC      $< (generated, about a minute)"
	$(Q)$(CC) $(GEN_CFLAGS) -c $< -o $@

guest: $(G)/guest.o

# ------------------------------------------------------------------ host
$(H)/%.o: src/%.c $(G)/guest.h $(wildcard src/*.h src/*/*.h) include/wasmbox.h guest/rt/host.h | $(DEPS)
	@echo "  CC      $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(HOST_CFLAGS) -c $< -o $@

# The initialised guest is made at build time: a stage-1 library without
# an image runs the guest's initialisation once (tools/mkimage) and the
# final library links the resulting memory image in (src/guest_glue.c).
STAGE1_A := $(H)/libwasmbox-stage1.a
$(STAGE1_A): $(HOST_OBJS) $(G)/guest.o $(H)/image_none.o
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(H)/mkimage: tools/mkimage.c $(STAGE1_A)
	@echo "  LD      $@"
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $< $(STAGE1_A) $(LIBS)

$(H)/guest.img: $(H)/mkimage
	@echo "  IMAGE   $@"
	$(Q)$(H)/mkimage $@

$(H)/image.o: $(H)/guest.img
	@echo "  AS      $@"
	$(Q)printf '%s\n' '.section .rodata' '.balign 64' '.globl wb__guest_image' '.hidden wb__guest_image' \
	    'wb__guest_image:' '.incbin "$(abspath $<)"' 'wb__guest_image_end:' '.balign 8' \
	    '.globl wb__guest_image_size' '.hidden wb__guest_image_size' \
	    'wb__guest_image_size: .quad wb__guest_image_end - wb__guest_image' \
	    '.section .note.GNU-stack,"",@progbits' > $(H)/image.S
	$(Q)$(CC) -c -o $@ $(H)/image.S

$(LIB_A): $(HOST_OBJS) $(G)/guest.o $(H)/image.o
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(LIB_SO): $(HOST_OBJS) $(G)/guest.o $(H)/image.o
	@echo "  LD      $@"
	$(Q)$(CC) -shared $(SAN) -o $@ $^ $(LIBS) -Wl,-soname,libwasmbox.so.0

$(H)/cli/%.o: src/cli/%.c include/wasmbox.h $(wildcard src/cli/*.h) | $(DEPS)
	@echo "  CC      $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(HOST_CFLAGS) -c $< -o $@

CLI_OBJS := $(patsubst src/cli/%.c,$(H)/cli/%.o,$(CLI_SRCS))
$(CLI): $(CLI_OBJS) $(LIB_A)
	@echo "  LD      $@"
	$(Q)$(CC) $(SAN) -o $@ $(CLI_OBJS) $(LIB_A) $(LIBS)

# ------------------------------------------------------------------ tests
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(H)/tests/%,$(UNIT_SRCS))

$(H)/tests/%: tests/unit/%.c tests/unit/unit.h $(LIB_A)
	@echo "  CC      $<"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(HOST_CFLAGS) -Itests/unit -o $@ $< $(LIB_A) -lcmocka $(LIBS)

test: $(CLI) $(LIB_SO) $(UNIT_BINS)
	$(Q)tests/run.sh $(H)

# libFuzzer targets for the host's parsers (tests/fuzz/); make test runs
# each for a few seconds, make fuzz for FUZZ_SECONDS (default 300).
FUZZ_SECONDS ?= 300
fuzz: $(CLI)
	$(Q)tests/fuzz/run.sh $(FUZZ_SECONDS) $(H)

demo: $(CLI)
	$(Q)tools/demo.sh $(CLI)

# ------------------------------------------------------------------ bench
bench: $(CLI) $(LIB_A)
	$(Q)$(MAKE) --no-print-directory -f bench/bench.mk H=$(H) G=$(G) QJS_DIR=$(QJS_DIR) QJS_VER=$(QJS_VER) run

# ------------------------------------------------------------------ install
install: $(CLI) $(LIB_A) $(LIB_SO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/wasmbox
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/libwasmbox.a
	install -m 755 $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/libwasmbox.so.0
	ln -sf libwasmbox.so.0 $(DESTDIR)$(PREFIX)/lib/libwasmbox.so
	install -m 644 include/wasmbox.h $(DESTDIR)$(PREFIX)/include/wasmbox.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|0.1.0|' tools/wasmbox.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/wasmbox.pc

clean:
	rm -rf $(B)
