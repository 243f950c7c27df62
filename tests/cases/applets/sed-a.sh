printf '1\n2\n' | sed '1a\
added'
