// Raw batch text with numbers JSON.stringify never writes: 1e400, a
// 30-digit integer, 1E2, -0, 100.000000000000001 (which rounds to 100).
// expect: OK
// config: policy=bank.json
// value: "sent"
// after: step(1) => "sent"
// after: step(2) => "sent"
// after: step(3) => "sent"
// after: step(4) => "sent"
// after: step(5) => "sent"
// after: verdicts.slice(0, 3).map(safe) => [true,true,true]
// after: verdicts[3] => "ok {\"text\":\"decoy\"}"
// after: safe(verdicts[4]) => true
// after: safe(verdicts[5]) || verdicts[5] === 'ok {"text":"decoy"}' => true
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
  (id) => `{"id":${id},"tool":"pay","args":{"amount":1e400,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":-1e400,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":123456789012345678901234567890,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":1E2,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":-0,"to":"acct-1"}}`,
  (id) => `{"id":${id},"tool":"pay","args":{"amount":100.000000000000001,"to":"acct-1"}}`,
];
globalThis.verdicts = steps.map(() => 'dropped');
step(0)
