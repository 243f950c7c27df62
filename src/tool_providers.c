/* Providers: what runs an allowed tool call.
 *
 *  - callback: the embedder's C function (wb_config_add_tool);
 *  - exec: a host program, started without a shell with the policy's fixed
 *    argv, environment and working directory; the arguments arrive as JSON
 *    on stdin, the result is JSON on stdout; a timeout and an output cap
 *    bound it;
 *  - builtin: echo, fail and slow, for tests and the demo.
 *
 * Providers only produce a reply; answers are applied (and audited) on the
 * calling thread afterwards, so concurrent providers share no state. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tools.h"
#include "mcp/upstream.h"

#define WB__MAX_PARALLEL 16
#define WB__STDERR_KEEP 2048

static void reply_set(struct wb_tool_reply *r, int ok, const char *text, size_t len)
{
    if (r->done)
        return;
    char *d = malloc(len + 1);
    if (!d)
        return;
    memcpy(d, text, len);
    d[len] = 0;
    r->done = 1;
    r->ok = ok;
    if (ok) {
        r->value = d;
        r->value_len = len;
    } else {
        r->error = d;
    }
}

static void reply_fail(struct wb_tool_reply *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void reply_fail(struct wb_tool_reply *r, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    reply_set(r, 0, msg, strlen(msg));
}

wb_status wb_tool_reply_json(wb_tool_reply *reply, const char *json, size_t len)
{
    if (!reply || (!json && len))
        return WB_EMISUSE;
    if (reply->done)
        return WB_ESTATE;
    reply_set(reply, 1, json ? json : "", len);
    return reply->done ? WB_OK : WB_ENOMEM;
}

wb_status wb_tool_reply_error(wb_tool_reply *reply, const char *message)
{
    if (!reply || !message)
        return WB_EMISUSE;
    if (reply->done)
        return WB_ESTATE;
    reply_set(reply, 0, message, strlen(message));
    return reply->done ? WB_OK : WB_ENOMEM;
}

/* ---------------------------------------------------------------- exec */

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

void wb__spawnattr_init(posix_spawnattr_t *at)
{
    /* Its own process group, so a timeout kills what it started too; a
     * clean signal state whatever the embedder blocks or ignores. */
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_init(at);
    posix_spawnattr_setsigmask(at, &none);
    posix_spawnattr_setsigdefault(at, &all);
    posix_spawnattr_setpgroup(at, 0);
    posix_spawnattr_setflags(at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
}

static void run_exec(const wb__call *c, struct wb_tool_reply *r)
{
    const wb__provider *pr = &c->tool->prov;
    int in[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 };
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
        reply_fail(r, "tool \"%s\": cannot create pipes: %s", c->name, strerror(errno));
        goto close_all;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    wb__spawnattr_init(&at);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawn_file_actions_addchdir_np(&fa, pr->cwd);
    static char *const empty_env[] = { NULL };
    pid_t pid;
    int e = posix_spawn(&pid, pr->argv[0], &fa, &at, pr->argv, pr->env ? pr->env : empty_env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (e) {
        reply_fail(r, "tool \"%s\": cannot start %s: %s", c->name, pr->argv[0], strerror(e));
        goto close_all;
    }
    close(in[0]); close(out[1]); close(err[1]);
    in[0] = out[1] = err[1] = -1;
    set_nonblock(in[1]);
    set_nonblock(out[0]);
    set_nonblock(err[0]);

    /* SIGPIPE from a child that exits before reading: block it on this
     * thread and take EPIPE instead. */
    sigset_t pipe_set, old_mask;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old_mask);

    wb__str so = {0}, se = {0};
    size_t written = 0;
    double deadline = mono_ms() + pr->timeout_ms;
    const char *fail = NULL;
    while (out[0] >= 0 || err[0] >= 0) {
        struct pollfd pf[3];
        int n = 0, iw = -1, io = -1, ie = -1;
        if (in[1] >= 0) { iw = n; pf[n].fd = in[1]; pf[n++].events = POLLOUT; }
        if (out[0] >= 0) { io = n; pf[n].fd = out[0]; pf[n++].events = POLLIN; }
        if (err[0] >= 0) { ie = n; pf[n].fd = err[0]; pf[n++].events = POLLIN; }
        double left = deadline - mono_ms();
        if (left <= 0) { fail = "timeout"; break; }
        if (poll(pf, (nfds_t)n, (int)left + 1) < 0 && errno != EINTR) { fail = "poll"; break; }
        if (iw >= 0 && pf[iw].revents) {
            ssize_t w = write(in[1], c->args + written, c->args_len - written);
            if (w > 0)
                written += (size_t)w;
            if ((w < 0 && errno != EAGAIN) || written == c->args_len) {
                close(in[1]);
                in[1] = -1;
            }
        }
        char buf[16384];
        if (io >= 0 && pf[io].revents) {
            ssize_t k = read(out[0], buf, sizeof buf);
            if (k > 0) {
                if (so.len + (size_t)k > pr->max_output) { fail = "output"; break; }
                wb__str_add(&so, buf, (size_t)k);
            } else if (k == 0 || errno != EAGAIN) {
                close(out[0]);
                out[0] = -1;
            }
        }
        if (ie >= 0 && pf[ie].revents) {
            ssize_t k = read(err[0], buf, sizeof buf);
            if (k > 0) {
                if (se.len < WB__STDERR_KEEP)
                    wb__str_add(&se, buf, (size_t)k < WB__STDERR_KEEP - se.len ? (size_t)k : WB__STDERR_KEEP - se.len);
            } else if (k == 0 || errno != EAGAIN) {
                close(err[0]);
                err[0] = -1;
            }
        }
    }
    if (fail)
        kill(-pid, SIGKILL);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    struct timespec zero = { 0, 0 };
    while (sigtimedwait(&pipe_set, NULL, &zero) > 0)
        ;
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);

    if (fail && !strcmp(fail, "timeout"))
        reply_fail(r, "tool \"%s\" timed out after %u ms (the policy's timeout_ms) and was killed", c->name, pr->timeout_ms);
    else if (fail && !strcmp(fail, "output"))
        reply_fail(r, "tool \"%s\" wrote more than %llu bytes (the policy's max_output_bytes) and was killed",
                   c->name, (unsigned long long)pr->max_output);
    else if (fail)
        reply_fail(r, "tool \"%s\": waiting for the program failed: %s", c->name, strerror(errno));
    else if (WIFSIGNALED(st))
        reply_fail(r, "tool \"%s\": %s was killed by signal %d%s%s", c->name, pr->argv[0], WTERMSIG(st),
                   se.len ? ": " : "", se.len ? se.s : "");
    else if (WEXITSTATUS(st) != 0)
        reply_fail(r, "tool \"%s\" failed (exit status %d)%s%.*s", c->name, WEXITSTATUS(st), se.len ? ": " : "",
                   (int)(se.len && se.s[se.len - 1] == '\n' ? se.len - 1 : se.len), se.len ? se.s : "");
    else if (so.oom || se.oom)
        reply_fail(r, "tool \"%s\": out of host memory reading its output", c->name);
    else
        reply_set(r, 1, so.len ? so.s : "null", so.len ? so.len : 4);
    wb__str_free(&so);
    wb__str_free(&se);
close_all:
    for (int i = 0; i < 2; i++) {
        if (in[i] >= 0) close(in[i]);
        if (out[i] >= 0) close(out[i]);
        if (err[i] >= 0) close(err[i]);
    }
}

/* ---------------------------------------------------------------- dispatch */

static void run_one(const wb__call *c, struct wb_tool_reply *r)
{
    const wb__provider *pr = &c->tool->prov;
    switch (pr->kind) {
    case WB__PROV_CALLBACK: {
        if (!c->cb) { /* a strict replay has no callbacks: the journal answers, this never runs */
            reply_fail(r, "tool \"%s\" failed: no callback is registered in this process", c->name);
            break;
        }
        wb_status st = c->cb->fn(c->cb->ud, c->name, c->args, c->args_len, r);
        if (!r->done)
            reply_fail(r, "tool \"%s\" failed: its callback returned %s without a reply", c->name,
                       st == WB_OK ? "OK" : wb_status_name(st));
        break;
    }
    case WB__PROV_EXEC:
        run_exec(c, r);
        break;
    case WB__PROV_MCP:
        wb__mcp_upstream_call(c, r);
        break;
    case WB__PROV_BUILTIN:
        if (pr->builtin == WB__BUILTIN_FAIL) {
            reply_fail(r, "tool \"%s\" failed: the builtin fail provider always fails", c->name);
        } else {
            if (pr->builtin == WB__BUILTIN_SLOW) {
                struct timespec ts = { 0, 20 * 1000000 };
                nanosleep(&ts, NULL);
            }
            reply_set(r, 1, c->args, c->args_len);
        }
        break;
    }
}

static int concurrent(const wb__call *c)
{
    const wb__provider *pr = &c->tool->prov;
    /* MCP calls: different servers in parallel, one server's in turn (its
     * connection's lock). */
    return pr->kind == WB__PROV_EXEC || pr->kind == WB__PROV_MCP ||
           (pr->kind == WB__PROV_BUILTIN && pr->builtin == WB__BUILTIN_SLOW) ||
           (pr->kind == WB__PROV_CALLBACK && (c->cb->flags & WB_TOOL_CONCURRENT));
}

static void apply(wb__tools *t, size_t i, struct wb_tool_reply *r)
{
    if (r->done)
        wb__tools_answer(t, i, r->ok, r->ok ? r->value : r->error, r->ok ? r->value_len : strlen(r->error), 0);
    else
        wb__tools_answer(t, i, 0, "out of host memory", 18, 0);
    free(r->value);
    free(r->error);
    memset(r, 0, sizeof *r);
}

void wb__tools_run_call(wb__tools *t, size_t i)
{
    struct wb_tool_reply r = {0};
    run_one(&t->calls[i], &r);
    apply(t, i, &r);
}

typedef struct {
    const wb__call *c;
    struct wb_tool_reply r;
    pthread_t th;
    int started;
} job;

static void *job_main(void *arg)
{
    job *j = arg;
    run_one(j->c, &j->r);
    return NULL;
}

void wb__tools_run_all(wb__tools *t)
{
    job *jobs = calloc(t->ncalls ? t->ncalls : 1, sizeof *jobs);
    size_t running = 0;
    for (size_t i = 0; i < t->ncalls; i++) {
        wb__call *c = &t->calls[i];
        if (c->state != WB__CALL_WAITING)
            continue;
        if (!jobs || !concurrent(c)) {
            wb__tools_run_call(t, i);
            continue;
        }
        jobs[i].c = c;
        if (running == WB__MAX_PARALLEL) {
            /* Wait for the oldest started job before starting another. */
            for (size_t k = 0; k < i; k++)
                if (jobs[k].started == 1) {
                    pthread_join(jobs[k].th, NULL);
                    jobs[k].started = 2;
                    running--;
                    break;
                }
        }
        if (pthread_create(&jobs[i].th, NULL, job_main, &jobs[i]) == 0) {
            jobs[i].started = 1;
            running++;
        } else {
            run_one(c, &jobs[i].r);
            jobs[i].started = 2;
        }
    }
    for (size_t i = 0; jobs && i < t->ncalls; i++) {
        if (jobs[i].started == 1)
            pthread_join(jobs[i].th, NULL);
        if (jobs[i].started)
            apply(t, i, &jobs[i].r);
    }
    free(jobs);
}
