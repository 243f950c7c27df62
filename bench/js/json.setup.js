// ~1 MB of JSON: 6,500 records of ints, floats, strings, booleans, arrays,
// nested objects and nulls, from a fixed-seed LCG.
var jsonData = (function () {
    var seed = 42;
    function rnd() {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        return seed;
    }
    var words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    var items = [];
    for (var i = 0; i < 6500; i++) {
        items.push({
            id: i,
            name: "item-" + i + "-" + words[rnd() & 7],
            price: rnd() / 1000,
            qty: rnd() % 1000,
            active: (rnd() & 1) === 1,
            tags: [words[rnd() & 7], words[rnd() & 7]],
            pos: { x: (rnd() % 20000) / 100 - 100, y: (rnd() % 20000) / 100 - 100 },
            note: null,
        });
    }
    return { version: 1, generator: "wasmbox-bench", items: items };
})();
