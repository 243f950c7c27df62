printf 'h\303\251llo' | wc -m
