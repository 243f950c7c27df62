sleep 0; echo "rc=$?"
