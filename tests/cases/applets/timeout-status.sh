timeout 5 false; echo rc=$?
