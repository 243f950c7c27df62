// Async generators, for await...of and Symbol.asyncIterator.
async function* countdown(n) {
  while (n > 0) {
    await null;
    yield n--;
  }
  return "liftoff";
}

const ticker = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return Promise.resolve(i <= 3 ? { value: "tick" + i, done: false } : { value: undefined, done: true });
      },
      return() {
        console.log("ticker closed");
        return Promise.resolve({ done: true });
      },
    };
  },
};

async function main() {
  const seen = [];
  for await (const n of countdown(4)) seen.push(n);
  console.log("countdown: " + seen.join(" "));

  const g = countdown(2);
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next()));

  for await (const t of ticker) {
    console.log(t);
    if (t === "tick2") break;
  }

  // for await over a sync iterable of promises
  const vals = [];
  for await (const v of [Promise.resolve(1), 2, Promise.resolve(3)]) vals.push(v);
  console.log("mixed: " + vals.join(","));

  async function* failing() {
    yield 1;
    throw new TypeError("generator failed");
  }
  try {
    for await (const v of failing()) console.log("got " + v);
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
main().then(() => console.log("end"));
