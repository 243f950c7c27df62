// Awaiting a promise that nothing can resolve: the run ends with an
// error and status 1 instead of hanging (node exits 13 with a warning).
console.log("waiting forever");
await new Promise(() => {});
console.log("never printed");
