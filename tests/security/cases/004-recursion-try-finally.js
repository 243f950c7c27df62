// Exponential recursion: every stack overflow is caught by finally, which
// recurses again.  Never ends on its own.
// expect: ETIMEOUT
// config: time=300
function r() { try { r(); } finally { r(); } }
r();
