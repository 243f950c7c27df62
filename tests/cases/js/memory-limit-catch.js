// --memory 32M: running out of guest memory throws a catchable
// InternalError "out of memory"; after dropping the data the script
// continues and can allocate again.
let chunks = [];
try {
  for (;;) chunks.push(new Array(100000).fill(1.5));
} catch (e) {
  const got = chunks.length;
  chunks = null;
  console.log(`${e.name}: ${e.message}; allocated some chunks first: ${got > 5}`);
}
const again = new Array(100000).fill(2);
console.log("allocating again works: " + again.length);
