// Batches of concurrent exec calls whose completion order varies, with
// failures, denials and a budget, and the clock and randomness between.
const order = [];
const call = i => tools.jitter({ i }).then(r => { order.push(r.i); return r; });
for (let round = 0; round < 3; round++) {
  const rs = await Promise.allSettled([1, 2, 13, 4, 5, 6].map(k => call(k + round * 20)));
  console.log(round, rs.map(r => r.status === "fulfilled" ? `${r.value.i}:${r.value.nonce}:${r.value.ns}`
                                                          : r.reason.name + " " + r.reason.message).join(" | "));
}
console.log("order", order.join(","));
try { await tools.jitter({ i: 500 }); } catch (e) { console.log(e.name, e.message); }
try { await tools.broken({}); } catch (e) { console.log(e.name, e.message); }
const slow = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(i => tools.slow({ i })));
console.log(slow.map(r => r.status === "fulfilled" ? r.value.i : r.reason.name).join(" "));
console.log(Math.random() < 2, Date.now() > 0);
({ calls: order.length, last: order[order.length - 1] })
