// Raw batch entries with odd ids (0, negative, 1e300, a string, repeated
// 50 times) and odd shapes (args not an object, no tool, extra keys,
// garbage after the entry, nothing at all): the host answers or ignores
// them, never crashes, and nothing it forbids runs.
// expect: OK
// config: policy=bank.json
// value: "sent"
// after: step(1) => "sent"
// after: step(2) => "sent"
// after: step(3) => "sent"
// after: step(4) => "sent"
// after: step(5) => "sent"
// after: step(6) => "sent"
// after: step(7) => "sent"
// after: step(8) => "sent"
// after: step(9) => "sent"
// after: step(10) => "sent"
// after: verdicts.every((v) => safe(v) || v === 'ok {"amount":5,"to":"acct-1"}') => true
// after: (await tools.pay({ amount: 5, to: 'acct-2' })).to => "acct-2"
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
  (id) => `{"id":0,"tool":"pay","args":{"amount":5000,"to":"acct-1"}}`,
  (id) => `{"id":-1,"tool":"pay","args":{"amount":5,"to":"acct-1"}}`,
  (id) => `{"id":1e300,"tool":"pay","args":{"amount":5,"to":"acct-1"}}`,
  (id) => `{"id":"${id}","tool":"pay","args":{"amount":5,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":[5,"acct-1"]}`,
  (id) => `{"id":${id},"tool":"pay","args":"amount=5"}`,
  (id) => `{"id":${id},"args":{"amount":5}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":5000,"to":"acct-1"},"approved":true,"policy":null}`,
  (id) => Array.from({ length: 50 }, () => `{"id":${id},"tool":"pay","args":{"amount":5,"to":"acct-1"}}`).join(','),
  (id) => `{"id":${id},"tool":"pay","args":{"amount":5,"to":"acct-1"}}]garbage[`,
  (id) => '',
];
globalThis.verdicts = steps.map(() => 'dropped');
step(0)
