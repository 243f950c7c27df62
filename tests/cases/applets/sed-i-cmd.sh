printf '1\n2\n' | sed '2i\
inserted'
