// The plainest infinite loop: stopped gracefully at the time limit.
// expect: ETIMEOUT
// config: time=300
globalThis.set_in_run = 'yes';
while (true) {}
