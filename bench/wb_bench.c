/* wb_bench — wasmbox's side of `make bench`.  Prints "name value unit"
 * lines on stdout (bench/report.c turns them into the table).  The JS
 * workloads are in bench/js_bench.c.
 *
 *   wb_bench new                  wb_new / wb_free timings
 *   wb_bench cli WASMBOX N        whole-process `wasmbox run -e ...`, N runs
 *   wb_bench mem run|new N        private memory per idle sandbox, N alive
 *
 * Each mode is meant to run in its own process: memory figures must not
 * see what earlier modes allocated, and fork() must be cheap. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wasmbox.h"
#include "bench_util.h"

static wb_sandbox *new_sandbox(void)
{
    wb_sandbox *sb;
    wb_status st = wb_new(NULL, &sb);
    if (st != WB_OK)
        bench_die("wb_new: %s: %s", wb_strerror(st), wb_errmsg(sb));
    return sb;
}

/* Runs code in sb; dies unless it completed.  Returns the value's JSON
 * (malloc'd) when want_value, else NULL. */
static char *run(wb_sandbox *sb, const char *code, size_t len, int want_value)
{
    wb_result *r;
    wb_status st = wb_run(sb, WB_JS, code, len, &r);
    if (st != WB_OK || wb_result_exit_code(r) != 0)
        bench_die("wb_run failed: %s: %s; stderr: %s", wb_strerror(st), wb_errmsg(sb),
                  wb_result_stderr(r, NULL));
    char *v = NULL;
    if (want_value) {
        const char *j = wb_result_value(r);
        v = strdup(j ? j : "(none)");
    }
    wb_result_free(r);
    return v;
}

/* ------------------------------------------------------------ wb_new */

static void bench_new(void)
{
    enum { N = 3000, NRUN = 500 };
    static double t_new[N], t_newfree[N], t_run[NRUN], t_warm[NRUN];

    double t0 = bench_now_us();
    wb_sandbox *sb = new_sandbox();
    double first = bench_now_us() - t0;
    run(sb, "1+1", 3, 0);
    wb_free(sb);

    for (int i = 0; i < 200; i++) /* warm up */
        wb_free(new_sandbox());
    for (int i = 0; i < N; i++) {
        t0 = bench_now_us();
        sb = new_sandbox();
        double t1 = bench_now_us();
        wb_free(sb);
        double t2 = bench_now_us();
        t_new[i] = t1 - t0;
        t_newfree[i] = t2 - t0;
    }
    for (int i = 0; i < NRUN; i++) {
        t0 = bench_now_us();
        sb = new_sandbox();
        run(sb, "1+1", 3, 0);
        wb_free(sb);
        t_run[i] = bench_now_us() - t0;
    }
    /* The same run in a sandbox that has run before: what the first run
     * above pays on top of it is copy-on-write faults on the image. */
    sb = new_sandbox();
    for (int i = 0; i < 50; i++)
        run(sb, "1+1", 3, 0);
    for (int i = 0; i < NRUN; i++) {
        t0 = bench_now_us();
        run(sb, "1+1", 3, 0);
        t_warm[i] = bench_now_us() - t0;
    }
    wb_free(sb);

    bench_result("wb_new_first", first, "us");
    bench_result("wb_new", bench_median(t_new, N), "us");
    bench_result("wb_new_free", bench_median(t_newfree, N), "us");
    bench_result("wb_new_run_free", bench_median(t_run, NRUN), "us");
    bench_result("wb_run_warm", bench_median(t_warm, NRUN), "us");
}

/* ------------------------------------------------------------ CLI */

/* fork + exec + wait of argv, stdout/stderr to /dev/null; microseconds.
 * *cpu (if not NULL) gets the child's user+system CPU time. */
static double spawn_us(char *const argv[], double *cpu)
{
    double t0 = bench_now_us();
    pid_t pid = fork();
    if (pid < 0)
        bench_die("fork failed");
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid)
        bench_die("wait4 failed");
    double t = bench_now_us() - t0;
    if (cpu)
        *cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 +
               (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bench_die("%s exited with status %d", argv[0], status);
    return t;
}

static void bench_cli(const char *wasmbox, int n)
{
    char *cli[] = { (char *)wasmbox, "run", "-e", "console.log(1)", NULL };
    char *tru[] = { "/bin/true", NULL };
    double *t = calloc((size_t)n, sizeof *t), *c = calloc((size_t)n, sizeof *c);
    if (!t || !c)
        bench_die("out of memory");
    for (int i = 0; i < 5; i++)
        spawn_us(cli, NULL);
    for (int i = 0; i < n; i++)
        t[i] = spawn_us(cli, &c[i]);
    bench_result("cli_run", bench_median(t, (size_t)n) / 1000, "ms");
    bench_result("cli_run_cpu", bench_median(c, (size_t)n) / 1000, "ms");
    for (int i = 0; i < 5; i++)
        spawn_us(tru, NULL);
    for (int i = 0; i < n; i++)
        t[i] = spawn_us(tru, &c[i]);
    bench_result("spawn_true", bench_median(t, (size_t)n) / 1000, "ms");
    bench_result("spawn_true_cpu", bench_median(c, (size_t)n) / 1000, "ms");
    free(t);
    free(c);
}

/* ------------------------------------------------------------ memory */

/* Private memory of this process (smaps_rollup) in KiB, and page tables. */
static void private_kib(double *priv, double *pte)
{
    char line[256];
    long long v;
    *priv = *pte = 0;
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f)
        bench_die("cannot read /proc/self/smaps_rollup");
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Private_Clean: %lld", &v) == 1 || sscanf(line, "Private_Dirty: %lld", &v) == 1)
            *priv += (double)v;
    fclose(f);
    f = fopen("/proc/self/status", "r");
    if (!f)
        bench_die("cannot read /proc/self/status");
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmPTE: %lld", &v) == 1)
            *pte = (double)v;
    fclose(f);
}

static void bench_mem(int with_run, int n)
{
    wb_sandbox **sbs = calloc((size_t)n, sizeof *sbs);
    if (!sbs)
        bench_die("out of memory");
    /* The template, this thread's guest stack and stdio are process-wide:
     * set them up before the baseline. */
    wb_sandbox *sb = new_sandbox();
    run(sb, "1+1", 3, 0);
    wb_free(sb);

    double p0, pte0, p1, pte1;
    private_kib(&p0, &pte0);
    for (int i = 0; i < n; i++) {
        sbs[i] = new_sandbox();
        if (with_run)
            run(sbs[i], "1+1", 3, 0);
    }
    private_kib(&p1, &pte1);
    for (int i = 0; i < n; i++)
        wb_free(sbs[i]);
    free(sbs);
    const char *k = with_run ? "run" : "new";
    char key[64];
    snprintf(key, sizeof key, "mem_idle_%s", k);
    bench_result(key, (p1 - p0) / n, "KiB");
    snprintf(key, sizeof key, "pte_idle_%s", k);
    bench_result(key, (pte1 - pte0) / n, "KiB");
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "new"))
        bench_new();
    else if (argc == 4 && !strcmp(argv[1], "cli"))
        bench_cli(argv[2], atoi(argv[3]));
    else if (argc == 4 && !strcmp(argv[1], "mem") && (!strcmp(argv[2], "run") || !strcmp(argv[2], "new")))
        bench_mem(!strcmp(argv[2], "run"), atoi(argv[3]) > 0 ? atoi(argv[3]) : 1);
    else
        bench_die("usage: wb_bench new | cli WASMBOX N | mem run|new N");
    return 0;
}
