/* Guest side of the wasmbox host interface (beyond WASI).
 *
 * One import carries everything: host_call(op, req, len).  The host checks
 * every pointer and length it receives (src/guest_mem.c), so the guest may
 * pass any buffer it owns.  Ops are appended, never renumbered. */
#ifndef WB_GUEST_HOST_H
#define WB_GUEST_HOST_H

#include <stddef.h>
#include <stdint.h>

enum {
    WB_HOST_OP_RESULT = 1, /* req: JSON text of the run's value; returns 0 */
    WB_HOST_OP_TOOLS = 2,  /* returns the length of the tool catalog (JSON), read with OP_READ */
    WB_HOST_OP_READ = 3,   /* req: buffer of exactly the announced length; copies the host's answer */
    WB_HOST_OP_BATCH = 4,  /* req: JSON array of tool calls made this turn; returns 0 */
    WB_HOST_OP_POLL = 5,   /* no req; returns 1 when the run must stop (time or output limit) */
    WB_HOST_OP_TOOL_ARGV = 6, /* req: NUL-terminated words "name\0--key\0value\0"; runs the call now;
                                 returns the answer's length for OP_READ: '0' + result JSON,
                                 '1' + "Name: message" (denied/failed), '2' + usage message */
};

#ifdef __wasm__
__attribute__((import_module("wasmbox"), import_name("host_call")))
int32_t wb_host_call(int32_t op, const void *req, size_t len);
#endif

/* File modes, which WASI preview1 lacks.  The host reports a file's
 * permission bits in the top bits of its filestat's dev (bit 63: present,
 * bits 48..59: the mode), and the guest's stat wrappers (guest/rt/modes.c)
 * move them to st_mode.  chmod is (path_|fd_)filestat_set_times with the
 * fstflags WB_FST_MODE alone and the mode in atim. */
#define WB_DEV_MODE_SHIFT 48
#define WB_DEV_MODE_FLAG (1ull << 63)
#define WB_FST_MODE 0x100u

/* Languages the guest runs; the host passes one to wb_guest_run. */
enum { WB_GUEST_JS = 1, WB_GUEST_SH = 2, WB_GUEST_SELFTEST = 98 /* runtime self-tests (guest/rt/selftest.c) */ };

/* Run outcomes returned by wb_guest_run. */
enum {
    WB_GUEST_OK = 0,        /* ran to the end */
    WB_GUEST_THREW = 1,     /* uncaught exception or rejection, reported on stderr */
    WB_GUEST_NOMEM = 2,     /* the guest could not allocate what it needed */
    WB_GUEST_BADLANG = 3,   /* language not built into this guest */
    WB_GUEST_PENDING = 4,   /* tool calls sent with OP_BATCH wait for wb_guest_resume */
};

#endif
