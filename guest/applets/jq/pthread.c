/* Single-threaded stand-ins for the pthread calls jq makes (see
 * include/pthread.h).  Key destructors never run: there is no thread exit,
 * and the runner reclaims the memory of a run. */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>

#define MAX_KEYS 16

static const void *values[MAX_KEYS];
static unsigned nkeys;

int pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
    (void)dtor;
    if (nkeys == MAX_KEYS)
        return EAGAIN;
    values[nkeys] = NULL;
    *key = nkeys++;
    return 0;
}

int pthread_key_delete(pthread_key_t key)
{
    if (key >= nkeys)
        return EINVAL;
    values[key] = NULL;
    return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
    return key < nkeys ? (void *)values[key] : NULL;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
    if (key >= nkeys)
        return EINVAL;
    values[key] = value;
    return 0;
}

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
    if (!*once) {
        *once = 1;
        fn();
    }
    return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const void *attr)
{
    (void)attr;
    *m = 0;
    return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
    (void)m;
    return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
    (void)m;
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
    (void)m;
    return 0;
}
