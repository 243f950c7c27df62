timeout abc true; echo rc=$?
