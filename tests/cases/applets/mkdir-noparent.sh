mkdir a/b; echo "rc=$?"
