// wasmbox JS prelude: evaluated once at guest init (before the template
// snapshot).  It is a function expression; guest/js/main.c calls it with the
// native bindings and the object inspect.js evaluates to, and keeps the
// object it returns.  Nothing here is put on
// the global object except what scripts are meant to see (console, and the
// host-backed Math.random).
(function (native, inspect) {
  "use strict";
  // Captured now: a script may replace the globals, and the host must still
  // get the run's value and error reports right.
  const JSONstringify = JSON.stringify;
  const StringCtor = String;
  const ErrorCtor = Error;

  function formatArgs(args) {
    return inspect.format(args);
  }

  const write = native.write;
  const con = {};
  const out = (...args) => write(1, formatArgs(args) + "\n");
  const err = (...args) => write(2, formatArgs(args) + "\n");
  con.log = out; con.info = out; con.debug = out;
  con.warn = err; con.error = err; con.trace = err;
  Object.defineProperty(globalThis, "console", {
    value: con, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(Math, "random", {
    value: function random() { return native.random(); },
    writable: true, configurable: true, enumerable: false,
  });

  function formatError(e) {
    if (e instanceof ErrorCtor) {
      let head = StringCtor(e.name) + ": " + StringCtor(e.message);
      if (e.message === "") head = StringCtor(e.name);
      const stack = typeof e.stack === "string" ? e.stack.replace(/\n+$/, "") : "";
      return stack ? head + "\n" + stack : head;
    }
    return inspect.inspect(e);
  }

  // The run's last value as JSON text, or undefined when it has none.
  function toJSON(v) {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") return undefined;
    if (typeof v === "bigint") return JSONstringify(StringCtor(v));
    try {
      const s = JSONstringify(v, (k, x) => (typeof x === "bigint" ? StringCtor(x) : x));
      return s === undefined ? undefined : s;
    } catch (e) {
      // Circular structures and throwing getters get a description; running
      // out of memory is the run's failure, not a value to stand in for it.
      if (!(e instanceof TypeError)) throw e;
      return JSONstringify(inspect.inspect(v));
    }
  }

  return { inspect: inspect.inspect, formatError, toJSON };
})
