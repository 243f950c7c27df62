/* Every WASI preview1 function the host implements.  The generated guest.h
 * declares the ones the current guest imports; declaring all of them here
 * too makes the compiler check both lists agree on each signature. */
#ifndef WB_WASI_H
#define WB_WASI_H

#include <stdint.h>

struct Z_wasi_snapshot_preview1_instance_t;
#define WB__WASI_FN(ret, name, ...) \
    ret Z_wasi_snapshot_preview1Z_##name(struct Z_wasi_snapshot_preview1_instance_t *, ##__VA_ARGS__)

WB__WASI_FN(uint32_t, fd_write, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_read, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_close, uint32_t);
WB__WASI_FN(uint32_t, fd_seek, uint32_t, uint64_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_fdstat_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_fdstat_set_flags, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_prestat_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_prestat_dir_name, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, args_sizes_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, args_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, environ_sizes_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, environ_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, clock_res_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, clock_time_get, uint32_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, random_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, sched_yield);
WB__WASI_FN(uint32_t, poll_oneoff, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(void, proc_exit, uint32_t);
/* Files (wasi_fs.c). */
WB__WASI_FN(uint32_t, fd_advise, uint32_t, uint64_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, fd_allocate, uint32_t, uint64_t, uint64_t);
WB__WASI_FN(uint32_t, fd_datasync, uint32_t);
WB__WASI_FN(uint32_t, fd_fdstat_set_rights, uint32_t, uint64_t, uint64_t);
WB__WASI_FN(uint32_t, fd_filestat_get, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_filestat_set_size, uint32_t, uint64_t);
WB__WASI_FN(uint32_t, fd_filestat_set_times, uint32_t, uint64_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, fd_pread, uint32_t, uint32_t, uint32_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, fd_pwrite, uint32_t, uint32_t, uint32_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, fd_readdir, uint32_t, uint32_t, uint32_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, fd_renumber, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, fd_sync, uint32_t);
WB__WASI_FN(uint32_t, fd_tell, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_create_directory, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_filestat_get, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_filestat_set_times, uint32_t, uint32_t, uint32_t, uint32_t, uint64_t, uint64_t, uint32_t);
WB__WASI_FN(uint32_t, path_link, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_open, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint64_t, uint64_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_readlink, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_remove_directory, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_rename, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_symlink, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, path_unlink_file, uint32_t, uint32_t, uint32_t);
/* Not implemented (wasi_stubs.c): ENOSYS. */
WB__WASI_FN(uint32_t, proc_raise, uint32_t);
WB__WASI_FN(uint32_t, sock_accept, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, sock_recv, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, sock_send, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FN(uint32_t, sock_shutdown, uint32_t, uint32_t);

#undef WB__WASI_FN

/* fds above 2 (files and directories): wasi.c keeps stdio and hands the
 * rest to wasi_fs.c. */
#define WB__WASI_FS(name, ...) \
    uint32_t wb__wasi_##name(struct Z_wasi_snapshot_preview1_instance_t *, ##__VA_ARGS__)
WB__WASI_FS(fd_write, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FS(fd_read, uint32_t, uint32_t, uint32_t, uint32_t);
WB__WASI_FS(fd_close, uint32_t);
WB__WASI_FS(fd_seek, uint32_t, uint64_t, uint32_t, uint32_t);
WB__WASI_FS(fd_fdstat_get, uint32_t, uint32_t);
WB__WASI_FS(fd_fdstat_set_flags, uint32_t, uint32_t);
WB__WASI_FS(fd_prestat_get, uint32_t, uint32_t);
WB__WASI_FS(fd_prestat_dir_name, uint32_t, uint32_t, uint32_t);
#undef WB__WASI_FS
#endif
