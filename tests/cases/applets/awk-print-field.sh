printf 'a b c\nd e f\n' | awk '{print $2}'
