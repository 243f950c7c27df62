/* wasi-libc (2022) has no threads and no <pthread.h>.  jq keeps a few
 * per-thread values (dtoa context, decNumber context, out-of-memory
 * handler) behind pthread keys; with one thread a key is a slot in a small
 * table (pthread.c, inside jq's state region, so reset every run). */
#ifndef WB_JQ_PTHREAD_H
#define WB_JQ_PTHREAD_H

typedef unsigned pthread_key_t;
typedef int pthread_once_t;
typedef int pthread_mutex_t;

#define PTHREAD_ONCE_INIT 0
#define PTHREAD_MUTEX_INITIALIZER 0

int pthread_key_create(pthread_key_t *key, void (*dtor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);
int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_mutex_init(pthread_mutex_t *m, const void *attr);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutex_destroy(pthread_mutex_t *m);

#endif
