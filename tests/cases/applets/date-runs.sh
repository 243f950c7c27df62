date > /dev/null; echo "rc=$?"
