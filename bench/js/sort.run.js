(function () {
    var a = sortData.slice();
    a.sort(function (x, y) { return x - y; });
    return "sort=" + a.length + ":" + a[0] + ":" + a[100000] + ":" + a[199999];
})()
