// FinalizationRegistry callbacks that loop, registered for a flood of
// garbage.  The run is stopped by the time limit; the finalizer jobs the
// collector queued during it must not keep every later run busy.
// expect: ETIMEOUT|EMEMLIMIT
// config: time=500 memory=32M
const reg = new FinalizationRegistry(() => { for (;;) {} });
for (;;) reg.register({ big: new Array(1000) }, 1);
