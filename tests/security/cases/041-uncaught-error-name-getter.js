// The uncaught exception's name getter loops: the host formats the error
// after the script, and that must still be under the time limit.
// expect: ETIMEOUT
// config: time=300
class Evil extends Error { get name() { for (;;) {} } }
throw new Evil('boom');
