// 100 calls in one batch against a per-run budget of 6 (all tools): six
// run, 94 are denied; the session budget (8) is honoured in the next run.
// expect: OK
// config: policy=budget.json
// value: [6,94]
// after: (await Promise.allSettled([pong({}), pong({}), pong({})])).filter((x) => x.status === 'fulfilled').length => 2
// after: (await Promise.allSettled([pong({})])).map((x) => x.reason.message.includes('budgets.max_calls for all tools per session is 8'))[0] => true
const r = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => tools.pong({ i })));
[r.filter((x) => x.status === 'fulfilled').length, r.filter((x) => x.reason && x.reason.name === 'ToolDeniedError').length]
