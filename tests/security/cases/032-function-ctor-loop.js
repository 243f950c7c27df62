// Function constructor reached without naming it.
// expect: ETIMEOUT
// config: time=300
const F = (() => {}).constructor;
F('while (1) {}')();
