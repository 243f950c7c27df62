// Raw batch text with duplicate argument keys (amount 1, then 5000, and
// the other way round): the host must not let a provider see a value it
// did not check.  Each injection goes in a run of its own (after: lines).
// expect: OK
// config: policy=bank.json
// value: "sent"
// after: step(1) => "sent"
// after: verdicts.map(safe) => [true,true]
// inject(make): the next tool call is replaced, in the bridge's queue, by the
// raw text make(id) - through a setter on Array.prototype[0], which the
// bridge's queue (a plain array) runs into.  Returns that call's promise.
function inject(make) {
  Object.defineProperty(Array.prototype, "0", { configurable: true, set(v) {
    const own = (x) => Object.defineProperty(this, "0", { value: x, writable: true, enumerable: true, configurable: true });
    if (typeof v === "string" && v.startsWith("{\"id\":")) { delete Array.prototype[0]; own(make(JSON.parse(v).id)); }
    else own(v);
  } });
  return tools.note({ text: "decoy" });
}
// step(i) sends steps[i] as the only call of a run (a batch the host
// cannot parse is dropped whole, so each goes alone) and records how it
// ended: "dropped" (never answered), the rejection, or "ok " + the result.
function step(i) {
  inject(steps[i]).then((v) => { verdicts[i] = "ok " + JSON.stringify(v); },
                        (e) => { verdicts[i] = e.name + ": " + e.message; });
  return "sent";
}
// Safe: nothing the policy forbids reached the provider.  Since the bridge
// appends to its queue with defineProperty, the Array.prototype[0] setter
// never sees the call: the decoy goes through as written ("ok" with its own
// arguments), which is safe too; a call the host cannot read is rejected.
function safe(v) {
  return v === "dropped" || v.startsWith("ToolDeniedError:") || v === 'ok {"text":"decoy"}' ||
         v.startsWith('ToolError: tool "note": the host could not read');
}
globalThis.steps = [
  (id) => `{"id":${id},"tool":"pay","args":{"amount":1,"amount":5000,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":5000,"to":"acct-1","amount":1}}`,
];
globalThis.verdicts = steps.map(() => 'dropped');
step(0)
