timeout 1 sleep 3; echo rc=$?
