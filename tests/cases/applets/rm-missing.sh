rm nosuch; echo "rc=$?"
