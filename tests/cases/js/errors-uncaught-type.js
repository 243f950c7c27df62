// An uncaught TypeError ends the script with status 1; output printed
// before it stays.
console.log("before the error");
function getLength(thing) {
  return thing.length;
}
getLength(null);
console.log("never printed");
