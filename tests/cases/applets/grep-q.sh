printf 'abc\n' | grep -q b; echo "rc=$?"
