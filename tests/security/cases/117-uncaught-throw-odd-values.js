// Throwing things that are not errors: a Proxy whose every trap throws,
// reported without running its traps to death.
// expect: OK
// exit: 1
// stderr-contains: Uncaught
const thrower = () => { throw new Error('trap'); };
throw new Proxy({}, { get: thrower, getPrototypeOf: thrower, ownKeys: thrower, has: thrower, getOwnPropertyDescriptor: thrower });
