// Custom error hierarchies: name, message, instanceof, cause, toString,
// and rethrow/wrap patterns.  Only names and our own messages are printed.
class AppError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
  }
}
class NotFoundError extends AppError {
  constructor(what) {
    super(`${what} not found`);
    this.what = what;
    this.status = 404;
  }
}
class ValidationError extends AppError {
  constructor(field, problems) {
    super(`invalid ${field}`);
    this.field = field;
    this.problems = problems;
  }
}
function lookup(id) {
  if (typeof id !== "number") throw new ValidationError("id", ["must be a number"]);
  if (id > 10) throw new NotFoundError("user " + id);
  return { id };
}
for (const id of [1, 42, "x"]) {
  try {
    console.log("found " + lookup(id).id);
  } catch (e) {
    if (e instanceof NotFoundError) console.log(`404 ${e.name}: ${e.message} (${e.what})`);
    else if (e instanceof ValidationError) console.log(`400 ${e} field=${e.field} problems=${JSON.stringify(e.problems)}`);
    else throw e;
    console.log("  is AppError " + (e instanceof AppError) + ", is Error " + (e instanceof Error) + ", has stack " + (typeof e.stack === "string"));
  }
}
function loadConfig() {
  try {
    JSON.parse("{bad json");
  } catch (cause) {
    throw new AppError("config unreadable", { cause });
  }
}
try {
  loadConfig();
} catch (e) {
  console.log(`${e.name}: ${e.message}; cause is ${e.cause.name}; own cause ${Object.prototype.hasOwnProperty.call(e, "cause")}`);
}
const noCause = new Error("x", {});
console.log("cause absent: " + ("cause" in noCause) + ", undefined cause kept: " + ("cause" in new Error("x", { cause: undefined })));
const plain = new Error("plain");
plain.name = "Renamed";
console.log(String(plain) + " | " + Error.prototype.toString.call({ name: "N", message: "" }) + " | " + Error.prototype.toString.call({ message: "only msg" }) + " | " + String(new TypeError()));
const agg = new AggregateError([new Error("a"), new RangeError("b")], "several");
console.log(`${agg.name}: ${agg.message} [${agg.errors.map((e) => e.name + ":" + e.message).join(", ")}]`);
function legacyError(msg) {
  const e = Object.create(LegacyError.prototype);
  e.message = msg;
  return e;
}
function LegacyError() {}
LegacyError.prototype = Object.create(Error.prototype, { name: { value: "LegacyError" }, constructor: { value: LegacyError } });
const le = legacyError("old style");
console.log(le + " " + (le instanceof Error) + " " + Object.prototype.toString.call(le));
try {
  try {
    throw new NotFoundError("file");
  } finally {
    console.log("finally runs before the outer catch");
  }
} catch (e) {
  console.log("outer caught " + e.name + " status " + e.status);
}
console.log(Object.keys(new ValidationError("f", [])).join(","));
