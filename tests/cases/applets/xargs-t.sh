printf '1 2\n' | xargs -t echo 2>&1
