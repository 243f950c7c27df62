/* The native stack guest code runs on.
 *
 * Guest code runs on a stack of our own, one per thread, not on the
 * caller's: how deep a script may recurse must not depend on which thread
 * the embedder happens to call from (8 MiB main thread, 256 KiB worker).
 * QuickJS stops JS recursion on its 1 MiB shadow stack; the deepest such
 * recursion (JSON.stringify of nested objects) needs ~10 MiB of native
 * stack once translated, so 64 MiB leaves wide room.  The stack is a
 * MAP_NORESERVE reservation: only pages actually touched use memory.  A
 * guard region sits below it, and wasm-rt.h's prologue check traps well
 * before the floor (WB__RT_STACK_MARGIN above the guard) so host imports
 * called from deep guest code still have stack. */
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>

#include "rt.h"

#define WB__RT_STACK_SIZE ((size_t)64 << 20)
#define WB__RT_STACK_GUARD ((size_t)1 << 20)
#define WB__RT_STACK_MARGIN ((size_t)256 << 10)

static WB__RT_TLS uint8_t *thread_stack; /* start of the reservation, guard first */

/* Process-wide state (listed in include/wasmbox.h): the key whose
 * destructor unmaps a thread's guest stack when the thread ends. */
static pthread_key_t stack_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_error;

static void free_stack(void *p)
{
    munmap(p, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE);
}

static void make_key(void)
{
    key_error = pthread_key_create(&stack_key, free_stack);
}

int wb__rt_stack_get(uint8_t **base, size_t *size, uintptr_t *floor)
{
    if (!thread_stack) {
        pthread_once(&key_once, make_key);
        if (key_error)
            return key_error;
        void *p = mmap(NULL, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            return errno;
        if (mprotect((uint8_t *)p + WB__RT_STACK_GUARD, WB__RT_STACK_SIZE, PROT_READ | PROT_WRITE) != 0) {
            int e = errno;
            munmap(p, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE);
            return e;
        }
        int e = pthread_setspecific(stack_key, p);
        if (e) {
            munmap(p, WB__RT_STACK_GUARD + WB__RT_STACK_SIZE);
            return e;
        }
        thread_stack = p;
    }
    *base = thread_stack + WB__RT_STACK_GUARD;
    *size = WB__RT_STACK_SIZE;
    *floor = (uintptr_t)(thread_stack + WB__RT_STACK_GUARD + WB__RT_STACK_MARGIN);
    return 0;
}
