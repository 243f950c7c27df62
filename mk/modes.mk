# File modes (guest/rt/modes.c): the permission bits WASI lacks.
# The stat family and path_filestat_set_times are wrapped by mk/shell.mk
# (guest/rt/proc.c calls modes.c's hooks).
GUEST_LDFLAGS += $(foreach s,open openat mkdir mkdirat utimensat futimens,-Wl,--wrap=$(s))
.DEFAULT_GOAL := all
