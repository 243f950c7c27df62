/* mutate.c — writes a deterministically corrupted copy of a wasm file, for
 * the robustness checks of tests/meter/run.sh: wasm-meter must answer every
 * one with exit status 0 or 1, never a crash or a sanitizer report.
 *
 *   mutate IN OUT SEED
 *
 * The seed picks a few edits: bit flips, random bytes, bytes that stretch a
 * LEB128 (0x80, 0xff), a truncation, a duplicated run of bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

static uint32_t rnd(uint32_t n)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return n ? (uint32_t)(state % n) : 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: mutate IN OUT SEED\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf / 2, f);
    fclose(f);
    state = 0x9e3779b97f4a7c15ull ^ strtoull(argv[3], NULL, 10) * 0xbf58476d1ce4e5b9ull;
    if (!state)
        state = 1;
    int edits = 1 + (int)rnd(4);
    for (int e = 0; e < edits && n > 8; e++) {
        /* Spare the 8-byte header most of the time: a bad magic is rejected
         * at once and tests nothing else. */
        size_t at = rnd(16) ? 8 + rnd((uint32_t)(n - 8)) : rnd((uint32_t)n);
        switch (rnd(6)) {
        case 0: buf[at] ^= (uint8_t)(1u << rnd(8)); break;
        case 1: buf[at] = (uint8_t)rnd(256); break;
        case 2: buf[at] = 0x80; break;
        case 3: buf[at] = 0xff; break;
        case 4: n = at; break;
        default: {
            size_t len = 1 + rnd(16);
            if (at + len <= n && n + len <= sizeof buf) {
                memmove(buf + at + len, buf + at, n - at);
                n += len;
            }
            break;
        }
        }
    }
    f = fopen(argv[2], "wb");
    if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0) {
        perror(argv[2]);
        return 2;
    }
    return 0;
}
