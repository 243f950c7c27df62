expr 0 + 0; echo "rc=$?"
