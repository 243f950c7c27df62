// A loop of calls past the tool's per-run budget (3): the first three go
// through, every later one is denied at once, and the run itself succeeds.
// expect: OK
// config: policy=budget.json
// value: "3 ok, 7 denied; last: ToolDeniedError: tool \"ping\" denied: budget exhausted: max_calls_per_run of this tool is 3 (calls left: ping 0 of 3 this run, all tools 5 of 8 this session, all tools 3 of 6 this run)"
let ok = 0, denied = 0, last = '';
for (let i = 0; i < 10; i++) {
  try { await tools.ping({ i }); ok++; } catch (e) { denied++; last = e.name + ': ' + e.message; }
}
`${ok} ok, ${denied} denied; last: ${last}`
