#!/usr/bin/env wasmbox
// ES2023 hashbang comment on the first line is ignored.
console.log("hashbang ignored");
/* block comment */ console.log("after block comment"); // line comment
