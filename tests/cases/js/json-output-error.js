// --json when the script throws: exit_code 1 and the report in stderr;
// the process still exits 1, and the run's status is OK (the sandbox worked).
console.log("partial");
null.boom;
