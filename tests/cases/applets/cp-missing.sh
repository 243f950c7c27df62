cp nosuch x; echo "rc=$?"
