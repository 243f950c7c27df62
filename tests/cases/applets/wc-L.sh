printf 'ab\nabcde\n' | wc -L
