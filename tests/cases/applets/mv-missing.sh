mv nosuch x; echo "rc=$?"
