# gen-text.awk: deterministic text for bench/applets.sh.  Prints lines of
# one to three pseudo-words until `target` bytes (-v target=N) are written.
# Words are drawn from 4,000 (min of two uniform draws: common words are
# common) so that `sort | uniq -c` has real work and real duplicates; the
# syllable "xi" puts an x in about a third of the lines.  Park-Miller
# random numbers stay below 2^46, exact in any awk's doubles, so mawk on
# the host and the awk in the sandbox print the same bytes.  No single quotes in
# the code: bench/applets.sh may pass it, comments dropped, inside '...'.
function rnd(m) {
    seed = (seed * 16807) % 2147483647
    return seed % m
}
function word(i,    s) {
    s = syl[1 + i % 20]
    i = int(i / 20)
    do {
        s = s syl[1 + i % 20]
        i = int(i / 20)
    } while (i > 0)
    return s
}
BEGIN {
    split("ka lo mi ne ru xi ta po se du ba fe gi ho ju vo wa ze qi ly", syl, " ")
    seed = 42
    size = 0
    while (size < target) {
        k = 1 + rnd(3)
        line = ""
        for (j = 0; j < k; j++) {
            a = rnd(4000)
            b = rnd(4000)
            line = line (j ? " " : "") word(a < b ? a : b)
        }
        print line
        size += length(line) + 1
    }
}
