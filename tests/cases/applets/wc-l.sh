printf 'a\nb\nc\n' | wc -l
