printf 'abc\n' | grep z; echo "rc=$?"
