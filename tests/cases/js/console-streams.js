// console.log/info/debug write to stdout, console.error/warn to stderr,
// strings are printed as they are and several arguments are joined by spaces.
console.log("to stdout");
console.error("to stderr");
console.info("info is stdout");
console.warn("warn is stderr");
console.debug("debug is stdout");
console.log("two", "strings");
console.log("number", 42, "and", 1.5);
console.error("error with", 3, "args");
console.log("");
console.log("multi\nline\n  indented");
console.log("unicode: héllo ☃ 😀");
console.log("trailing spaces   ");
console.log("tab\tseparated");
console.log();
console.log("last line");
