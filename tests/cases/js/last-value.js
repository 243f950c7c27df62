// --print: the value of the script's last expression is printed as JSON
// after everything the script wrote to stdout.
console.log("computing");
const items = [{ name: "a", qty: 2 }, { name: "b", qty: 5 }];
const total = items.reduce((s, i) => s + i.qty, 0);
({ total, names: items.map((i) => i.name), big: 2n ** 70n, nested: { ok: true, none: null, skip: undefined }, when: new Date(Date.UTC(2024, 0, 2)) });
