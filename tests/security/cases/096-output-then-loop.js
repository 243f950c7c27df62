// Output up to just under the limit, then a loop: the time limit applies,
// and the output made before the stop is kept in the result.
// expect: ETIMEOUT
// config: output=64K time=300
// stdout-contains: before the loop
console.log('before the loop ' + 'x'.repeat(60000));
for (;;) {}
