// Indirect eval of eval of a loop.
// expect: ETIMEOUT
// config: time=300
(0, eval)("eval('do {} while (true)')");
