# The shell (guest/shell) and the guest process layer (guest/rt).
#
# Every fd operation of libc goes through guest/rt/proc.c (virtual fds,
# in-guest pipes), every allocation through guest/rt/alloc.c (per-applet
# arenas), and exit()/fopen()/atexit() through guest/rt/applet_run.c:
# wasm-ld's --wrap sends the references to __wrap_NAME.
WB_WRAP := __wasi_fd_read __wasi_fd_write __wasi_fd_close __wasi_fd_pread __wasi_fd_pwrite \
           __wasi_fd_seek __wasi_fd_tell __wasi_fd_fdstat_get __wasi_fd_fdstat_set_flags \
           __wasi_fd_filestat_get __wasi_fd_filestat_set_size __wasi_fd_filestat_set_times \
           __wasi_fd_readdir __wasi_fd_sync __wasi_fd_datasync __wasi_path_open \
           malloc free calloc realloc aligned_alloc posix_memalign \
           exit _Exit atexit fopen fdopen fmemopen open_memstream tmpfile fclose \
           __wasi_path_filestat_get __wasi_path_filestat_set_times __wasi_path_create_directory \
           __wasi_path_link __wasi_path_readlink __wasi_path_remove_directory __wasi_path_rename \
           __wasi_path_symlink __wasi_path_unlink_file __wasi_fd_advise __wasi_fd_allocate \
           __wasilibc_find_relpath_alloc chdir setenv unsetenv putenv \
           stat lstat fstat fstatat
GUEST_LDFLAGS += $(foreach s,$(WB_WRAP),-Wl,--wrap=$(s))

# Native build of the shell for iteration and fuzzing (no applets).  This
# file is read before the Makefile names its first rule: keep "all" the
# default goal.
.DEFAULT_GOAL := all
SH_NATIVE := $(B)/native/wbsh
SH_NATIVE_SRCS := $(wildcard guest/shell/*.c) guest/rt/proc.c guest/rt/alloc.c guest/rt/applet_run.c \
                  guest/rt/unwind_native.c guest/applets/registry.c tests/native/wbsh.c
$(SH_NATIVE): $(SH_NATIVE_SRCS) $(wildcard guest/shell/*.h guest/rt/*.h)
	@echo "  CC      $@"
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror $(SH_NATIVE_CFLAGS) -o $@ $(SH_NATIVE_SRCS)

.PHONY: sh-native
sh-native: $(SH_NATIVE)
