mkdir -p x; mkdir -p x; echo "rc=$?"
