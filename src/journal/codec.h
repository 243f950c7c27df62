/* Byte codecs the journal needs: SHA-256 (FIPS 180-4) for the code, policy
 * and output digests and the hash chain, and base64 (RFC 4648) for bytes
 * that enter the guest (random bytes, reads).
 *
 * Hand-written rather than linked from libcrypto: the Makefile's LIBS is
 * shared by every link (library, CLI, tests, the Python binding's .so), and
 * a crypto library as a new runtime dependency of every embedder is a high
 * price for one 80-line hash.  Checked against sha256sum in
 * tests/unit/test_journal.c. */
#ifndef WB_JOURNAL_CODEC_H
#define WB_JOURNAL_CODEC_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t total; /* bytes hashed so far */
    unsigned char block[64];
    size_t fill;
} wb__sha256;

void wb__sha256_init(wb__sha256 *s);
void wb__sha256_add(wb__sha256 *s, const void *p, size_t n);
/* Writes the digest as 64 lowercase hex digits and a NUL into hex[65]. */
void wb__sha256_hex(wb__sha256 *s, char hex[65]);
/* One-shot: hex digest of n bytes at p. */
void wb__sha256_of(const void *p, size_t n, char hex[65]);

/* base64 of n bytes, NUL-terminated.  OUT: free(); NULL when out of memory. */
char *wb__b64_encode(const void *p, size_t n, size_t *outlen);
/* Decodes base64 text (padding required, no whitespace).  Returns a
 * malloc'd buffer (free()) and its length, or NULL when text is not
 * base64 (*bad = 1) or memory ran out (*bad = 0). */
unsigned char *wb__b64_decode(const char *text, size_t len, size_t *outlen, int *bad);

#endif
