expr 1 +; echo "rc=$?"
