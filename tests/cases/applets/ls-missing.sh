ls nosuch; echo "rc=$?"
