printf 'ab1\nab2\nac\n' | uniq -w2
