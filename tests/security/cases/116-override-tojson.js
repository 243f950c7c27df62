// Object.prototype.toJSON and a looping Symbol.toPrimitive on every object:
// a later run's value may come out odd (it is this sandbox's own doing)
// but the host must keep working.
// expect: OK
// after: 1 + 1 => 2
// after: 'str' => "str"
Object.prototype.toJSON = function () { return 'pwned'; };
Object.prototype[Symbol.toPrimitive] = function () { for (;;) {} };
'set'
