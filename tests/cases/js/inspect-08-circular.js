// Circular references are numbered: <ref *n> on the target, [Circular *n] at the back edge.
const o = { a: 1 }; o.self = o;
console.log(o);
const p = { o: { a: [1] }, q: {} }; p.o.a.push(p.o); p.q.p = p;
console.log(p);
const a = { name: "a" }; const b = { name: "b", a }; a.b = b;
console.log([a, b]);
const m = new Map(); m.set("self", m);
console.log(m);
const s = new Set(); s.add(s);
console.log(s);
const arr = [1]; arr.push(arr);
console.log(arr);
const root = { name: "root", children: [] };
root.children.push({ name: "child", parent: root });
console.log(root);
const x = {}; const y = { x }; x.y = y; const z = { x, y }; z.z = z;
console.log(z);
const shared = { v: 1 };
console.log([shared, shared], { one: shared, two: shared });
const deep = { l1: { l2: { l3: {} } } }; deep.l1.l2.l3.back = deep;
console.log(deep);
const fn = function f() {}; fn.me = fn;
console.log(fn);
class Node { constructor(v) { this.value = v; this.next = null; } }
const n1 = new Node(1); const n2 = new Node(2); n1.next = n2; n2.next = n1;
console.log(n1);
console.log("%j", o);
