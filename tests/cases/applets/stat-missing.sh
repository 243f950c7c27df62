stat nosuch; echo "rc=$?"
