// An infinite loop built at run time by eval.
// expect: ETIMEOUT
// config: time=300
eval('for (;;) {}');
