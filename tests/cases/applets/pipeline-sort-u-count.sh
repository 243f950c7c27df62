printf 'c\na\nb\na\n' | sort -u | wc -l
