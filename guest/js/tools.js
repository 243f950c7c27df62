// The guest side of tool calls: `tools.<name>(args)` returns a promise;
// calls made in the same turn of the event loop are sent to the host as one
// batch when the job queue runs dry (guest/js/main.c flushes it), and the
// host's answers settle the promises.  The host checks every call against
// the policy on the exact bytes it received, so nothing here is a security
// boundary; it only has to be robust against a script that tampers with
// globals, which is why the built-ins it needs are captured up front.
(function (native) {
  "use strict";
  const JSONstringify = JSON.stringify;
  const JSONparse = JSON.parse;
  const PromiseCtor = Promise;
  const MapCtor = Map;
  const SetCtor = Set;
  const isArray = Array.isArray;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const ownKeys = Object.keys;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const mapGet = Map.prototype.get, mapSet = Map.prototype.set, mapDelete = Map.prototype.delete;
  const setHas = Set.prototype.has, setAdd = Set.prototype.add, setDelete = Set.prototype.delete;
  const call = Function.prototype.call.bind(Function.prototype.call);

  const pending = new MapCtor(); // id -> { resolve, reject, name }
  let queue = [];
  let nextId = 1;
  let catalog = null;

  // Errors a denied or failed call rejects with: name, the tool, the message.
  class ToolError extends ErrorCtor {
    constructor(name, tool, message) {
      super(message);
      defineProperty(this, "name", { value: name, writable: true, configurable: true });
      this.tool = tool;
    }
  }

  // JSON cannot carry NaN, Infinity, BigInt, functions or cycles; rather
  // than let JSON.stringify turn them into null or drop them, say where
  // they are so the script can be fixed.
  function checkValue(v, path, seen, tool) {
    const where = () => "tools." + tool + "(): argument " + (path || "(root)");
    switch (typeof v) {
      case "number":
        if (v !== v || v === Infinity || v === -Infinity)
          throw new TypeErrorCtor(where() + " is " + v + ": only finite numbers can be sent");
        return;
      case "bigint":
        throw new TypeErrorCtor(where() + " is a BigInt (" + v + "n): pass a number or a string");
      case "function": case "symbol":
        throw new TypeErrorCtor(where() + " is a " + typeof v + ", which JSON cannot carry");
      case "object":
        if (v === null) return;
        if (call(setHas, seen, v)) throw new TypeErrorCtor(where() + " refers back to itself (a cycle)");
        if (typeof v.toJSON === "function") return; // Date and friends serialise themselves
        call(setAdd, seen, v);
        if (isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            if (v[i] === undefined) throw new TypeErrorCtor(where() + "[" + i + "] is undefined");
            checkValue(v[i], path + "[" + i + "]", seen, tool);
          }
        } else {
          const keys = ownKeys(v);
          for (let i = 0; i < keys.length; i++)
            if (v[keys[i]] !== undefined)
              checkValue(v[keys[i]], path ? path + "." + keys[i] : keys[i], seen, tool);
        }
        call(setDelete, seen, v);
        return;
      default:
        return;
    }
  }

  function invoke(name, args) {
    if (args === undefined) args = {};
    if (args === null || typeof args !== "object" || isArray(args))
      return PromiseCtor.reject(new TypeErrorCtor(
        "tools." + name + "() takes one object of named arguments, e.g. tools." + name + "({ ... }); got " +
        (args === null ? "null" : isArray(args) ? "an array" : typeof args)));
    let json;
    try {
      checkValue(args, "", new SetCtor(), name);
      json = JSONstringify(args);
    } catch (e) {
      return PromiseCtor.reject(e);
    }
    const id = nextId++;
    return new PromiseCtor((resolve, reject) => {
      call(mapSet, pending, id, { resolve, reject, name });
      queue[queue.length] = '{"id":' + id + ',"tool":' + JSONstringify(name) + ',"args":' + json + "}";
    });
  }

  function copy(v) {
    return v === undefined ? undefined : JSONparse(JSONstringify(v));
  }

  const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

  // Called once per sandbox, at its first run, with the policy's catalog.
  function install(listJSON) {
    catalog = JSONparse(listJSON);
    const t = {};
    for (const entry of catalog) {
      const name = entry.name;
      const f = { [name]: (args) => invoke(name, args) }[name];
      defineProperty(f, "name", { value: name });
      t[name] = f;
      // "server.tool" is also reachable as tools.server.tool.
      const parts = name.split(".");
      if (parts.length > 1) {
        let o = t;
        for (let i = 0; i < parts.length - 1; i++) {
          if (typeof o[parts[i]] !== "object" || o[parts[i]] === null) o[parts[i]] = {};
          o = o[parts[i]];
        }
        o[parts[parts.length - 1]] = f;
      }
    }
    defineProperty(t, "list", {
      value: () => catalog.map((e) => ({ name: e.name, description: e.description, params: copy(e.params) })),
    });
    defineProperty(t, "describe", {
      value: (name) => {
        for (const e of catalog)
          if (e.name === name)
            return { name: e.name, description: e.description, params: copy(e.params), signature: e.signature };
        throw new TypeErrorCtor("tools.describe(): no tool named " + JSONstringify(String(name)) +
                                "; the tools are: " + (catalog.map((e) => e.name).join(", ") || "(none)"));
      },
    });
    for (const k of ownKeys(t)) if (typeof t[k] === "object") freeze(t[k]);
    freeze(t);
    defineProperty(globalThis, "tools", { value: t, writable: false, enumerable: false, configurable: true });
    // A global alias per tool, unless the name is taken (console, fetch…).
    for (const entry of catalog)
      if (IDENT.test(entry.name) && !(entry.name in globalThis))
        defineProperty(globalThis, entry.name, { value: t[entry.name], writable: true, configurable: true });
  }

  // The calls made since the last flush, as one JSON array, or undefined.
  function takeBatch() {
    if (queue.length === 0) return undefined;
    let s = "[";
    for (let i = 0; i < queue.length; i++) s += (i ? "," : "") + queue[i];
    s += "]";
    queue = [];
    return s;
  }

  // The host's answers: [{id, ok, value} | {id, ok: false, error: {name, message}}].
  function resolveBatch(json) {
    const results = JSONparse(json);
    for (const r of results) {
      const p = call(mapGet, pending, r.id);
      if (!p) continue;
      call(mapDelete, pending, r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new ToolError(r.error.name, p.name, r.error.message));
    }
  }

  return { install, takeBatch, resolveBatch, installed: () => catalog !== null, ToolError };
})
