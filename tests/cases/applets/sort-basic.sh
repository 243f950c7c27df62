printf 'c\na\nb\n' | sort
