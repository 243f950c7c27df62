printf 'ab ab\ncd ab\n' | grep -on ab
