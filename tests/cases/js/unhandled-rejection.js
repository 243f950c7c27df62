// A rejected promise nobody handles fails the run (exit status 1) after
// the rest of the script and its promise jobs have run, as in node.
// A rejection handled later in the same run is not reported.
const handledLate = Promise.reject(new Error("handled later"));
Promise.resolve().then(() => {
  handledLate.catch((e) => console.log("caught late: " + e.message));
});
async function failSoon() {
  await null;
  throw new RangeError("nobody listens");
}
failSoon();
console.log("script body finished");
Promise.resolve().then(() => console.log("jobs still run"));
