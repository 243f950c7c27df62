// --fixed-clock 0: the epoch itself, a valid clock value.
console.log(Date.now() + " " + new Date().toISOString() + " " + new Date().getUTCDay());
