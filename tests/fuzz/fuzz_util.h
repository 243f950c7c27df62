/* Helpers shared by the fuzz targets.  The UTF-8 check is written again
 * here on purpose, rather than calling src/json.c's: a target must not
 * judge the code under test with that same code. */
#ifndef WB_FUZZ_UTIL_H
#define WB_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* 1 if s[0..n) is valid UTF-8 (RFC 3629: no overlongs, no surrogates). */
static inline int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { k = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 4; cp = c & 0x07; }
        else return 0;
        if (n - i < k)
            return 0;
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += k;
    }
    return 1;
}

#endif
