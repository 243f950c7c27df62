// Value formatting for console.*, modelled on node v20's util.inspect and
// util.format (defaults: depth 2, breakLength 80, compact 3, no colors).
// Evaluated once at guest init, in strict mode; the expression's value is
// { inspect(value, options), format(args) }.  Standard ECMAScript only.
//
// Known differences from node, all because QuickJS exposes less than V8:
// - Promise state is not observable from JS, so every promise prints as
//   `Promise { <pending> }`.
// - Map/Set iterators cannot be previewed without consuming them, so they
//   print as `[Map Iterator] { <items unknown> }`, not `[Map Iterator] { 1 }`.
// - A Proxy cannot be told apart from its target, so it is formatted through
//   its traps (node shows the target without running them).
// - QuickJS's Error.stack holds only the frames (`    at f (script.js:1:5)`);
//   the `Name: message` line node gets from V8 is added here.  Frames name
//   QuickJS's locations, not node's.
// - Function name inference and own-property order of builtins follow
//   QuickJS (visible with %o, which shows non-enumerable properties).
(function () {
  "use strict";

  // ---- Intrinsics ---------------------------------------------------------
  // Captured at init so that scripts which replace builtins do not break
  // console output.
  const call = Function.prototype.call;
  const uncurry = (fn) => call.bind(fn);
  const SafeMap = Map;
  const SafeSet = Set;
  const ErrorCtor = Error;
  const PromiseCtor = Promise;
  const JSONStringify = JSON.stringify;
  const getOwnDesc = Object.getOwnPropertyDescriptor;
  const getProto = Object.getPrototypeOf;
  const objectKeys = Object.keys;
  const ownNames = Object.getOwnPropertyNames;
  const ownSymbols = Object.getOwnPropertySymbols;
  const ownKeys = Reflect.ownKeys;
  const isArray = Array.isArray;
  const objectIs = Object.is;
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
  const objectToString = uncurry(Object.prototype.toString);
  const fnToString = uncurry(Function.prototype.toString);
  const symbolToString = uncurry(Symbol.prototype.toString);
  const errorToString = uncurry(Error.prototype.toString);
  const regexpToString = uncurry(RegExp.prototype.toString);
  const dateGetTime = uncurry(Date.prototype.getTime);
  const dateToISOString = uncurry(Date.prototype.toISOString);
  const dateToString = uncurry(Date.prototype.toString);
  const mapEntries = uncurry(Map.prototype.entries);
  const setValues = uncurry(Set.prototype.values);
  const getter = (proto, key) => uncurry(getOwnDesc(proto, key).get);
  const mapSize = getter(Map.prototype, "size");
  const setSize = getter(Set.prototype, "size");
  const TypedArrayProto = getProto(Uint8Array.prototype);
  const typedArrayTag = getter(TypedArrayProto, Symbol.toStringTag);
  const typedArrayLength = getter(TypedArrayProto, "length");
  const arrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const sharedBufferByteLength = typeof SharedArrayBuffer === "function"
    ? getter(SharedArrayBuffer.prototype, "byteLength") : null;
  const dataViewBuffer = getter(DataView.prototype, "buffer");
  const regexpSource = getter(RegExp.prototype, "source");
  const weakMapHas = uncurry(WeakMap.prototype.has);
  const weakSetHas = uncurry(WeakSet.prototype.has);
  const customInspectSymbol = Symbol.for("nodejs.util.inspect.custom");
  const MapIteratorProto = getProto(new Map().entries());
  const SetIteratorProto = getProto(new Set().values());

  // Brand checks: these builtins throw on objects that lack the internal
  // slot, so (unlike instanceof or Symbol.toStringTag) scripts cannot fake them.
  const brand = (fn) => (v) => { try { fn(v); return true; } catch (e) { return false; } };
  const isMap = brand(mapSize);
  const isSet = brand(setSize);
  const isWeakMap = brand((v) => weakMapHas(v, {}));
  const isWeakSet = brand((v) => weakSetHas(v, {}));
  const isDate = brand(dateGetTime);
  const isArrayBuffer = brand(arrayBufferByteLength);
  const isSharedArrayBuffer = sharedBufferByteLength ? brand(sharedBufferByteLength) : () => false;
  const isDataView = brand(dataViewBuffer);
  const isTypedArray = (v) => typedArrayTag(v) !== undefined;
  // The source getter answers "(?:)" for RegExp.prototype itself.
  const RegExpPrototype = RegExp.prototype;
  const hasRegExpSource = brand(regexpSource);
  const isRegExp = (v) => v !== RegExpPrototype && hasRegExpSource(v);
  const boxedTypes = [
    ["Number", uncurry(Number.prototype.valueOf)],
    ["String", uncurry(String.prototype.valueOf)],
    ["Boolean", uncurry(Boolean.prototype.valueOf)],
    ["BigInt", uncurry(BigInt.prototype.valueOf)],
    ["Symbol", uncurry(Symbol.prototype.valueOf)],
  ];
  // Every operation on a revoked proxy throws; node prints a marker instead.
  const isRevokedProxy = (v) => {
    try { getProto(v); return false; } catch (e) { return e instanceof TypeError && /revoked/i.test(e.message); }
  };
  // No brand check exists for these in standard JS; the tag is the best hint.
  const isPromise = (v) => v instanceof PromiseCtor || objectToString(v) === "[object Promise]";
  const isError = (v) => v instanceof ErrorCtor || objectToString(v) === "[object Error]";
  const isArguments = (v) => objectToString(v) === "[object Arguments]";

  // node lists "built-in" constructors: capitalised global functions.
  const builtInNames = new SafeSet();
  for (const name of ownNames(globalThis)) {
    if (/^[A-Z][a-zA-Z0-9]+$/.test(name) && typeof globalThis[name] === "function") builtInNames.add(name);
  }

  const OBJECT = 0; // entries are "key: value"
  const ARRAY = 1;  // entries are bare values (arrays, typed arrays)

  // node's option names; colors, showProxy and numericSeparator are accepted
  // (and handed to custom inspect functions) but have no effect here.
  const defaults = {
    depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, maxStringLength: 10000,
    showHidden: false, customInspect: true, sorted: false, getters: false, colors: false,
    showProxy: false, numericSeparator: false,
  };

  function makeContext(options) {
    const ctx = { seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0 };
    for (const key of objectKeys(defaults)) {
      ctx[key] = options && options[key] !== undefined ? options[key] : defaults[key];
    }
    // null means "no limit", as in node.
    if (ctx.depth === null) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return ctx;
  }

  // ---- Strings --------------------------------------------------------------

  function escapeChar(code) {
    switch (code) {
      case 8: return "\\b";
      case 9: return "\\t";
      case 10: return "\\n";
      case 12: return "\\f";
      case 13: return "\\r";
      case 39: return "\\'";
      case 92: return "\\\\";
    }
    return "\\x" + (code < 16 ? "0" : "") + code.toString(16).toUpperCase();
  }

  // Escapes control characters, backslashes, lone surrogates and (when the
  // text will sit in single quotes) single quotes.
  function escapeBody(str, escapeSingle) {
    let out = "";
    let last = 0;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      let esc;
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 92 || (c === 39 && escapeSingle)) {
        esc = escapeChar(c);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        if (c <= 0xdbff && i + 1 < str.length) {
          const d = str.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
        }
        esc = "\\u" + c.toString(16);
      } else {
        continue;
      }
      out += str.slice(last, i) + esc;
      last = i + 1;
    }
    return last === 0 ? str : out + str.slice(last);
  }

  // Single quotes unless the text has some; then double quotes, then
  // backticks, and single quotes with escaping only when all three occur.
  function quote(str) {
    let q = "'";
    if (str.includes("'")) {
      if (!str.includes('"')) q = '"';
      else if (!str.includes("`") && !str.includes("${")) q = "`";
    }
    return q + escapeBody(str, q === "'") + q;
  }

  // Terminal columns, used to align grouped array items: wide East Asian
  // characters and emoji take two, combining marks and controls none.
  function isFullWidth(c) {
    return c >= 0x1100 && (
      c <= 0x115f || c === 0x2329 || c === 0x232a ||
      (c >= 0x2e80 && c <= 0x3247 && c !== 0x303f) ||
      (c >= 0x3250 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0xa4c6) ||
      (c >= 0xa960 && c <= 0xa97c) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) ||
      (c >= 0xfe30 && c <= 0xfe6b) || (c >= 0xff01 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1b000 && c <= 0x1b001) ||
      (c >= 0x1f200 && c <= 0x1f251) || (c >= 0x1f300 && c <= 0x1f64f) ||
      (c >= 0x1f680 && c <= 0x1f6ff) || (c >= 0x1f900 && c <= 0x1f9ff) ||
      (c >= 0x20000 && c <= 0x3fffd));
  }
  function isZeroWidth(c) {
    return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f) ||
      (c >= 0x200b && c <= 0x200f) || (c >= 0x20d0 && c <= 0x20ff) ||
      (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xfe20 && c <= 0xfe2f) ||
      (c >= 0xe0100 && c <= 0xe01ef);
  }
  function stringWidth(str) {
    let width = 0;
    for (let i = 0; i < str.length; i++) {
      const c = str.codePointAt(i);
      if (c > 0xffff) i++;
      if (c < 0x7f) width += c >= 0x20 ? 1 : 0;
      else if (isFullWidth(c)) width += 2;
      else if (!isZeroWidth(c)) width += 1;
    }
    return width;
  }

  function plural(n, word) {
    return `${n} ${word}${n > 1 ? "s" : ""}`;
  }

  // ---- Primitives -------------------------------------------------------------

  function formatNumber(n) {
    return objectIs(n, -0) ? "-0" : `${n}`;
  }

  function formatString(str, ctx) {
    let trailer = "";
    if (str.length > ctx.maxStringLength) {
      trailer = `... ${plural(str.length - ctx.maxStringLength, "more character")}`;
      str = str.slice(0, ctx.maxStringLength);
    }
    // A long string is cut after each newline into quoted pieces joined
    // with " +", one piece per line.
    if (ctx.compact !== true && str.length > 16 &&
        str.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const pieces = [];
      let start = 0;
      for (let nl = str.indexOf("\n"); nl !== -1; nl = str.indexOf("\n", start)) {
        pieces.push(quote(str.slice(start, nl + 1)));
        start = nl + 1;
      }
      if (start < str.length) pieces.push(quote(str.slice(start)));
      return pieces.join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return quote(str) + trailer;
  }

  function formatPrimitive(value, ctx) {
    switch (typeof value) {
      case "string": return formatString(value, ctx);
      case "number": return formatNumber(value);
      case "bigint": return `${value}n`;
      case "symbol": return symbolToString(value);
      default: return `${value}`; // boolean, undefined
    }
  }

  // ---- Names and prefixes -----------------------------------------------------

  function instanceOf(obj, ctor) {
    try { return obj instanceof ctor; } catch (e) { return false; }
  }

  // What V8 would call the object's class: a string Symbol.toStringTag data
  // property on the chain, else "Object".  Only used for odd prototypes.
  function internalClassName(obj) {
    for (let o = obj; o !== null; o = getProto(o)) {
      const desc = getOwnDesc(o, Symbol.toStringTag);
      if (desc !== undefined) return typeof desc.value === "string" ? desc.value : "Object";
    }
    return "Object";
  }

  // The name of the nearest constructor on the prototype chain that the
  // object is really an instance of; null for null-prototype objects.
  function constructorName(obj, ctx, recurseTimes) {
    let firstProto;
    for (let o = obj; o !== null; ) {
      const desc = getOwnDesc(o, "constructor");
      if (desc !== undefined && typeof desc.value === "function" && desc.value.name !== "" &&
          instanceOf(obj, desc.value)) {
        return String(desc.value.name);
      }
      o = getProto(o);
      if (firstProto === undefined) firstProto = o;
    }
    if (firstProto === null) return null;
    const res = internalClassName(obj);
    if (recurseTimes > ctx.depth) return `${res} <Complex prototype>`;
    const protoName = constructorName(firstProto, ctx, recurseTimes + 1);
    if (protoName === null) {
      const shown = formatValue(makeContext({ depth: -1, customInspect: false }), firstProto, 0);
      return `${res} <${shown}>`;
    }
    return `${res} <${protoName}>`;
  }

  // "Foo(2) [Tag] " or, without a constructor, "[Fallback(2): null prototype] ".
  function getPrefix(constructor, tag, fallback, size = "") {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  // ---- Keys -------------------------------------------------------------------

  function getKeys(value, showHidden) {
    const symbols = ownSymbols(value);
    if (showHidden) return ownNames(value).concat(symbols);
    return objectKeys(value).concat(symbols.filter((s) => isEnumerable(value, s)));
  }

  function isIndex(key) {
    if (typeof key !== "string") return false;
    const n = Number(key) >>> 0;
    return `${n}` === key && n !== 4294967295;
  }

  // Keys of arrays and typed arrays other than their elements.
  function nonIndexKeys(value, showHidden) {
    return ownKeys(value).filter((k) => !isIndex(k) && (showHidden || isEnumerable(value, k)));
  }

  const IDENTIFIER = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function formatProperty(ctx, value, recurseTimes, key, type) {
    const desc = getOwnDesc(value, key) || { value: value[key], enumerable: true };
    let str;
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? "[Getter/Setter]" : "[Getter]";
      if (ctx.getters) str = formatGetterValue(ctx, value, recurseTimes, desc, str);
    } else if (desc.set !== undefined) {
      str = "[Setter]";
    } else {
      str = "undefined";
    }
    if (type === ARRAY) return str;
    let name;
    if (typeof key === "symbol") name = `[${escapeBody(symbolToString(key), true)}]`;
    else if (key === "__proto__") name = "['__proto__']";
    else if (desc.enumerable === false) name = `[${escapeBody(key, true)}]`;
    else if (IDENTIFIER.test(key)) name = key;
    else name = quote(key);
    return `${name}: ${str}`;
  }

  // options.getters: run the getter and show what it returns.
  function formatGetterValue(ctx, value, recurseTimes, desc, label) {
    const wanted = ctx.getters === true ||
      (ctx.getters === "get" && desc.set === undefined) ||
      (ctx.getters === "set" && desc.set !== undefined);
    if (!wanted) return label;
    try {
      const v = call.call(desc.get, value);
      ctx.indentationLvl += 2;
      const shown = typeof v === "object" && v !== null
        ? formatValue(ctx, v, recurseTimes) : formatPrimitive(v, ctx);
      ctx.indentationLvl -= 2;
      return typeof v === "object" && v !== null ? `${label} ${shown}` : `${label.slice(0, -1)}: ${shown}]`;
    } catch (err) {
      return `${label.slice(0, -1)}: <Inspection threw (${err && err.message})>]`;
    }
  }

  // ---- Entries of the various containers --------------------------------------

  function remainingText(n) {
    return `... ${plural(n, "more item")}`;
  }

  function formatArray(ctx, value, recurseTimes) {
    const length = value.length;
    const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < shown; i++) {
      if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, shown, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, ARRAY));
    }
    if (length > shown) output.push(remainingText(length - shown));
    return output;
  }

  // Runs of holes collapse into "<n empty items>"; each run counts as one of
  // the maxArrayLength entries.  Walks the present keys so that huge sparse
  // arrays stay cheap.
  function formatSparseArray(ctx, value, recurseTimes, maxEntries, output, from) {
    const keys = objectKeys(value);
    let index = from;
    for (let k = from; k < keys.length && output.length < maxEntries; k++) {
      const key = keys[k];
      const n = +key;
      if (!isIndex(key) || n > 4294967294) break;
      if (n !== index) {
        output.push(`<${plural(n - index, "empty item")}>`);
        index = n;
        if (output.length === maxEntries) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, ARRAY));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxEntries) {
      if (remaining > 0) output.push(`<${plural(remaining, "empty item")}>`);
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  const typedArrayHidden = ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"];

  function formatTypedArray(ctx, value, recurseTimes) {
    const length = typedArrayLength(value);
    const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < shown; i++) {
      const v = value[i];
      output.push(typeof v === "number" ? formatNumber(v) : `${v}n`);
    }
    if (length > shown) output.push(remainingText(length - shown));
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of typedArrayHidden) {
        output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    const size = setSize(value);
    const shown = Math.min(Math.max(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    for (const v of setValues(value)) {
      if (output.length >= shown) break;
      output.push(formatValue(ctx, v, recurseTimes));
    }
    if (size > shown) output.push(remainingText(size - shown));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    const size = mapSize(value);
    const shown = Math.min(Math.max(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    for (const entry of mapEntries(value)) {
      if (output.length >= shown) break;
      output.push(`${formatValue(ctx, entry[0], recurseTimes)} => ${formatValue(ctx, entry[1], recurseTimes)}`);
    }
    if (size > shown) output.push(remainingText(size - shown));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    let bytes;
    try {
      bytes = new Uint8Array(value);
    } catch (e) {
      return ["(detached)"];
    }
    const shown = Math.min(ctx.maxArrayLength, bytes.length);
    let hex = "";
    for (let i = 0; i < shown; i++) {
      hex += (i === 0 ? "" : " ") + (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    if (bytes.length > shown) hex += ` ... ${plural(bytes.length - shown, "more byte")}`;
    return [`[Uint8Contents]: <${hex}>`];
  }

  // QuickJS gives JS no way to read a promise's state (see the top).
  function formatPromise() {
    return ["<pending>"];
  }

  function formatWeakCollection() {
    return ["<items unknown>"];
  }

  function noEntries() {
    return [];
  }

  // ---- Functions, errors, boxed primitives ------------------------------------

  function isClass(fn) {
    let src;
    try { src = fnToString(fn); } catch (e) { return false; }
    if (!src.startsWith("class") || !src.endsWith("}")) return false;
    // A method called "class..." also starts so; its parameter list gives
    // it away before the body's brace.
    const body = src.slice(5, -1);
    const brace = body.indexOf("{");
    return brace !== -1 && !body.slice(0, brace).includes("(");
  }

  function getFunctionBase(fn, constructor, tag) {
    if (isClass(fn)) {
      const name = (hasOwn(fn, "name") && fn.name) || "(anonymous)";
      let base = `class ${name}`;
      if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
      if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
      if (constructor !== null) {
        const superName = getProto(fn).name;
        if (superName) base += ` extends ${superName}`;
      } else {
        base += " extends [null prototype]";
      }
      return `[${base}]`;
    }
    const kind = objectToString(fn);
    let type = "Function";
    if (kind === "[object GeneratorFunction]") type = "GeneratorFunction";
    else if (kind === "[object AsyncFunction]") type = "AsyncFunction";
    else if (kind === "[object AsyncGeneratorFunction]") type = "AsyncGeneratorFunction";
    let base = `[${type}`;
    if (constructor === null) base += " (null prototype)";
    const name = fn.name;
    base += name === "" ? " (anonymous)" : `: ${name}`;
    base += "]";
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  // V8's stack starts with "Name: message"; QuickJS's holds only the frames,
  // so the heading is rebuilt from the error's current name and message.
  function getStackString(err) {
    const stack = err.stack;
    if (!stack) return errorHeading(err);
    const s = String(stack);
    if (s.startsWith("    at ")) return `${errorHeading(err)}\n${s.replace(/\n+$/, "")}`;
    return s;
  }

  function errorHeading(err) {
    try { return errorToString(err); } catch (e) { return "Error"; }
  }

  // Own name/message/stack keys are left out when the stack already says them.
  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (ctx.showHidden || keys.length === 0) return;
    for (const name of ["name", "message", "stack"]) {
      const i = keys.indexOf(name);
      if (i !== -1 && stack.includes(err[name])) keys.splice(i, 1);
    }
  }

  // Makes the first line name the real class: a subclass whose name was not
  // set shows "MyError: msg", a mismatch shows "TypeError [Custom]: msg".
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null ||
        (name.endsWith("Error") && stack.startsWith(name) &&
         (stack.length === len || stack[len] === ":" || stack[len] === "\n"))) {
      let fallback = "Error";
      if (constructor === null) {
        const m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (m && m[1]) || "";
        len = fallback.length;
        fallback = fallback || "Error";
      }
      const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) {
          stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
        } else {
          stack = `${prefix} [${name}]${stack.slice(len)}`;
        }
      }
    }
    return stack;
  }

  // The frames an error shares with its cause are replaced by one line.
  function getStackFrames(err, frames) {
    let cause;
    try { cause = err.cause; } catch (e) { /* a throwing getter: no cause */ }
    if (cause == null || typeof cause !== "object" || !isError(cause)) return frames;
    const causeStack = getStackString(cause);
    const start = causeStack.indexOf("\n    at");
    if (start === -1) return frames;
    const causeFrames = causeStack.slice(start + 1).split("\n");
    for (let i = 0; i < frames.length - 3; i++) {
      const pos = causeFrames.indexOf(frames[i]);
      if (pos === -1) continue;
      const rest = causeFrames.length - pos;
      if (rest <= 3) continue;
      const maxLen = Math.min(frames.length - i, rest);
      let len = 1;
      while (maxLen > len && frames[i + len] === causeFrames[pos + len]) len++;
      if (len > 3) {
        frames.splice(i + 1, len - 2, `    ... ${len - 2} lines matching cause stack trace ...`);
        break;
      }
    }
    return frames;
  }

  function formatError(err, constructor, tag, ctx, keys) {
    const name = err.name != null ? String(err.name) : "Error";
    let stack = getStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack);
    if ("cause" in err && !keys.includes("cause")) keys.push("cause");
    if (isArray(err.errors) && !keys.includes("errors")) keys.push("errors");
    stack = improveStack(stack, constructor, name, tag);
    // Frames are looked for after the message, which may itself hold "at".
    let pos = (err.message && stack.indexOf(err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    const framesStart = stack.indexOf("\n    at", pos);
    if (framesStart === -1) {
      stack = `[${stack}]`;
    } else {
      const frames = getStackFrames(err, stack.slice(framesStart + 1).split("\n"));
      stack = `${stack.slice(0, framesStart)}\n${frames.join("\n")}`;
    }
    if (ctx.indentationLvl !== 0) {
      stack = stack.split("\n").join(`\n${" ".repeat(ctx.indentationLvl)}`);
    }
    return stack;
  }

  function getBoxedBase(value, ctx, keys, constructor, tag) {
    let type, primitive;
    for (const [t, valueOf] of boxedTypes) {
      try { primitive = valueOf(value); type = t; break; } catch (e) { /* not this type */ }
    }
    if (type === undefined) return null;
    // A String object's characters are its index keys; they are shown once.
    if (type === "String") keys.splice(0, primitive.length);
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? " (null prototype)" : ` (${constructor})`;
    base += `: ${formatPrimitive(primitive, ctx)}]`;
    if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
    return base;
  }

  // ---- The core -------------------------------------------------------------

  function userOptions(ctx, depth) {
    const opts = {};
    for (const key of objectKeys(defaults)) opts[key] = ctx[key];
    opts.depth = depth;
    opts.stylize = (s) => `${s}`;
    return opts;
  }

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
    if (value === null) return "null";
    if (isRevokedProxy(value)) return "<Revoked Proxy>";

    if (ctx.customInspect) {
      const custom = value[customInspectSymbol];
      if (typeof custom === "function" && custom !== inspect &&
          !(value.constructor && value.constructor.prototype === value)) {
        const depth = ctx.depth - recurseTimes;
        const ret = call.call(custom, value, depth, userOptions(ctx, depth), inspect);
        if (ret !== value) {
          if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
          return ret.split("\n").join(`\n${" ".repeat(ctx.indentationLvl)}`);
        }
      }
    }

    // Objects on the current path are cycles: number them in order found.
    if (ctx.seen.includes(value)) {
      if (ctx.circular === undefined) ctx.circular = new SafeMap();
      let index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    const constructor = constructorName(value, ctx, recurseTimes);
    let tag = value[Symbol.toStringTag];
    const rawTag = tag;
    // An own enumerable tag is printed as a key; showing it twice is noise.
    if (typeof tag !== "string" ||
        (tag !== "" && (ctx.showHidden ? hasOwn : isEnumerable)(value, Symbol.toStringTag))) {
      tag = "";
    }

    let keys;
    let base = "";
    let braces;
    let formatter = noEntries;
    let type = OBJECT;
    let plain = false; // none of the special kinds below

    // Only iterable (or prototype-less) objects can be these containers:
    // one whose prototype was swapped for a plain object prints as one.
    const iterable = Symbol.iterator in value || constructor === null;
    if (iterable && isArray(value)) {
      const prefix = constructor !== "Array" || tag !== ""
        ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
      keys = nonIndexKeys(value, ctx.showHidden);
      braces = [`${prefix}[`, "]"];
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
      type = ARRAY;
      formatter = formatArray;
    } else if (iterable && isSet(value)) {
      const size = setSize(value);
      const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, "}"];
      formatter = formatSet;
    } else if (iterable && isMap(value)) {
      const size = mapSize(value);
      const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, "}"];
      formatter = formatMap;
    } else if (iterable && isTypedArray(value)) {
      const size = typedArrayLength(value);
      const prefix = getPrefix(constructor, tag, typedArrayTag(value), `(${size})`);
      keys = nonIndexKeys(value, ctx.showHidden);
      braces = [`${prefix}[`, "]"];
      if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      type = ARRAY;
      formatter = formatTypedArray;
    } else if (iterable && (getProto(value) === MapIteratorProto || getProto(value) === SetIteratorProto)) {
      // Reading the items would consume the iterator (see the top).
      keys = getKeys(value, ctx.showHidden);
      braces = [`[${tag}] {`, "}"];
      formatter = formatWeakCollection;
    } else {
      keys = getKeys(value, ctx.showHidden);
      braces = ["{", "}"];
      if (typeof value === "function") {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0) return base;
      } else if (constructor === "Object") {
        if (isArguments(value)) braces[0] = "[Arguments] {";
        else if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        if (keys.length === 0) return `${braces[0]}}`;
      } else if (isRegExp(value)) {
        base = regexpToString(constructor !== null ? value : new RegExp(value));
        const prefix = getPrefix(constructor, tag, "RegExp");
        if (prefix !== "RegExp ") base = `${prefix}${base}`;
        if (keys.length === 0) return base;
      } else if (isDate(value)) {
        base = Number.isNaN(dateGetTime(value)) ? dateToString(value) : dateToISOString(value);
        const prefix = getPrefix(constructor, tag, "Date");
        if (prefix !== "Date ") base = `${prefix}${base}`;
        if (keys.length === 0) return base;
      } else if (isError(value)) {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0) return base;
      } else if (isArrayBuffer(value) || isSharedArrayBuffer(value)) {
        const prefix = getPrefix(constructor, tag, isArrayBuffer(value) ? "ArrayBuffer" : "SharedArrayBuffer");
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0) {
          return `${prefix}{ byteLength: ${formatNumber(value.byteLength)} }`;
        }
        braces[0] = `${prefix}{`;
        keys.unshift("byteLength");
      } else if (isDataView(value)) {
        braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
        keys.unshift("byteLength", "byteOffset", "buffer");
      } else if (isPromise(value)) {
        braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
        formatter = formatPromise;
      } else if (isWeakSet(value)) {
        braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
        formatter = formatWeakCollection;
      } else if (isWeakMap(value)) {
        braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
        formatter = formatWeakCollection;
      } else {
        const boxed = getBoxedBase(value, ctx, keys, constructor, tag);
        if (boxed !== null) {
          base = boxed;
          if (keys.length === 0) return base;
        } else {
          plain = true;
        }
      }
      if (plain) {
        // node names a null-prototype object after its own string tag.
        const fallback = constructor === null && tag === "" && typeof rawTag === "string" && rawTag !== ""
          ? rawTag : "Object";
        braces[0] = `${getPrefix(constructor, tag, fallback)}{`;
        if (keys.length === 0) return `${braces[0]}}`;
      }
    }

    if (recurseTimes > ctx.depth) {
      const name = getPrefix(constructor, tag, "Object").slice(0, -1);
      return constructor !== null ? `[${name}]` : name;
    }

    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    const output = formatter(ctx, value, recurseTimes);
    for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, OBJECT));
    ctx.seen.pop();

    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const ref = `<ref *${index}>`;
        if (ctx.compact !== true) base = base === "" ? ref : `${ref} ${base}`;
        else braces[0] = `${ref} ${braces[0]}`;
      }
    }

    if (ctx.sorted) {
      const cmp = ctx.sorted === true ? undefined : ctx.sorted;
      if (type === OBJECT) {
        output.sort(cmp);
      } else if (keys.length > 1) {
        const tail = output.slice(output.length - keys.length).sort(cmp);
        output.splice(output.length - keys.length, keys.length, ...tail);
      }
    }

    return reduceToSingleString(ctx, output, base, braces, type, recurseTimes, value);
  }

  // ---- Layout -----------------------------------------------------------------

  // Lays many short array items out in aligned columns: roughly square
  // blocks, numbers right-aligned, anything else left-aligned.
  function groupArrayElements(ctx, output, value) {
    let count = output.length;
    // The "... more items" line stays on its own.
    if (ctx.maxArrayLength < output.length) count--;
    const separator = 2; // ", "
    const widths = [];
    let total = 0;
    let widest = 0;
    for (let i = 0; i < count; i++) {
      const w = stringWidth(output[i]);
      widths.push(w);
      total += w + separator;
      if (widest < w) widest = w;
    }
    const cell = widest + separator;
    // At least three columns must fit, and one long item among short ones
    // would leave huge gaps, so such arrays are not grouped.
    if (cell * 3 + ctx.indentationLvl >= ctx.breakLength ||
        !(total / cell > 5 || widest <= 6)) {
      return output;
    }
    const bias = Math.sqrt(cell - total / output.length);
    const biasedCell = Math.max(cell - 3 - bias, 1);
    // Characters are about 2.5 times as high as wide; aim for a square.
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedCell * count) / biasedCell),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / cell),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;

    const columnWidths = [];
    for (let c = 0; c < columns; c++) {
      let w = 0;
      for (let j = c; j < output.length; j += columns) {
        if (widths[j] > w) w = widths[j];
      }
      columnWidths.push(w + separator);
    }
    let alignRight = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
          alignRight = false;
          break;
        }
      }
    }
    const rows = [];
    for (let i = 0; i < count; i += columns) {
      const end = Math.min(i + columns, count);
      let line = "";
      let j = i;
      for (; j < end - 1; j++) {
        // Pad by columns, not code units: wide characters count double.
        const pad = columnWidths[j - i] + output[j].length - widths[j];
        line += alignRight ? `${output[j]}, `.padStart(pad, " ") : `${output[j]}, `.padEnd(pad, " ");
      }
      if (alignRight) {
        const pad = columnWidths[j - i] + output[j].length - widths[j] - separator;
        line += output[j].padStart(pad, " ");
      } else {
        line += output[j];
      }
      rows.push(line);
    }
    if (ctx.maxArrayLength < output.length) rows.push(output[count]);
    return rows;
  }

  function fitsOnOneLine(ctx, output, start, base) {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      total += output[i].length;
      if (total > ctx.breakLength) return false;
    }
    return base === "" || !base.includes("\n");
  }

  // "compact: 3" keeps an object on one line when it fits in breakLength and
  // nests at most three levels deep (counted down from the innermost object
  // most recently formatted); otherwise one entry per line.
  function reduceToSingleString(ctx, output, base, braces, type, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === "number" && ctx.compact >= 1) {
        const entries = output.length;
        if (type === ARRAY && entries > 6) output = groupArrayElements(ctx, output, value);
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (fitsOnOneLine(ctx, output, start, base)) {
            const joined = output.join(", ");
            if (!joined.includes("\n")) {
              return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }
    // compact: true — everything on as few lines as breakLength allows.
    if (fitsOnOneLine(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ${braces[1]}`;
    }
    const indentation = " ".repeat(ctx.indentationLvl);
    const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  // ---- Public API -------------------------------------------------------------

  function inspect(value, options) {
    return formatValue(makeContext(options), value, 0);
  }

  // %s prints objects with a toString of their own through it; others
  // (plain objects, arrays, built-ins) are inspected.
  function hasBuiltInToString(value) {
    if (typeof value.toString !== "function") return true;
    if (hasOwn(value, "toString")) return false;
    let proto = value;
    do {
      proto = getProto(proto);
    } while (proto !== null && !hasOwn(proto, "toString"));
    if (proto === null) return true;
    const desc = getOwnDesc(proto, "constructor");
    return desc !== undefined && typeof desc.value === "function" && builtInNames.has(desc.value.name);
  }

  function stringifyJSON(v) {
    try {
      return JSONStringify(v);
    } catch (err) {
      // Only cycles get a placeholder; other failures (BigInt, throwing
      // toJSON) propagate as they do in node.
      if (err instanceof TypeError && /circular|cyclic/i.test(String(err.message))) return "[Circular]";
      throw err;
    }
  }

  function format(args) {
    const first = args[0];
    let a = 0;
    let str = "";
    let join = "";
    if (typeof first === "string") {
      if (args.length === 1) return first;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const next = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          let piece;
          switch (next) {
            case 115: { // s
              const v = args[++a];
              if (typeof v === "number") piece = formatNumber(v);
              else if (typeof v === "bigint") piece = `${v}n`;
              else if (typeof v !== "object" || v === null || !hasBuiltInToString(v)) piece = String(v);
              else piece = inspect(v, { depth: 0 });
              break;
            }
            case 106: piece = stringifyJSON(args[++a]); break; // j
            case 100: { // d
              const v = args[++a];
              if (typeof v === "bigint") piece = `${v}n`;
              else if (typeof v === "symbol") piece = "NaN";
              else piece = formatNumber(Number(v));
              break;
            }
            case 79: piece = inspect(args[++a]); break; // O
            case 111: piece = inspect(args[++a], { showHidden: true, showProxy: true, depth: 4 }); break; // o
            case 105: { // i
              const v = args[++a];
              if (typeof v === "bigint") piece = `${v}n`;
              else if (typeof v === "symbol") piece = "NaN";
              else piece = formatNumber(parseInt(v));
              break;
            }
            case 102: { // f
              const v = args[++a];
              piece = typeof v === "symbol" ? "NaN" : formatNumber(parseFloat(v));
              break;
            }
            case 99: a++; piece = ""; break; // c: CSS, meaningless here
            case 37: str += first.slice(lastPos, i); lastPos = i + 1; continue; // %%
            default: continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += piece;
          lastPos = i + 1;
        } else if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = " ";
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    for (; a < args.length; a++) {
      const v = args[a];
      str += join + (typeof v !== "string" ? inspect(v) : v);
      join = " ";
    }
    return str;
  }

  return { inspect, format };
})()
