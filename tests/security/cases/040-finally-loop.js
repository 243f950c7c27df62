// A loop in finally, after a loop in try: the stop must not run finally.
// expect: ETIMEOUT
// config: time=300
try { for (;;) {} } finally { for (;;) {} }
