/* kernels.c — compiled by tests/meter/run.sh with clang-19 --target=wasm32
 * -O2 (no libc), so that the metering pass is checked on the code shapes the
 * real guest is made of: jump tables, loops with several exits, recursion,
 * indirect calls, bulk memory, 64-bit and floating-point arithmetic.  Each
 * export is (int) -> int. */
#include <stddef.h>
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(#name)))

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

EXPORT(k_fib) int k_fib(int n)
{
    return n < 2 ? n : k_fib(n - 1) + k_fib(n - 2);
}

static int arr[4096];

static void quicksort(int *a, int lo, int hi)
{
    while (lo < hi) {
        int p = a[(lo + hi) / 2], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p)
                i++;
            while (a[j] > p)
                j--;
            if (i <= j) {
                int t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
}

EXPORT(k_sort) int k_sort(int n)
{
    uint32_t s = 12345;
    if (n > 4096)
        n = 4096;
    for (int i = 0; i < n; i++)
        arr[i] = (int)(lcg(&s) % 100000);
    quicksort(arr, 0, n - 1);
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum = sum * 31 + arr[i] * (i & 7);
    return sum;
}

/* A switch-in-a-loop bytecode interpreter, like QuickJS's. */
enum { OP_HALT, OP_PUSH, OP_ADD, OP_MUL, OP_DUP, OP_SWAP, OP_JNZ, OP_DEC, OP_DROP, OP_XOR };
static const unsigned char prog[] = {
    OP_PUSH, 1, OP_PUSH, 20,                          /* acc counter */
    OP_SWAP, OP_DUP, OP_ADD, OP_PUSH, 3, OP_XOR,      /* acc = (acc*2)^3 */
    OP_SWAP, OP_DEC, OP_DUP, OP_JNZ, 4, OP_DROP, OP_HALT,
};

EXPORT(k_interp) int k_interp(int reps)
{
    int total = 0;
    for (int r = 0; r < reps; r++) {
        int st[16], sp = 0;
        size_t pc = 0;
        for (;;) {
            unsigned char op = prog[pc++];
            switch (op) {
            case OP_HALT: goto done;
            case OP_PUSH: st[sp++] = prog[pc++] + r; break;
            case OP_ADD: sp--; st[sp - 1] += st[sp]; break;
            case OP_MUL: sp--; st[sp - 1] *= st[sp]; break;
            case OP_DUP: st[sp] = st[sp - 1]; sp++; break;
            case OP_SWAP: { int t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break; }
            case OP_JNZ: { int t = st[sp - 1]; sp--; if (t) pc = prog[pc]; else pc++; break; }
            case OP_DEC: st[sp - 1]--; break;
            case OP_DROP: sp--; break;
            case OP_XOR: sp--; st[sp - 1] ^= st[sp]; break;
            default: return -1;
            }
        }
    done:
        total += st[0] & 0xffff;
    }
    return total;
}

static char buf[65536];

EXPORT(k_memops) int k_memops(int n)
{
    if (n < 0 || n > 30000)
        return -1;
    __builtin_memset(buf, 'a' + (n % 26), (size_t)n);
    __builtin_memcpy(buf + 32768, buf, (size_t)n);
    __builtin_memmove(buf + 1, buf, (size_t)n);
    uint32_t h = 2166136261u;
    for (int i = 0; i < n + 1; i++)
        h = (h ^ (unsigned char)buf[32768 + i / 2 + (i & 1)]) * 16777619u;
    return (int)h;
}

EXPORT(k_collatz) int k_collatz(int n)
{
    int best = 0, arg = 0;
    for (int i = 1; i <= n; i++) {
        uint64_t x = (uint64_t)i;
        int steps = 0;
        while (x != 1) {
            if (steps > 1000)
                break;
            x = (x & 1) ? 3 * x + 1 : x / 2;
            steps++;
        }
        if (steps > best) {
            best = steps;
            arg = i;
        }
    }
    return best * 100000 + arg;
}

EXPORT(k_float) int k_float(int n)
{
    double m[8][8], r[8][8];
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            m[i][j] = (double)(i * 8 + j + n) / 7.0;
    for (int k = 0; k < n; k++)
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++) {
                double s = 0;
                for (int t = 0; t < 8; t++)
                    s += m[i][t] * m[t][j];
                r[i][j] = s / (1.0 + s);
            }
    double acc = 0;
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            acc += r[i][j] * (i - j);
    return (int)(acc * 1000.0) + (n ? 0 : 0);
}

EXPORT(k_bits) int k_bits(int n)
{
    uint64_t x = 0x9e3779b97f4a7c15ull ^ (uint64_t)n;
    uint32_t acc = 0;
    for (int i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        acc += (uint32_t)__builtin_popcountll(x) + (uint32_t)__builtin_clzll(x | 1);
        acc ^= (uint32_t)(x % 1000003u) + (uint32_t)((int64_t)x / -77);
        acc = (acc << 5) | (acc >> 27);
    }
    return (int)acc;
}

typedef int (*op_fn)(int, int);
static int f_add(int a, int b) { return a + b; }
static int f_sub(int a, int b) { return a - b; }
static int f_mul(int a, int b) { return a * b; }
static int f_max(int a, int b) { return a > b ? a : b; }
static op_fn volatile ops[] = {f_add, f_sub, f_mul, f_max};

EXPORT(k_indirect) int k_indirect(int n)
{
    int acc = 1;
    for (int i = 0; i < n; i++)
        acc = ops[(unsigned)i % 4](acc, i) & 0xfffff;
    return acc;
}

/* A state machine over a string: many small cases, early exits. */
EXPORT(k_lexer) int k_lexer(int n)
{
    static const char src[] = "let x = 12 + foo(3, 4) * \"str\\\"ing\"; // done\n if (x > 7) y = 0x1f;";
    int tokens = 0, idents = 0, nums = 0, strs = 0;
    for (int r = 0; r < n; r++) {
        const char *p = src;
        while (*p) {
            char c = *p;
            if (c == ' ' || c == '\n') {
                p++;
                continue;
            }
            tokens++;
            if ((c >= 'a' && c <= 'z') || c == '_') {
                while ((*p >= 'a' && *p <= 'z') || *p == '_' || (*p >= '0' && *p <= '9'))
                    p++;
                idents++;
            } else if (c >= '0' && c <= '9') {
                while ((*p >= '0' && *p <= '9') || *p == 'x' || (*p >= 'a' && *p <= 'f'))
                    p++;
                nums++;
            } else if (c == '"') {
                p++;
                while (*p && *p != '"') {
                    if (*p == '\\' && p[1])
                        p++;
                    p++;
                }
                if (*p)
                    p++;
                strs++;
            } else if (c == '/' && p[1] == '/') {
                while (*p && *p != '\n')
                    p++;
                tokens--;
            } else {
                p++;
            }
        }
    }
    return tokens * 1000000 + idents * 10000 + nums * 100 + strs;
}

/* Recursion with a frame on the shadow stack: every call moves the stack
 * pointer (what --stack-check guards). */
EXPORT(k_frames) int k_frames(int n)
{
    volatile int buf[16];
    buf[n & 15] = n;
    return n <= 0 ? 0 : k_frames(n - 1) + buf[n & 15];
}
