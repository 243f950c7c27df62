printf 'a\nb\n' | sed -n 's/a/A/p'
