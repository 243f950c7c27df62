rm -f nosuch; echo "rc=$?"
