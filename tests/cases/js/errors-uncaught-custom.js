// An uncaught custom error: the header uses the error's own name and
// message (from the instance, not only the class), then the stack.
class ConfigError extends Error {
  constructor(key) {
    super(`missing key "${key}"`);
    this.name = "ConfigError";
  }
}
function load(cfg) {
  for (const key of ["host", "port"]) {
    if (!(key in cfg)) throw new ConfigError(key);
  }
}
console.log("loading");
load({ host: "h" });
