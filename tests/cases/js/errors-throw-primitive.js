// Throwing something that is not an Error: no stack, the value is shown.
console.log("about to throw a string");
throw "plain string";
