printf 'a\nb\nc\n' | grep -e a -e c
