// The run's value has a toJSON that loops: serialising the value for the
// host is still part of the run.
// expect: ETIMEOUT
// config: time=300
({ toJSON() { for (;;) {} } })
