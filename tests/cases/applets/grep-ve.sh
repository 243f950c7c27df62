printf 'a\nb\nc\n' | grep -v -e a -e b
