mkdir -p d/e; touch d/e/f; rm -rf d nosuch; echo "rc=$?"; ls
