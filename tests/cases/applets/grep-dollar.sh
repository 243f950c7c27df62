printf 'a end\nend a\n' | grep 'end$'
