rmdir nosuch; echo "rc=$?"
