(function () {
    var s = JSON.stringify(jsonData);
    var o = JSON.parse(s);
    var last = o.items[o.items.length - 1];
    return "json=" + s.length + ":" + o.items.length + ":" + last.name + ":" + last.price;
})()
