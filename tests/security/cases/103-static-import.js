// A static import: scripts are not modules.
// expect: OK
// exit: 1
// stderr-contains: SyntaxError
import * as std from 'std';
std.loadFile('/etc/passwd');
