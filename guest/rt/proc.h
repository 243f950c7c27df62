/* The guest's process layer: virtual file descriptors, in-guest pipes, and
 * applets run as child "processes" (their own fd table, exit() caught,
 * memory reclaimed).  There is no fork: a "process" is a saved fd table
 * and an allocation arena, entered and left by the shell.
 *
 * Every fd libc uses goes through the table here: the wasm build wraps
 * wasi-libc's __wasi_fd_* functions (wasm-ld --wrap, mk/shell.mk), so
 * stdio, read/write and applets see the shell's pipes and redirections.
 * A virtual fd maps to an open "file description": a host (WASI) fd or
 * one end of a pipe.  fds that were never virtualised (the preopened
 * directories) pass through unchanged.
 *
 * Scheduling: pipeline stages run one after another (no stack switching
 * yet), each stage's output buffered in its pipe.  All scheduling lives in
 * proc.c, behind proc_pipe/pipe reads and writes, so true interleaving only
 * changes this file.  A pipe holds at most PROC_PIPE_MAX bytes: a writer
 * past it gets SIGPIPE (status 141, like bash's `yes | head`), and a
 * reader that then reads to the end is told the data was cut. */
#ifndef WB_GUEST_PROC_H
#define WB_GUEST_PROC_H

#include <stddef.h>
#include <sys/types.h>

#define PROC_PIPE_MAX (64u << 20)
#define PROC_NFD 256

struct fdtab; /* opaque */

/* Initialises fds 0, 1, 2 as the host's. */
void proc_init(void);
/* Makes wasi-libc's relative-path buffers outside any applet's arena; call
 * before running commands, never from inside a WASI call. */
void proc_warm_paths(void);

/* fd operations on the current table (POSIX-like: -1 and errno). */
ssize_t proc_read(int fd, void *buf, size_t n);
ssize_t proc_write(int fd, const void *buf, size_t n);
int proc_close(int fd);
int proc_dup2(int from, int to);
int proc_dup_min(int from, int min); /* F_DUPFD */
int proc_pipe(int fds[2]);
int proc_open(const char *path, int flags, int mode);
int proc_isopen(int fd);
int proc_is_pipe(int fd);
/* Creates a pipe already holding data (here-docs): returns the read fd. */
int proc_pipe_with(const char *data, size_t n);

/* Child "process" tables: save the current table and install a copy. */
struct fdtab *proc_save(void);          /* returns the old table; current is a copy */
void proc_restore(struct fdtab *old);   /* drops the current, reinstates old */

/* Applets: runs main(argc, argv) as a child process; returns its status.
 * exit() inside returns here; allocations are reclaimed. */
int proc_run_applet(int (*main_fn)(int, char **), int argc, char **argv);
int proc_in_applet(void);
/* Set by whoever runs a writer: called when a pipe write must SIGPIPE. */
extern void (*proc_sigpipe_hook)(void);

/* The status a SIGPIPE'd writer gets. */
#define PROC_SIGPIPE_STATUS 141

/* Allocation arenas (alloc.c): the runtime's own memory, never tracked. */
void *rt_malloc(size_t n);
void *rt_realloc(void *p, size_t n);
void rt_free(void *p);
/* Starts tracking allocations in a new arena; returns its handle. */
int arena_push(void);
/* Frees everything allocated in the arena and drops it. */
void arena_pop(int handle);
/* Temporarily stop tracking (the shell's own work from inside an applet). */
int arena_suspend(void);
void arena_resume(int saved);
/* The linear memory size (wasm), for tests that memory stays flat. */
size_t arena_live_bytes(void);

/* The arena check (arena_check.c, wasm only): on while applets started
 * from the shell see WASMBOX_ARENA_CHECK=1.  Released blocks are poisoned and held back;
 * a later write, free or realloc of one is reported on stderr. */
int arena_check_on(void);
void arena_check_release(void *block);
void arena_check_verify(void);
int arena_check_held(const void *block);
unsigned long arena_check_reports(void); /* problems reported so far */

#endif
