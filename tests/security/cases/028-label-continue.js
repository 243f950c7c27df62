// Labelled continue that jumps out of the inner loop before any check
// inside it could be reached.
// expect: ETIMEOUT
// config: time=300
outer: for (;;) { inner: for (;;) { continue outer; } }
