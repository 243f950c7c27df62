printf 'aaa\naa\n' | grep -E '^a{3}$'
