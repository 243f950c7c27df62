// An uncaught tool failure ends the run with exit code 1 and the message.
// expect: OK
// exit: 1
// config: policy=bank.json
// stderr-contains: Uncaught ToolError: tool "broken" failed
await tools.broken();
