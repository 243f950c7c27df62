/* Traps: how guest failures get back to the host without killing it.
 *
 * wasm_rt_trap() and faults inside a guest memory's reservation unwind to
 * the innermost wb__rt_call() on the same thread.  State is per thread, so
 * sandboxes on different threads never see each other's traps.  A fault
 * anywhere else is a host bug: the handler steps aside and the process dies
 * as it would have without us (or the embedder's own handler runs). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "rt.h"
#include "../internal.h"

WB__RT_TLS uintptr_t wb__rt_stack_floor;
static WB__RT_TLS wb__rt_call_ctx *current;

/* Process-wide state (listed in include/wasmbox.h): the handlers we replaced. */
static struct sigaction old_segv, old_bus;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_error;

wb__rt_call_ctx *wb__rt_current(void)
{
    return current;
}

static int in_reservation(const wb__rt_call_ctx *c, const void *addr)
{
    const uint8_t *a = addr;
    return c && c->mem && c->mem->data && a >= c->mem->data &&
           (size_t)(a - c->mem->data) < WB__RT_RESERVATION;
}

static void on_fault(int sig, siginfo_t *info, void *uctx)
{
    wb__rt_call_ctx *c = current;
    /* Only faults the kernel raised for an access are ours to judge; a
     * SIGSEGV sent with kill() or raise() (si_code <= 0) is not a guest
     * fault, whatever si_addr happens to hold. */
    int access = info->si_code > 0;
    /* A first write to a page the undo log tracks: log it and retry. */
    if (access && c && sig == SIGSEGV && wb__rt_undo_fault(c->undo, info->si_addr))
        return;
    if (access && in_reservation(c, info->si_addr))
        siglongjmp(c->jmp, WASM_RT_TRAP_OOB);

    /* Not ours: hand the fault to whoever had the signal before us. */
    const struct sigaction *old = sig == SIGBUS ? &old_bus : &old_segv;
    if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
        old->sa_sigaction(sig, info, uctx);
        return;
    }
    if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
        old->sa_handler(sig);
        return;
    }
    /* Default action: restore it.  An access fault then happens again when
     * we return and the kernel ends the process with it; a signal that was
     * sent has no instruction to repeat, so send it again. */
    signal(sig, SIG_DFL);
    if (!access)
        raise(sig);
}

static void install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    /* SA_NODEFER: we leave the handler by siglongjmp to a buffer saved
     * without the signal mask, so the signal must not stay blocked. */
    sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    const int sigs[2] = { SIGSEGV, SIGBUS };
    struct sigaction *olds[2] = { &old_segv, &old_bus };
    for (int i = 0; i < 2; i++) {
        struct sigaction prev;
        if (sigaction(sigs[i], &sa, &prev) != 0) {
            init_error = errno;
            return;
        }
        /* Installing twice must not make us our own predecessor. */
        if (!((prev.sa_flags & SA_SIGINFO) && prev.sa_sigaction == on_fault))
            *olds[i] = prev;
    }
}

/* Installs the handlers again, chaining to whatever is installed now.
 * Only for test harnesses that replace signal handlers around each test
 * (cmocka does); embedders install theirs before the first wb_new(). */
void wb__rt_reinstall_handlers(void)
{
    install();
}

int wb__rt_init(void)
{
    pthread_once(&init_once, install);
    return init_error;
}

void wasm_rt_init(void)
{
    wb__rt_init();
}

bool wasm_rt_is_initialized(void)
{
    return true;
}

void wasm_rt_trap(wasm_rt_trap_t trap)
{
    wb__rt_call_ctx *c = current;
    /* A trap outside any guest call means the host itself misused the
     * runtime; there is nowhere safe to return to. */
    if (!c)
        abort();
    siglongjmp(c->jmp, trap == WASM_RT_TRAP_NONE ? WASM_RT_TRAP_UNREACHABLE : (int)trap);
}

/* proc_exit: leave the guest the way a trap does, but as a normal end. */
void wb__rt_exit(void)
{
    wasm_rt_trap((wasm_rt_trap_t)WB__RT_TRAP_EXIT);
}

const char *wasm_rt_strerror(wasm_rt_trap_t trap)
{
    switch ((int)trap) {
    case WASM_RT_TRAP_NONE: return "no trap";
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable executed";
    case WASM_RT_TRAP_CALL_INDIRECT: return "invalid indirect call";
    case WASM_RT_TRAP_UNCAUGHT_EXCEPTION: return "uncaught wasm exception";
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
    case WB__RT_TRAP_NOMEM: return "host could not map guest memory";
    case WB__RT_TRAP_EXIT: return "guest exited";
    case WB__RT_TRAP_STOP: return "stopped by a limit";
    default: return "unknown trap";
    }
}

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
/* ASan must know which stack is current (fiber annotations), else it
 * mistakes guest frames for overflows of the thread's own stack. */
static WB__RT_TLS const void *host_bottom;
static WB__RT_TLS size_t host_size;
#define ENTER_GUEST_STACK() __sanitizer_finish_switch_fiber(NULL, &host_bottom, &host_size)
#define LEAVE_GUEST_STACK() __sanitizer_start_switch_fiber(NULL, host_bottom, host_size)
#else
#define ENTER_GUEST_STACK() ((void)0)
#define LEAVE_GUEST_STACK() ((void)0)
#endif

/* First function on the guest stack: the jump buffer lives in this frame,
 * so a trap unwinds within the guest stack, and then this function returns
 * normally to wb__rt_on_stack, which restores the host stack. */
static void guest_entry(void *arg)
{
    wb__rt_call_ctx *c = arg;
    int trap = sigsetjmp(c->jmp, 0);
    if (trap == 0)
        c->fn(c->arg);
    c->trap = trap;
}

static void guest_entry_switched(void *arg)
{
    ENTER_GUEST_STACK();
    guest_entry(arg);
    LEAVE_GUEST_STACK();
}

int wb__rt_call(wb__rt_call_ctx *c, const wasm_rt_memory_t *mem, void (*fn)(void *), void *arg)
{
    return wb__rt_call_undo(c, mem, NULL, fn, arg);
}

int wb__rt_call_undo(wb__rt_call_ctx *c, const wasm_rt_memory_t *mem, wb__rt_undo *undo,
                     void (*fn)(void *), void *arg)
{
    c->mem = mem;
    c->undo = undo;
    c->grow_denied = 0;
    c->fn = fn;
    c->arg = arg;
    c->trap = 0;
    c->prev = current;

    if (current) {
        /* Already on the guest stack (a host import calling back into the
         * guest): run in place. */
        current = c;
        guest_entry(c);
        current = c->prev;
        return c->trap;
    }

    uint8_t *base;
    size_t size;
    uintptr_t floor;
    if (wb__rt_stack_get(&base, &size, &floor) != 0)
        return WB__RT_TRAP_NOMEM;

    uintptr_t saved_floor = wb__rt_stack_floor;
    current = c;
    wb__rt_stack_floor = floor;
#if defined(__SANITIZE_ADDRESS__)
    /* Forget redzones a trap's longjmp left behind on the guest stack. */
    void *fake;
    __asan_unpoison_memory_region(base, size);
    __sanitizer_start_switch_fiber(&fake, base, size);
    wb__rt_on_stack(guest_entry_switched, c, base + size);
    __sanitizer_finish_switch_fiber(fake, NULL, NULL);
#else
    wb__rt_on_stack(guest_entry_switched, c, base + size);
#endif
    current = c->prev;
    wb__rt_stack_floor = saved_floor;
    return c->trap;
}
