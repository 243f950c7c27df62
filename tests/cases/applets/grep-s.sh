grep -s x nosuch; echo "rc=$?"
