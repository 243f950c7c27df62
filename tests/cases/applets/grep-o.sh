printf 'abc123def45\n' | grep -o '[0-9]*[0-9]'
