// 200,000 numbers from a fixed-seed LCG.
var sortData = (function () {
    var seed = 7;
    var a = [];
    for (var i = 0; i < 200000; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        a.push(seed / 1000);
    }
    return a;
})();
