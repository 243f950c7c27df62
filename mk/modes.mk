# File modes (guest/rt/modes.c): the stat family and chmod's path call go
# through our wrappers, which carry the permission bits WASI lacks.
GUEST_LDFLAGS += $(foreach s,fstatat fstat stat lstat __wasi_path_filestat_set_times open openat mkdir mkdirat,\
                 -Wl,--wrap=$(s))
.DEFAULT_GOAL := all
