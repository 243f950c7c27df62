// Value formatting for console.*, modelled on node's util.inspect and
// util.format.  Evaluated once at guest init; the expression's value is
// { inspect(value), format(args) }.
(function () {
  "use strict";
  function inspect(v) {
    if (typeof v === "string") return "'" + v + "'";
    try { return String(v); } catch (e) { return "[object]"; }
  }
  function format(args) {
    return args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ");
  }
  return { inspect, format };
})()
