printf '1\n2\n3\n' | sed '2c\
changed'
