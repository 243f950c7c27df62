printf 'a b c d\n' | xargs -n 3
