// Replacing Date and Math.random stays in this sandbox: a new sandbox
// made from the same config has the originals.
// expect: OK
// after: Date.now() => 0
// after: Math.random() => 4
// fresh: typeof Date.now() === 'number' && Date.now() > 1e12 => true
// fresh: Math.random() < 1 => true
// fresh: new Date().getFullYear() >= 2024 => true
Date.now = () => 0;
Date.prototype.getFullYear = () => 1970;
Math.random = () => 4;
'tampered'
