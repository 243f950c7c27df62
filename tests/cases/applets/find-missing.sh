find nosuch; echo "rc=$?"
