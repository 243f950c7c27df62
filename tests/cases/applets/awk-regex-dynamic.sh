printf 'abc\nxyz\n' | awk -v re='^x' '$0 ~ re {print "match", $0}'
