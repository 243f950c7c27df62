// Errors look like node's: code, errno, syscall, path, message.
const fs = require('fs');
function show(f) {
  try { f(); console.log('no error'); } catch (e) {
    console.log(e.code, e.errno, e.syscall, JSON.stringify(e.path), '|', e.message);
  }
}
fs.mkdirSync('errs');
fs.writeFileSync('errs/f', 'x');
show(() => fs.readFileSync('errs/missing'));
show(() => fs.readFileSync('errs/missing', 'utf8'));
show(() => fs.statSync('errs/missing'));
show(() => fs.lstatSync('errs/missing'));
show(() => fs.readdirSync('errs/missing'));
show(() => fs.readdirSync('errs/f'));
show(() => fs.mkdirSync('errs'));
show(() => fs.mkdirSync('errs/x/y'));
show(() => fs.rmdirSync('errs'));
show(() => fs.rmdirSync('errs/missing'));
show(() => fs.unlinkSync('errs/missing'));
show(() => fs.unlinkSync('errs'));
show(() => fs.readFileSync('errs'));
show(() => fs.writeFileSync('errs', 'x'));
show(() => fs.writeFileSync('errs/f/g', 'x'));
show(() => fs.renameSync('errs/missing', 'errs/other'));
show(() => fs.openSync('errs/missing'));
show(() => fs.openSync('errs/f', 'wx'));
show(() => fs.readlinkSync('errs/f'));
show(() => fs.rmSync('errs/missing'));
console.log(fs.statSync('errs/missing', { throwIfNoEntry: false }));
try { fs.rmSync('errs'); } catch (e) { console.log(e.code, e.message); }
try { fs.readFileSync(42.5); } catch (e) { console.log(e.name, e.code); }
try { fs.readFileSync({}); } catch (e) { console.log(e.name, e.code, e.message); }
try { fs.openSync('errs/f', 'bogus'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(fs.existsSync('errs/missing'), fs.existsSync(undefined));
fs.rmSync('errs', { recursive: true });
