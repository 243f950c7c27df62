printf 'a b  c\nd\n' | wc -w
