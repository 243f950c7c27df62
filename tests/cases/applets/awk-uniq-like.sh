printf 'a\na\nb\na\n' | awk '!seen[$0]++'
