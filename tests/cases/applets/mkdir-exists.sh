mkdir x; mkdir x; echo "rc=$?"
