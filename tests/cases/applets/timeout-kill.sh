timeout -s KILL 1 sleep 3; echo rc=$?
