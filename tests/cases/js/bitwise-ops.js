// 32-bit integer operators and common bit tricks.
const bin = (n) => (n >>> 0).toString(2).padStart(32, "0");
console.log(bin(5) + "\n" + bin(-5) + "\n" + bin(~5) + "\n" + bin(1 << 31));
console.log(`${5 & 3} ${5 | 3} ${5 ^ 3} ${~5} ${~-1} ${-16 >> 2} ${-16 >>> 28} ${1 << 33} ${1 >> 33} ${2 ** 31 >> 0} ${0xffffffff >> 0} ${0xffffffff >>> 0}`);
console.log(`${3.9 | 0} ${-3.9 | 0} ${NaN | 0} ${Infinity | 0} ${"12" | 0} ${2 ** 53 | 0} ${(2 ** 32 + 3) | 0} ${-(2 ** 31) - 1 | 0}`);
const popcount = (n) => { n >>>= 0; let c = 0; while (n) { n &= n - 1; c++; } return c; };
console.log("popcount " + [0, 1, 255, -1, 0x55555555].map(popcount).join(","));
const isPow2 = (n) => n > 0 && (n & (n - 1)) === 0;
console.log("powers of two " + [1, 2, 3, 64, 96, 1024].filter(isPow2).join(","));
const nextPow2 = (n) => { n--; n |= n >> 1; n |= n >> 2; n |= n >> 4; n |= n >> 8; n |= n >> 16; return n + 1; };
console.log("nextPow2 " + [5, 17, 64, 1000].map(nextPow2).join(","));
const rotl = (x, k) => ((x << k) | (x >>> (32 - k))) >>> 0;
console.log("rotl " + rotl(0x80000001, 1).toString(16) + " " + rotl(0x12345678, 8).toString(16));
const flags = { READ: 1, WRITE: 2, EXEC: 4 };
let perm = flags.READ | flags.EXEC;
perm |= flags.WRITE; perm &= ~flags.EXEC;
console.log(`perm ${perm} canWrite ${!!(perm & flags.WRITE)} canExec ${!!(perm & flags.EXEC)}`);
let a = 12, b = 34;
a ^= b; b ^= a; a ^= b;
console.log(`xor swap ${a} ${b}`);
function crc32(str) {
  let c, crc = 0xffffffff;
  for (let i = 0; i < str.length; i++) {
    c = (crc ^ str.charCodeAt(i)) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}
console.log("crc32 " + crc32("") + " " + crc32("hello") + " " + crc32("The quick brown fox jumps over the lazy dog"));
function xorshift32(seed) { let x = seed; return () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; }; }
const rng = xorshift32(2463534242);
console.log("xorshift32 " + [rng(), rng(), rng()].join(" "));
function fnv1a32(s) { let h = 0x811c9dc5; for (const ch of s) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193); } return (h >>> 0).toString(16); }
console.log("fnv1a32 " + fnv1a32("") + " " + fnv1a32("a") + " " + fnv1a32("foobar"));
const packRGB = (r, g, b) => (r << 16) | (g << 8) | b;
const c = packRGB(0x12, 0xab, 0xef);
console.log(`rgb ${c.toString(16)} -> ${(c >> 16) & 255},${(c >> 8) & 255},${c & 255}`);
