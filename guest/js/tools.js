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
  const mapClear = Map.prototype.clear;
  let queue = [];
  let queueIds = [];
  let inflight = []; // ids of the batch the host is answering
  // Appends as own properties: a plain `a[n] = v` would call a setter a
  // script put on Array.prototype[n].
  const push = (a, v) => defineProperty(a, a.length, { value: v, writable: true, enumerable: true, configurable: true });
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
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const reTest = RegExp.prototype.test;
  const MAX_DEPTH = 64;

  function checkValue(v, path, seen, tool, depth) {
    const where = () => "tools." + tool + "(): argument " + (path || "(root)");
    if (depth > MAX_DEPTH)
      throw new TypeErrorCtor(where() + " is nested deeper than " + MAX_DEPTH + " levels");
    switch (typeof v) {
      case "string":
        // Not valid text: the host's strict JSON refuses it.
        if (call(reTest, LONE_SURROGATE, v))
          throw new TypeErrorCtor(where() + " contains a lone UTF-16 surrogate (half of a character)");
        return;
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
            checkValue(v[i], path + "[" + i + "]", seen, tool, depth + 1);
          }
        } else {
          const keys = ownKeys(v);
          for (let i = 0; i < keys.length; i++) {
            if (call(reTest, LONE_SURROGATE, keys[i]))
              throw new TypeErrorCtor(where() + " has a key with a lone UTF-16 surrogate");
            if (v[keys[i]] !== undefined)
              checkValue(v[keys[i]], path ? path + "." + keys[i] : keys[i], seen, tool, depth + 1);
          }
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
      checkValue(args, "", new SetCtor(), name, 0);
      json = JSONstringify(args);
    } catch (e) {
      return PromiseCtor.reject(e);
    }
    const id = nextId++;
    return new PromiseCtor((resolve, reject) => {
      call(mapSet, pending, id, { resolve, reject, name, id });
      push(queue, '{"id":' + id + ',"tool":' + JSONstringify(name) + ',"args":' + json + "}");
      push(queueIds, id);
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
  // Indexed loops only: a script may have replaced Array.prototype's
  // iterator or methods.
  function takeBatch() {
    if (queue.length === 0) return undefined;
    let s = "[";
    for (let i = 0; i < queue.length; i++) s += (i ? "," : "") + queue[i];
    s += "]";
    inflight = queueIds;
    queueIds = [];
    queue = [];
    return s;
  }

  // The host's answers: [{id, ok, value} | {id, ok: false, error: {name, message}}].
  // A call of the batch the host did not answer (it could not read it) is
  // rejected rather than left waiting forever.
  function resolveBatch(json) {
    const results = JSONparse(json);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      const p = call(mapGet, pending, r.id);
      if (!p) continue;
      call(mapDelete, pending, r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new ToolError(r.error.name, p.name, r.error.message));
    }
    for (let i = 0; i < inflight.length; i++) {
      const p = call(mapGet, pending, inflight[i]);
      if (!p) continue;
      call(mapDelete, pending, inflight[i]);
      p.reject(new ToolError("ToolError", p.name, "tool \"" + p.name + "\": the host could not read this call"));
    }
    inflight = [];
  }

  // A stopped run leaves nothing behind: its unsent calls are dropped and
  // its waiting calls forgotten without settling, so no continuation of the
  // stopped code can ever run (a later answer would otherwise revive it).
  function abandon() {
    queue = [];
    queueIds = [];
    inflight = [];
    call(mapClear, pending);
  }

  return { install, takeBatch, resolveBatch, abandon, installed: () => catalog !== null, ToolError };
})
