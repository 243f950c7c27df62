// The path module: the POSIX half of node's.
const path = require('path');
console.log(path.join('a', 'b', '../c', './d'), path.join('/a/', '/b'), path.join(''), path.join('a', ''));
console.log(path.normalize('/a//b/../c/.'), path.normalize('a/../..'), path.normalize('./x/'), path.normalize(''));
console.log(path.dirname('/a/b/c.txt'), path.dirname('c.txt'), path.dirname('/'), path.dirname('/a'), path.dirname('a/b/'));
console.log(path.basename('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'), path.basename('/a/b/'), path.basename('x.txt', 'x.txt'));
console.log(path.extname('a.tar.gz'), path.extname('.bashrc'), path.extname('a.'), path.extname('noext'));
console.log(path.isAbsolute('/x'), path.isAbsolute('x'), path.sep, path.delimiter);
console.log(path.resolve('/a/b', '../c'), path.resolve('/a', '/b', 'c'), path.relative('/a/b/c', '/a/d'));
console.log(path.resolve('x') === path.join(require("process").cwd(), 'x'));
console.log(path.parse('/home/u/file.txt'));
console.log(require('node:path') === path, path.posix === path);
