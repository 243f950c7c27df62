// Callback and promise forms, and fs/promises.
const fs = require('fs');
const fsp = require('fs/promises');
fs.mkdirSync('async');
fs.writeFile('async/a.txt', 'cb', (err) => {
  console.log('writeFile cb', err);
  fs.readFile('async/a.txt', 'utf8', (err2, data) => {
    console.log('readFile cb', err2, data);
    fs.readFile('async/none', (err3, d3) => {
      console.log('missing cb', err3.code, d3);
      main();
    });
  });
});
async function main() {
  await fsp.writeFile('async/p.txt', 'promise');
  await fsp.appendFile('async/p.txt', '+1');
  console.log(await fsp.readFile('async/p.txt', 'utf8'));
  console.log((await fs.promises.readdir('async')).sort());
  console.log((await fsp.stat('async/p.txt')).size);
  await fsp.mkdir('async/x/y', { recursive: true });
  await fsp.rename('async/p.txt', 'async/x/y/p.txt');
  console.log((await fsp.readdir('async/x/y')));
  try { await fsp.readFile('async/none'); } catch (e) { console.log('rejected', e.code, e.message); }
  await fsp.rm('async', { recursive: true });
  console.log(fs.existsSync('async'));
}
