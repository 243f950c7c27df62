printf 'a\nb\nc\n' | grep -vc a
