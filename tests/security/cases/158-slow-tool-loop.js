// Slow tool calls (20 ms each) in a loop: time spent in tool calls counts
// against the time limit.
// expect: ETIMEOUT
// config: policy=budget.json time=300
for (;;) { try { await tools.slow({}); } catch (e) {} }
