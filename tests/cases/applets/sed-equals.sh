printf 'a\nb\n' | sed -n '$='
