// Logical assignment to a const that short-circuits must not assign, so
// it must not throw (spec: ||=, &&=, ??= return early before PutValue).
// Only an assignment that really happens throws TypeError.
const truthy = 1, falsy = 0, defined = "set";
try { truthy ||= 2; console.log("||= on truthy const: no assignment, value " + truthy); } catch (e) { console.log("||= on truthy const threw " + e.name); }
try { falsy &&= 2; console.log("&&= on falsy const: no assignment, value " + falsy); } catch (e) { console.log("&&= on falsy const threw " + e.name); }
try { defined ??= 2; console.log("??= on non-nullish const: no assignment, value " + defined); } catch (e) { console.log("??= on non-nullish const threw " + e.name); }
try { falsy ||= 2; console.log("||= on falsy const assigned?!"); } catch (e) { console.log("||= on falsy const: " + e.name); }
function inFunction() { const k = "kept"; k ||= "other"; return k; }
try { console.log("inside a function: " + inFunction()); } catch (e) { console.log("inside a function threw " + e.name); }
